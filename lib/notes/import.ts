/**
 * Import of a JSON notes export (export.ts `toJSON`) — restoring a backup or moving notes to
 * another browser.
 *
 * Two steps, so a bad file can never half-import:
 * 1. Parse and check everything before anything is written: that it is JSON, that it is a
 *    Crosscheck notes file (`format`), a version this code reads, and that every note is valid
 *    (and no id repeats). Any problem → `{ ok: false, error, issues }` with the first few problems
 *    and their paths (notes[3].target.selectors[1].end: …), and no notes at all.
 * 2. `importNotes(db, parsed)` writes every note in ONE transaction: if any write fails (quota,
 *    closed database) the transaction aborts and the database is exactly as before.
 *
 * Whatever the export writes, the import reads: there is no limit on the file's size. The file is
 * read as a stream (a File's `stream()`), and the parse is incremental (`ImportScanner`): the
 * envelope is scanned character by character across slices, each note's JSON is cut out and
 * parsed and validated on its own as soon as it ends, and the text read so far is dropped — so
 * what the import holds is the notes themselves (what the database will hold anyway), never the
 * whole file as one string or one JSON tree, and the page gets control back between slices
 * (`pacing`). Two bounds remain, both about shape, not size: a single note larger than any note
 * Crosscheck can write (MAX_NOTE_JSON_CHARS), or an envelope field larger than MAX_FIELD_CHARS,
 * means the file is not a notes export; a foreign file is refused as soon as its `format` is read.
 *
 * Importing is idempotent: a note whose id already exists with identical content is skipped and
 * counted, so importing the same file twice adds nothing. When the id exists with different
 * content, the more recently updated copy wins (`updatedAt`): the imported one replaces the
 * stored one ('updated'), or the stored one is kept ('skipped'). A stored row that is no longer
 * valid is replaced by the valid imported copy.
 */
import { z } from '../zod';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { LIMITS, NoteSchema, canonicalNoteJson, formatIssues, type Note } from './model';
import { toNoteWriteError, type NotesDB } from './db';

/** How many problems an error message lists before "and N more". */
export const MAX_LISTED_ISSUES = 5;

/** JSON writes a character at most as \uXXXX: six characters for one. */
const JSON_ESCAPE_FACTOR = 6;
/** Room for the keys, punctuation, indentation, id, verdicts, offsets and dates around a note's texts. */
const NOTE_JSON_OVERHEAD = 16_384;
/**
 * The longest JSON a valid note can have: every text field at its limit (model.ts LIMITS), every
 * character escaped. A longer element cannot be a Crosscheck note, so the file is refused before
 * more of it is held in memory.
 */
export const MAX_NOTE_JSON_CHARS =
  JSON_ESCAPE_FACTOR *
    (2 * LIMITS.url +
      LIMITS.title +
      4 * LIMITS.claim +
      LIMITS.text +
      LIMITS.reason +
      LIMITS.tags * LIMITS.tagLength +
      LIMITS.evidence * (LIMITS.url + 2 * LIMITS.evidenceText)) +
  NOTE_JSON_OVERHEAD;
/** The envelope's fields besides `notes` are a name, a number and a date: a larger value means another kind of file. */
export const MAX_FIELD_CHARS = 65_536;
/** Slice of a text source parsed between two chances to yield (a stream comes in its own slices). */
const TEXT_SLICE_CHARS = 1 << 20;
/** Parse work between two yields to the page: a task longer than 50 ms is a "long task" (RAIL). */
export const FRAME_BUDGET_MS = 40;

export interface ParsedNotesImport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  notes: Note[];
}

export type ParseImportResult = { ok: true; value: ParsedNotesImport } | { ok: false; error: string; issues: string[] };

/** What can be imported: the file's text, or the file itself (anything with a Blob's `stream()`). */
export type NotesImportSource = string | { stream(): ReadableStream<Uint8Array> };

/** How a long import gives the page control back (injected: lib/ owns no timers of the page). */
export interface ImportPacing {
  /** Resolves after the page had a chance to paint and handle input (default: a zero-delay timeout). */
  yieldNow?: () => Promise<void>;
  /** Parse work between two yields, in ms (default FRAME_BUDGET_MS; 0 = after every slice). */
  budgetMs?: number;
  /** Clock in ms (default Date.now). */
  now?: () => number;
}

