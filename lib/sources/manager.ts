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
 */
import {
  addToCorpus,
  buildCorpus,
  corpusVersion,
  hash,
  INDEX_FORMAT,
  loadCorpus,
  serializeCorpus,
  setDocEnabled,
  setDocMeta,
  type CorpusIndex,
  type DocMeta,
} from '../corpus/index';
import { createEngineFromIndex, ENGINE_VERSION, type Engine } from '../engine';
import type { CorpusDoc, EventId } from '../types';
import { deleteCorpusRow, getCorpusRow, listAnalyses, putCorpusRow, type CacheDB, type StoredAnalysis } from '../store/db';
import { parseSource, SourceError, type SourceMeta } from './parse';
import { textHash } from './index';
import {
  deleteUserSource,
  disabledIds,
  getUserSource,
  putUserSources,
  readUserSources,
  setDisabled,
  UserSourceSchema,
  type DamagedSource,
  type SourceOrigin,
  type SourcesDB,
  type UserSource,
} from './db';

/** What the sources page, the popup and the reader are told about one source. */
export interface SourceInfo {
  id: string;
  kind: 'seed' | 'user';
  title: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
  event: EventId | null;
  enabled: boolean;
  /** When the reader added it (ms since epoch); null for seeds. */
  addedAt: number | null;
  origin: SourceOrigin | null;
  fileName: string | null;
  /** Length of the text in characters. */
  chars: number;
  /** Claims this source supported / contradicted in the cached analyses (latest per page). */
  supported: number;
  contradicted: number;
  /** Set for a stored source that fails validation: why it is set aside (kept, not used). */
  damaged?: string;
}

/** One source to add: plain text (already extracted from HTML/Markdown by the sender) and metadata. */
export interface AddItem {
  /** File name or a label ("pasted text", the page title): names the source in messages. */
  name: string;
  text: string;
  meta?: Partial<SourceMeta>;
  origin: SourceOrigin;
  fileName?: string | null;
}

export type AddOutcome =
  | { status: 'added'; name: string; source: SourceInfo; message: string }
  | { status: 'duplicate'; name: string; sameAs: string; message: string }
  | { status: 'refused'; name: string; message: string };

export interface MetaPatch {
  title?: string;
  outlet?: string | null;
  date?: string | null;
  url?: string | null;
  event?: EventId | null;
}

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
  list(): Promise<SourceInfo[]>;
  get(id: string): Promise<{ source: SourceInfo; text: string } | null>;
  /** Writes the cached index row now if a write is pending. */
  flush(): Promise<void>;
  /** How the index was obtained at startup (for tests and the bench). */
  readonly stats: { startup: 'built' | 'cached' | 'cached+reconciled' | null; tombstones: number };
}

/** Version tag of the cached index row this module writes (the engine provider's rows are ignored). */
export function sourcesRowVersion(seeds: CorpusDoc[]): string {
  return `${ENGINE_VERSION}|${corpusVersion(seeds)}|sources-1`;
}

/** Tombstones (deleted sources still in the cached index) tolerated before a rebuild at startup. */
const MAX_TOMBSTONE_SHARE = 0.25;
const MIN_TOMBSTONES_FOR_REBUILD = 10;

/** The page URL as compared for "already in your sources": without #fragment. */
export function sameUrlKey(url: string | null | undefined): string | null {
  if (!url) return null;
  const i = url.indexOf('#');
  return (i === -1 ? url : url.slice(0, i)).trim() || null;
}

/**
 * Claims each source supported and contradicted, counted over the cached analyses: one analysis
 * per page (several analyses of the same page, made with other corpus or engine versions, would
 * count the same claims more than once) — the one made with `engineVersion` (the current corpus)
 * when there is one, else the latest. A claim counts once per source however many of that
 * source's sentences support it.
 */
