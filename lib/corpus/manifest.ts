/**
 * The seed corpus manifest (seeds/manifest.json): which files make up the bundled reference
 * corpus and what is known about each (outlet, date, which event it reports).
 *
 * Pure TypeScript: no fs, no DOM. Callers pass a `readText(file)` function — Node code uses
 * scripts/seeds-node.ts, the extension can pass texts bundled at build time.
 */
import { z } from '../zod';
import type { CorpusDoc } from '../types';

export const SeedEntrySchema = z.strictObject({
  /** Corpus document id: the file name without `.txt`. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/, 'id must be letters, digits, "_" or "-"')),
  /** File name inside the seeds directory (no path separators). */
  file: z.string().check(z.regex(/^[A-Za-z0-9_-]+\.txt$/, 'file must be a plain "NAME.txt" file name')),
  title: z.string().check(z.trim(), z.minLength(1, 'title must not be empty')),
  /** Outlet as the text shows it, or null when the text does not say. */
  outlet: z.nullable(z.string().check(z.trim(), z.minLength(1))),
  /** ISO date 'YYYY-MM-DD', or null when the text does not show one. */
  date: z.nullable(z.iso.date()),
  /** Which event the document reports, as a label the documents of one event share (data, not code: the engine groups by it). */
  event: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
});

export const SeedManifestSchema = z
  .strictObject({
    seeds: z.array(SeedEntrySchema).check(z.minLength(1, 'seeds must list at least one document')),
  })
  .check(
    z.superRefine((m, ctx) => {
      const seen = new Set<string>();
      m.seeds.forEach((s, i) => {
        if (s.file !== `${s.id}.txt`) {
          ctx.addIssue({
            code: 'custom',
            path: ['seeds', i, 'file'],
            message: `file must be "${s.id}.txt" (the id plus .txt), got "${s.file}"`,
          });
        }
        if (seen.has(s.id)) {
          ctx.addIssue({ code: 'custom', path: ['seeds', i, 'id'], message: `duplicate id "${s.id}"` });
        }
        seen.add(s.id);
      });
    }),
  );

export type SeedEntry = z.infer<typeof SeedEntrySchema>;
export type SeedManifest = z.infer<typeof SeedManifestSchema>;

/** Raised for an invalid manifest or an unreadable/empty seed text. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** Validate a parsed manifest.json; throws ManifestError with every problem listed. */
export function parseManifest(manifest: unknown): SeedManifest {
  const r = SeedManifestSchema.safeParse(manifest);
  if (!r.success) {
    throw new ManifestError(`Invalid seeds manifest:\n${z.prettifyError(r.error)}`);
  }
  return r.data;
}

const DATE_MARKER = /^\uFEFF?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*/;

/**
 * A text may start with a date marker such as `date 2025-06-02` (seed 001 does, followed by
 * the first sentence on the same line). Returns the date and the marker's length in UTF-16
 * units (0 and null when there is none).
 */
export function readDateMarker(text: string): { date: string | null; length: number } {
  const m = DATE_MARKER.exec(text);
  if (!m || !z.iso.date().safeParse(m[1]).success) return { date: null, length: 0 };
  return { date: m[1]!, length: m[0].length };
}

/**
 * Validate the manifest and load each seed's text with `readText(file)`.
 * A leading `date YYYY-MM-DD` marker is removed from the text (it is metadata, not a sentence
 * any evidence should quote).
 */
export function seedDocs(manifest: unknown, readText: (file: string) => string): CorpusDoc[] {
  const m = parseManifest(manifest);
  return m.seeds.map((s) => {
    let raw: string;
    try {
      raw = readText(s.file);
    } catch (e) {
      throw new ManifestError(`Cannot read seed "${s.id}" (${s.file}): ${(e as Error).message}`);
    }
    if (typeof raw !== 'string') {
      throw new ManifestError(`Cannot read seed "${s.id}" (${s.file}): reader returned no text`);
    }
    const marker = readDateMarker(raw);
    const text = raw.slice(marker.length).replace(/^\uFEFF/, '');
    if (text.trim() === '') {
      throw new ManifestError(`Seed "${s.id}" (${s.file}) is empty`);
    }
    return { id: s.id, title: s.title, outlet: s.outlet, date: s.date, event: s.event, text };
  });
}
