/**
 * Builds the engine once per background lifetime, reusing the serialised corpus index cached in
 * IndexedDB (`corpus` table, row 'seed-index'): a service-worker restart then reloads the index
 * with `loadCorpus` (cheap) instead of `buildCorpus` (represents every corpus sentence again).
 *
 * The cached row is used only when its `version` equals `indexCacheVersion(docs)` — the engine
 * version plus the corpus version (ids and texts hashed) — and its `format` equals INDEX_FORMAT.
 * Otherwise, or when it does not load, the index is rebuilt and the row overwritten.
 */
import { buildCorpus, corpusVersion, INDEX_FORMAT, loadCorpus, serializeCorpus, type CorpusIndex } from '../corpus/index';
import { createEngineFromIndex, ENGINE_VERSION, type Engine } from '../engine';
import type { CorpusDoc } from '../types';
import { deleteCorpusRow, getCorpusRow, putCorpusRow, type CrosscheckDB } from '../store/db';

export interface EngineProviderDeps {
  /** The corpus documents (called once, lazily: a bad manifest becomes an engine error, not a crash). */
  loadDocs(): CorpusDoc[] | Promise<CorpusDoc[]>;
  /** The cache; null to always build. */
  db: CrosscheckDB | null;
  /** Injected for tests; default the real ones. */
  build?: (docs: CorpusDoc[]) => CorpusIndex;
  load?: (json: string) => CorpusIndex;
  create?: (index: CorpusIndex) => Engine;
  log?: (message: string, error?: unknown) => void;
}

/** The `version` a cached index row must carry to be reused for these documents. */
export function indexCacheVersion(docs: CorpusDoc[]): string {
  return `${ENGINE_VERSION}|${corpusVersion(docs)}`;
}

/** Loads (or builds and caches) the corpus index for `docs`. */
export async function loadOrBuildIndex(docs: CorpusDoc[], deps: Omit<EngineProviderDeps, 'loadDocs' | 'create'>): Promise<CorpusIndex> {
  const { db, build = buildCorpus, load = loadCorpus, log = () => {} } = deps;
  const version = indexCacheVersion(docs);
  if (db) {
    const row = await getCorpusRow(db, version, INDEX_FORMAT, log);
    if (row) {
      try {
        return load(row.json);
      } catch (e) {
        log('cached corpus index does not load; rebuilding', e);
        await deleteCorpusRow(db, log);
      }
    }
  }
  const index = build(docs);
  if (db) await putCorpusRow(db, { version, format: INDEX_FORMAT, json: serializeCorpus(index) }, log);
  return index;
}

/**
 * A memoised `getEngine()`: the first call loads the documents and the index and creates the
 * engine; later calls get the same engine. A failure is not memoised (the next call retries).
 */
export function createEngineProvider(deps: EngineProviderDeps): () => Promise<Engine> {
  const create = deps.create ?? ((index: CorpusIndex) => createEngineFromIndex(index));
  let pending: Promise<Engine> | null = null;
  return () => {
    if (!pending) {
      pending = (async () => create(await loadOrBuildIndex(await deps.loadDocs(), deps)))();
      pending.catch(() => {
        pending = null;
      });
    }
    return pending;
  };
}