/** The envelope's fields after `format` and `version` are known to be right. */
const EnvelopeRestSchema = z.object({
  exportedAt: z.iso.datetime({ offset: true }),
  notes: z.array(z.unknown()),
});

function failure(headline: string, issues: string[]): { ok: false; error: string; issues: string[] } {
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  const more = issues.length > listed.length ? `\n- and ${issues.length - listed.length} more` : '';
  return { ok: false, error: `${headline}${listed.length ? `:\n- ${listed.join('\n- ')}${more}` : ''}`, issues };
}

const NOT_JSON = 'This file is not valid JSON';
const NOT_OURS = 'This is not a Crosscheck notes file';

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** `format` must be ours; null when it is. */
function formatProblem(format: unknown): ParseImportResult | null {
  if (format === EXPORT_FORMAT) return null;
  return failure(NOT_OURS, [`format: expected "${EXPORT_FORMAT}", got ${format === undefined ? 'nothing' : JSON.stringify(format)}`]);
}

/** `version` must be one this code reads; null when it is. */
function versionProblem(version: unknown): ParseImportResult | null {
  if (version === EXPORT_VERSION) return null;
  const newer = typeof version === 'number' && version > EXPORT_VERSION;
  return failure(
    newer
      ? `This notes file was written by a newer version of Crosscheck (format version ${version}); update Crosscheck to import it`
      : 'This notes file has an unknown format version',
    [`version: expected ${EXPORT_VERSION}, got ${JSON.stringify(version ?? null)}`],
  );
}

/** JSON whitespace (RFC 8259): space, tab, line feed, carriage return. */
function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
/** Inside a string only a quote (its end) or a backslash (an escape) matters. */
const IN_STRING = /["\\]/g;
/** Outside strings, only what opens or closes a string, an object or an array matters. */
const STRUCTURE = /[{}[\]"]/g;
/** A bare value (number, true, false, null) ends at whitespace or punctuation. */
const BARE_END = /[ \t\n\r,\]}]/g;
const BACKSLASH = 0x5c;
const BOM = 0xfeff;

/**
 * Where the scanner is in `{"key": value, …, "notes": [note, …]}`. `-strict` states follow a
 * comma, where JSON allows no closing bracket.
 */
type Where =
  | 'start'
  | 'top'
  | 'key-or-end'
  | 'key-strict'
  | 'key'
  | 'colon'
  | 'value'
  | 'field'
  | 'comma-or-end'
  | 'note-or-end'
  | 'note-strict'
  | 'note'
  | 'note-comma-or-end'
  | 'end';

/** One JSON value being cut out of the text — an envelope field or one note — across slices. */
interface Cut {
  bare: boolean;
  parts: string[];
  size: number;
  limit: number;
  /** Closers still expected, innermost last. */
  closers: string[];
  inString: boolean;
  escape: boolean;
  /** Where a closing bracket did not match its opening one (a syntax error), when one did not. */
  mismatchAt: number;
}

/** scanCut's answers besides an end index: the value goes on in the next slice, or is malformed. */
const CUT_GOES_ON = -1;
const CUT_MISMATCH = -2;

/**
 * Where the value being cut ends in `t`, scanning from `i`: the index after it (a bare value's
 * terminator is not part of it), CUT_GOES_ON when it goes on past this slice, or CUT_MISMATCH
 * (with `cut.mismatchAt`) when a closing bracket does not match.
 */
function scanCut(cut: Cut, t: string, i: number): number {
  if (cut.bare) {
    BARE_END.lastIndex = i;
    const m = BARE_END.exec(t);
    return m ? m.index : CUT_GOES_ON;
  }
  while (i < t.length) {
    if (cut.escape) {
      cut.escape = false; // the escaped character, whatever it is
      i++;
      continue;
    }
    const re = cut.inString ? IN_STRING : STRUCTURE;
    re.lastIndex = i;
    const m = re.exec(t);
    if (!m) return CUT_GOES_ON;
    i = m.index + 1;
    const ch = t[m.index]!;
    if (cut.inString) {
      if (t.charCodeAt(m.index) === BACKSLASH) cut.escape = true;
      else {
        cut.inString = false;
        if (!cut.closers.length) return i; // the value was this string
      }
    } else if (ch === '"') cut.inString = true;
    else if (ch === '{') cut.closers.push('}');
    else if (ch === '[') cut.closers.push(']');
    else if (cut.closers.pop() !== ch) {
      cut.mismatchAt = m.index;
      return CUT_MISMATCH;
    } else if (!cut.closers.length) return i;
  }
  return CUT_GOES_ON;
}

