/**
 * The background's logic, with every dependency injected (engine, database, clock, hash, tab-state
 * persistence), so it runs unchanged in Node tests. `entrypoints/background.ts` only wires it to
 * the extension APIs.
 *
 * Requests (the protocol map's page messages, lib/protocol/map.ts; `handlers` answers them for
 * `createHandler`, `handle` validates first — a malformed one gets `{ok:false,error}`):
 * - `analyze` (content script): cache lookup by [url without #fragment, contentHash,
 *   engine.version] where contentHash = hash(docDate + "\n" + text); a hit is returned with
 *   `cached: true` and no engine call; a miss runs `engine.analyze(text, {docDate})`, stores the
 *   result and returns it with `cached: false` and the engine time `ms`. Reply: Response<Analysis>.
 * - `status` (content script): what the page is doing; updates the sender tab's state.
 *   Reply: Response<TabState>.
 * - `getTabState` (popup): Response<TabState> for `tabId`.
 *
 * Tab state lives in a Map. Because an MV3 service worker can be stopped at any time, each change
 * is also written to an optional `tabStore` (the wiring passes `browser.storage.session`: cleared
 * when the browser closes, which matches tab ids' lifetime). It stores the analysis *key*, not the
 * analysis, which is re-read from IndexedDB. Without a tabStore (or if it fails), a restarted
 * worker reports status 'unknown' and the popup offers "Check this page", which asks the content
 * script to re-send (`analyzeNow`) — served from the cache.
 */
import {
  fail,
  ok,
  TabStateSchema,
  type Analysis,
  type Response,
  type TabState,
  type TabStatus,
} from '../messages';
import type { Engine } from '../engine';
import type { ClaimResult } from '../types';
import { z } from 'zod';
import { parseMessage, typesIn, type Handler, type RequestOf, type SenderInfo, type TypesIn } from '../protocol';
import { analysisKey, getAnalysis, putAnalysis, StoredAnalysisSchema, type AnalysisKey, type CacheDB, type StoredAnalysis } from '../store/db';

/** What is persisted per tab (small: the analysis itself stays in IndexedDB). */
export const PersistedTabSchema = TabStateSchema.omit({ analysis: true }).extend({
  analysisKey: z.tuple([z.string(), z.string(), z.string()]).nullable(),
});
export type PersistedTab = z.infer<typeof PersistedTabSchema>;

export interface TabStore {
  get(tabId: number): Promise<unknown>;
  set(tabId: number, value: PersistedTab): Promise<void>;
  remove(tabId: number): Promise<void>;
}

export interface Sender {
  tabId?: number;
  url?: string;
  /** The sender is one of the extension's own pages (the wiring compares its origin). */
  extensionPage?: boolean;
}

export interface ServiceDeps {
  getEngine(): Promise<Engine>;
  /** The cache; null runs without one. */
  db: CacheDB | null;
  now(): number;
  hash(text: string): string | Promise<string>;
  /** Survives a service-worker restart (storage.session in the extension). Optional. */
  tabStore?: TabStore;
  /** Called after every tab-state change (the wiring updates the toolbar badge). */
  onTabState?(tabId: number, state: TabState): void;
  log?(message: string, error?: unknown): void;
}

export type HandleResult = Response<Analysis> | Response<TabState>;

/** The page messages the service answers. */
export type PageType = TypesIn<'page', 'background'>;
export const PAGE_TYPES: readonly PageType[] = typesIn('page', 'background');

export interface Service {
  /** Validates and answers one page message (tests; the background wires `handlers`). */
  handle(request: unknown, sender: Sender): Promise<HandleResult>;
  /** One handler per page message, for createHandler (lib/protocol/handle.ts). */
  handlers: { [K in PageType]: Handler<K> };
  getTabState(tabId: number): Promise<TabState>;
  /** Forget a tab (closed, or navigating to a new page). */
  forgetTab(tabId: number): Promise<void>;
}

// The badge's wording moved to badge.ts; re-exported for older imports.
export { badgeColor, badgeFor } from './badge';

