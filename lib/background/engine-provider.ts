/**
 * Builds the engine once per background lifetime, reusing the serialised corpus index cached in
 * IndexedDB (`corpus` table, row 'seed-index'): a service-worker restart then reloads the index
 * with `loadCorpus` (cheap) instead of `buildCorpus` (represents every corpus sentence again).
 *
 * The cached row is used only when its `version` equals `indexCacheVersion(docs)` — the engine
 * version plus the corpus version (ids and texts hashed) — and its `format` equals INDEX_FORMAT.
 * Otherwise, or when it does not load (`loadCorpus` validates it in full), or its documents are
 * not `docs`, the row is deleted at once — a damaged row is never saved again nor read again by a
 * later start — and the index is rebuilt from `docs` and the row overwritten with the rebuilt one.
 */
import { buildCorpus, corpusVersion, INDEX_FORMAT, loadCorpus, serializeCorpus, type CorpusIndex } from '../corpus/index';
import { createEngineFromIndex, ENGINE_VERSION, type Engine } from '../engine';
import type { CorpusDoc } from '../types';
import { deleteCorpusRow, getCorpusRow, putCorpusRow, type CacheDB } from '../store/db';

type Log = (message: string, error?: unknown) => void;

export interface EngineProviderDeps {
  /** The corpus documents (called once, lazily: a bad manifest becomes an engine error, not a crash). */
  loadDocs(): CorpusDoc[] | Promise<CorpusDoc[]>;
  /** The cache; null to always build. */
  db: CacheDB | null;
  /** Injected for tests; default the real ones. */
  build?: (docs: CorpusDoc[]) => CorpusIndex;
  load?: (json: string) => CorpusIndex;
  create?: (index: CorpusIndex) => Engine;
  log?: Log;
}

/** The `version` a cached index row must carry to be reused for these documents. */
export function indexCacheVersion(docs: CorpusDoc[]): string {
  return `${ENGINE_VERSION}|${corpusVersion(docs)}`;
}

/** Why a loaded index is not the index of `docs` (other documents, order or metadata), or null. */
function otherDocuments(index: CorpusIndex, docs: CorpusDoc[]): string | null {
  if (index.docs.length !== docs.length) return 'its documents are not the corpus documents';
  const i = index.docs.findIndex((d, k) => {
    const doc = docs[k]!;
    return d.id !== doc.id || d.title !== doc.title || d.outlet !== doc.outlet || d.date !== doc.date || d.event !== doc.event;
  });
  return i < 0 ? null : `document ${i} (${docs[i]!.id}) differs from the corpus document`;
}

/** The cached index for `docs`, or null (no usable row: a damaged one is deleted and reported). */
async function loadCachedIndex(db: CacheDB, docs: CorpusDoc[], version: string, load: (json: string) => CorpusIndex, log: Log): Promise<CorpusIndex | null> {
  const row = await getCorpusRow(db, version, INDEX_FORMAT, log);
  if (!row) return null;
  try {
    const index = load(row.json);
    const problem = otherDocuments(index, docs);
    if (!problem) return index;
    log(`cached corpus index is damaged (${problem}); rebuilding it from the documents`);
  } catch (e) {
    log('cached corpus index does not load; rebuilding it from the documents', e);
  }
  await deleteCorpusRow(db, log);
  return null;
}

/** Loads (or builds and caches) the corpus index for `docs`. */
export async function loadOrBuildIndex(docs: CorpusDoc[], deps: Omit<EngineProviderDeps, 'loadDocs' | 'create'>): Promise<CorpusIndex> {
  const { db, build = buildCorpus, load = loadCorpus, log = () => {} } = deps;
  const version = indexCacheVersion(docs);
  const cached = db ? await loadCachedIndex(db, docs, version, load, log) : null;
  if (cached) return cached;
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
