import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createService, badgeFor, badgeColor, pageUrl, type TabStore, type PersistedTab } from '../lib/background/service';
import { createEngineProvider, indexCacheVersion } from '../lib/background/engine-provider';
import { sha256Hex } from '../lib/background/hash';
import { openDb, getAnalysis, putAnalysis, SEED_INDEX_KEY, type CacheDB, type StoredAnalysis } from '../lib/store/db';
import { buildCorpus, hash as fnv, INDEX_FORMAT, loadCorpus } from '../lib/corpus/index';
import { AnalysisSchema, TabStateSchema, type Analysis, type Response, type TabState } from '../lib/messages';
import type { Engine } from '../lib/engine';
import type { ClaimResult, CorpusDoc } from '../lib/types';
import { loadSeedDocsFromDisk } from '../scripts/seeds-node';

const dbs: CacheDB[] = [];
function freshDb(): CacheDB {
  const db = openDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const CLAIMS: ClaimResult[] = [
  { text: 'A.', start: 0, end: 2, verdict: 'corroborated', evidence: [{ source: 's1', quote: 'A!', stance: 'supports', reason: 'same', score: 1 }] },
  {
    text: 'B.',
    start: 3,
    end: 5,
    verdict: 'contradicted',
    evidence: [{ source: 's2', quote: 'Not B.', stance: 'conflicts', reason: 'different figure', score: Infinity }],
  },
  { text: 'C.', start: 6, end: 8, verdict: 'mixed', evidence: [], detection: { score: 0.9, isClaim: true, reasons: ['x'] } },
  { text: 'D.', start: 9, end: 11, verdict: 'not_covered', evidence: [] },
];

function fakeEngine(version = 'v1', claims: ClaimResult[] = CLAIMS) {
  const analyze = vi.fn((_text: string, _opts?: { docDate?: string | null }) => ({ claims }));
  const engine = {
    version,
    index: {
      docs: [
        { id: 's1', title: 'One', outlet: 'Outlet One', date: '2025-06-02', event: 'round2' },
        { id: 's2', title: 'Two', outlet: null, date: null, event: null },
      ],
    },
    analyze,
    checkClaim: vi.fn(),
  } as unknown as Engine;
  return { engine, analyze };
}

function clock(step = 5) {
  let t = 1_000;
  return () => (t += step);
}

function memoryTabStore(): TabStore & { map: Map<number, PersistedTab> } {
  const map = new Map<number, PersistedTab>();
  return {
    map,
    async get(id) {
      return map.get(id);
    },
    async set(id, v) {
      map.set(id, structuredClone(v));
    },
    async remove(id) {
      map.delete(id);
    },
  };
}

function setup(opts: { version?: string; db?: CacheDB; tabStore?: TabStore; claims?: ClaimResult[] } = {}) {
  const db = opts.db ?? freshDb();
  const { engine, analyze } = fakeEngine(opts.version, opts.claims);
  const onTabState = vi.fn();
  const service = createService({ getEngine: async () => engine, db, now: clock(), hash: fnv, tabStore: opts.tabStore, onTabState });
  return { db, engine, analyze, service, onTabState };
}

const REQ = { type: 'analyze', url: 'https://news.example/a#top', title: 'A page', text: 'A. B. C. D.', docDate: '2025-06-02' };

function expectOk<T>(r: Response<T> | Response<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error}`);
  return r.data as T;
}

describe('background service: requests', () => {
  it('replies { ok: false, error } to malformed messages', async () => {
    const { service, analyze } = setup();
    for (const raw of [
      null,
      undefined,
      42,
      'analyze',
      {},
      { type: 'nope' },
      { type: 'analyze' },
      { ...REQ, text: '' },
      { ...REQ, url: 7 },
      { ...REQ, docDate: 'Monday' },
      { type: 'getTabState', tabId: 'x' },
      { type: 'status', status: 'weird', url: 'u' },
    ]) {
      const r = await service.handle(raw, { tabId: 1 });
      expect(r.ok, JSON.stringify(raw)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^malformed message/);
    }
    expect(analyze).not.toHaveBeenCalled();
  });

  it('first analyze runs the engine and stores the result', async () => {
    const { service, analyze, db } = setup();
    const a = expectOk<Analysis>(await service.handle(REQ, { tabId: 3 }));
    expect(analyze).toHaveBeenCalledTimes(1);
    expect(analyze).toHaveBeenCalledWith('A. B. C. D.', { docDate: '2025-06-02' });
    expect(AnalysisSchema.parse(a)).toBeTruthy();
    expect(a.cached).toBe(false);
    expect(a.ms).toBe(5);
    expect(a.url).toBe('https://news.example/a'); // fragment dropped
    expect(a.engineVersion).toBe('v1');
    expect(a.claims.map((c) => c.verdict)).toEqual(['corroborated', 'contradicted', 'mixed', 'not_covered']);
    expect(a.claims[1]!.evidence[0]!.score).toBe(0); // JSON-safe
    expect('detection' in a.claims[2]!).toBe(false);
    expect(a.sources.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(await db.analyses.count()).toBe(1);
  });

  it('second identical analyze is served from the cache without calling the engine', async () => {
    const { service, analyze } = setup();
    const first = expectOk<Analysis>(await service.handle(REQ, { tabId: 3 }));
    const second = expectOk<Analysis>(await service.handle({ ...REQ, url: 'https://news.example/a#other' }, { tabId: 3 }));
    expect(analyze).toHaveBeenCalledTimes(1);
    expect(second.cached).toBe(true);
    expect(second.ms).toBe(0);
    expect(second.claims).toEqual(first.claims);
    expect(second.analysedAt).toBe(first.analysedAt);
  });

  it('changed text, another date or another URL run the engine again', async () => {
    const { service, analyze } = setup();
    await service.handle(REQ, {});
    expect(expectOk<Analysis>(await service.handle({ ...REQ, text: 'A. B. C. D. E.' }, {})).cached).toBe(false);
    expect(expectOk<Analysis>(await service.handle({ ...REQ, docDate: '2025-05-16' }, {})).cached).toBe(false);
    expect(expectOk<Analysis>(await service.handle({ ...REQ, url: 'https://news.example/b' }, {})).cached).toBe(false);
    expect(analyze).toHaveBeenCalledTimes(4);
  });

  it('a different engine version runs the engine again', async () => {
    const db = freshDb();
    const one = setup({ db, version: 'v1' });
    await one.service.handle(REQ, {});
    const two = setup({ db, version: 'v2' });
    const a = expectOk<Analysis>(await two.service.handle(REQ, {}));
    expect(a.cached).toBe(false);
    expect(a.engineVersion).toBe('v2');
    expect(two.analyze).toHaveBeenCalledTimes(1);
    expect(await db.analyses.count()).toBe(2);
  });

  it('a corrupt cache row is deleted and treated as a miss', async () => {
    const { service, analyze, db } = setup();
    const a = expectOk<Analysis>(await service.handle(REQ, {}));
    const key: [string, string, string] = [a.url, a.contentHash, a.engineVersion];
    await db.analyses.put({ url: a.url, contentHash: a.contentHash, engineVersion: a.engineVersion, claims: 'garbage' } as unknown as StoredAnalysis);
    expect(await getAnalysis(db, key)).toBeNull();
    expect(await db.analyses.get(key)).toBeUndefined(); // deleted
    await db.analyses.put({ ...(await freshRow(a)), claims: [{ text: 1 }] } as unknown as StoredAnalysis);
    const again = expectOk<Analysis>(await service.handle(REQ, {}));
    expect(again.cached).toBe(false);
    expect(analyze).toHaveBeenCalledTimes(2);
    expect(expectOk<Analysis>(await service.handle(REQ, {})).cached).toBe(true);
  });

  it('concurrent identical requests run the engine once', async () => {
    const { service, analyze } = setup();
    const [a, b] = await Promise.all([service.handle(REQ, { tabId: 1 }), service.handle(REQ, { tabId: 2 })]);
    expect(a.ok && b.ok).toBe(true);
    expect(analyze).toHaveBeenCalledTimes(1);
  });

  it('a long page checked in parts: the tab counts every part, at its offsets, not just the last', async () => {
    const { service, onTabState } = setup();
    const first = expectOk<Analysis>(await service.handle({ ...REQ, part: { index: 0, start: 0 } }, { tabId: 4 }));
    expect(first.claims).toHaveLength(4);
    // The second part is another text (its own cache key); while it is checked the first part stays counted.
    const second = expectOk<Analysis>(await service.handle({ ...REQ, text: 'E. F. G. H.', part: { index: 1, start: 100 } }, { tabId: 4 }));
    expect(second.claims.map((c) => c.start)).toEqual([0, 3, 6, 9]); // the reply is the part's own
    const st = await service.getTabState(4);
    expect(st.status).toBe('done');
    expect(st.analysis!.claims.map((c) => c.start)).toEqual([0, 3, 6, 9, 100, 103, 106, 109]);
    expect(st.analysis!.claims.filter((c) => c.verdict === 'contradicted' || c.verdict === 'mixed')).toHaveLength(4);
    const analysing = onTabState.mock.calls.map(([, s]) => s as TabState).filter((s) => s.status === 'analysing');
    expect(analysing.at(-1)!.analysis!.claims).toHaveLength(4);
    // A new first part (the page checked again) starts over.
    await service.handle({ ...REQ, part: { index: 0, start: 0 } }, { tabId: 4 });
    expect((await service.getTabState(4)).analysis!.claims).toHaveLength(4);
  });

  it('works without a database', async () => {
    const { engine, analyze } = fakeEngine();
    const service = createService({ getEngine: async () => engine, db: null, now: clock(), hash: fnv });
    expect(expectOk<Analysis>(await service.handle(REQ, {})).cached).toBe(false);
    expect(expectOk<Analysis>(await service.handle(REQ, {})).cached).toBe(false);
    expect(analyze).toHaveBeenCalledTimes(2);
  });

  it('an engine that fails to start or throws gives an error reply and an error tab state', async () => {
    const broken = createService({ getEngine: async () => Promise.reject(new Error('bad manifest')), db: freshDb(), now: clock(), hash: fnv });
    const r = await broken.handle(REQ, { tabId: 9 });
    expect(r).toEqual({ ok: false, error: 'The checker could not start: bad manifest' });
    const st = await broken.getTabState(9);
    expect(st.status).toBe('error');
    expect(st.error).toContain('bad manifest');

    const { engine } = fakeEngine();
    (engine as { analyze: unknown }).analyze = () => {
      throw new Error('boom');
    };
    const throwing = createService({ getEngine: async () => engine, db: freshDb(), now: clock(), hash: fnv });
    const r2 = await throwing.handle(REQ, { tabId: 9 });
    expect(r2.ok).toBe(false);
    expect((await throwing.getTabState(9)).status).toBe('error');
  });

  it('hashes with SHA-256 when given Web Crypto', async () => {
    const h = sha256Hex(globalThis.crypto.subtle);
    expect(await h('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const { engine, analyze } = fakeEngine();
    const service = createService({ getEngine: async () => engine, db: freshDb(), now: clock(), hash: h });
    const a = expectOk<Analysis>(await service.handle(REQ, {}));
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(expectOk<Analysis>(await service.handle(REQ, {})).cached).toBe(true);
    expect(analyze).toHaveBeenCalledTimes(1);
  });
});

async function freshRow(a: Analysis): Promise<StoredAnalysis> {
  const { cached: _c, ms: _m, ...rest } = a;
  return { ...rest, engineMs: 0 };
}

describe('background service: tab state', () => {
  it('tracks analysing → done with the analysis, and reports each change', async () => {
    const { service, onTabState } = setup();
    expect((await service.getTabState(5)).status).toBe('unknown');
    await service.handle(REQ, { tabId: 5 });
    const st = expectOk<TabState>(await service.handle({ type: 'getTabState', tabId: 5 }, {}));
    expect(TabStateSchema.parse(st)).toBeTruthy();
    expect(st.status).toBe('done');
    expect(st.url).toBe('https://news.example/a');
    expect(st.title).toBe('A page');
    expect(st.analysis?.claims).toHaveLength(4);
    expect(onTabState.mock.calls.map(([id, s]) => [id, (s as TabState).status])).toEqual([
      [5, 'analysing'],
      [5, 'done'],
    ]);
  });

  it('no claims → no_claims', async () => {
    const { service } = setup({ claims: [] });
    await service.handle(REQ, { tabId: 5 });
    const st = await service.getTabState(5);
    expect(st.status).toBe('no_claims');
    expect(st.analysis?.claims).toEqual([]);
  });

  it('status messages from the content script update the sender tab', async () => {
    const { service } = setup();
    const st = expectOk<TabState>(await service.handle({ type: 'status', status: 'blocked', url: 'https://x.example/p' }, { tabId: 4 }));
    expect(st).toMatchObject({ status: 'blocked', url: 'https://x.example/p', error: null, analysis: null });
    await service.handle({ type: 'status', status: 'error', url: 'https://x.example/p', error: 'no text' }, { tabId: 4 });
    expect(await service.getTabState(4)).toMatchObject({ status: 'error', error: 'no text' });
    expect((await service.handle({ type: 'status', status: 'idle', url: 'u' }, {})).ok).toBe(false); // not from a tab
    // 'done' for the analysed page keeps the analysis; a new page drops it.
    await service.handle(REQ, { tabId: 4 });
    await service.handle({ type: 'status', status: 'done', url: REQ.url }, { tabId: 4 });
    expect((await service.getTabState(4)).analysis).not.toBeNull();
    await service.handle({ type: 'status', status: 'not_article', url: 'https://news.example/other' }, { tabId: 4 });
    expect(await service.getTabState(4)).toMatchObject({ status: 'not_article', analysis: null });
  });

  it('a result for a page the tab has left does not overwrite the new state', async () => {
    const db = freshDb();
    const { engine } = fakeEngine();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const service = createService({ getEngine: async () => (await gate, engine), db, now: clock(), hash: fnv });
    const pending = service.handle(REQ, { tabId: 8 });
    await new Promise((r) => setTimeout(r, 0));
    await service.forgetTab(8);
    await service.handle({ type: 'status', status: 'not_article', url: 'https://other.example/' }, { tabId: 8 });
    release();
    expect((await pending).ok).toBe(true);
    expect(await service.getTabState(8)).toMatchObject({ status: 'not_article', url: 'https://other.example/' });
  });

  it('an answer the page stopped waiting for does not overwrite what the page said since', async () => {
    const db = freshDb();
    const { engine } = fakeEngine();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const service = createService({ getEngine: async () => (await gate, engine), db, now: clock(), hash: fnv });
    const pending = service.handle(REQ, { tabId: 9 });
    await new Promise((r) => setTimeout(r, 0));
    // The page gave up waiting (its answer time limit) and reported the failure on the same URL.
    await service.handle({ type: 'status', status: 'error', url: REQ.url, error: 'Crosscheck stopped while checking this page. Try again.' }, { tabId: 9 });
    release();
    expect((await pending).ok).toBe(true);
    expect(await service.getTabState(9)).toMatchObject({ status: 'error', analysis: null });
    // A new request from the page (Try again) is reported as usual.
    expectOk<Analysis>(await service.handle(REQ, { tabId: 9 }));
    expect(await service.getTabState(9)).toMatchObject({ status: 'done' });
  });

  it('a request delivered late, after the page reported it gave up, leaves the tab state alone', async () => {
    const { service } = setup();
    await service.handle({ type: 'status', status: 'error', url: REQ.url, error: 'Crosscheck stopped while checking this page. Try again.' }, { tabId: 10 });
    const { updatedAt } = await service.getTabState(10);
    // Sent before the page gave up, delivered only now (a restarted worker): answered, not reported.
    expectOk<Analysis>(await service.handle({ ...REQ, sentAt: updatedAt - 1 }, { tabId: 10 }));
    expect(await service.getTabState(10)).toMatchObject({ status: 'error', analysis: null });
    // Sent after (Try again): reported.
    expectOk<Analysis>(await service.handle({ ...REQ, sentAt: updatedAt + 1 }, { tabId: 10 }));
    expect(await service.getTabState(10)).toMatchObject({ status: 'done' });
  });

  it('survives a worker restart through the tab store, re-reading the analysis from IndexedDB', async () => {
    const db = freshDb();
    const tabStore = memoryTabStore();
    const before = setup({ db, tabStore });
    await before.service.handle(REQ, { tabId: 6 });
    expect(tabStore.map.get(6)).toMatchObject({ status: 'done', analysisKey: ['https://news.example/a', expect.any(String), 'v1'] });
    expect(JSON.stringify(tabStore.map.get(6))).not.toContain('different figure'); // only the key is persisted

    const after = setup({ db, tabStore }); // new worker: empty memory
    const st = await after.service.getTabState(6);
    expect(st.status).toBe('done');
    expect(st.analysis?.claims).toHaveLength(4);
    expect(st.analysis?.cached).toBe(true);
    expect(after.analyze).not.toHaveBeenCalled();

    // The analysis was evicted from the cache meanwhile: report 'unknown' so the popup asks the page again.
    await db.analyses.clear();
    const third = setup({ db, tabStore });
    expect((await third.service.getTabState(6)).status).toBe('unknown');

    // forgetTab removes the persisted state too; without a store a restart gives 'unknown'.
    await after.service.forgetTab(6);
    expect(tabStore.map.has(6)).toBe(false);
    expect((await setup({ db }).service.getTabState(6)).status).toBe('unknown');
  });

  it('a broken tab store never breaks a request', async () => {
    const bad: TabStore = {
      get: () => Promise.reject(new Error('x')),
      set: () => Promise.reject(new Error('x')),
      remove: () => Promise.reject(new Error('x')),
    };
    const fresh = setup({ tabStore: bad });
    expect((await fresh.service.getTabState(1)).status).toBe('unknown');
    expect((await fresh.service.handle(REQ, { tabId: 1 })).ok).toBe(true);
    expect((await fresh.service.getTabState(1)).status).toBe('done');
    await fresh.service.forgetTab(1);
    await fresh.service.handle({ type: 'status', status: 'idle', url: 'https://a.example/' }, { tabId: 1 });
    const garbage: TabStore = { get: async () => ({ tabId: 'no' }), set: async () => {}, remove: async () => {} };
    expect((await setup({ tabStore: garbage }).service.getTabState(2)).status).toBe('unknown');
  });
});

describe('badge', () => {
  it('counts contradicted + mixed claims, empty when none', () => {
    expect(badgeFor(null)).toBe('');
    expect(badgeFor({ claims: [] })).toBe('');
    const mk = (verdicts: string[]) => ({ claims: verdicts.map((verdict) => ({ verdict })) }) as Pick<Analysis, 'claims'>;
    expect(badgeFor(mk(['corroborated', 'not_covered']))).toBe('');
    expect(badgeFor(mk(['contradicted', 'mixed', 'corroborated', 'mixed']))).toBe('3');
    expect(badgeColor(mk(['mixed']))).toBe('#b45309');
    expect(badgeColor(mk(['mixed', 'contradicted']))).toBe('#b91c1c');
  });

  it('pageUrl drops the fragment only', () => {
    expect(pageUrl('https://a.example/p?q=1#x')).toBe('https://a.example/p?q=1');
    expect(pageUrl('https://a.example/p')).toBe('https://a.example/p');
  });
});

describe('cache store', () => {
  it('prunes the oldest analyses beyond the limit', async () => {
    const db = freshDb();
    for (let i = 0; i < 5; i++) {
      await putAnalysis(db, { url: `u${i}`, contentHash: 'h', engineVersion: 'v', claims: [], sources: [], analysedAt: i, engineMs: 0 }, undefined, 3);
    }
    expect((await db.analyses.toArray()).map((r) => r.url).sort()).toEqual(['u2', 'u3', 'u4']);
  });
});

describe('engine provider: corpus index cache', () => {
  const docs: CorpusDoc[] = loadSeedDocsFromDisk();

  function provider(db: CacheDB, d: CorpusDoc[] = docs) {
    const build = vi.fn(buildCorpus);
    const load = vi.fn(loadCorpus);
    return { getEngine: createEngineProvider({ loadDocs: () => d, db, build, load }), build, load };
  }

  it('builds the index once, then a restarted worker reloads it from the table', async () => {
    const db = freshDb();
    const first = provider(db);
    const e1 = await first.getEngine();
    expect(await first.getEngine()).toBe(e1); // memoised
    expect(first.build).toHaveBeenCalledTimes(1);
    expect(first.load).not.toHaveBeenCalled();
    const row = await db.corpus.get(SEED_INDEX_KEY);
    expect(row).toMatchObject({ version: indexCacheVersion(docs), format: INDEX_FORMAT });

    const second = provider(db); // worker restart
    const e2 = await second.getEngine();
    expect(second.build).not.toHaveBeenCalled();
    expect(second.load).toHaveBeenCalledTimes(1);
    expect(e2.version).toBe(e1.version);
    const text = docs[1]!.text.slice(0, 1500);
    expect(e2.analyze(text, { docDate: '2025-06-02' })).toEqual(e1.analyze(text, { docDate: '2025-06-02' }));
  });

  it('rebuilds and overwrites when the stored version or format differs, or the JSON is corrupt', async () => {
    const db = freshDb();
    await provider(db).getEngine();
    const changed = docs.map((d, i) => (i === 0 ? { ...d, text: `${d.text}\nOne more sentence about Istanbul.` } : d));
    const p = provider(db, changed);
    await p.getEngine();
    expect(p.build).toHaveBeenCalledTimes(1);
    expect((await db.corpus.get(SEED_INDEX_KEY))?.version).toBe(indexCacheVersion(changed));

    await db.corpus.update(SEED_INDEX_KEY, { format: INDEX_FORMAT + 1 });
    const q = provider(db, changed);
    await q.getEngine();
    expect(q.build).toHaveBeenCalledTimes(1);
    expect((await db.corpus.get(SEED_INDEX_KEY))?.format).toBe(INDEX_FORMAT);

    await db.corpus.update(SEED_INDEX_KEY, { json: '{not json' });
    const r = provider(db, changed);
    const engine = await r.getEngine();
    expect(r.load).toHaveBeenCalledTimes(1);
    expect(r.build).toHaveBeenCalledTimes(1);
    expect(engine.index.sentences.length).toBeGreaterThan(10);
    const s = provider(db, changed);
    await s.getEngine();
    expect(s.build).not.toHaveBeenCalled(); // the rebuilt row is good again
  });

  it('a failure is not memoised', async () => {
    let calls = 0;
    const getEngine = createEngineProvider({
      loadDocs: () => {
        calls++;
        if (calls === 1) throw new Error('manifest broken');
        return docs;
      },
      db: null,
    });
    await expect(getEngine()).rejects.toThrow('manifest broken');
    expect((await getEngine()).index.docs).toHaveLength(docs.length);
  });

  it('end to end: the real engine behind the service, cached on the second call', async () => {
    const db = freshDb();
    const service = createService({ getEngine: provider(db).getEngine, db, now: () => Date.now(), hash: sha256Hex(globalThis.crypto.subtle) });
    const text =
      'Russia and Ukraine agreed on Monday to exchange all severely wounded and young prisoners of war. The talks in Istanbul lasted just over an hour.';
    const a = expectOk<Analysis>(await service.handle({ type: 'analyze', url: 'https://news.example/r2', text, docDate: '2025-06-02' }, { tabId: 1 }));
    expect(a.cached).toBe(false);
    expect(a.claims.length).toBeGreaterThan(0);
    expect(a.sources.map((s) => s.id)).toEqual(docs.map((d) => d.id));
    for (const c of a.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a); // survives extension messaging
    const b = expectOk<Analysis>(await service.handle({ type: 'analyze', url: 'https://news.example/r2', text, docDate: '2025-06-02' }, { tabId: 1 }));
    expect(b.cached).toBe(true);
    expect(b.claims).toEqual(a.claims);
  });
});

describe('background service: message races after a worker restart', () => {
  it("a late 'analysing' status does not overwrite the analysis that finished meanwhile", async () => {
    const db = freshDb();
    const store = memoryTabStore();
    let releaseGet!: () => void;
    const slowGet = new Promise<void>((r) => (releaseGet = r));
    const tabStore: TabStore = { ...store, get: async (id) => (await slowGet, store.get(id)) };
    const { service } = setup({ db, tabStore });
    // The content script sends 'status: analysing' then 'analyze'; the tab store read is slow.
    const statusReply = service.handle({ type: 'status', status: 'analysing', url: REQ.url }, { tabId: 2 });
    const analysed = await service.handle(REQ, { tabId: 2 });
    expect(analysed.ok).toBe(true);
    releaseGet();
    await statusReply;
    expect((await service.getTabState(2)).status).toBe('done');
    await service.handle({ type: 'status', status: 'done', url: REQ.url }, { tabId: 2 });
    const st = await service.getTabState(2);
    expect(st.status).toBe('done');
    expect(st.analysis?.claims).toHaveLength(4);
  });
});
