/**
 * The notes database ("crosscheck-notes"): a Dexie database of its own, separate from the
 * analyses cache ("crosscheck", lib/store/db.ts). The cache may be cleared at any time; notes
 * are the reader's work and must never be lost, so they live where no cache maintenance reaches.
 * Open it only in the extension's own origin (background, popup, options, a notes page) — never
 * from a content script, whose IndexedDB belongs to the page.
 *
 * Pure TypeScript: the IndexedDB implementation is injected (`indexedDB` + `IDBKeyRange`), so
 * Node tests pass fake-indexeddb and nothing here touches a global.
 *
 * Schema history (keep every version that has an upgrade, as Dexie requires):
 * - v1: `notes` keyed by `id`, indexed by `pageUrl` and `createdAt`. Rows stored `tags` as one
 *   comma-separated string ("ceasefire, POWs") and had no `readerVerdict`/`readerReason`; some had
 *   no `updatedAt`; none had `schemaVersion`.
 * - v2: adds indexes `updatedAt`, `claimVerdict`, `readerVerdict` and a multiEntry `*tags`
 *   (each tag indexed, so "notes tagged X" is an index lookup). The upgrade rewrites every row:
 *   tags → normalised array, readerVerdict → null, readerReason → '', updatedAt → createdAt when
 *   missing, schemaVersion → 2. It never deletes a row, even one it cannot fully repair.
 *
 * Writes: validated with zod first, then done inside a 'rw' transaction, so a failing write
 * (quota exceeded, database closed, a validation error half-way through an update) aborts as a
 * whole and leaves no partial note. Failures are thrown as NoteWriteError with a message a
 * reader can act on. After a failed write the database reopens itself (ReopeningDexie): the
 * background keeps one NotesDB for the life of the service worker, and without that, one write
 * that failed on a full disk would make every later save fail as "closed" until a restart.
 *
 * Reads validate each row in full; a row that fails is never deleted (it is the reader's work):
 * `listNotes` returns it apart, in `damaged` (what can be read of it and why it is not valid), so
 * the notes page shows it as damaged instead of silently counting it out, and also reports it
 * through `onInvalid`.
 */
import { type Table } from 'dexie';
import { errorNames, ReopeningDexie, type IndexedDbImpl } from '../store/db';
import type { Verdict } from '../types';
import {
  NotePatchSchema,
  NOTE_SCHEMA_VERSION,
  NoteSchema,
  NoteValidationError,
  formatIssues,
  normalizePageUrl,
  normalizeTag,
  normalizeTags,
  systemDeps,
  type Note,
  type NoteDeps,
  type NotePatch,
} from './model';
import { DATABASES } from '../store/databases';
import { normalizeForMatch } from '../text/normalize';

export const NOTES_DB_NAME = DATABASES.notes.name;

/** The schema of every version, oldest first (exported so tests can create a v1 database). */
export const NOTES_SCHEMA = {
  1: { notes: 'id, pageUrl, createdAt' },
  2: { notes: 'id, pageUrl, createdAt, updatedAt, claimVerdict, readerVerdict, *tags' },
} as const;
export const NOTES_DB_VERSION = 2;

export type { IndexedDbImpl };

export class NotesDB extends ReopeningDexie {
  notes!: Table<Note, string>;

  constructor(impl: IndexedDbImpl, name: string = NOTES_DB_NAME) {
    super(name, { indexedDB: impl.indexedDB, IDBKeyRange: impl.IDBKeyRange });
    this.version(1).stores(NOTES_SCHEMA[1]);
    this.version(2)
      .stores(NOTES_SCHEMA[2])
      .upgrade((tx) =>
        tx
          .table('notes')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            upgradeRowV1toV2(row);
          }),
      );
  }
}

/** Open (lazily: Dexie opens on first use) the notes database. */
export function openNotesDb(impl: IndexedDbImpl, name?: string): NotesDB {
  return new NotesDB(impl, name);
}

/**
 * Rewrite a v1 row in place into the v2 shape. Keeps every field it does not know; only adds or
 * converts. Exported for tests and for an importer of old backups.
 */
