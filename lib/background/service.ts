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
 * Tab state lives in a Map (lib/background/tab-states.ts). Because an MV3 service worker can be stopped at any time, each change
 * is also written to an optional `tabStore` (the wiring passes `browser.storage.session`: cleared
 * when the browser closes, which matches tab ids' lifetime). It stores the analysis *key*, not the
 * analysis, which is re-read from IndexedDB. Without a tabStore (or if it fails), a restarted
 * worker reports status 'unknown' and the popup offers "Check this page", which asks the content
 * script to re-send (`analyzeNow`) — served from the cache.
 */
import { fail, ok, type Analysis, type Response, type TabState, type TabStatus } from '../messages';
import type { Engine } from '../engine';
import type { ClaimResult } from '../types';
import { parseMessage, typesIn, type Handler, type RequestOf, type SenderInfo, type TypesIn } from '../protocol';
import { analysisKey, getAnalysis, putAnalysis, StoredAnalysisSchema, type AnalysisKey, type CacheDB, type StoredAnalysis } from '../store/db';
import { TabStates, fromRow, type TabStore } from './tab-states';
import { appendPart } from '../content/chunks';

export { PersistedTabSchema, type PersistedTab, type TabStore } from './tab-states';

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

/**
 * The engine's analysis of a page, from the cache when it has it; identical requests running at
 * the same time share one engine run.
 */
function createAnalysisRunner(deps: ServiceDeps, log: (message: string, error?: unknown) => void) {
  const inflight = new Map<string, Promise<Analysis>>();

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

  return async (engine: Engine, req: RequestOf<'analyze'>, url: string): Promise<Analysis> => {
    const contentHash = await deps.hash(`${req.docDate ?? ''}\n${req.text}`);
    const id = JSON.stringify([url, contentHash, engine.version]);
    let job = inflight.get(id);
    if (!job) {
      job = runAnalysis(engine, req, url, contentHash).finally(() => inflight.delete(id));
      inflight.set(id, job);
    }
    return job;
  };
}

/**
 * The tab's analysis of a long page with one more part added (lib/content/chunks.ts appendPart).
 * The reply to the page is the part's own analysis (the page merges its parts itself); this is
 * what the badge and a popup opened meanwhile count. A tab on another page gets the part alone.
 */
export function withEarlierParts(cur: TabState | null, url: string, part: Analysis, start: number): Analysis {
  return appendPart(cur && cur.url === url ? cur.analysis : null, part, start);
}

/**
 * Abandoned: the page reported a state for this URL after it sent this request (it stopped
 * waiting for the answer). The request is still answered; the tab's state is left alone.
 */
async function abandoned(tabs: TabStates, tabId: number | undefined, req: RequestOf<'analyze'>, url: string): Promise<boolean> {
  if (tabId === undefined || req.sentAt === undefined) return false;
  const cur = await tabs.get(tabId);
  return cur.url === url && cur.status !== 'analysing' && cur.updatedAt > req.sentAt;
}

/** Is this request a second or later part of a long page, from a tab? */
const laterPart = (req: RequestOf<'analyze'>, tabId: number | undefined): boolean => tabId !== undefined && !!req.part && req.part.index > 0;

export function createService(deps: ServiceDeps): Service {
  const log = deps.log ?? (() => {});
  const tabs = new TabStates({ db: deps.db, now: deps.now, tabStore: deps.tabStore, onTabState: deps.onTabState, log });
  const analysisOf = createAnalysisRunner(deps, log);
  const getTabState = (tabId: number) => tabs.get(tabId);
  const forgetTab = (tabId: number) => tabs.forget(tabId);

  async function analyze(req: RequestOf<'analyze'>, tabId: number | undefined): Promise<Response<Analysis>> {
    const url = pageUrl(req.url);
    const base = { url, title: req.title, error: null, analysis: null };
    const reportsToTab = tabId !== undefined && !(await abandoned(tabs, tabId, req, url));
    // A later part of a long page: the parts checked so far stay counted while it is checked.
    const sofar = laterPart(req, tabId) ? tabs.entry(tabId!)?.state : undefined;
    if (reportsToTab) await tabs.set(tabId, { ...tabs.blank(tabId), ...base, status: 'analysing', analysis: sofar?.url === url ? sofar.analysis : null }, null);
    const startedAt = tabs.seq;

    // Reports the outcome on the tab unless the tab has moved on meanwhile: to another page, or
    // the page itself settled (it gave up waiting for this answer and said so, or navigated).
    const report = async (state: Omit<TabState, 'tabId' | 'updatedAt'>, key: AnalysisKey | null) => {
      if (tabId === undefined || !reportsToTab) return;
      const entry = tabs.entry(tabId);
      const cur = entry?.state;
      if (!cur || cur.url !== url) return;
      if (entry.seq > startedAt && cur.status !== 'analysing') return;
      await tabs.set(tabId, { ...state, tabId, updatedAt: deps.now() }, key);
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
      const analysis = await analysisOf(engine, req, url);
      const whole = laterPart(req, tabId) ? withEarlierParts(tabs.entry(tabId!)?.state ?? null, url, analysis, req.part!.start) : analysis;
      await report({ ...base, status: whole.claims.length ? 'done' : 'no_claims', analysis: whole }, analysisKey(analysis));
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
    const receivedAt = tabs.seq;
    const url = pageUrl(req.url);
    await tabs.get(tabId); // after a worker restart: reload the persisted state first
    const entry = tabs.entry(tabId);
    // Stale: e.g. 'analysing' whose analysis finished while the persisted state was being read.
    if (entry && entry.seq > receivedAt) return ok(entry.state);
    const cur = entry?.state ?? tabs.blank(tabId);
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
    return ok(await tabs.set(tabId, state, keep ? (entry?.key ?? null) : null));
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
        if (sender.tabId !== undefined && sender.kind !== 'extensionPage' && req.tabId !== sender.tabId)
          return fail("a page may only read its own tab's state");
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