/**
 * The incremental parse of a notes export: `feed` it the text in slices of any size, then
 * `finish`. Each note is parsed and validated as soon as its JSON ends; a problem that settles
 * the outcome (a syntax error, a foreign `format`, a note too large to be ours) stops it at once
 * (`stopped`), so a caller reading a stream can stop reading.
 */
class ImportScanner {
  private where: Where = 'start';
  private started = false;
  /** Characters fed before the current slice (for positions in syntax errors). */
  private offset = 0;
  private cut: Cut | null = null;
  private key = '';
  private readonly fields = new Map<string, unknown>();
  private top: { value: unknown } | null = null;
  private notesArray = false;
  private count = 0;
  private badNotes = 0;
  private readonly notes: Note[] = [];
  private readonly noteIssues: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly dupIssues: string[] = [];
  /** Set when the outcome is settled before the end. */
  private outcome: ParseImportResult | null = null;

  get stopped(): boolean {
    return this.outcome !== null;
  }

  feed(text: string): void {
    let i = 0;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) i = 1;
    }
    while (i < text.length && !this.outcome) i = this.cut ? this.continueCut(text, i) : this.step(text, i);
    this.offset += text.length;
  }

  finish(): ParseImportResult {
    if (!this.outcome && this.cut?.bare) this.endCut(this.cut.parts.join(''));
    if (this.outcome) return this.outcome;
    if (this.where !== 'end') return failure(NOT_JSON, ['the file ends before its JSON does (it was cut short)']);
    if (this.top) return failure(NOT_OURS, [`(top level): expected an object with "format": "${EXPORT_FORMAT}", got ${typeName(this.top.value)}`]);
    return this.envelopeResult();
  }

  /** Settles the outcome; returns a position past any slice, so `feed` reads no further. */
  private stop(result: ParseImportResult): number {
    this.outcome = result;
    return Number.POSITIVE_INFINITY;
  }

  /** Moves to `where` past the character at `i`. */
  private go(where: Where, i: number): number {
    this.where = where;
    return i + 1;
  }

  private syntaxError(t: string, i: number): number {
    return this.stop(failure(NOT_JSON, [`unexpected ${JSON.stringify(t[i])} at character ${this.offset + i + 1}`]));
  }

  /** One character of the envelope's own structure (outside any value being cut). */
  private step(t: string, i: number): number {
    const c = t[i]!;
    if (isJsonSpace(t.charCodeAt(i))) return i + 1;
    switch (this.where) {
      case 'start':
        if (c === '{') return this.go('key-or-end', i);
        if (c === '[') return this.stop(failure(NOT_OURS, [`(top level): expected an object with "format": "${EXPORT_FORMAT}", got an array`]));
        return this.startCut('top', t, i, MAX_FIELD_CHARS);
      case 'key-or-end':
        if (c === '}') return this.go('end', i);
        return c === '"' ? this.startCut('key', t, i, MAX_FIELD_CHARS) : this.syntaxError(t, i);
      case 'key-strict':
        return c === '"' ? this.startCut('key', t, i, MAX_FIELD_CHARS) : this.syntaxError(t, i);
      case 'colon':
        return c === ':' ? this.go('value', i) : this.syntaxError(t, i);
      case 'value':
        if (this.key !== 'notes' || c !== '[') return this.startCut('field', t, i, MAX_FIELD_CHARS);
        this.notesArray = true;
        return this.go('note-or-end', i);
      case 'comma-or-end':
        if (c === ',') return this.go('key-strict', i);
        return c === '}' ? this.go('end', i) : this.syntaxError(t, i);
      case 'note-or-end':
        return c === ']' ? this.go('comma-or-end', i) : this.startCut('note', t, i, MAX_NOTE_JSON_CHARS);
      case 'note-strict':
        return c === ']' ? this.syntaxError(t, i) : this.startCut('note', t, i, MAX_NOTE_JSON_CHARS);
      case 'note-comma-or-end':
        if (c === ',') return this.go('note-strict', i);
        return c === ']' ? this.go('comma-or-end', i) : this.syntaxError(t, i);
      default:
        return this.syntaxError(t, i);
    }
  }

  private startCut(where: Where, t: string, i: number, limit: number): number {
    const c = t[i]!;
    const bare = c !== '{' && c !== '[' && c !== '"';
    if (bare && (c === ',' || c === ':' || c === '}' || c === ']')) return this.syntaxError(t, i);
    this.where = where;
    this.cut = { bare, parts: [], size: 0, limit, closers: [], inString: false, escape: false, mismatchAt: -1 };
    return this.continueCut(t, i);
  }

  private continueCut(t: string, i: number): number {
    const cut = this.cut!;
    const end = scanCut(cut, t, i);
    if (end === CUT_MISMATCH) return this.syntaxError(t, cut.mismatchAt);
    const piece = end === CUT_GOES_ON ? t.slice(i) : t.slice(i, end);
    cut.size += piece.length;
    if (cut.size > cut.limit) return this.stop(this.tooLarge());
    cut.parts.push(piece);
    if (end === CUT_GOES_ON) return t.length;
    this.endCut(cut.parts.join(''));
    return end;
  }

  /** The value being cut, as problems name it: notes[3], format, a key, (top level). */
  private what(): string {
    if (this.where === 'note') return `notes[${this.count}]`;
    if (this.where === 'field') return this.key;
    return this.where === 'key' ? 'a key' : '(top level)';
  }

  private tooLarge(): ParseImportResult {
    if (this.where === 'note') return failure(NOT_OURS, [`${this.what()} is larger than any note Crosscheck writes (over ${MAX_NOTE_JSON_CHARS} characters)`]);
    return failure(NOT_OURS, [`${this.what()}: a value larger than a notes export holds (over ${MAX_FIELD_CHARS} characters)`]);
  }

  /** A value was cut out completely: parse it and move on. */
  private endCut(raw: string): void {
    this.cut = null;
    const where = this.where;
    const value = this.parse(raw, this.what());
    if (this.outcome) return;
    if (where === 'key') {
      this.key = String(value);
      this.where = 'colon';
    } else if (where === 'field') {
      this.field(this.key, value);
      this.where = 'comma-or-end';
    } else if (where === 'note') {
      this.note(value);
      this.where = 'note-comma-or-end';
    } else {
      this.top = { value };
      this.where = 'end';
    }
  }

  private parse(raw: string, what: string): unknown {
    try {
      return JSON.parse(raw);
    } catch (e) {
      this.stop(failure(NOT_JSON, [`${what}: ${e instanceof Error ? e.message : String(e)}`]));
      return undefined;
    }
  }

  /** An envelope field; a foreign `format`, or a `version` of ours that this code cannot read, settles it at once. */
  private field(key: string, value: unknown): void {
    this.fields.set(key, value);
    if (key === 'format' && value !== EXPORT_FORMAT) this.stop(formatProblem(value)!);
    else if (key === 'version' && this.fields.get('format') === EXPORT_FORMAT && value !== EXPORT_VERSION) this.stop(versionProblem(value)!);
  }

  private note(value: unknown): void {
    const at = this.count++;
    const r = NoteSchema.safeParse(value);
    if (!r.success) {
      this.badNotes++;
      this.noteIssues.push(...formatIssues(r.error, ['notes', at]));
      return;
    }
    const first = this.ids.get(r.data.id);
    if (first !== undefined) this.dupIssues.push(`notes[${at}].id: the same id as notes[${first}] (${r.data.id})`);
    else this.ids.set(r.data.id, at);
    this.notes.push(r.data);
  }

  /** The outcome once the whole object was read: the envelope, then the notes, then repeated ids. */
  private envelopeResult(): ParseImportResult {
    const bad = formatProblem(this.fields.get('format')) ?? versionProblem(this.fields.get('version'));
    if (bad) return bad;
    const rest = EnvelopeRestSchema.safeParse({ exportedAt: this.fields.get('exportedAt'), notes: this.notesArray ? [] : this.fields.get('notes') });
    const issues = [...(rest.success ? [] : formatIssues(rest.error)), ...this.noteIssues];
    if (!rest.success || issues.length) {
      const n = this.badNotes;
      return failure(n ? `Nothing was imported: ${n} ${n === 1 ? 'note is' : 'notes are'} not valid` : 'Nothing was imported: the file is damaged', issues);
    }
    if (this.dupIssues.length) return failure('Nothing was imported: the file lists the same note more than once', this.dupIssues);
    return { ok: true, value: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: rest.data.exportedAt, notes: this.notes } };
  }
}