type CountRow = Pick<StoredAnalysis, 'url' | 'analysedAt' | 'claims'> & { engineVersion?: string };
export function countStances(rows: ReadonlyArray<CountRow>, engineVersion?: string): Map<string, { supported: number; contradicted: number }> {
  const latest = new Map<string, CountRow>();
  const rank = (r: CountRow) => (engineVersion !== undefined && r.engineVersion === engineVersion ? 1 : 0);
  for (const r of rows) {
    const prev = latest.get(r.url);
    if (!prev || rank(r) > rank(prev) || (rank(r) === rank(prev) && r.analysedAt > prev.analysedAt)) latest.set(r.url, r);
  }
  const out = new Map<string, { supported: number; contradicted: number }>();
  const bump = (id: string, k: 'supported' | 'contradicted') => {
    let c = out.get(id);
    if (!c) out.set(id, (c = { supported: 0, contradicted: 0 }));
    c[k]++;
  };
  for (const r of latest.values()) {
    for (const claim of r.claims) {
      const sup = new Set<string>();
      const con = new Set<string>();
      for (const e of claim.evidence) {
        if (e.stance === 'supports') sup.add(e.source);
        else if (e.stance === 'conflicts') con.add(e.source);
      }
      for (const id of sup) bump(id, 'supported');
      for (const id of con) bump(id, 'contradicted');
    }
  }
  return out;
}

type UserMeta = Omit<UserSource, 'text'> & { chars: number };

function docKey(d: DocMeta): string {
  return `${d.id}:${d.date ?? ''}:${d.event ?? ''}:${d.title}:${d.outlet ?? ''}`;
}

