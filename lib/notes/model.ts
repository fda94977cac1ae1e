/**
 * The note model: what a reader's note on a claim is, as zod schemas and the types inferred
 * from them, plus `makeNote`, the one place a new note is built.
 *
 * Why it looks like this:
 * - A note is self-contained: it copies the claim, the engine's verdict and the evidence as they
 *   were when the note was made, so an export still makes sense after the corpus or the engine
 *   changes, or on a machine without Crosscheck.
 * - Where the note sits on the page is stored as a W3C Web Annotation target
 *   (https://www.w3.org/TR/annotation-model/#selectors): a TextQuoteSelector (the exact text
 *   with up to 32 characters of context each side) and a TextPositionSelector (its offsets).
 *   The quote survives page edits that move text around; the position disambiguates repeats.
 *   Both export unchanged into the Web Annotation format.
 * - Tags are normalised by the schema itself (trimmed, whitespace collapsed, lower-cased,
 *   deduplicated), so every note that passed validation — typed in, stored, or imported —
 *   has tags in one form, and a tag filter is an exact match.
 *
 * Pure: no DOM, no extension API, no clock or randomness unless injected (`now`, `uuid`).
 */
import { z } from '../zod';
import { StanceSchema, VerdictSchema } from '../messages';
import type { Verdict } from '../types';

/** `schemaVersion` of every note this code writes. 1 was the first stored shape (see db.ts). */
export const NOTE_SCHEMA_VERSION = 2;

/** Characters of page text kept on each side of the quote (TextQuoteSelector prefix/suffix). */
export const CONTEXT_CHARS = 32;

/** Size limits: generous for real use, small enough that one bad import cannot fill the disk. */
export const LIMITS = {
  url: 4096,
  title: 2000,
  claim: 10_000,
  text: 50_000,
  reason: 5_000,
  evidence: 50,
  evidenceText: 10_000,
  tags: 50,
  tagLength: 64,
} as const;

export { VerdictSchema };

/** One tag in normal form: trimmed, inner whitespace collapsed to one space, lower-cased (NFC). */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Tags in normal form, in first-seen order, without empties or duplicates. A string is split on
 * commas and semicolons (what a reader types into a tag field); so is each array element, so a
 * tag can never contain the separators the CSV export and the v1 database used.
 */
export function normalizeTags(input: string | readonly string[] | null | undefined): string[] {
  if (input == null) return [];
  const parts = (typeof input === 'string' ? [input] : input).flatMap((t) => String(t).split(/[,;]/));
  const out: string[] = [];
  for (const p of parts) {
    const t = normalizeTag(p);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

const isoDate = z.iso.datetime({ offset: true });

export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1), z.maxLength(LIMITS.claim)),
  prefix: z._default(z.string().check(z.maxLength(LIMITS.claim)), ''),
  suffix: z._default(z.string().check(z.maxLength(LIMITS.claim)), ''),
});
export type TextQuoteSelector = z.output<typeof TextQuoteSelectorSchema>;

export const TextPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().check(z.int(), z.nonnegative()),
    end: z.number().check(z.int(), z.nonnegative()),
  })
  .check(z.refine((s) => s.end >= s.start, { message: 'end must not be before start', path: ['end'] }));
export type TextPositionSelector = z.output<typeof TextPositionSelectorSchema>;

/** Where the note sits: [quote, position], in that order (a Web Annotation selector list). */
export const NoteTargetSchema = z.object({
  selectors: z.tuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]),
});
export type NoteTarget = z.output<typeof NoteTargetSchema>;

/** Evidence as copied into a note: the engine's Evidence without its internal score. */
export const NoteEvidenceSchema = z.object({
  source: z.string().check(z.minLength(1), z.maxLength(LIMITS.url)),
  quote: z.string().check(z.maxLength(LIMITS.evidenceText)),
  stance: StanceSchema,
  reason: z.string().check(z.maxLength(LIMITS.evidenceText)),
});
export type NoteEvidence = z.output<typeof NoteEvidenceSchema>;

export const TagsSchema = z.pipe(
  z.pipe(
    z.array(z.string()),
    z.transform((t: string[]) => normalizeTags(t)),
  ),
  z.array(z.string().check(z.maxLength(LIMITS.tagLength))).check(z.maxLength(LIMITS.tags)),
);