/** The source in slices of text: a string cut in TEXT_SLICE_CHARS, a stream decoded as UTF-8 as it comes. */
async function* slicesOf(source: NotesImportSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    for (let at = 0; at < source.length; at += TEXT_SLICE_CHARS) yield source.slice(at, at + TEXT_SLICE_CHARS);
    return;
  }
  const reader = source.stream().getReader();
  const decoder = new TextDecoder();
  let done = false;
  try {
    while (!done) {
      const next = await reader.read();
      done = next.done;
      const text = done ? decoder.decode() : decoder.decode(next.value, { stream: true });
      if (text) yield text;
    }
  } finally {
    // Stopped early (the outcome was settled): the rest of the file is not read.
    if (!done) await reader.cancel().catch(() => {});
  }
}

/** Calls `yieldNow` once `budgetMs` of work has passed since the last yield. */
function pacer(p: ImportPacing): () => Promise<void> {
  const now = p.now ?? Date.now;
  const budget = p.budgetMs ?? FRAME_BUDGET_MS;
  const yieldNow = p.yieldNow ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let last = now();
  return async () => {
    if (now() - last < budget) return;
    await yieldNow();
    last = now();
  };
}

function isSource(v: unknown): v is NotesImportSource {
  return typeof v === 'string' || (!!v && typeof (v as { stream?: unknown }).stream === 'function');
}

