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
 * Every read is validated; a row that fails validation is deleted and reported as a miss.
 * Storage errors are never fatal: reads return null, writes are skipped (the cache is only a cache).
 */
import { Dexie, type Table } from 'dexie';
import { z } from 'zod';
import { AnalysisSchema } from '../messages';

export const DB_NAME = 'crosscheck';

/** An analysis as stored: the Analysis message without the per-reply fields `cached`/`ms`. */
export const StoredAnalysisSchema = AnalysisSchema.omit({ cached: true, ms: true }).extend({
  /** Engine time of the original run, in ms. */
  engineMs: z.number().nonnegative().default(0),
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

/** The IndexedDB implementation to use: `globalThis` in the extension, fake-indexeddb in tests (shared by every database). */
export interface IndexedDbImpl {
  indexedDB: { open: Function };
  IDBKeyRange: { bound: Function; lowerBound: Function; upperBound: Function };
}

export class CrosscheckDB extends Dexie {
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

export function openDb(impl: IndexedDbImpl, name?: string): CrosscheckDB {
  return new CrosscheckDB(impl, name);
}

type Log = (message: string, error?: unknown) => void;
const quiet: Log = () => {};

export function analysisKey(a: Pick<StoredAnalysis, 'url' | 'contentHash' | 'engineVersion'>): AnalysisKey {
  return [a.url, a.contentHash, a.engineVersion];
}

/** The stored analysis for `key`, or null (miss, corrupt row — then deleted —, or storage error). */
export async function getAnalysis(db: CrosscheckDB, key: AnalysisKey, log: Log = quiet): Promise<StoredAnalysis | null> {
  let raw: unknown;
  try {
    raw = await db.analyses.get(key);
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

/** Stores an analysis (replacing one with the same key) and prunes the oldest beyond `max`. */
export async function putAnalysis(db: CrosscheckDB, row: StoredAnalysis, log: Log = quiet, max = MAX_ANALYSES): Promise<boolean> {
  try {
    await db.analyses.put(row);
  } catch (e) {
    log('cache write failed', e);
    return false;
  }
  try {
    const n = await db.analyses.count();
    if (n > max) {
      const old = await db.analyses.orderBy('analysedAt').limit(n - max).primaryKeys();
      await db.analyses.bulkDelete(old);
    }
  } catch (e) {
    log('cache prune failed', e);
  }
  return true;
}

/** The cached corpus index row if it matches `version` and `format`; a mismatching or corrupt row is deleted. */
export async function getCorpusRow(db: CrosscheckDB, version: string, format: number, log: Log = quiet): Promise<CorpusRow | null> {
  let raw: unknown;
  try {
    raw = await db.corpus.get(SEED_INDEX_KEY);
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

export async function putCorpusRow(db: CrosscheckDB, row: Omit<CorpusRow, 'key'>, log: Log = quiet): Promise<boolean> {
  try {
    await db.corpus.put({ key: SEED_INDEX_KEY, ...row });
    return true;
  } catch (e) {
    log('corpus cache write failed', e);
    return false;
  }
}

export async function deleteCorpusRow(db: CrosscheckDB, log: Log = quiet): Promise<void> {
  try {
    await db.corpus.delete(SEED_INDEX_KEY);
  } catch (e) {
    log('could not delete corpus cache row', e);
  }
}

/** Drops every cached analysis and the cached corpus index (e.g. after an extension update). */
export async function clearCaches(db: CrosscheckDB, log: Log = quiet): Promise<void> {
  try {
    await db.transaction('rw', db.analyses, db.corpus, async () => {
      await db.analyses.clear();
      await db.corpus.clear();
    });
  } catch (e) {
    log('could not clear caches', e);
  }
}