export function upgradeRowV1toV2(row: Record<string, unknown>): void {
  const tags = row.tags;
  if (typeof tags === 'string') row.tags = normalizeTags(tags);
  else if (Array.isArray(tags)) row.tags = normalizeTags(tags.filter((t): t is string => typeof t === 'string'));
  else row.tags = [];
  if (!('readerVerdict' in row) || row.readerVerdict === undefined) row.readerVerdict = null;
  if (typeof row.readerReason !== 'string') row.readerReason = '';
  if (typeof row.updatedAt !== 'string' && typeof row.createdAt === 'string') row.updatedAt = row.createdAt;
  if (typeof row.text !== 'string') row.text = '';
  if (typeof row.pageTitle !== 'string') row.pageTitle = '';
  if (!Array.isArray(row.evidence)) row.evidence = [];
  row.schemaVersion = NOTE_SCHEMA_VERSION;
}

/** Why a write failed, for the UI to choose wording or an action. */
export type NoteWriteFailure = 'invalid' | 'not_found' | 'quota' | 'closed' | 'storage';

/** A note could not be written. The message is readable as is; nothing was written. */
export class NoteWriteError extends Error {
  readonly reason: NoteWriteFailure;
  /** For 'invalid': each problem as "path: message". */
  readonly issues: string[];
  constructor(reason: NoteWriteFailure, message: string, cause?: unknown, issues: string[] = []) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'NoteWriteError';
    this.reason = reason;
    this.issues = issues;
  }
}

