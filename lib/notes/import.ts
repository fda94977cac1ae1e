/**
 * Import of a JSON notes export (export.ts `toJSON`) — restoring a backup or moving notes to
 * another browser.
 *
 * Two steps, so a bad file can never half-import:
 * 1. `parseNotesImport(text)` checks everything before anything is written: that it is JSON,
 *    that it is a Crosscheck notes file (`format`), a version this code reads, and that every note
 *    is valid (and no id repeats). Any problem → `{ ok: false, error, issues }` with the first
 *    few problems and their paths (notes[3].target.selectors[1].end: …), and no notes at all.
 * 2. `importNotes(db, parsed)` writes every note in ONE transaction: if any write fails (quota,
 *    closed database) the transaction aborts and the database is exactly as before.
 *
 * Importing is idempotent: a note whose id already exists with identical content is skipped and
 * counted, so importing the same file twice adds nothing. When the id exists with different
 * content, the more recently updated copy wins (`updatedAt`): the imported one replaces the
 * stored one ('updated'), or the stored one is kept ('skipped'). A stored row that is no longer
 * valid is replaced by the valid imported copy.
 */
import { z } from 'zod';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { NoteSchema, canonicalNoteJson, formatIssues, type Note } from './model';
import { toNoteWriteError, type NotesDB } from './db';

/** Largest import accepted (characters). About 25k typical notes; a bigger file is not ours. */
export const MAX_IMPORT_CHARS = 50_000_000;
/** How many problems an error message lists before "and N more". */
export const MAX_LISTED_ISSUES = 5;

export interface ParsedNotesImport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  notes: Note[];
}

export type ParseImportResult =
  | { ok: true; value: ParsedNotesImport }
  | { ok: false; error: string; issues: string[] };

const EnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  notes: z.array(NoteSchema),
});

function failure(headline: string, issues: string[]): ParseImportResult {
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  const more = issues.length > listed.length ? `\n- and ${issues.length - listed.length} more` : '';
  return { ok: false, error: `${headline}${listed.length ? `:\n- ${listed.join('\n- ')}${more}` : ''}`, issues };
}

/**
 * Validate the text of a notes file. Never throws; on any problem returns `ok: false` with a
 * readable `error` (headline plus the first MAX_LISTED_ISSUES issues) and every issue in `issues`.
 */
export function parseNotesImport(jsonText: string): ParseImportResult {
  if (typeof jsonText !== 'string') return failure('This is not a notes file: expected text', []);
  if (jsonText.length > MAX_IMPORT_CHARS) {
    return failure(`This file is too large to be a Crosscheck notes export (${jsonText.length} characters; the limit is ${MAX_IMPORT_CHARS})`, []);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText.replace(/^\uFEFF/, ''));
  } catch (e) {
    return failure('This file is not valid JSON', [e instanceof Error ? e.message : String(e)]);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return failure('This is not a Crosscheck notes file', [`(top level): expected an object with "format": "${EXPORT_FORMAT}", got ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : typeof raw}`]);
  }
  const obj = raw as Record<string, unknown>;
  if (obj.format !== EXPORT_FORMAT) {
    return failure('This is not a Crosscheck notes file', [
      `format: expected "${EXPORT_FORMAT}", got ${obj.format === undefined ? 'nothing' : JSON.stringify(obj.format)}`,
    ]);
  }
  if (obj.version !== EXPORT_VERSION) {
    const newer = typeof obj.version === 'number' && obj.version > EXPORT_VERSION;
    return failure(
      newer
        ? `This notes file was written by a newer version of Crosscheck (format version ${obj.version}); update Crosscheck to import it`
        : 'This notes file has an unknown format version',
      [`version: expected ${EXPORT_VERSION}, got ${JSON.stringify(obj.version ?? null)}`],
    );
  }
  const r = EnvelopeSchema.safeParse(obj);
  if (!r.success) {
    const issues = formatIssues(r.error);
    const badNotes = new Set(r.error.issues.filter((i) => i.path[0] === 'notes' && typeof i.path[1] === 'number').map((i) => i.path[1]));
    const headline = badNotes.size
      ? `Nothing was imported: ${badNotes.size} ${badNotes.size === 1 ? 'note is' : 'notes are'} not valid`
      : 'Nothing was imported: the file is damaged';
    return failure(headline, issues);
  }
  const seen = new Map<string, number>();
  const dup: string[] = [];
  r.data.notes.forEach((n, i) => {
    const first = seen.get(n.id);
    if (first !== undefined) dup.push(`notes[${i}].id: the same id as notes[${first}] (${n.id})`);
    else seen.set(n.id, i);
  });
  if (dup.length) return failure('Nothing was imported: the file lists the same note more than once', dup);
  return { ok: true, value: r.data };
}

export interface ImportCounts {
  /** Notes that were not stored before. */
  added: number;
  /** Notes already stored identically, or stored with a newer (or equally recent) change. */
  skipped: number;
  /** Notes that replaced an older stored version (or an invalid stored row). */
  updated: number;
}

/**
 * Write a parsed import in one transaction: all notes or none. Returns the counts; throws
 * NoteWriteError (nothing written) when storage fails.
 */
export async function importNotes(db: NotesDB, parsed: ParsedNotesImport | readonly Note[]): Promise<ImportCounts> {
  const notes = Array.isArray(parsed) ? (parsed as readonly Note[]) : (parsed as ParsedNotesImport).notes;
  try {
    return await db.transaction('rw', db.notes, async () => {
      const counts: ImportCounts = { added: 0, skipped: 0, updated: 0 };
      const existing = await db.notes.bulkGet(notes.map((n) => n.id));
      for (let i = 0; i < notes.length; i++) {
        const note = notes[i]!;
        const stored = existing[i];
        if (stored === undefined) {
          await db.notes.put(note);
          counts.added++;
          continue;
        }
        const valid = NoteSchema.safeParse(stored);
        if (!valid.success) {
          await db.notes.put(note);
          counts.updated++;
        } else if (canonicalNoteJson(valid.data) === canonicalNoteJson(note)) {
          counts.skipped++;
        } else if (Date.parse(note.updatedAt) > Date.parse(valid.data.updatedAt)) {
          await db.notes.put(note);
          counts.updated++;
        } else {
          counts.skipped++;
        }
      }
      return counts;
    });
  } catch (e) {
    throw toNoteWriteError(e, 'import the notes');
  }
}

/** parseNotesImport then importNotes: the one call a notes page needs for "Import…". */
export async function importNotesFile(
  db: NotesDB,
  jsonText: string,
): Promise<{ ok: true; counts: ImportCounts } | { ok: false; error: string; issues: string[] }> {
  const parsed = parseNotesImport(jsonText);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, counts: await importNotes(db, parsed.value) };
  } catch (e) {
    const err = toNoteWriteError(e, 'import the notes');
    return { ok: false, error: err.message, issues: err.issues };
  }
}
