/**
 * Builders for the corpus manager's unit tests: a sources and a cache database on a fake
 * IndexedDB (closed after each test), and a manager over the bundled seeds with a test clock.
 */
import { afterEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createCorpusManager, type CorpusManagerDeps } from '../../lib/sources/manager';
import { openSourcesDb, type SourcesDB } from '../../lib/sources/db';
import { openDb, type CacheDB } from '../../lib/store/db';
import { loadSeedDocsFromDisk } from '../../scripts/seeds-node';

export const SEEDS = loadSeedDocsFromDisk();

const open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

/** Close these databases after the current test. */
export function closeAfterTest(...dbs: Array<{ close(): void }>): void {
  open.push(...dbs);
}

/** A sources and a cache database sharing one fake IndexedDB (pass the factory to reopen them). */
export function dbs(factory = new IDBFactory()) {
  const impl = { indexedDB: factory, IDBKeyRange };
  const sdb = openSourcesDb(impl);
  const cdb = openDb(impl);
  closeAfterTest(sdb, cdb);
  return { sdb, cdb, factory };
}

/** A corpus manager over the seeds, a clock that moves a second a call, and a short save delay. */
export function manager(sdb: SourcesDB, cdb: CacheDB | null, extra: Partial<CorpusManagerDeps> = {}) {
  let t = 1_000_000;
  return createCorpusManager({ loadSeeds: () => SEEDS, sourcesDb: sdb, cacheDb: cdb, now: () => (t += 1000), saveDelayMs: 5, ...extra });
}