function withoutText(row: UserSource): UserMeta {
  const { text, ...rest } = row;
  return { ...rest, chars: text.length };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A damaged stored source as the sources page lists it: switched off, with what is wrong. */
function damagedInfo(d: DamagedSource): SourceInfo {
  return {
    id: d.id,
    kind: 'user',
    title: d.title ?? `(damaged source ${d.id})`,
    outlet: null,
    date: null,
    url: null,
    event: null,
    enabled: false,
    addedAt: null,
    origin: null,
    fileName: null,
    chars: d.chars,
    supported: 0,
    contradicted: 0,
    damaged: `This stored source is damaged (${d.problem}). It is kept but not used; add its text again to use it.`,
  };
}

function quoted(title: string): string {
  const t = title.length > 80 ? `${title.slice(0, 77)}…` : title;
  return `“${t}”`;
}

export function createCorpusManager(deps: CorpusManagerDeps): CorpusManager {
  const log = deps.log ?? (() => {});
  const create = deps.create ?? ((index: CorpusIndex) => createEngineFromIndex(index));
  const build = deps.build ?? buildCorpus;
  const saveDelay = deps.saveDelayMs ?? 1500;
  const sdb = deps.sourcesDb;

  let seeds: CorpusDoc[] = [];
  let seedIds = new Set<string>();
  let index!: CorpusIndex;
  let current!: Engine;
  let base = '';
  /** Rolling hash over the documents in index order (id + metadata). */
  let docsKey = '';
  const users = new Map<string, UserMeta>();
  const byHash = new Map<string, string>();
  const byUrl = new Map<string, string>();
  const tombstones = new Set<string>();
  /** Stored rows that fail validation: set aside, reported by list(). */
  let damagedRows: DamagedSource[] = [];
  let docPos = new Map<string, number>();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let savePending = false;
  let readyPromise: Promise<void> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const stats: CorpusManager['stats'] = { startup: null, tombstones: 0 };

  const live: Engine = {
    get version() {
      return current.version;
    },
    get index() {
      return current.index;
    },
    analyze: (text, opts) => withoutItself(text, () => current.analyze(text, opts)),
    checkClaim: (claim, opts) => current.checkClaim(claim, opts),
    explain: (claim, opts) => current.explain(claim, opts),
  };

  /**
   * A page is never checked against its own text: when the analysed text is a source of the
   * corpus (the reader added this very page), that source is left out of this analysis — else
   * every claim of an added page would be "corroborated" by itself. Deterministic for a given
   * text and corpus, so the cache key (text hash + version) still says what the result is.
   */
  function withoutItself<T>(text: string, fn: () => T): T {
    const id = byHash.get(textHash(text));
    const i = id === undefined ? undefined : docPos.get(id);
    if (i === undefined || index.disabled.has(i)) return fn();
    index.disabled.add(i);
    try {
      return fn();
    } finally {
      index.disabled.delete(i);
    }
  }

  /** Runs `fn` after every earlier mutation (and after startup). */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(() => ensureReady()).then(fn);
    queue = run.catch(() => {});
    return run;
  }

  function ensureReady(): Promise<void> {
    if (!readyPromise) {
      readyPromise = init();
      readyPromise.catch(() => {
        readyPromise = null;
      });
    }
    return readyPromise;
  }

  function rollDocsKey(from = 0): void {
    if (from === 0) docsKey = base;
    for (let i = from; i < index.docs.length; i++) docsKey = hash(`${docsKey}|${docKey(index.docs[i]!)}`);
  }

  function refreshPositions(): void {
    docPos = new Map(index.docs.map((d, i) => [d.id, i]));
  }

  /** The version is a function of the state: documents (in order, with metadata) and the switched-off set. */
  function restamp(): void {
    const off = [...index.disabled].map((i) => index.docs[i]?.id ?? '').sort().join(',');
    index.version = hash(`${base}|${docsKey}|${off}`);
    current = create(index);
  }

  function changed(opts: { save: boolean }): void {
    restamp();
    if (opts.save) scheduleSave();
    try {
      deps.onChange?.(current.version);
    } catch (e) {
      log('onChange failed', e);
    }
  }

  function scheduleSave(): void {
    if (!deps.cacheDb) return;
    savePending = true;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void serialSave();
    }, saveDelay);
  }

  function serialSave(): Promise<void> {
    const run = queue.then(saveNow);
    queue = run.catch(() => {});
    return run;
  }

  async function saveNow(): Promise<void> {
    if (!savePending || !deps.cacheDb) return;
    savePending = false;
    await putCorpusRow(deps.cacheDb, { version: sourcesRowVersion(seeds), format: INDEX_FORMAT, json: serializeCorpus(index) }, log);
  }

  /** Why a loaded index cannot serve these seeds (another list, order or metadata), or null. */
  function seedsProblem(idx: CorpusIndex): string | null {
    const i = seeds.findIndex((s, k) => {
      const d = idx.docs[k];
      return !d || d.id !== s.id || d.title !== s.title || d.outlet !== s.outlet || d.date !== s.date || d.event !== s.event;
    });
    return i < 0 ? null : `document ${i} is not the seed ${seeds[i]!.id} as bundled`;
  }

  /** The cached index, validated in full, or null: a damaged row is deleted at once (never saved back) and reported. */
  async function readCachedIndex(): Promise<CorpusIndex | null> {
    if (!deps.cacheDb) return null;
    const row = await getCorpusRow(deps.cacheDb, sourcesRowVersion(seeds), INDEX_FORMAT, log);
    if (!row) return null;
    let problem: string;
    try {
      const idx = loadCorpus(row.json);
      const wrong = seedsProblem(idx);
      if (!wrong) return idx;
      problem = wrong;
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
    log(`cached corpus index is damaged (${problem}); rebuilding it from the seeds and your sources`);
    await deleteCorpusRow(deps.cacheDb, log);
    return null;
  }

  async function init(): Promise<void> {
    seeds = await deps.loadSeeds();
    seedIds = new Set(seeds.map((s) => s.id));
    base = hash(`${ENGINE_VERSION}|${corpusVersion(seeds)}`);
    const stored = await readUserSources(sdb, log);
    const rows = stored.rows;
    damagedRows = stored.damaged;
    const off = await disabledIds(sdb);
    users.clear();
    byHash.clear();
    byUrl.clear();
    tombstones.clear();
    for (const s of seeds) byHash.set(textHash(s.text), s.id);
    for (const r of rows) {
      users.set(r.id, withoutText(r));
      byHash.set(r.contentHash, r.id);
      const u = sameUrlKey(r.url);
      if (u) byUrl.set(u, r.id);
    }

    let idx = await readCachedIndex();
    let save = false;
    if (idx) {
      const present = new Set(idx.docs.map((d) => d.id));
      const dead = idx.docs.filter((d) => !seedIds.has(d.id) && !users.has(d.id)).map((d) => d.id);
      if (dead.length >= MIN_TOMBSTONES_FOR_REBUILD && dead.length > idx.docs.length * MAX_TOMBSTONE_SHARE) {
        idx = null;
      } else {
        for (const id of dead) {
          setDocEnabled(idx, id, false);
          tombstones.add(id);
        }
        const missing = rows.filter((r) => !present.has(r.id));
        if (missing.length) {
          addToCorpus(idx, missing);
          save = true;
        }
        const pos = new Map(idx.docs.map((d, i) => [d.id, i]));
        for (const r of rows) {
          const d = idx.docs[pos.get(r.id)!]!;
          if (d.title !== r.title || d.outlet !== r.outlet || d.date !== r.date || d.event !== r.event) {
            setDocMeta(idx, r.id, { title: r.title, outlet: r.outlet, date: r.date, event: r.event });
            save = true;
          }
        }
        stats.startup = save ? 'cached+reconciled' : 'cached';
      }
    }
    if (!idx) {
      idx = build([...seeds, ...rows]);
      save = true;
      stats.startup = 'built';
    }
    index = idx;
    for (const id of off) setDocEnabled(index, id, false);
    stats.tombstones = tombstones.size;
    refreshPositions();
    rollDocsKey();
    restamp();
    // Built or reconciled: refresh the cached row soon (a stopped worker then reloads instead of rebuilding).
    if (save) scheduleSave();
  }

  function info(id: string, counts?: Map<string, { supported: number; contradicted: number }>): SourceInfo {
    const i = docPos.get(id);
    const d = i === undefined ? undefined : index.docs[i];
    if (!d) throw new SourceError(`There is no source “${id}”.`);
    const c = counts?.get(id) ?? { supported: 0, contradicted: 0 };
    const u = users.get(id);
    const seed = seeds.find((s) => s.id === id);
    return {
      id,
      kind: u ? 'user' : 'seed',
      title: d.title,
      outlet: d.outlet,
      date: d.date,
      url: u?.url ?? null,
      event: d.event,
      enabled: !index.disabled.has(i!),
      addedAt: u?.addedAt ?? null,
      origin: u?.origin ?? null,
      fileName: u?.fileName ?? null,
      chars: u?.chars ?? seed?.text.length ?? 0,
      supported: c.supported,
      contradicted: c.contradicted,
    };
  }

  async function counts(): Promise<Map<string, { supported: number; contradicted: number }>> {
    if (!deps.cacheDb) return new Map();
    return countStances(await listAnalyses(deps.cacheDb, log), current.version);
  }

  function duplicateOf(contentHash: string, url: string | null): { id: string; message: string } | null {
    const u = sameUrlKey(url);
    const byPage = u ? byUrl.get(u) : undefined;
    const sameId = byPage ?? byHash.get(contentHash);
    if (!sameId || tombstones.has(sameId)) return null;
    const d = index.docs[docPos.get(sameId)!];
    const title = d ? quoted(d.title) : sameId;
    if (seedIds.has(sameId)) return { id: sameId, message: `This text is already in the bundled corpus (${title}).` };
    return { id: sameId, message: byPage ? `This page is already in your sources (${title}).` : `This text is already in your sources (${title}).` };
  }

  async function add(items: AddItem[]): Promise<AddOutcome[]> {
    const out: AddOutcome[] = new Array(items.length);
    const fresh: Array<{ at: number; row: UserSource }> = [];
    const batchHash = new Map<string, string>();
    const batchUrl = new Map<string, string>();
    const t = deps.now();
    items.forEach((item, at) => {
      let parsed;
      try {
        parsed = parseSource({ name: item.name, content: item.text, type: 'txt', meta: item.meta });
      } catch (e) {
        out[at] = { status: 'refused', name: item.name, message: e instanceof SourceError ? e.message : `${item.name}: ${message(e)}` };
        return;
      }
      const url = sameUrlKey(parsed.url);
      const dup = duplicateOf(parsed.contentHash, parsed.url);
      const inBatch = batchHash.get(parsed.contentHash) ?? (url ? batchUrl.get(url) : undefined);
      if (dup || inBatch) {
        out[at] = dup
          ? { status: 'duplicate', name: item.name, sameAs: dup.id, message: `${item.name}: ${dup.message}` }
          : { status: 'duplicate', name: item.name, sameAs: inBatch!, message: `${item.name}: the same text as another file in this import.` };
        return;
      }
      const row: UserSource = {
        id: parsed.id,
        title: parsed.title,
        outlet: parsed.outlet,
        date: parsed.date,
        url: parsed.url,
        event: parsed.event,
        text: parsed.text,
        contentHash: parsed.contentHash,
        addedAt: t + fresh.length / 1000,
        origin: item.origin,
        fileName: item.fileName ?? null,
      };
      batchHash.set(row.contentHash, row.id);
      if (url) batchUrl.set(url, row.id);
      fresh.push({ at, row });
    });
    if (!fresh.length) return out;
    try {
      await putUserSources(sdb, fresh.map((f) => f.row));
    } catch (e) {
      for (const f of fresh) out[f.at] = { status: 'refused', name: items[f.at]!.name, message: message(e) };
      return out;
    }
    const revived = fresh.filter((f) => tombstones.has(f.row.id));
    const added = fresh.filter((f) => !tombstones.has(f.row.id));
    const before = index.docs.length;
    try {
      if (added.length) addToCorpus(index, added.map((f) => f.row));
    } catch (e) {
      // Nothing half-added: take the rows out again (the index is left as it was before this batch only if it threw first).
      log('indexing the new sources failed', e);
      await sdb.sources.bulkDelete(fresh.map((f) => f.row.id)).catch((err: unknown) => log('could not roll back the new sources', err));
      for (const f of fresh) out[f.at] = { status: 'refused', name: items[f.at]!.name, message: `${items[f.at]!.name}: could not be indexed (${message(e)})` };
      return out;
    }
    for (const f of revived) {
      const r = f.row;
      setDocMeta(index, r.id, { title: r.title, outlet: r.outlet, date: r.date, event: r.event });
      setDocEnabled(index, r.id, true);
      tombstones.delete(r.id);
    }
    for (const f of fresh) {
      users.set(f.row.id, withoutText(f.row));
      byHash.set(f.row.contentHash, f.row.id);
      const u = sameUrlKey(f.row.url);
      if (u) byUrl.set(u, f.row.id);
    }
    for (let i = before; i < index.docs.length; i++) docPos.set(index.docs[i]!.id, i);
    if (revived.length) rollDocsKey();
    else rollDocsKey(before);
    changed({ save: true });
    for (const f of fresh) {
      out[f.at] = { status: 'added', name: items[f.at]!.name, source: info(f.row.id), message: `Added ${quoted(f.row.title)} to your sources.` };
    }
    return out;
  }

  function requireDoc(id: string): number {
    const i = docPos.get(id);
    if (i === undefined || tombstones.has(id)) throw new SourceError(`There is no source “${id}”.`);
    return i;
  }

  async function setEnabled(id: string, enabled: boolean): Promise<SourceInfo> {
    const i = requireDoc(id);
    if (enabled === !index.disabled.has(i)) return info(id);
    await setDisabled(sdb, id, !enabled);
    setDocEnabled(index, id, enabled);
    changed({ save: false });
    return info(id);
  }

  async function update(id: string, patch: MetaPatch): Promise<SourceInfo> {
    requireDoc(id);
    const u = users.get(id);
    if (!u) throw new SourceError('The bundled sources cannot be edited (they can be switched off).');
    const row = await getUserSource(sdb, id);
    if (!row) throw new SourceError(`There is no source “${id}”.`);
    const next: UserSource = { ...row };
    if (patch.title !== undefined) {
      const title = patch.title.trim();
      if (!title) throw new SourceError('A source needs a title.');
      next.title = title;
    }
    if (patch.outlet !== undefined) next.outlet = patch.outlet?.trim() || null;
    if (patch.date !== undefined) {
      const d = patch.date?.trim() || null;
      if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new SourceError('The date must be written YYYY-MM-DD.');
      next.date = d;
    }
    if (patch.url !== undefined) next.url = patch.url?.trim() || null;
    if (patch.event !== undefined) next.event = patch.event;
    const newUrl = sameUrlKey(next.url);
    if (newUrl && newUrl !== sameUrlKey(row.url)) {
      const other = byUrl.get(newUrl);
      if (other && other !== id && !tombstones.has(other)) throw new SourceError(`Another source already has this URL (${quoted(index.docs[docPos.get(other)!]?.title ?? other)}).`);
    }
    await putUserSources(sdb, [UserSourceSchema.parse(next)]);
    const oldUrl = sameUrlKey(row.url);
    if (oldUrl && byUrl.get(oldUrl) === id) byUrl.delete(oldUrl);
    if (newUrl) byUrl.set(newUrl, id);
    users.set(id, withoutText(next));
    setDocMeta(index, id, { title: next.title, outlet: next.outlet, date: next.date, event: next.event });
    rollDocsKey();
    changed({ save: true });
    return info(id);
  }

  async function remove(id: string): Promise<UserSource> {
    requireDoc(id);
    if (seedIds.has(id)) throw new SourceError('The bundled sources cannot be deleted; switch them off instead.');
    const row = await deleteUserSource(sdb, id);
    if (!row) throw new SourceError(`There is no source “${id}”.`);
    users.delete(id);
    if (byHash.get(row.contentHash) === id) byHash.delete(row.contentHash);
    const u = sameUrlKey(row.url);
    if (u && byUrl.get(u) === id) byUrl.delete(u);
    // Kept in the index, switched off, until the next rebuild (an index cannot forget postings cheaply).
    setDocEnabled(index, id, false);
    tombstones.add(id);
    changed({ save: false });
    return row;
  }

  async function restore(raw: unknown): Promise<AddOutcome> {
    const p = UserSourceSchema.safeParse(raw);
    if (!p.success) return { status: 'refused', name: 'source', message: 'That source cannot be restored (its data is incomplete).' };
    const row = p.data;
    if (`user_${textHash(row.text)}` !== row.id || textHash(row.text) !== row.contentHash) {
      return { status: 'refused', name: row.title, message: 'That source cannot be restored (its text does not match its id).' };
    }
    const [outcome] = await add([
      { name: row.fileName ?? row.title, text: row.text, meta: { title: row.title, outlet: row.outlet, date: row.date, url: row.url, event: row.event }, origin: row.origin, fileName: row.fileName },
    ]);
    if (outcome!.status === 'added') {
      // Back in its place in the list.
      const again = await getUserSource(sdb, row.id);
      if (again && again.text === row.text) {
        await putUserSources(sdb, [{ ...again, addedAt: row.addedAt }]);
        users.set(row.id, withoutText({ ...again, addedAt: row.addedAt }));
      }
      return { ...outcome!, source: info(row.id), message: `Restored ${quoted(row.title)}.` };
    }
    return outcome!;
  }

  async function list(): Promise<SourceInfo[]> {
    const c = await counts();
    const out: SourceInfo[] = [];
    for (const d of index.docs) if (!tombstones.has(d.id)) out.push(info(d.id, c));
    // A damaged row whose text was added again since was overwritten by the new, valid row.
    for (const d of damagedRows) if (!users.has(d.id)) out.push(damagedInfo(d));
    return out;
  }

  async function get(id: string): Promise<{ source: SourceInfo; text: string } | null> {
    if (docPos.get(id) === undefined || tombstones.has(id)) return null;
    const c = await counts();
    const seed = seeds.find((s) => s.id === id);
    if (seed) return { source: info(id, c), text: seed.text };
    const row = await getUserSource(sdb, id);
    return row ? { source: info(id, c), text: row.text } : null;
  }

  return {
    ready: () => serial(async () => {}),
    getEngine: () => serial(async () => live),
    version: () => serial(async () => current.version),
    add: (items) => serial(() => add(items)),
    setEnabled: (id, enabled) => serial(() => setEnabled(id, enabled)),
    update: (id, patch) => serial(() => update(id, patch)),
    remove: (id) => serial(() => remove(id)),
    restore: (row) => serial(() => restore(row)),
    list: () => serial(() => list()),
    get: (id) => serial(() => get(id)),
    flush: async () => {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      await serialSave();
    },
    stats,
  };
}