/** Map anything thrown by a write to a NoteWriteError whose message says what to do. */
export function toNoteWriteError(e: unknown, action: string): NoteWriteError {
  if (e instanceof NoteWriteError) return e;
  if (e instanceof NoteValidationError) {
    return new NoteWriteError('invalid', `Could not ${action}: ${e.message}`, e, e.issues);
  }
  const names = errorNames(e);
  if (names.includes('QuotaExceededError')) {
    return new NoteWriteError(
      'quota',
      `Could not ${action}: the browser has no storage space left for Crosscheck. Nothing was saved. ` +
        'Export your notes, free some disk space (or delete notes you no longer need), and try again.',
      e,
    );
  }
  if (names.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError')) {
    return new NoteWriteError(
      'closed',
      `Could not ${action}: the notes database is closed and could not be reopened (Crosscheck may have been updated or ` +
        'reloaded). Nothing was saved. Try again; if it keeps failing, reopen this page.',
      e,
    );
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new NoteWriteError('storage', `Could not ${action}: the browser's storage reported an error (${detail}). Nothing was saved.`, e);
}

function validate(raw: unknown, action: string): Note {
  const r = NoteSchema.safeParse(raw);
  if (r.success) return r.data;
  const issues = formatIssues(r.error);
  throw new NoteWriteError('invalid', `Could not ${action}: the note is not valid — ${issues.slice(0, 5).join('; ')}`, r.error, issues);
}

/**
 * Save a note (insert, or replace the note with the same id). Validates first; returns the note
 * as stored (tags normalised). Throws NoteWriteError; on failure nothing is written.
 */
export async function saveNote(db: NotesDB, note: unknown): Promise<Note> {
  const valid = validate(note, 'save the note');
  try {
    await db.withReopen(() =>
      db.transaction('rw', db.notes, async () => {
        await db.notes.put(valid);
      }),
    );
  } catch (e) {
    throw toNoteWriteError(e, 'save the note');
  }
  return valid;
}

/**
 * Change the reader-editable fields of a note (text, tags, reader verdict and reason, page
 * title) and bump `updatedAt`. Read, merge, validate and write happen in one transaction.
 * Throws NoteWriteError ('not_found' when there is no such note).
 */
export async function updateNote(db: NotesDB, id: string, patch: NotePatch, deps: Pick<NoteDeps, 'now'> = systemDeps): Promise<Note> {
  const p = NotePatchSchema.safeParse(patch);
  if (!p.success) {
    const issues = formatIssues(p.error);
    throw new NoteWriteError('invalid', `Could not update the note: ${issues.slice(0, 5).join('; ')}`, p.error, issues);
  }
  const changes = Object.fromEntries(Object.entries(p.data).filter(([, v]) => v !== undefined));
  try {
    return await db.withReopen(() =>
      db.transaction('rw', db.notes, async () => {
        const current = await db.notes.get(id);
        if (!current) throw new NoteWriteError('not_found', `Could not update the note: there is no note with id ${id} (it may have been deleted).`);
        const merged = validate({ ...current, ...changes, updatedAt: laterIso(deps.now().toISOString(), current.createdAt) }, 'update the note');
        await db.notes.put(merged);
        return merged;
      }),
    );
  } catch (e) {
    throw toNoteWriteError(e, 'update the note');
  }
}

/** `a` unless it is before `floor` (a clock set back must not make updatedAt < createdAt). */
function laterIso(a: string, floor: unknown): string {
  return typeof floor === 'string' && Date.parse(floor) > Date.parse(a) ? floor : a;
}

/** Delete a note; true when it existed. Throws NoteWriteError when storage fails. */
export async function deleteNote(db: NotesDB, id: string): Promise<boolean> {
  try {
    return await db.withReopen(() =>
      db.transaction('rw', db.notes, async () => {
        const existed = (await db.notes.get(id)) !== undefined;
        if (existed) await db.notes.delete(id);
        return existed;
      }),
    );
  } catch (e) {
    throw toNoteWriteError(e, 'delete the note');
  }
}

/** One note by id, or null (absent or invalid). */
export async function getNote(db: NotesDB, id: string): Promise<Note | null> {
  const raw = await db.withReopen(() => db.notes.get(id));
  if (raw === undefined) return null;
  const r = NoteSchema.safeParse(raw);
  return r.success ? r.data : null;
}

export interface NoteFilter {
  /** Notes on this page (the #fragment is ignored, as when notes are saved). */
  pageUrl?: string;
  /** The ENGINE's verdict on the claim when the note was made. */
  verdict?: Verdict;
  /** The reader's verdict; 'none' selects notes without one. */
  readerVerdict?: Verdict | 'none';
  /** Notes carrying this tag (normalised before matching). */
  tag?: string;
  /**
   * Created at or after `from` and at or before `to` (ISO strings or Dates). A date-only `to`
   * ('2025-06-02') includes that whole day (UTC).
   */
  from?: string | Date;
  to?: string | Date;
  /** Case- and accent-insensitive words, all of which must occur in the claim, note text, reason, page title or URL, tags, or evidence. */
  search?: string;
}

export interface ReadOptions {
  /** Called for each stored row that fails validation (it is listed in `damaged`, never deleted). */
  onInvalid?: (row: unknown, issues: string[]) => void;
}

/** A stored note that fails validation: kept, and shown as damaged with what can be read of it. */
export interface DamagedNote {
  /** The row's key, as text. */
  id: string;
  /** Each field if the row has it as text, else null. */
  pageUrl: string | null;
  pageTitle: string | null;
  claimText: string | null;
  text: string | null;
  createdAt: string | null;
  /** Why it is not valid, as "path: message". */
  issues: string[];
}

/**
 * The valid notes, with the damaged rows met on the way in `damaged` — a non-enumerable
 * property, so the list stays a plain Note[] for every other use (equality, JSON, messages).
 */
export type NoteList = Note[] & { readonly damaged: DamagedNote[] };

function textField(row: Record<string, unknown>, key: string): string | null {
  return typeof row[key] === 'string' ? row[key] : null;
}

function damagedNote(raw: unknown, issues: string[]): DamagedNote {
  const row = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    id: String(row.id),
    pageUrl: textField(row, 'pageUrl'),
    pageTitle: textField(row, 'pageTitle'),
    claimText: textField(row, 'claimText'),
    text: textField(row, 'text'),
    createdAt: textField(row, 'createdAt'),
    issues,
  };
}

function noteList(notes: Note[], damaged: DamagedNote[]): NoteList {
  return Object.defineProperty(notes, 'damaged', { value: damaged, enumerable: false }) as NoteList;
}

