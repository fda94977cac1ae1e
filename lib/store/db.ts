/**
 * The extension's IndexedDB database ("crosscheck"), opened with Dexie in the extension's own
 * origin only (background, popup, options) — never from a content script, whose IndexedDB is
 * the page's.
 *
 * Pure TypeScript: the IndexedDB implementation is injected (`indexedDB` + `IDBKeyRange`), so
 * Node tests pass fake-indexeddb and nothing here touches a global.
 *
 * Tables (schema v1):
 * - `analyses`, primary key the compound `[url+contentHash+engineVersion]`, indexed by
 *   `analysedAt` (for pruning): one engine run over one page text.
 * - `corpus`, primary key `key` (one row, 'seed-index'): the serialised corpus index, so a
 *   service-worker restart reloads it instead of re-representing every corpus sentence.
 *
 * Every read is validated in full; a row that fails validation is deleted and reported as a miss
 * (the cache is only a cache: it is recomputed). Every write is validated too, so a malformed
 * analysis is never stored to fail on the next read. Storage errors are never fatal: reads return
 * null, writes are skipped.
 *
 * `ReopeningDexie`, the base of every Crosscheck database (this one, the notes' and the
 * sources'), reopens a connection that failed or that the browser closed: Dexie remembers a
 * failed open and refuses every later operation with DatabaseClosedError until a new object is
 * made, so one failed write on a full disk would otherwise break every write until the service
 * worker restarts.
 */
import { Dexie, type Table } from 'dexie';
import { z } from '../zod';
import { AnalysisSchema } from '../messages';
import { DATABASES } from './databases';

export const DB_NAME = DATABASES.cache.name;

/** An analysis as stored: the Analysis message without the per-reply fields `cached`/`ms`. */
export const StoredAnalysisSchema = z.extend(z.omit(AnalysisSchema, { cached: true, ms: true }), {
  /** Engine time of the original run, in ms. */
  engineMs: z._default(z.number().check(z.nonnegative()), 0),
});
export type StoredAnalysis = z.infer<typeof StoredAnalysisSchema>;

export type AnalysisKey = [url: string, contentHash: string, engineVersion: string];

export const CorpusRowSchema = z.object({
  key: z.string(),
  version: z.string(),
  format: z.number(),
  json: z.string(),
});
export type CorpusRow = z.infer<typeof CorpusRowSchema>;

export const SEED_INDEX_KEY = 'seed-index';

/** Most analyses kept; older ones are pruned after each write. */
export const MAX_ANALYSES = 300;

/** Any function (what Dexie itself asks of these members). */
type AnyFunction = (...args: never[]) => unknown;

/** The IndexedDB implementation to use: `globalThis` in the extension, fake-indexeddb in tests (shared by every database). */
export interface IndexedDbImpl {
  indexedDB: { open: AnyFunction };
  IDBKeyRange: { bound: AnyFunction; lowerBound: AnyFunction; upperBound: AnyFunction };
}

/** Error names down the cause chain (Dexie wraps IndexedDB errors in `inner`). */
export function errorNames(e: unknown): string[] {
  const names: string[] = [];
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const name = (cur as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    const c = cur as { inner?: unknown; cause?: unknown };
    cur = c.inner ?? c.cause;
  }
  return names;
}

/** The connection was closed or is closing: the same operation on a reopened connection may work. */
export function isClosedError(e: unknown): boolean {
  return errorNames(e).some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError');
}

/**
 * A Dexie database that reopens itself. Dexie keeps the error of a failed open and answers every
 * later call with DatabaseClosedError, for the life of the object; the background keeps its
 * database objects for the life of the service worker. So before each operation, a connection
 * that is not open — its open failed (a full disk), or the browser closed it after a storage
 * error — is opened again, and an operation that failed because the connection went away under
 * it is retried once on the new connection. Only an explicit `close()` by the owner (Dexie's
 * meaning: closed for good) is left closed.
 */
export class ReopeningDexie extends Dexie {
  /** Set by the owner's `close()`; cleared by `open()`. Dexie's own closes pass disableAutoOpen: false. */
  private closedByOwner = false;

  override close(opts?: { disableAutoOpen: boolean }): void {
    this.closedByOwner = opts?.disableAutoOpen !== false;
    super.close(opts);
  }

  override open(): ReturnType<Dexie['open']> {
    this.closedByOwner = false;
    return super.open();
  }

  /** Opens the connection again unless it is open or its owner closed it. Throws why it cannot. */
  async ensureOpen(): Promise<void> {
    if (this.isOpen() || this.closedByOwner) return;
    await this.open();
  }

  /** Runs `op` on an open connection; if the connection was lost under it, reopens and retries once. */
  async withReopen<T>(op: () => Promise<T>): Promise<T> {
    // Not `await this.ensureOpen()` when open: awaiting a native promise first would run `op` outside
    // the caller's Dexie zone, and a live query (the notes page) would stop seeing what `op` reads.
    if (!this.isOpen() && !this.closedByOwner) await this.open();
    try {
      return await op();
    } catch (e) {
      if (this.closedByOwner || !isClosedError(e)) throw e;
      await this.ensureOpen();
      return await op();
    }
  }
}

export class CacheDB extends ReopeningDexie {
  analyses!: Table<StoredAnalysis, AnalysisKey>;
  corpus!: Table<CorpusRow, string>;