export const NoteSchema = z.object({
  id: z.uuid(),
  pageUrl: z.string().check(z.minLength(1), z.maxLength(LIMITS.url)),
  pageTitle: z.string().check(z.maxLength(LIMITS.title)),
  claimText: z.string().check(z.minLength(1), z.maxLength(LIMITS.claim)),
  /** The engine's verdict on the claim when the note was made. */
  claimVerdict: VerdictSchema,
  evidence: z.array(NoteEvidenceSchema).check(z.maxLength(LIMITS.evidence)),
  /** The reader's free text. */
  text: z.string().check(z.maxLength(LIMITS.text)),
  tags: TagsSchema,
  /** The reader's own verdict, or null when they gave none. */
  readerVerdict: z._default(z.nullable(VerdictSchema), null),
  readerReason: z._default(z.string().check(z.maxLength(LIMITS.reason)), ''),
  target: NoteTargetSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
  schemaVersion: z.literal(NOTE_SCHEMA_VERSION),
});

/** A valid note (the schema's output: tags normalised, defaults filled). */
export type Note = z.output<typeof NoteSchema>;
/** What the schema accepts (e.g. tags in any form, readerVerdict/readerReason optional). */
export type NoteShape = z.input<typeof NoteSchema>;

/** The fields a reader can change after the note exists (see updateNote in db.ts). */
export const NotePatchSchema = z.partial(
  z.object({
    text: z.string().check(z.maxLength(LIMITS.text)),
    tags: z.pipe(
      z.union([z.string(), z.array(z.string())]),
      z.transform((t: string | string[]) => normalizeTags(t)),
    ),
    readerVerdict: z.nullable(VerdictSchema),
    readerReason: z.string().check(z.maxLength(LIMITS.reason)),
    pageTitle: z.string().check(z.maxLength(LIMITS.title)),
  }),
);
export type NotePatch = z.input<typeof NotePatchSchema>;

/** Injected effects, so makeNote/updateNote are pure and testable. */
export interface NoteDeps {
  /** Current time. */
  now: () => Date;
  /** A new RFC 4122 UUID string. */
  uuid: () => string;
}

/** The real clock and `crypto.randomUUID` (available in extension pages, workers and Node 20). */
export const systemDeps: NoteDeps = {
  now: () => new Date(),
  uuid: () => globalThis.crypto.randomUUID(),
};

/** What the tooltip (or any caller) knows when the reader clicks "add note". */
export interface NewNoteInput {
  pageUrl: string;
  pageTitle?: string;
  /**
   * The text the offsets refer to. Best: the live page's text nodes joined with '' (the same
   * strings re-anchoring gets), so the TextPositionSelector is meaningful when the page is
   * visited again; `textPositionOf` in reanchor.ts converts an anchor range to these offsets.
   */
  pageText: string;
  /** Start/end (UTF-16 code units, end exclusive) of the claim in `pageText`. */
  start: number;
  end: number;
  /** The claim as the engine saw it; default: pageText.slice(start, end). */
  claimText?: string;
  claimVerdict: Verdict;
  /** The claim's evidence (engine Evidence objects are fine: `score` is dropped). */
  evidence?: ReadonlyArray<{ source: string; quote: string; stance: string; reason: string }>;
  text?: string;
  tags?: string | readonly string[];
  readerVerdict?: Verdict | null;
  readerReason?: string;
}

/** A note (or its input) was not valid: `issues` lists what, with paths. */
export class NoteValidationError extends Error {
  readonly issues: string[];
  constructor(what: string, issues: string[]) {
    super(`${what}: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`);
    this.name = 'NoteValidationError';
    this.issues = issues;
  }
}

/** Zod issues as "path: message" lines (path written like notes[2].target.selectors[0].exact). */
export function formatIssues(error: z.core.$ZodError, basePath: ReadonlyArray<PropertyKey> = []): string[] {
  return error.issues.map((i) => {
    const path = formatPath([...basePath, ...i.path]);
    return `${path || '(top level)'}: ${i.message}`;
  });
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += s ? `.${String(p)}` : String(p);
  }
  return s;
}

