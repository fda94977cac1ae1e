/**
 * Damaged storage is never fatal (issue items 1 and 2):
 * - a cached row with valid JSON but the wrong shape — the corpus index, an analysis, a source, a
 *   note — is validated in full on load; the corpus is rebuilt from the seeds and sources (the bad
 *   row is never saved again), a bad analysis is dropped and recomputed, a bad source is set aside
 *   and reported, a bad note is kept and listed as damaged;
 * - after a failed write (quota, a connection the browser closed, an open that failed), the next
 *   write reopens the same database object and succeeds.
 */
import { describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { sourcesRowVersion } from '../lib/sources/manager';
import { openSourcesDb, putUserSources, listUserSources, UserSourceSchema } from '../lib/sources/db';
import { getAnalysis, openDb, putAnalysis, SEED_INDEX_KEY, type CacheDB, type IndexedDbImpl, type StoredAnalysis } from '../lib/store/db';
import { buildCorpus, hash as fnv, loadCorpus, serializeCorpus } from '../lib/corpus/index';
import { createService } from '../lib/background/service';
import { createEngineProvider, indexCacheVersion } from '../lib/background/engine-provider';
import { AnalysisSchema, type Analysis, type Response } from '../lib/messages';
import { listNotes, openNotesDb, saveNote, type Note, type NotesDB } from '../lib/notes';
import { buildNote, SWAP_CLAIM, uuid } from './support/notes';
import type { Engine } from '../lib/engine';
import { textHash } from '../lib/sources';
import { dbs, manager, SEEDS, closeAfterTest } from './support/sources';

const ARTICLE =
  'Delegations from both countries met in Geneva on Tuesday to discuss the exchange of civilian detainees. ' +
  'Officials said that the Red Cross would supervise the transfer of 150 civilians from each side, and that the ' +
  'talks would continue in the coming weeks. The head of the Ukrainian delegation said that the meeting had been constructive.';
const PAGE = 'Russia and Ukraine agreed to swap 1,000 prisoners each after the talks in Istanbul. The meeting lasted less than two hours.';

function expectOk<T>(r: Response<T> | Response<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error}`);
  return r.data as T;
}

/** Rewrites the cached corpus row's documents (valid JSON, wrong shape). */
async function damageCorpusRow(cdb: CacheDB, damage: (doc: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const row = await cdb.corpus.get(SEED_INDEX_KEY);
  if (!row) throw new Error('no corpus row to damage');
  const o = JSON.parse(row.json);
  o.docs = o.docs.map(damage);
  await cdb.corpus.put({ ...row, json: JSON.stringify(o) });
}

/**
 * An IndexedDB factory whose `open` can be made to fail (a full disk), and the tools to lose a
 * connection the way a browser does after a storage error.
 */
function flakyFactory() {
  const real = new IDBFactory();
  const state = { diskFull: false, opens: 0 };
  const indexedDB = {
    open: (name: string, version?: number) => {
      state.opens++;
      if (state.diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return version === undefined ? real.open(name) : real.open(name, version);
    },
    deleteDatabase: (name: string) => real.deleteDatabase(name),
    databases: () => real.databases(),
    cmp: (a: unknown, b: unknown) => real.cmp(a, b),
  };
  const impl: IndexedDbImpl = { indexedDB, IDBKeyRange };
  return { impl, state };
}

/** What a browser does when it drops a connection after a storage error: the `close` event. */
function loseConnection(db: { backendDB(): IDBDatabase }): void {
  const idb = db.backendDB() as IDBDatabase & { onclose: ((this: IDBDatabase, ev: Event) => unknown) | null };
  idb.onclose?.call(idb, new Event('close'));
}

function note(n: number): Note {
  return buildNote({ n, at: new Date(Date.UTC(2025, 5, 2, 10, n)), claim: SWAP_CLAIM, pageText: `Intro ${n}. ${SWAP_CLAIM} Outro.`, evidence: [] });
}

describe('item 1: a damaged corpus cache row', () => {
  for (const [label, damage] of [
    ['documents reduced to {id}', (d: Record<string, unknown>) => ({ id: d.id })],
    ['documents without outlet, date and event', (d: Record<string, unknown>) => ({ id: d.id, title: d.title })],
  ] as const) {
    it(`${label}: rebuilt from the seeds and sources, never saved again, and pages get valid analyses`, async () => {
      const { sdb, cdb, factory } = dbs();
      const m1 = manager(sdb, cdb);
      const [added] = await m1.add([{ name: 'geneva.txt', text: ARTICLE, origin: 'paste', meta: { outlet: 'Daily Ledger' } }]);
      await m1.flush();
      await damageCorpusRow(cdb, damage);

      // A restarted background on the same databases.
      const again = dbs(factory);
      const log = vi.fn();
      const build = vi.fn(buildCorpus);
      const m2 = manager(again.sdb, again.cdb, { build, log });
      const service = createService({ getEngine: m2.getEngine, db: again.cdb, now: () => 1, hash: fnv });
      const reply = await service.handle({ type: 'analyze', url: 'https://news.example/p', title: 'p', text: PAGE, docDate: '2025-05-16' }, {});
      const analysis = expectOk<Analysis>(reply);
      expect(AnalysisSchema.safeParse(analysis).success).toBe(true);
      expect(m2.stats.startup).toBe('built');
      expect(build).toHaveBeenCalledTimes(1);
      expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/corpus/i);

      // The sources page gets whole entries, the reader's source included.
      const list = await m2.list();
      for (const s of list) expect(typeof s.title).toBe('string');
      expect(list.find((s) => added!.status === 'added' && s.id === added!.source.id)?.outlet).toBe('Daily Ledger');

      // The row written back is the rebuilt index, complete; the damaged one is gone for good.
      await m2.flush();
      const row = await again.cdb.corpus.get(SEED_INDEX_KEY);
      expect(row?.version).toBe(sourcesRowVersion(SEEDS));
      const docs = JSON.parse(row!.json).docs as Array<Record<string, unknown>>;
      for (const d of docs) expect(Object.keys(d).sort()).toEqual(['date', 'event', 'id', 'outlet', 'title']);
      expect(() => loadCorpus(row!.json)).not.toThrow();

      // A third start reloads the good row instead of rebuilding.
      const third = dbs(factory);
      const m3 = manager(third.sdb, third.cdb, { build });
      await m3.getEngine();
      expect(m3.stats.startup).toBe('cached');
      expect(build).toHaveBeenCalledTimes(1);
    });
  }

  it('loadCorpus validates every part of the serialised index in full', () => {
    const good = serializeCorpus(buildCorpus(SEEDS.slice(0, 2)));
    expect(loadCorpus(good).docs).toHaveLength(2);
    const edit = (f: (o: Record<string, any>) => void) => {
      const o = JSON.parse(good);
      f(o);
      return JSON.stringify(o);
    };
    const bad: Record<string, string> = {
      'a document without outlet': edit((o) => delete o.docs[0].outlet),
      'a document reduced to {id}': edit((o) => (o.docs[1] = { id: o.docs[1].id })),
      'a title that is a number': edit((o) => (o.docs[0].title = 5)),
      'two documents with one id': edit((o) => (o.docs[1].id = o.docs[0].id)),
      'a sentence whose document index is a string': edit((o) => (o.sentences[0][0] = '0')),
      'a sentence whose document index is out of range': edit((o) => (o.sentences[0][0] = 7)),
      'a sentence with a fractional term id': edit((o) => (o.sentences[0][2][0] = 0.5)),
      'a sentence that is not a row': edit((o) => (o.sentences[3] = { text: 'x' })),
      'a vocabulary entry that is not a string': edit((o) => (o.vocab[0] = null)),
      'an affiliation row of the wrong shape': edit((o) => o.affiliation.push(['x', 'y', 'z'])),
      'no version': edit((o) => delete o.version),
    };
    for (const [what, json] of Object.entries(bad)) {
      expect(() => loadCorpus(json), what).toThrow(/corpus index/);
    }
  });

  it('the engine provider rebuilds an index row whose documents lack fields, and overwrites it', async () => {
    const { cdb } = dbs();
    const mk = () => {
      const build = vi.fn(buildCorpus);
      return { build, getEngine: createEngineProvider({ loadDocs: () => SEEDS, db: cdb, build }) };
    };
    await mk().getEngine();
    await damageCorpusRow(cdb, (d) => ({ id: d.id, title: d.title }));
    const p = mk();
    const engine = await p.getEngine();
    expect(p.build).toHaveBeenCalledTimes(1);
    for (const d of engine.index.docs) expect(d.outlet === null || typeof d.outlet === 'string').toBe(true);
    const row = await cdb.corpus.get(SEED_INDEX_KEY);
    expect(row?.version).toBe(indexCacheVersion(SEEDS));
    expect(JSON.parse(row!.json).docs[0]).toHaveProperty('outlet');
  });
});

describe('item 1: damaged analyses, sources and notes', () => {
  it('the service never stores or sends an analysis that fails validation (clear error instead)', async () => {
    const { cdb } = dbs();
    const engine = {
      version: 'v1',
      // What a damaged index used to hand out: documents without outlet and date.
      index: { docs: [{ id: 's1', title: 'One' }] },
      analyze: () => ({
        claims: [
          { text: 'A.', start: 0, end: 2, verdict: 'corroborated', evidence: [{ source: 's1', quote: 'A!', stance: 'supports', reason: 'same', score: 1 }] },
        ],
      }),
      checkClaim: vi.fn(),
    } as unknown as Engine;
    const service = createService({ getEngine: async () => engine, db: cdb, now: () => 1, hash: fnv });
    const reply = await service.handle({ type: 'analyze', url: 'https://news.example/a', text: 'A. B.' }, { tabId: 3 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/^The analysis failed: .*malformed.*sources\[0\]\.outlet/);
    expect(await cdb.analyses.count()).toBe(0);
    expect((await service.getTabState(3)).status).toBe('error');
  });

  it('a damaged analysis row is dropped (and recomputed when asked), and does not wipe the sources page counts', async () => {
    const { sdb, cdb } = dbs();
    const m = manager(sdb, cdb);
    await m.getEngine();
    const seed = SEEDS[0]!.id;
    const good: StoredAnalysis = {
      url: 'https://a.example/',
      contentHash: 'h1',
      engineVersion: 'v',
      analysedAt: 5,
      engineMs: 1,
      sources: [],
      claims: [{ text: 'x', start: 0, end: 1, verdict: 'corroborated', evidence: [{ source: seed, quote: 'q', stance: 'supports', reason: 'r', score: 1 }] }],
    };
    await cdb.analyses.put(good);
    // Valid JSON, wrong shape: no claims at all.
    await cdb.analyses.put({ url: 'https://b.example/', contentHash: 'h2', engineVersion: 'v', analysedAt: 6 } as unknown as StoredAnalysis);
    const log = vi.fn();
    const m2 = manager(sdb, cdb, { log });
    const list = await m2.list();
    expect(list.find((s) => s.id === seed)).toMatchObject({ supported: 1 });
    expect(await cdb.analyses.get(['https://b.example/', 'h2', 'v'])).toBeUndefined(); // dropped
    expect(await getAnalysis(cdb, ['https://a.example/', 'h1', 'v'])).toEqual(good);
  });

  it('putAnalysis refuses a row that would not read back', async () => {
    const { cdb } = dbs();
    const log = vi.fn();
    const bad = {
      url: 'u',
      contentHash: 'h',
      engineVersion: 'v',
      analysedAt: 1,
      engineMs: 0,
      sources: [{ id: 's', title: 't' }],
      claims: [],
    } as unknown as StoredAnalysis;
    expect(await putAnalysis(cdb, bad, log)).toBe(false);
    expect(await cdb.analyses.count()).toBe(0);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/not stored/), expect.anything());
  });

  it('a damaged source row is set aside and reported in the list (kept in the database, not indexed); the rest works', async () => {
    const { sdb, cdb } = dbs();
    const m1 = manager(sdb, cdb);
    const [ok] = await m1.add([{ name: 'geneva.txt', text: ARTICLE, origin: 'paste' }]);
    await m1.flush();
    await sdb.sources.put({ id: 'user_deadbeef', title: 5, text: 'Some text.', addedAt: 'yesterday' } as never);

    const m2 = manager(sdb, cdb);
    const list = await m2.list();
    const damaged = list.filter((s) => s.damaged);
    expect(damaged).toHaveLength(1);
    expect(damaged[0]).toMatchObject({ id: 'user_deadbeef', kind: 'user', enabled: false, title: expect.any(String) });
    expect(damaged[0]!.damaged).toMatch(/damaged.*kept.*not used/i);
    expect(damaged[0]!.damaged).toMatch(/title/);
    expect(list.find((s) => ok!.status === 'added' && s.id === ok!.source.id)?.damaged).toBeUndefined();
    expect(await sdb.sources.get('user_deadbeef')).toBeDefined(); // never deleted
    const engine = await m2.getEngine();
    expect(engine.index.docs.some((d) => d.id === 'user_deadbeef')).toBe(false);
  });

  it('a damaged source can be removed: its stored row comes back as JSON (the copy the page saves), and it is gone from the list', async () => {
    const { sdb, cdb } = dbs();
    await sdb.sources.put({ id: 'user_deadbeef', title: 5, text: 'Some text.', addedAt: 'yesterday' } as never);
    const m = manager(sdb, cdb);
    expect((await m.list()).filter((s) => s.damaged).map((s) => s.id)).toEqual(['user_deadbeef']);
    await expect(m.discardDamaged('seed_or_other')).rejects.toThrow(/not a damaged source/);
    const { id, raw } = await m.discardDamaged('user_deadbeef');
    expect(id).toBe('user_deadbeef');
    expect(JSON.parse(raw)).toMatchObject({ id: 'user_deadbeef', title: 5, text: 'Some text.' });
    expect(await sdb.sources.get('user_deadbeef')).toBeUndefined();
    expect((await m.list()).some((s) => s.id === 'user_deadbeef')).toBe(false);
    await expect(m.discardDamaged('user_deadbeef')).rejects.toThrow(/not a damaged source/);
  });

  it('the damaged row offers "Remove…", and asks before removing', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { DamagedRow } = await import('../components/sources/SourcesPage');
    const s = {
      id: 'user_deadbeef',
      kind: 'user',
      title: '(damaged source user_deadbeef)',
      chars: 10,
      enabled: false,
      damaged: 'This stored source is damaged (title).',
    };
    const html = renderToStaticMarkup(
      createElement('table', null, createElement('tbody', null, createElement(DamagedRow, { s: s as never, onDiscard: () => {} }))),
    );
    expect(html).toMatch(/<button[^>]*aria-label="Remove damaged “\(damaged source user_deadbeef\)”…"[^>]*>Remove…<\/button>/);
    expect(html).not.toContain('Remove and save a copy'); // only after the first click
  });

  it('the sources page reads the list defensively: an entry it cannot read is counted, not rendered (no blank page)', async () => {
    const { readSourceList } = await import('../components/sources/SourcesPage');
    const { sdb, cdb } = dbs();
    await sdb.sources.put({ id: 'user_deadbeef', title: 5 } as never);
    const list = await manager(sdb, cdb).list();
    // What a damaged index used to send: an entry without a title (the page read title.length and went blank).
    const reply = [...list, { id: 'x', kind: 'seed', chars: 3 }];
    const read = readSourceList(reply);
    expect(read.unreadable).toBe(1);
    expect(read.sources).toHaveLength(list.length);
    expect(read.sources.filter((s) => s.damaged).map((s) => s.id)).toEqual(['user_deadbeef']);
    expect(() => readSourceList({ error: 'x' })).toThrow(/not a list of sources/);
  });

  it('a damaged source whose text is added again is replaced by the new row, and no longer listed as damaged', async () => {
    const { sdb, cdb } = dbs();
    const id = `user_${textHash(ARTICLE)}`;
    await sdb.sources.put({ id, title: 'Geneva', text: ARTICLE } as never);
    const m = manager(sdb, cdb);
    expect((await m.list()).filter((s) => s.damaged).map((s) => s.id)).toEqual([id]);
    const [r] = await m.add([{ name: 'geneva.txt', text: ARTICLE, origin: 'paste' }]);
    expect(r).toMatchObject({ status: 'added', source: { id } });
    const list = await m.list();
    expect(list.filter((s) => s.id === id)).toHaveLength(1);
    expect(list.find((s) => s.id === id)?.damaged).toBeUndefined();
    expect(UserSourceSchema.safeParse(await sdb.sources.get(id)).success).toBe(true);
  });

  it('a damaged note row is kept and listed as damaged, with what can be read of it and why', async () => {
    const db = openNotesDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    closeAfterTest(db);
    const good = await saveNote(db, note(1));
    await db.notes.put({
      id: uuid(2),
      pageUrl: 'https://news.example/b',
      claimText: 'A claim.',
      createdAt: '2025-06-02T10:00:00.000Z',
      tags: [],
    } as unknown as Note);
    const onInvalid = vi.fn();
    const notes = await listNotes(db, {}, { onInvalid });
    expect(notes.map((n) => n.id)).toEqual([good.id]);
    expect(onInvalid).toHaveBeenCalledTimes(1); // still reported to a caller that asks
    expect(notes.damaged).toEqual([
      expect.objectContaining({
        id: uuid(2),
        pageUrl: 'https://news.example/b',
        claimText: 'A claim.',
        createdAt: '2025-06-02T10:00:00.000Z',
        issues: expect.arrayContaining([expect.stringMatching(/^target/)]),
      }),
    ]);
    expect(await db.notes.count()).toBe(2); // kept
  });
});

describe('item 2: the databases reopen themselves after a failed write', () => {
  it('notes: a save fails on a full disk and the browser drops the connection; once space is freed the next save works on the same db object', async () => {
    const { impl, state } = flakyFactory();
    const db: NotesDB = openNotesDb(impl);
    closeAfterTest(db);
    await saveNote(db, note(1));

    // Disk full: the write fails and the browser closes the connection.
    state.diskFull = true;
    const spy = vi.spyOn(db.notes, 'put').mockImplementationOnce((async () => {
      loseConnection(db);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }) as unknown as typeof db.notes.put);
    await expect(saveNote(db, note(2))).rejects.toMatchObject({ name: 'NoteWriteError', reason: 'quota' });
    spy.mockRestore();
    // Still full: reopening fails, and says so in words a reader can act on.
    await expect(saveNote(db, note(3))).rejects.toMatchObject({ reason: 'quota', message: expect.stringMatching(/no storage space left.*Nothing was saved/) });

    // Space freed: the very next save works, without a new database object or a restart.
    state.diskFull = false;
    await expect(saveNote(db, note(4))).resolves.toMatchObject({ id: uuid(4) });
    expect(db.isOpen()).toBe(true);
    expect((await listNotes(db)).map((n) => n.id).sort()).toEqual([uuid(1), uuid(4)]);
  });

  it('notes: a connection the browser closed mid-write is reopened and the write retried once', async () => {
    const { impl } = flakyFactory();
    const db = openNotesDb(impl);
    closeAfterTest(db);
    await saveNote(db, note(1));
    const spy = vi.spyOn(db.notes, 'put').mockImplementationOnce((async () => {
      loseConnection(db);
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    }) as unknown as typeof db.notes.put);
    await expect(saveNote(db, note(2))).resolves.toMatchObject({ id: uuid(2) });
    spy.mockRestore();
    expect(await db.notes.count()).toBe(2);
  });

  it('sources: an open that failed once (disk full at start-up) does not break every later write', async () => {
    const { impl, state } = flakyFactory();
    const sdb = openSourcesDb(impl);
    closeAfterTest(sdb);
    const row = UserSourceSchema.parse({
      id: 'user_0000000a',
      title: 'A',
      outlet: null,
      date: null,
      url: null,
      event: null,
      text: 'Some text.',
      contentHash: '0000000a',
      addedAt: 1,
      origin: 'paste',
    });
    state.diskFull = true;
    await expect(putUserSources(sdb, [row])).rejects.toThrow(/storage for Crosscheck is full/);
    state.diskFull = false;
    await putUserSources(sdb, [row]);
    expect((await listUserSources(sdb)).map((r) => r.id)).toEqual(['user_0000000a']);
  });

  it('the cache: an open that failed once does not disable the cache for the rest of the worker', async () => {
    const { impl, state } = flakyFactory();
    const cdb = openDb(impl);
    closeAfterTest(cdb);
    const row: StoredAnalysis = { url: 'u', contentHash: 'h', engineVersion: 'v', analysedAt: 1, engineMs: 0, sources: [], claims: [] };
    state.diskFull = true;
    expect(await putAnalysis(cdb, row)).toBe(false);
    state.diskFull = false;
    expect(await putAnalysis(cdb, row)).toBe(true);
    expect(await getAnalysis(cdb, ['u', 'h', 'v'])).toEqual(row);
  });

  it('an explicit close() by the owner is respected (no silent reopen)', async () => {
    const db = openNotesDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    db.close();
    await expect(saveNote(db, note(1))).rejects.toMatchObject({ reason: 'closed' });
  });
});
