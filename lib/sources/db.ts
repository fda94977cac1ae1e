/**
 * The reader's sources database ("crosscheck-sources"): a Dexie database of its own, separate
 * from the analyses cache ("crosscheck", lib/store/db.ts), which is cleared whenever the
 * extension is updated. Sources are the reader's work and must survive that; the corpus index
 * built from them is only a cache (the `corpus` row of the cache database).
 *
 * Open it only in the extension's own origin (the background owns it; pages ask the background
 * with messages) — never from a content script, whose IndexedDB belongs to the page.
 *
 * Pure TypeScript: the IndexedDB implementation is injected, so Node tests pass fake-indexeddb.
 *
 * Tables (schema v1):
 * - `sources`, key `id` (`user_<hash of the normalised text>`), indexed by `addedAt`,
 *   `contentHash` and `url`: one row per source the reader added, with its text and metadata.
 * - `disabled`, key `id`: the sources (bundled seeds or the reader's) switched off. A row here
 *   for a source that no longer exists is harmless (ignored).
 *
 * Every row is validated with zod when read; a row that fails is set aside — not indexed, never
 * deleted (it is the reader's data) — and reported (`readUserSources` lists it as damaged, so the
 * sources page can say so). The database reopens itself after a failed write (ReopeningDexie).
 */
import { type Table } from 'dexie';
import { errorNames, ReopeningDexie, type IndexedDbImpl } from '../store/db';
import type { z } from '../zod';
import { DATABASES } from '../store/databases';

export const SOURCES_DB_NAME = DATABASES.sources.name;

// The row schema is shared with the protocol map, which must not pull Dexie into a bundle.
export { EventLabelSchema, SourceOriginSchema, UserSourceSchema, type SourceOrigin, type UserSource } from './schema';
import { UserSourceSchema, type UserSource } from './schema';

export type { IndexedDbImpl };

export class SourcesDB extends ReopeningDexie {
  sources!: Table<UserSource, string>;
  disabled!: Table<{ id: string }, string>;

  constructor(impl: IndexedDbImpl, name: string = SOURCES_DB_NAME) {
    super(name, { indexedDB: impl.indexedDB, IDBKeyRange: impl.IDBKeyRange });
    this.version(1).stores({
      sources: 'id, addedAt, contentHash, url',
      disabled: 'id',
    });
  }
}

export function openSourcesDb(impl: IndexedDbImpl, name?: string): SourcesDB {
  return new SourcesDB(impl, name);
}

/** Thrown when a write fails: the message says what the reader can do. */
export class SourceWriteError extends Error {
  override name = 'SourceWriteError';
}

type Log = (message: string, error?: unknown) => void;

function writeError(what: string, e: unknown): SourceWriteError {
  if (errorNames(e).some((n) => /Quota/i.test(n)))
    return new SourceWriteError(`Could not ${what}: the browser's storage for Crosscheck is full. Delete some sources and try again.`);
  return new SourceWriteError(`Could not ${what}: ${e instanceof Error ? e.message : String(e)}`);
}

/** A stored row that fails validation: what can be read of it, and why it is set aside. */
export interface DamagedSource {
  /** The row's key, as text. */
  id: string;
  /** Its title if it has one that is text, else null. */
  title: string | null;
  /** Length of its text if it has one, else 0. */
  chars: number;
  /** The first problems, as "field: message". */
  problem: string;
}

/** Problems quoted for a damaged row. */
const MAX_LISTED_PROBLEMS = 3;

function damagedSource(raw: unknown, error: z.core.$ZodError): DamagedSource {
  const r = (raw && typeof raw === 'object' ? raw : {}) as { id?: unknown; title?: unknown; text?: unknown };
  const problems = error.issues.slice(0, MAX_LISTED_PROBLEMS).map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`);
  return {
    id: String(r.id),
    title: typeof r.title === 'string' ? r.title : null,
    chars: typeof r.text === 'string' ? r.text.length : 0,
    problem: problems.join('; '),
  };
}

/** Every stored source: the valid ones oldest first (then by id), and the damaged ones, set aside. */
export async function readUserSources(db: SourcesDB, log: Log = () => {}): Promise<{ rows: UserSource[]; damaged: DamagedSource[] }> {
  // Not orderBy('addedAt'): an index skips rows without the key, and those must be reported.
  const all: unknown[] = await db.withReopen(() => db.sources.toArray());
  const rows: UserSource[] = [];
  const damaged: DamagedSource[] = [];
  for (const raw of all) {
    const p = UserSourceSchema.safeParse(raw);
    if (p.success) rows.push(p.data);
    else {
      damaged.push(damagedSource(raw, p.error));
      log(`set aside a damaged stored source (${String((raw as { id?: unknown })?.id)})`, p.error);
    }
  }
  rows.sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rows, damaged };
}

/** Every valid user source, oldest first (then by id); invalid rows are reported and skipped. */
export async function listUserSources(db: SourcesDB, log: Log = () => {}): Promise<UserSource[]> {
  return (await readUserSources(db, log)).rows;
}

export async function getUserSource(db: SourcesDB, id: string): Promise<UserSource | null> {
  const p = UserSourceSchema.safeParse(await db.withReopen(() => db.sources.get(id)));
  return p.success ? p.data : null;
}

/** Stores sources in one transaction: all are written or none. */
export async function putUserSources(db: SourcesDB, rows: UserSource[]): Promise<void> {
  const valid = rows.map((r) => UserSourceSchema.parse(r));
  try {
    await db.withReopen(() =>
      db.transaction('rw', db.sources, async () => {
        await db.sources.bulkPut(valid);
      }),
    );
  } catch (e) {
    throw writeError(rows.length === 1 ? 'save the source' : 'save the sources', e);
  }
}

/** Deletes a source (and its disabled flag) in one transaction; returns the row that was deleted. */
export async function deleteUserSource(db: SourcesDB, id: string): Promise<UserSource | null> {
  try {
    return await db.withReopen(() =>
      db.transaction('rw', db.sources, db.disabled, async () => {
        const row = UserSourceSchema.safeParse(await db.sources.get(id));
        await db.sources.delete(id);
        await db.disabled.delete(id);
        return row.success ? row.data : null;
      }),
    );
  } catch (e) {
    throw writeError('delete the source', e);
  }
}

/**
 * Removes a stored row that fails validation and returns it as JSON, so that the page can save a
 * copy first: a damaged row is the reader's data and leaves the database only with a copy made.
 * Null when there is no such row.
 */
export async function discardRawSource(db: SourcesDB, id: string): Promise<string | null> {
  try {
    return await db.withReopen(() =>
      db.transaction('rw', db.sources, db.disabled, async () => {
        const raw: unknown = await db.sources.get(id);
        if (raw === undefined) return null;
        await db.sources.delete(id);
        await db.disabled.delete(id);
        return JSON.stringify(raw, null, 2);
      }),
    );
  } catch (e) {
    throw writeError('remove the damaged source', e);
  }
}

export async function disabledIds(db: SourcesDB): Promise<Set<string>> {
  const rows = await db.withReopen(() => db.disabled.toArray());
  return new Set(rows.map((r) => r.id).filter((id) => typeof id === 'string'));
}

export async function setDisabled(db: SourcesDB, id: string, disabled: boolean): Promise<void> {
  try {
    await db.withReopen(async () => {
      if (disabled) await db.disabled.put({ id });
      else await db.disabled.delete(id);
    });
  } catch (e) {
    throw writeError(disabled ? 'switch the source off' : 'switch the source on', e);
  }
}