/** Don't cut a surrogate pair in half at the edge of a context string. */
function safeSlice(text: string, from: number, to: number): string {
  let a = Math.max(0, from);
  let b = Math.min(text.length, to);
  if (a > 0 && a < text.length && isLowSurrogate(text.charCodeAt(a))) a++;
  if (b > 0 && b < text.length && isLowSurrogate(text.charCodeAt(b))) b--;
  return a < b ? text.slice(a, b) : '';
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The W3C selectors for `pageText.slice(start, end)`: the exact quote with up to CONTEXT_CHARS
 * of context each side, and the position. Throws a NoteValidationError for offsets outside
 * the text or an empty range.
 */
export function buildTarget(pageText: string, start: number, end: number): NoteTarget {
  const issues: string[] = [];
  if (!Number.isInteger(start) || start < 0) issues.push('start: must be a non-negative integer');
  if (!Number.isInteger(end) || end > pageText.length) issues.push(`end: must be an integer at most the text length (${pageText.length})`);
  if (!issues.length && end <= start) issues.push('end: must be after start (the quote cannot be empty)');
  if (issues.length) throw new NoteValidationError('cannot build a note target', issues);
  return {
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: pageText.slice(start, end),
        prefix: safeSlice(pageText, start - CONTEXT_CHARS, start),
        suffix: safeSlice(pageText, end, end + CONTEXT_CHARS),
      },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

/**
 * Build a new, valid note. Pure when `deps` is given (tests inject `now` and `uuid`); the
 * default uses the system clock and crypto.randomUUID. Throws NoteValidationError (with every
 * issue and its path) when the input cannot make a valid note — nothing half-built is returned.
 */
export function makeNote(input: NewNoteInput, deps: NoteDeps = systemDeps): Note {
  const target = buildTarget(input.pageText, input.start, input.end);
  const at = deps.now().toISOString();
  const candidate = {
    id: deps.uuid(),
    pageUrl: normalizePageUrl(input.pageUrl),
    pageTitle: (input.pageTitle ?? '').replace(/\s+/g, ' ').trim(),
    claimText: input.claimText ?? target.selectors[0].exact,
    claimVerdict: input.claimVerdict,
    evidence: (input.evidence ?? []).map(({ source, quote, stance, reason }) => ({ source, quote, stance, reason })),
    text: input.text ?? '',
    tags: normalizeTags(input.tags),
    readerVerdict: input.readerVerdict ?? null,
    readerReason: input.readerReason ?? '',
    target,
    createdAt: at,
    updatedAt: at,
    schemaVersion: NOTE_SCHEMA_VERSION,
  };
  return parseNote(candidate, 'invalid note');
}

/** Validate anything as a Note; throws NoteValidationError listing the issues. */
export function parseNote(raw: unknown, what = 'invalid note'): Note {
  const r = NoteSchema.safeParse(raw);
  if (!r.success) throw new NoteValidationError(what, formatIssues(r.error));
  return r.data;
}

/**
 * The page a note belongs to: the URL without its #fragment (an in-page anchor or an SPA's
 * scroll state is the same article). Anything that is not a parseable URL is kept as given
 * (trimmed), so nothing the caller passes is lost.
 */
export function normalizePageUrl(url: string): string {
  const s = url.trim();
  try {
    const u = new URL(s);
    u.hash = '';
    return u.href;
  } catch {
    return s;
  }
}

/**
 * A stable string form of a note for equality checks (import deduplication): keys sorted at
 * every level, so two notes with the same content compare equal whatever their key order.
 */
export function canonicalNoteJson(note: Note): string {
  return JSON.stringify(sortKeys(note));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** The note with its fields in a fixed order and nothing else (what exports write). */
export function plainNote(note: Note): Note {
  return {
    id: note.id,
    pageUrl: note.pageUrl,
    pageTitle: note.pageTitle,
    claimText: note.claimText,
    claimVerdict: note.claimVerdict,
    evidence: note.evidence.map((e) => ({ source: e.source, quote: e.quote, stance: e.stance, reason: e.reason })),
    text: note.text,
    tags: [...note.tags],
    readerVerdict: note.readerVerdict,
    readerReason: note.readerReason,
    target: {
      selectors: [{ ...note.target.selectors[0] }, { ...note.target.selectors[1] }],
    },
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    schemaVersion: note.schemaVersion,
  };
}