/** The URL used in cache keys and tab state: without its #fragment. */
export function pageUrl(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

/** Only the fields the messages carry (drops `detection`, makes scores JSON-safe). */
function plainClaims(claims: ClaimResult[]): Analysis['claims'] {
  return claims.map((c) => ({
    text: c.text,
    start: c.start,
    end: c.end,
    verdict: c.verdict,
    evidence: c.evidence.map((e) => ({ source: e.source, quote: e.quote, stance: e.stance, reason: e.reason, score: finite(e.score) })),
  }));
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Problems quoted when a fresh analysis is malformed. */
const MAX_LISTED_PROBLEMS = 3;

/**
 * The engine's result as it will be stored and sent, validated: a malformed one (e.g. from a
 * damaged corpus index) is neither cached, to fail on every later read, nor sent, to fail in the
 * page as "malformed analysis": the request fails here, saying what is wrong.
 */
function checkedRow(row: StoredAnalysis): StoredAnalysis {
  const r = StoredAnalysisSchema.safeParse(row);
  if (r.success) return row;
  const problems = r.error.issues.slice(0, MAX_LISTED_PROBLEMS).map((i) => `${formatPath(i.path)}: ${i.message}`);
  throw new Error(`the checker produced a malformed result (${problems.join('; ')})`);
}

/** A zod path as sources[0].outlet. */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

export function createService(deps: ServiceDeps): Service {
  const log = deps.log ?? (() => {});
  /** seq orders updates: a message never overwrites a state written after it arrived. */
  const tabs = new Map<number, { state: TabState; key: AnalysisKey | null; seq: number }>();
  let seq = 0;
  const inflight = new Map<string, Promise<Analysis>>();

  function blank(tabId: number): TabState {
    return { tabId, status: 'unknown', url: null, title: '', error: null, analysis: null, updatedAt: deps.now() };
  }

  async function setTab(tabId: number, state: TabState, key: AnalysisKey | null): Promise<TabState> {
    tabs.set(tabId, { state, key, seq: ++seq });
    if (deps.tabStore) {
      const { analysis: _a, ...rest } = state;
      try {
        await deps.tabStore.set(tabId, { ...rest, analysisKey: key });
      } catch (e) {
        log('could not persist tab state', e);
      }
    }
    try {
      deps.onTabState?.(tabId, state);
    } catch (e) {
      log('onTabState failed', e);
    }
    return state;
  }

  async function getTabState(tabId: number): Promise<TabState> {
    const mem = tabs.get(tabId);
    if (mem) return mem.state;
    if (!deps.tabStore) return blank(tabId);
    let raw: unknown;
    try {
      raw = await deps.tabStore.get(tabId);
    } catch (e) {
      log('could not read persisted tab state', e);
      return blank(tabId);
    }
    const p = PersistedTabSchema.safeParse(raw);
    if (!p.success) return blank(tabId);
    const { analysisKey: key, ...rest } = p.data;
    let analysis: Analysis | null = null;
    if (key && deps.db) {
      const row = await getAnalysis(deps.db, key, log);
      if (row) analysis = fromRow(row, true, 0);
    }
    let state: TabState = { ...rest, tabId, analysis };
    // The analysis was evicted: the popup can ask the content script to re-send.
    if (key && !analysis && (state.status === 'done' || state.status === 'no_claims')) state = { ...state, status: 'unknown' };
    // A request may have set a fresher state while we were reading.
    const fresher = tabs.get(tabId);
    if (fresher) return fresher.state;
    tabs.set(tabId, { state, key: analysis ? key : null, seq: 0 });
    return state;
  }

  async function forgetTab(tabId: number): Promise<void> {
    tabs.delete(tabId);
    try {
      await deps.tabStore?.remove(tabId);
    } catch (e) {
      log('could not forget tab state', e);
    }
  }

  function fromRow(row: StoredAnalysis, cached: boolean, ms: number): Analysis {
    const { engineMs: _e, ...rest } = row;
    return { ...rest, cached, ms };
  }

  async function runAnalysis(engine: Engine, req: RequestOf<'analyze'>, url: string, contentHash: string): Promise<Analysis> {
    const key: AnalysisKey = [url, contentHash, engine.version];
    if (deps.db) {
      const hit = await getAnalysis(deps.db, key, log);
      if (hit) return fromRow(hit, true, 0);
    }
    const t0 = deps.now();
    const result = engine.analyze(req.text, { docDate: req.docDate });
    const ms = Math.max(0, deps.now() - t0);
    const row = checkedRow({
      url,
      contentHash,
      engineVersion: engine.version,
      claims: plainClaims(result.claims),
      sources: engine.index.docs.map((d) => ({ id: d.id, title: d.title, outlet: d.outlet, date: d.date })),
      analysedAt: deps.now(),
      engineMs: ms,
    });
    if (deps.db) await putAnalysis(deps.db, row, log);
    return fromRow(row, false, ms);
  }

  async function analyze(req: RequestOf<'analyze'>, tabId: number | undefined): Promise<Response<Analysis>> {
    const url = pageUrl(req.url);
    const base = { url, title: req.title, error: null, analysis: null };
    // Abandoned: the page reported a state for this URL after it sent this request (it stopped
    // waiting for the answer). The request is still answered; the tab's state is left alone.
    const abandoned = async (): Promise<boolean> => {
      if (tabId === undefined || req.sentAt === undefined) return false;
      const cur = await getTabState(tabId);
      return cur.url === url && cur.status !== 'analysing' && cur.updatedAt > req.sentAt;
    };
    const reportsToTab = tabId !== undefined && !(await abandoned());
    if (reportsToTab) await setTab(tabId, { ...blank(tabId), ...base, status: 'analysing' }, null);
    const startedAt = seq;

    // Reports the outcome on the tab unless the tab has moved on meanwhile: to another page, or
    // the page itself settled (it gave up waiting for this answer and said so, or navigated).
    const report = async (state: Omit<TabState, 'tabId' | 'updatedAt'>, key: AnalysisKey | null) => {
      if (tabId === undefined || !reportsToTab) return;
      const entry = tabs.get(tabId);
      const cur = entry?.state;
      if (!cur || cur.url !== url) return;
      if (entry.seq > startedAt && cur.status !== 'analysing') return;
      await setTab(tabId, { ...state, tabId, updatedAt: deps.now() }, key);
    };

    let engine: Engine;
    try {
      engine = await deps.getEngine();
    } catch (e) {
      const error = `The checker could not start: ${message(e)}`;
      log(error, e);
      await report({ ...base, status: 'error', error }, null);
      return fail(error);
    }
    try {
      const contentHash = await deps.hash(`${req.docDate ?? ''}\n${req.text}`);
      const id = JSON.stringify([url, contentHash, engine.version]);
      let job = inflight.get(id);
      if (!job) {
        job = runAnalysis(engine, req, url, contentHash).finally(() => inflight.delete(id));
        inflight.set(id, job);
      }
      const analysis = await job;
      await report({ ...base, status: analysis.claims.length ? 'done' : 'no_claims', analysis }, analysisKey(analysis));
      return ok(analysis);
    } catch (e) {
      const error = `The analysis failed: ${message(e)}`;
      log(error, e);
      await report({ ...base, status: 'error', error }, null);
      return fail(error);
    }
  }

  async function status(req: { status: TabStatus; url: string; error?: string }, tabId: number | undefined): Promise<Response<TabState>> {
    if (tabId === undefined) return fail('status must come from a tab');
    const receivedAt = seq;
    const url = pageUrl(req.url);
    await getTabState(tabId); // after a worker restart: reload the persisted state first
    const entry = tabs.get(tabId);
    // Stale: e.g. 'analysing' whose analysis finished while the persisted state was being read.
    if (entry && entry.seq > receivedAt) return ok(entry.state);
    const cur = entry?.state ?? blank(tabId);
    const keep = (req.status === 'done' || req.status === 'no_claims') && cur.url === url && cur.analysis !== null;
    const state: TabState = {
      tabId,
      status: req.status,
      url,
      title: cur.url === url ? cur.title : '',
      // 'not_article' may carry why (a page not in English names its language) for the popup.
      error: req.status === 'error' ? (req.error ?? 'Something went wrong on this page.') : req.status === 'not_article' ? (req.error ?? null) : null,
      analysis: keep ? cur.analysis : null,
      updatedAt: deps.now(),
    };
    return ok(await setTab(tabId, state, keep ? (entry?.key ?? null) : null));
  }

  /** Runs one request; a failure is an answer (`internal error: …`), never a rejection. */
  async function guarded<T>(run: () => Promise<Response<T>>): Promise<Response<T>> {
    try {
      return await run();
    } catch (e) {
      log('request failed', e);
      return fail(`internal error: ${message(e)}`);
    }
  }

  const handlers: Service['handlers'] = {
    analyze: (req, sender) => guarded(() => analyze(req, sender.tabId)),
    status: (req, sender) => guarded(() => status(req, sender.tabId)),
    getTabState: (req, sender) =>
      guarded(async () => {
        // A web page's content script learns its own tab's state only, never another's.
        if (sender.tabId !== undefined && sender.kind !== 'extensionPage' && req.tabId !== sender.tabId) return fail("a page may only read its own tab's state");
        return ok(await getTabState(req.tabId));
      }),
  };

  async function handle(raw: unknown, sender: Sender): Promise<HandleResult> {
    const parsed = parseMessage(PAGE_TYPES, raw);
    if (!parsed.ok) return parsed;
    const req = parsed.data;
    const from: SenderInfo = { tabId: sender.tabId, url: sender.url, kind: sender.extensionPage ? 'extensionPage' : 'content' };
    switch (req.type) {
      case 'analyze':
        return handlers.analyze(req, from);
      case 'status':
        return handlers.status(req, from);
      case 'getTabState':
        return handlers.getTabState(req, from);
    }
  }

  return { handle, handlers, getTabState, forgetTab };
}