/** The stored rows a filter's most selective index gives (page, tag, reader verdict, engine verdict), or all. */
function candidateRows(db: NotesDB, filter: NoteFilter, tag: string | undefined): Promise<unknown[]> {
  return db.withReopen(() => {
    if (filter.pageUrl !== undefined) return db.notes.where('pageUrl').equals(normalizePageUrl(filter.pageUrl)).toArray();
    if (tag) return db.notes.where('tags').equals(tag).toArray();
    if (filter.readerVerdict && filter.readerVerdict !== 'none') return db.notes.where('readerVerdict').equals(filter.readerVerdict).toArray();
    if (filter.verdict) return db.notes.where('claimVerdict').equals(filter.verdict).toArray();
    return db.notes.toArray();
  });
}

/**
 * Notes matching every given filter, newest first. Uses an index for the most selective
 * criterion (page, tag, reader verdict, then creation date) and filters the rest in memory.
 * Rows that fail validation are returned apart, in `damaged` (those the index gave: all of them
 * without a filter), and reported through `onInvalid`.
 */
export async function listNotes(db: NotesDB, filter: NoteFilter = {}, opts: ReadOptions = {}): Promise<NoteList> {
  const from = filter.from === undefined ? undefined : toTime(filter.from, 'start');
  const to = filter.to === undefined ? undefined : toTime(filter.to, 'end');
  const tag = filter.tag === undefined ? undefined : normalizeTag(filter.tag);
  const words = filter.search ? foldText(filter.search).split(' ').filter(Boolean) : [];
  const rows = await candidateRows(db, filter, tag);

  const out: Note[] = [];
  const damaged: DamagedNote[] = [];
  for (const raw of rows) {
    const r = NoteSchema.safeParse(raw);
    if (!r.success) {
      const issues = formatIssues(r.error);
      damaged.push(damagedNote(raw, issues));
      opts.onInvalid?.(raw, issues);
      continue;
    }
    const n = r.data;
    if (filter.pageUrl !== undefined && n.pageUrl !== normalizePageUrl(filter.pageUrl)) continue;
    if (filter.verdict && n.claimVerdict !== filter.verdict) continue;
    if (filter.readerVerdict === 'none' ? n.readerVerdict !== null : filter.readerVerdict && n.readerVerdict !== filter.readerVerdict) continue;
    if (tag !== undefined && !n.tags.includes(tag)) continue;
    const t = Date.parse(n.createdAt);
    if (from !== undefined && t < from) continue;
    if (to !== undefined && t > to) continue;
    if (words.length) {
      const hay = searchText(n);
      if (!words.every((w) => hay.includes(w))) continue;
    }
    out.push(n);
  }
  out.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return noteList(out, damaged);
}

/** The notes on one page, in page order (by their TextPositionSelector start), for painting and the popup. */
export async function notesForPage(db: NotesDB, pageUrl: string, opts: ReadOptions = {}): Promise<Note[]> {
  const notes = await listNotes(db, { pageUrl }, opts);
  return notes.sort((a, b) => a.target.selectors[1].start - b.target.selectors[1].start || Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** How many notes are stored (valid or not). */
export async function countNotes(db: NotesDB): Promise<number> {
  return db.withReopen(() => db.notes.count());
}

/** Every distinct tag in use, sorted (for a tag filter's choices). */
export async function listTags(db: NotesDB): Promise<string[]> {
  const keys = await db.withReopen(() => db.notes.orderBy('tags').uniqueKeys());
  return keys.filter((k): k is string => typeof k === 'string').sort();
}

function toTime(v: string | Date, edge: 'start' | 'end'): number {
  if (v instanceof Date) return v.getTime();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const day = Date.parse(`${v}T00:00:00.000Z`);
    return edge === 'start' ? day : day + 86_400_000 - 1;
  }
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new RangeError(`not a date: ${JSON.stringify(v)}`);
  return t;
}

/** Lower-case, accents stripped, whitespace collapsed: the comparison key of lib/text/normalize.ts. */
export const foldText = normalizeForMatch;

function searchText(n: Note): string {
  return foldText(
    [n.claimText, n.text, n.readerReason, n.pageTitle, n.pageUrl, n.tags.join(' '), ...n.evidence.flatMap((e) => [e.source, e.quote, e.reason])].join('\n'),
  );
}
