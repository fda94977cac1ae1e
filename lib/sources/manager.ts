/**
 * The live corpus of the extension: the bundled seeds plus the reader's own sources, one index
 * kept in memory by the background, changed incrementally.
 *
 * - Truth is the sources database (lib/sources/db.ts): the reader's sources and the ids
 *   switched off. The serialised index in the cache database (`corpus` table, the same row the
 *   engine provider used) is only a cache of it: refreshed (debounced) after every change, and
 *   reconciled with the database at startup — sources missing from it are added incrementally,
 *   sources deleted since are switched off ("tombstones"), metadata edited since is applied.
 *   Only when there is no usable row, or tombstones make up over a quarter of the index, is the
 *   index rebuilt from scratch.
 * - Adding a source calls `addToCorpus` on the live index (nothing already indexed is redone);
 *   switching one off or on calls `setDocEnabled`; editing metadata calls `setDocMeta`;
 *   deleting switches the document off in the index and deletes its row.
 * - The index version is a function of the state (documents in index order with their metadata,
 *   and the set switched off), not of the history: the same sources give the same version after
 *   a service-worker restart, so cached analyses stay valid, and any change gives a new one, so
 *   analyses cached with another corpus are redone (the cache key includes engine.version).
 * - The engine handed out is a live wrapper: after each change a fresh engine (fresh term
 *   weights) is created over the same index, and the wrapper forwards to it. A text that is
 *   itself one of the sources (a page the reader added) is analysed without that source.
 *
 * Nothing stored is trusted: the cached index row is validated in full (`loadCorpus`) and must
 * hold the seeds as they are, else it is deleted and the index rebuilt from the seeds and the
 * sources (a damaged row is never saved back); a damaged source row is set aside — kept, not
 * indexed — and listed with `damaged` saying why; a damaged cached analysis is dropped from the
 * counts (and deleted: it is recomputed when its page is checked again).
 *
 * Every mutation runs in a queue, one at a time. Pure TypeScript (databases injected).
 *
 * This module wires the parts together, each with one job: `state.ts` (the in-memory index,
 * lookups and version), `startup.ts` (loading and reconciling the cached index), `add.ts`
 * (adding and restoring sources), `edit.ts` (switching off, editing, deleting), `listing.ts`
 * (what the pages are told) and `saver.ts` (the queue and the debounced write of the index row).
 */
import { buildCorpus, corpusVersion, INDEX_FORMAT, serializeCorpus, type CorpusIndex } from '../corpus/index';
import { createEngineFromIndex, ENGINE_VERSION, type Engine } from '../engine';
import type { CorpusDoc } from '../types';
import { listAnalyses, type CacheDB } from '../store/db';
import { discardRawSource, type DamagedSource, type SourcesDB, type UserSource } from './db';
import { SourceError } from './parse';
import { addSources, restoreSource } from './add';
import { removeSource, setSourceEnabled, updateSource } from './edit';
import { countStances, getSource, listSources } from './listing';
import { IndexSaver, SerialQueue } from './saver';
import { start, type StartupKind } from './startup';
import type { CorpusState, MutationContext } from './state';
import type { AddItem, AddOutcome, MetaPatch, SourceInfo, StanceCount } from './types';

export type { AddItem, AddOutcome, MetaPatch, SourceInfo } from './types';
export { sameUrlKey } from './types';
export { countStances } from './listing';

export interface CorpusManagerDeps {
  /** The bundled seed documents (called once). */
  loadSeeds(): CorpusDoc[] | Promise<CorpusDoc[]>;
  sourcesDb: SourcesDB;
  /** The cache database (analyses for the counts, the serialised index row); null for none. */
  cacheDb: CacheDB | null;
  now(): number;
  log?(message: string, error?: unknown): void;
  /** After every change of the corpus, with the new engine version. */
  onChange?(engineVersion: string): void;
  /** Delay before the cached index row is rewritten after a change (coalesces a batch import). Default 1500 ms. */
  saveDelayMs?: number;
  /** Injected for tests. */
  create?(index: CorpusIndex): Engine;
  build?(docs: CorpusDoc[]): CorpusIndex;
}

export interface CorpusManager {
  /** Loads seeds, sources and the index (once; a failure is retried on the next call). */
  ready(): Promise<void>;
  /** The live engine (always the current corpus). */
  getEngine(): Promise<Engine>;
  version(): Promise<string>;
  add(items: AddItem[]): Promise<AddOutcome[]>;
  setEnabled(id: string, enabled: boolean): Promise<SourceInfo>;
  update(id: string, patch: MetaPatch): Promise<SourceInfo>;
  /** Deletes one of the reader's sources; returns the deleted row (for Undo via `restore`). */
  remove(id: string): Promise<UserSource>;
  restore(row: unknown): Promise<AddOutcome>;
  /**
   * Removes a damaged stored source (one the list marks `damaged`) and returns its stored row as
   * JSON for the page to save: it cannot be restored, so the copy is the Undo.
   */
  discardDamaged(id: string): Promise<{ id: string; raw: string }>;
  list(): Promise<SourceInfo[]>;
  get(id: string): Promise<{ source: SourceInfo; text: string } | null>;
  /** Writes the cached index row now if a write is pending. */
  flush(): Promise<void>;
  /** How the index was obtained at startup (for tests and the bench). */
  readonly stats: { startup: StartupKind | null; tombstones: number };
}