  constructor(impl: IndexedDbImpl, name: string = DB_NAME) {
    super(name, { indexedDB: impl.indexedDB, IDBKeyRange: impl.IDBKeyRange });
    this.version(1).stores({
      analyses: '[url+contentHash+engineVersion], analysedAt',
      corpus: 'key',
    });
  }
}

export function openDb(impl: IndexedDbImpl, name?: string): CacheDB {
  return new CacheDB(impl, name);
}

type Log = (message: string, error?: unknown) => void;
const quiet: Log = () => {};

export function analysisKey(a: Pick<StoredAnalysis, 'url' | 'contentHash' | 'engineVersion'>): AnalysisKey {
  return [a.url, a.contentHash, a.engineVersion];
}

/** The stored analysis for `key`, or null (miss, corrupt row — then deleted —, or storage error). */
export async function getAnalysis(db: CacheDB, key: AnalysisKey, log: Log = quiet): Promise<StoredAnalysis | null> {
  let raw: unknown;
  try {
    raw = await db.withReopen(() => db.analyses.get(key));
  } catch (e) {
    log('cache read failed', e);
    return null;
  }
  if (raw === undefined) return null;
  const parsed = StoredAnalysisSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  log('corrupt cached analysis deleted', parsed.error);
  try {
    await db.analyses.delete(key);
  } catch (e) {
    log('could not delete corrupt cached analysis', e);
  }
  return null;
}

/**
 * Every stored analysis that passes validation; the others are deleted (each is recomputed when
 * its page is next checked) and reported. [] when storage fails.
 */
export async function listAnalyses(db: CacheDB, log: Log = quiet): Promise<StoredAnalysis[]> {
  let rows: unknown[];
  try {
    rows = await db.withReopen(() => db.analyses.toArray());
  } catch (e) {
    log('cache read failed', e);
    return [];
  }
  const out: StoredAnalysis[] = [];
  const bad: AnalysisKey[] = [];
  for (const raw of rows) {
    const parsed = StoredAnalysisSchema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else {
      const r = raw as Partial<Record<'url' | 'contentHash' | 'engineVersion', unknown>>;
      const key = [r.url, r.contentHash, r.engineVersion];
      // A row is stored under its key, so the key fields are there; checked anyway, as one bad key fails the whole delete.
      if (key.every((k) => typeof k === 'string')) bad.push(key as AnalysisKey);
      log('corrupt cached analysis deleted', parsed.error);
    }
  }
  if (bad.length) await db.analyses.bulkDelete(bad).catch((e: unknown) => log('could not delete corrupt cached analyses', e));
  return out;
}

/**
 * Stores an analysis (replacing one with the same key) and prunes the oldest beyond `max`. A row
 * that would not pass validation when read back is not stored (false, reported).
 */
export async function putAnalysis(db: CacheDB, row: StoredAnalysis, log: Log = quiet, max = MAX_ANALYSES): Promise<boolean> {
  const valid = StoredAnalysisSchema.safeParse(row);
  if (!valid.success) {
    log('malformed analysis not stored', valid.error);
    return false;
  }
  try {
    await db.withReopen(() => db.analyses.put(valid.data));
  } catch (e) {
    log('cache write failed', e);
    return false;
  }
  try {
    const n = await db.analyses.count();
    if (n > max) {
      const old = await db.analyses
        .orderBy('analysedAt')
        .limit(n - max)
        .primaryKeys();
      await db.analyses.bulkDelete(old);
    }
  } catch (e) {
    log('cache prune failed', e);
  }
  return true;
}

/** The cached corpus index row if it matches `version` and `format`; a mismatching or corrupt row is deleted. */
export async function getCorpusRow(db: CacheDB, version: string, format: number, log: Log = quiet): Promise<CorpusRow | null> {
  let raw: unknown;
  try {
    raw = await db.withReopen(() => db.corpus.get(SEED_INDEX_KEY));
  } catch (e) {
    log('corpus cache read failed', e);
    return null;
  }
  if (raw === undefined) return null;
  const parsed = CorpusRowSchema.safeParse(raw);
  if (parsed.success && parsed.data.version === version && parsed.data.format === format) return parsed.data;
  await deleteCorpusRow(db, log);
  return null;
}

export async function putCorpusRow(db: CacheDB, row: Omit<CorpusRow, 'key'>, log: Log = quiet): Promise<boolean> {
  try {
    await db.withReopen(() => db.corpus.put({ key: SEED_INDEX_KEY, ...row }));
    return true;
  } catch (e) {
    log('corpus cache write failed', e);
    return false;
  }
}

export async function deleteCorpusRow(db: CacheDB, log: Log = quiet): Promise<void> {
  try {
    await db.withReopen(() => db.corpus.delete(SEED_INDEX_KEY));
  } catch (e) {
    log('could not delete corpus cache row', e);
  }
}

/** Drops every cached analysis and the cached corpus index (e.g. after an extension update). */
export async function clearCaches(db: CacheDB, log: Log = quiet): Promise<void> {
  try {
    await db.withReopen(() =>
      db.transaction('rw', db.analyses, db.corpus, async () => {
        await db.analyses.clear();
        await db.corpus.clear();
      }),
    );
  } catch (e) {
    log('could not clear caches', e);
  }
}
