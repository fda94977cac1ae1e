/**
 * Startup of the corpus manager: loads the seeds and the reader's sources and gets an index
 * for them — the cached one when it is usable, reconciled with the database (sources missing
 * from it added incrementally, sources deleted since switched off as tombstones, metadata
 * edited since applied), else one built from scratch.
 *
 * Nothing stored is trusted: the cached row is validated in full and must hold the seeds as
 * they are bundled, else it is deleted (never saved back) and the index rebuilt. Rebuilding is
 * also preferred once tombstones make up too much of the cached index.
 */
import { addToCorpus, INDEX_FORMAT, loadCorpus, setDocEnabled, setDocMeta, type CorpusIndex } from '../corpus/index';
import type { CorpusDoc } from '../types';
import { deleteCorpusRow, getCorpusRow, type CacheDB } from '../store/db';
import { disabledIds, readUserSources, type DamagedSource, type SourcesDB, type UserSource } from './db';
import { CorpusState } from './state';
import { errorMessage, type Log } from './types';
import type { Engine } from '../engine';

/** Tombstones (deleted sources still in the cached index) tolerated before a rebuild at startup: over this share of the index… */
export const MAX_TOMBSTONE_SHARE = 0.25;
/** …and at least this many (a few deletions in a small corpus are cheaper to keep than a rebuild). */
export const MIN_TOMBSTONES_FOR_REBUILD = 10;

export type StartupKind = 'built' | 'cached' | 'cached+reconciled';

export interface StartupDeps {
  loadSeeds(): CorpusDoc[] | Promise<CorpusDoc[]>;
  sourcesDb: SourcesDB;
  cacheDb: CacheDB | null;
  log: Log;
  create(index: CorpusIndex): Engine;
  build(docs: CorpusDoc[]): CorpusIndex;
  /** Version tag of the cached index row for these seeds. */
  rowVersion(seeds: CorpusDoc[]): string;
}

export interface Started {
  state: CorpusState;
  damaged: DamagedSource[];
  startup: StartupKind;
  /** The index was built or reconciled: the cached row should be rewritten. */
  save: boolean;
}

/** Why a loaded index cannot serve these seeds (another list, order or metadata), or null. */
export function seedsProblem(seeds: CorpusDoc[], idx: CorpusIndex): string | null {
  const i = seeds.findIndex((s, k) => {
    const d = idx.docs[k];
    return !d || d.id !== s.id || d.title !== s.title || d.outlet !== s.outlet || d.date !== s.date || d.event !== s.event;
  });
  return i < 0 ? null : `document ${i} is not the seed ${seeds[i]!.id} as bundled`;
}

/** The cached index, validated in full, or null: a damaged row is deleted at once (never saved back) and reported. */
async function readCachedIndex(deps: StartupDeps, seeds: CorpusDoc[]): Promise<CorpusIndex | null> {
  if (!deps.cacheDb) return null;
  const row = await getCorpusRow(deps.cacheDb, deps.rowVersion(seeds), INDEX_FORMAT, deps.log);
  if (!row) return null;
  let problem: string;
  try {
    const idx = loadCorpus(row.json);
    const wrong = seedsProblem(seeds, idx);
    if (!wrong) return idx;
    problem = wrong;
  } catch (e) {
    problem = errorMessage(e);
  }
  deps.log(`cached corpus index is damaged (${problem}); rebuilding it from the seeds and your sources`);
  await deleteCorpusRow(deps.cacheDb, deps.log);
  return null;
}

/** Whether this many tombstones in an index of `size` documents call for a rebuild. */
export function tooManyTombstones(dead: number, size: number): boolean {
  return dead >= MIN_TOMBSTONES_FOR_REBUILD && dead > size * MAX_TOMBSTONE_SHARE;
}

/**
 * Brings a cached index up to date with the stored sources, in place; returns the tombstones
 * and whether anything changed, or null when a rebuild is cheaper.
 */
export function reconcile(idx: CorpusIndex, seedIds: Set<string>, rows: UserSource[]): { tombstones: string[]; changed: boolean } | null {
  const userIds = new Set(rows.map((r) => r.id));
  const present = new Set(idx.docs.map((d) => d.id));
  const dead = idx.docs.filter((d) => !seedIds.has(d.id) && !userIds.has(d.id)).map((d) => d.id);
  if (tooManyTombstones(dead.length, idx.docs.length)) return null;
  for (const id of dead) setDocEnabled(idx, id, false);
  let changed = false;
  const missing = rows.filter((r) => !present.has(r.id));
  if (missing.length) {
    addToCorpus(idx, missing);
    changed = true;
  }
  const pos = new Map(idx.docs.map((d, i) => [d.id, i]));
  for (const r of rows) {
    const d = idx.docs[pos.get(r.id)!]!;
    if (d.title !== r.title || d.outlet !== r.outlet || d.date !== r.date || d.event !== r.event) {
      setDocMeta(idx, r.id, { title: r.title, outlet: r.outlet, date: r.date, event: r.event });
      changed = true;
    }
  }
  return { tombstones: dead, changed };
}

/** Loads everything and returns the state with its live index. */
export async function start(deps: StartupDeps): Promise<Started> {
  const seeds = await deps.loadSeeds();
  const state = new CorpusState(seeds, deps.create);
  const stored = await readUserSources(deps.sourcesDb, deps.log);
  const rows = stored.rows;
  const off = await disabledIds(deps.sourcesDb);
  for (const r of rows) state.rememberUser(r);

  let idx = await readCachedIndex(deps, seeds);
  let startup: StartupKind = 'built';
  let save = true;
  const fixed = idx ? reconcile(idx, state.seedIds, rows) : null;
  if (idx && fixed) {
    for (const id of fixed.tombstones) state.tombstones.add(id);
    save = fixed.changed;
    startup = save ? 'cached+reconciled' : 'cached';
  } else {
    idx = deps.build([...seeds, ...rows]);
  }
  for (const id of off) setDocEnabled(idx, id, false);
  state.adopt(idx);
  return { state, damaged: stored.damaged, startup, save };
}