/** Version tag of the cached index row this module writes (the engine provider's rows are ignored). */
export function sourcesRowVersion(seeds: CorpusDoc[]): string {
  return `${ENGINE_VERSION}|${corpusVersion(seeds)}|sources-1`;
}

/** Default delay before the index row is rewritten: long enough to coalesce the adds of one batch import. */
const DEFAULT_SAVE_DELAY_MS = 1500;

/** An engine that forwards to the state's current one, and leaves a text's own source out of its analysis. */
function liveEngine(state: () => CorpusState): Engine {
  return {
    get version() {
      return state().engine.version;
    },
    get index() {
      return state().engine.index;
    },
    analyze: (text, opts) => state().withoutItself(text, () => state().engine.analyze(text, opts)),
    checkClaim: (claim, opts) => state().engine.checkClaim(claim, opts),
    explain: (claim, opts) => state().engine.explain(claim, opts),
  };
}

/** `init` run once, its promise shared; a failure is forgotten, so the next call tries again. */
function onceUntilFailed(init: () => Promise<void>): () => Promise<void> {
  let promise: Promise<void> | null = null;
  return () => {
    if (!promise) {
      promise = init();
      promise.catch(() => {
        promise = null;
      });
    }
    return promise;
  };
}

export function createCorpusManager(deps: CorpusManagerDeps): CorpusManager {
  const log = deps.log ?? (() => {});
  const create = deps.create ?? ((index: CorpusIndex) => createEngineFromIndex(index));
  const build = deps.build ?? buildCorpus;
  const queue = new SerialQueue();
  const stats: CorpusManager['stats'] = { startup: null, tombstones: 0 };
  let state!: CorpusState;
  let damaged: DamagedSource[] = [];
  const live = liveEngine(() => state);

  const saver = new IndexSaver({
    cacheDb: deps.cacheDb,
    queue,
    delayMs: deps.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS,
    row: () => ({ version: sourcesRowVersion(state.seeds), format: INDEX_FORMAT, json: serializeCorpus(state.index) }),
    log,
  });

  const ctx: MutationContext = {
    get state() {
      return state;
    },
    sdb: deps.sourcesDb,
    now: () => deps.now(),
    log,
    changed({ save }) {
      state.restamp();
      if (save) saver.schedule();
      try {
        deps.onChange?.(state.engine.version);
      } catch (e) {
        log('onChange failed', e);
      }
    },
  };

  async function init(): Promise<void> {
    const started = await start({
      loadSeeds: deps.loadSeeds,
      sourcesDb: deps.sourcesDb,
      cacheDb: deps.cacheDb,
      log,
      create,
      build,
      rowVersion: sourcesRowVersion,
    });
    state = started.state;
    damaged = started.damaged;
    stats.startup = started.startup;
    stats.tombstones = state.tombstones.size;
    // Built or reconciled: refresh the cached row soon (a stopped worker then reloads instead of rebuilding).
    if (started.save) saver.schedule();
  }

  const ensureReady = onceUntilFailed(init);

  /** Runs `fn` after every earlier mutation (and after startup). */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => queue.run(() => ensureReady().then(fn));

  async function counts(): Promise<Map<string, StanceCount>> {
    if (!deps.cacheDb) return new Map();
    return countStances(await listAnalyses(deps.cacheDb, log), state.engine.version);
  }

  return {
    ready: () => serial(async () => {}),
    getEngine: () => serial(async () => live),
    version: () => serial(async () => state.engine.version),
    add: (items) => serial(() => addSources(ctx, items)),
    setEnabled: (id, enabled) => serial(() => setSourceEnabled(ctx, id, enabled)),
    update: (id, patch) => serial(() => updateSource(ctx, id, patch)),
    remove: (id) => serial(() => removeSource(ctx, id)),
    restore: (row) => serial(() => restoreSource(ctx, row)),
    discardDamaged: (id) =>
      serial(async () => {
        if (!damaged.some((d) => d.id === id) || state.users.has(id)) throw new SourceError(`“${id}” is not a damaged source.`);
        const raw = await discardRawSource(deps.sourcesDb, id);
        damaged = damaged.filter((d) => d.id !== id);
        if (raw === null) throw new SourceError(`There is no source “${id}” (it may have been removed already).`);
        return { id, raw };
      }),
    list: () => serial(async () => listSources(state, damaged, await counts())),
    get: (id) => serial(() => getSource(state, deps.sourcesDb, id, counts)),
    flush: () => saver.flush(),
    stats,
  };
}