/**
 * Validate the text of a notes file, all at once. Never throws; on any problem returns
 * `ok: false` with a readable `error` (headline plus the first MAX_LISTED_ISSUES issues) and every
 * issue in `issues`. For a file the reader chose, prefer `parseNotesImportStream` (no whole-file
 * string, and the page stays responsive).
 */
export function parseNotesImport(jsonText: string): ParseImportResult {
  if (typeof jsonText !== 'string') return failure('This is not a notes file: expected text', []);
  const scanner = new ImportScanner();
  scanner.feed(jsonText);
  return scanner.finish();
}

/**
 * The same checks as `parseNotesImport`, on a file read as a stream (or a text, in slices),
 * yielding to the page between slices. Never throws: a file that cannot be read gets an error too.
 */
export async function parseNotesImportStream(source: NotesImportSource, pacing: ImportPacing = {}): Promise<ParseImportResult> {
  if (!isSource(source)) return failure('This is not a notes file: expected text', []);
  const scanner = new ImportScanner();
  const pace = pacer(pacing);
  try {
    for await (const slice of slicesOf(source)) {
      scanner.feed(slice);
      if (scanner.stopped) break;
      await pace();
    }
  } catch (e) {
    return failure(`Could not read the file: ${e instanceof Error ? e.message : String(e)}. Nothing was imported`, []);
  }
  return scanner.finish();
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
    return await db.withReopen(() =>
      db.transaction('rw', db.notes, async () => {
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
      }),
    );
  } catch (e) {
    throw toNoteWriteError(e, 'import the notes');
  }
}

/**
 * Parse (`parseNotesImportStream`) then `importNotes`: the one call a notes page needs for
 * "Import…". Pass the File itself, so it is read as a stream. Never throws.
 */
export async function importNotesFile(
  db: NotesDB,
  source: NotesImportSource,
  pacing: ImportPacing = {},
): Promise<{ ok: true; counts: ImportCounts } | { ok: false; error: string; issues: string[] }> {
  const parsed = await parseNotesImportStream(source, pacing);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, counts: await importNotes(db, parsed.value) };
  } catch (e) {
    const err = toNoteWriteError(e, 'import the notes');
    return { ok: false, error: err.message, issues: err.issues };
  }
}
