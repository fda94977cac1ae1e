import { describe, expect, it, vi } from 'vitest';
import { countStances, sameUrlKey, sourcesRowVersion } from '../lib/sources/manager';
import { listUserSources, disabledIds, putUserSources, UserSourceSchema } from '../lib/sources/db';
import { SEED_INDEX_KEY, type StoredAnalysis } from '../lib/store/db';
import { buildCorpus, corpusEvents, INDEX_FORMAT, loadCorpus, sentenceFacts, serializeCorpus, setDocMeta } from '../lib/corpus/index';
import { textHash } from '../lib/sources';
import { dbs, manager, SEEDS } from './support/sources';

const ARTICLE =
  'Delegations from both countries met in Geneva on Tuesday to discuss the exchange of civilian detainees. ' +
  'Officials said that the Red Cross would supervise the transfer of 150 civilians from each side, and that the ' +
  'talks would continue in the coming weeks. The head of the Ukrainian delegation said that the meeting had been constructive.';
const OTHER =
  'The foreign ministers spoke by telephone on Thursday about grain shipments through the Black Sea. ' +
  'A spokesman said that the next call would take place in two weeks, and that both sides wanted the corridor to stay open. ' +
  'Officials in Ankara said they had offered to host a meeting of experts later in the month.';
const CLAIM = 'The Red Cross will supervise the transfer of 150 civilians from each side after the Geneva meeting.';

describe('sources store', () => {
  it('stores validated rows, lists them oldest first, keeps disabled ids', async () => {
    const { sdb } = dbs();
    const row = (id: string, addedAt: number) =>
      UserSourceSchema.parse({
        id,
        title: id,
        outlet: null,
        date: null,
        url: null,
        event: null,
        text: 'Some text.',
        contentHash: id.slice(5),
        addedAt,
        origin: 'paste',
      });
    await putUserSources(sdb, [row('user_0000000b', 20), row('user_0000000a', 10)]);
    await sdb.sources.put({ id: 'broken' } as never);
    const log = vi.fn();
    expect((await listUserSources(sdb, log)).map((r) => r.id)).toEqual(['user_0000000a', 'user_0000000b']);
    expect(log).toHaveBeenCalledTimes(1);
    await expect(putUserSources(sdb, [{ ...row('user_0000000c', 1), text: '' }])).rejects.toThrow();
    expect(await sdb.sources.count()).toBe(3); // nothing of the failed batch written
    expect(await disabledIds(sdb)).toEqual(new Set());
  });
});

describe('corpus manager', () => {
  it('adds a source incrementally: the index grows, nothing is rebuilt, the version changes and the claim turns corroborated', async () => {
    const { sdb, cdb } = dbs();
    const build = vi.fn(buildCorpus);
    const onChange = vi.fn();
    const m = manager(sdb, cdb, { build, onChange });
    const engine = await m.getEngine();
    expect(build).toHaveBeenCalledTimes(1);
    const v0 = engine.version;
    const sentences = engine.index.sentences.length;
    expect(engine.checkClaim(CLAIM).verdict).toBe('not_covered');

    const [r] = await m.add([
      { name: 'geneva.txt', text: `date 2025-07-01\n${ARTICLE}`, origin: 'file', fileName: 'geneva.txt', meta: { outlet: 'Daily Ledger' } },
    ]);
    expect(r).toMatchObject({ status: 'added', source: { kind: 'user', outlet: 'Daily Ledger', date: '2025-07-01', enabled: true, fileName: 'geneva.txt' } });
    expect(build).toHaveBeenCalledTimes(1); // incremental
    expect(engine.index.sentences.length).toBeGreaterThan(sentences);
    expect(engine.version).not.toBe(v0); // the same live engine reports the new version
    expect(onChange).toHaveBeenLastCalledWith(engine.version);
    const after = engine.checkClaim(CLAIM);
    expect(after.verdict).toBe('corroborated');
    expect(after.evidence[0]!.source).toBe(r!.status === 'added' && r!.source.id);
    expect((await listUserSources(sdb)).map((s) => s.title)).toEqual([r!.status === 'added' && r!.source.title]);
  });

  it('refuses bad input with a clear message and adds the good items of a batch; duplicates by text or URL', async () => {
    const { sdb, cdb } = dbs();
    const m = manager(sdb, cdb);
    const out = await m.add([
      { name: 'good.txt', text: ARTICLE, origin: 'file' },
      { name: 'empty.txt', text: '  \n ', origin: 'file' },
      { name: 'binary.txt', text: 'PK\u0003\u0004\u0000\u0000\u0001\u0002\u0003\u0004\u0005', origin: 'file' },
      {
        name: 'german.txt',
        text: 'Die Delegationen beider Länder trafen sich am Dienstag in Genf, um über den Austausch von Gefangenen zu sprechen. '.repeat(4),
        origin: 'file',
      },
      { name: 'huge.txt', text: 'a'.repeat(5 * 1024 * 1024 + 1), origin: 'file' },
      { name: 'same.txt', text: `  ${ARTICLE.toUpperCase()} `, origin: 'file' },
      { name: 'seed.txt', text: SEEDS[1]!.text, origin: 'file' },
    ]);
    expect(out.map((o) => o.status)).toEqual(['added', 'refused', 'refused', 'refused', 'refused', 'duplicate', 'duplicate']);
    expect(out[1]!.message).toMatch(/empty.txt: is empty/);
    expect(out[2]!.message).toMatch(/binary/);
    expect(out[3]!.message).toMatch(/English/);
    expect(out[4]!.message).toMatch(/too large/);
    expect(out[5]!.message).toMatch(/same text as another file in this import/);
    expect(out[6]!.message).toMatch(/already in the bundled corpus/);
    expect(await sdb.sources.count()).toBe(1);

    const again = await m.add([{ name: 'again.txt', text: ARTICLE, origin: 'paste' }]);
    expect(again[0]).toMatchObject({ status: 'duplicate', message: expect.stringMatching(/already in your sources/) });
    // The same page (URL without #fragment) with text that changed since is also "already in your sources".
    await m.add([{ name: 'p', text: OTHER, origin: 'page', meta: { url: 'https://news.example/a' } }]);
    const page = await m.add([
      { name: 'p', text: `${OTHER} One more sentence was added to the live page later on.`, origin: 'page', meta: { url: 'https://news.example/a#comments' } },
    ]);
    expect(page[0]).toMatchObject({ status: 'duplicate', message: expect.stringMatching(/This page is already in your sources/) });
  });

  it('nothing is half-added when the database write fails', async () => {
    const { sdb, cdb } = dbs();
    const m = manager(sdb, cdb);
    const engine = await m.getEngine();
    const n = engine.index.docs.length;
    const v = engine.version;
    const spy = vi.spyOn(sdb.sources, 'bulkPut').mockRejectedValueOnce(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    const out = await m.add([
      { name: 'a.txt', text: ARTICLE, origin: 'file' },
      { name: 'b.txt', text: OTHER, origin: 'file' },
    ]);
    spy.mockRestore();
    expect(out.every((o) => o.status === 'refused' && /storage for Crosscheck is full/.test(o.message))).toBe(true);
    expect(engine.index.docs.length).toBe(n);
    expect(engine.version).toBe(v);
    expect(await sdb.sources.count()).toBe(0);
  });

  it('switching off persists, applies setDocEnabled, and the version is a function of the state', async () => {
    const { sdb, cdb } = dbs();
    const m = manager(sdb, cdb);
    const engine = await m.getEngine();
    const [r] = await m.add([{ name: 'g.txt', text: ARTICLE, origin: 'paste' }]);
    const id = r!.status === 'added' ? r!.source.id : '';
    const on = engine.version;
    expect((await m.setEnabled(id, false)).enabled).toBe(false);
    expect(engine.checkClaim(CLAIM).verdict).toBe('not_covered');
    const off = engine.version;
    expect(off).not.toBe(on);
    expect(await disabledIds(sdb)).toEqual(new Set([id]));
    await m.setEnabled(SEEDS[0]!.id, false);
    await m.setEnabled(SEEDS[0]!.id, true);
    expect(engine.version).toBe(off); // back to the same state → the same version (cached analyses reused)
    await m.setEnabled(id, true);
    expect(engine.version).toBe(on);
    expect(engine.checkClaim(CLAIM).verdict).toBe('corroborated');
    await expect(m.setEnabled('nope', false)).rejects.toThrow(/no source/);
  });

  it('seeds can be switched off but not deleted or edited; user sources can be edited, deleted and restored (Undo)', async () => {
    const { sdb, cdb } = dbs();
    const m = manager(sdb, cdb);
    const engine = await m.getEngine();
    await expect(m.remove(SEEDS[0]!.id)).rejects.toThrow(/cannot be deleted/);
    await expect(m.update(SEEDS[0]!.id, { title: 'x' })).rejects.toThrow(/cannot be edited/);
    const [r] = await m.add([{ name: 'g.txt', text: ARTICLE, origin: 'paste', meta: { url: 'https://x.example/g' } }]);
    const id = r!.status === 'added' ? r!.source.id : '';
    const v1 = engine.version;

    const edited = await m.update(id, { title: 'Geneva talks', outlet: 'Ledger', date: '2025-07-01', event: 'other' });
    expect(edited).toMatchObject({ title: 'Geneva talks', outlet: 'Ledger', date: '2025-07-01', event: 'other' });
    expect(engine.index.docs.find((d) => d.id === id)).toMatchObject({ title: 'Geneva talks', event: 'other' });
    expect(engine.version).not.toBe(v1);
    await expect(m.update(id, { date: 'July' })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(m.update(id, { title: '  ' })).rejects.toThrow(/title/);

    const deleted = await m.remove(id);
    expect(deleted.title).toBe('Geneva talks');
    expect((await m.list()).some((s) => s.id === id)).toBe(false);
    expect(engine.checkClaim(CLAIM).verdict).toBe('not_covered');
    expect(await m.get(id)).toBeNull();
    expect(await sdb.sources.count()).toBe(0);

    const back = await m.restore(deleted);
    expect(back).toMatchObject({ status: 'added', message: expect.stringMatching(/Restored/) });
    expect(engine.checkClaim(CLAIM).verdict).toBe('corroborated');
    expect((await listUserSources(sdb))[0]).toMatchObject({ id, title: 'Geneva talks', addedAt: deleted.addedAt });
    expect(await m.restore({ ...deleted, text: 'tampered' })).toMatchObject({ status: 'refused' });
    expect(await m.restore({ id: 'x' })).toMatchObject({ status: 'refused' });
  });

  it('the cached index row is refreshed after a change, and a restarted background reloads it (no rebuild) with the same version', async () => {
    const { sdb, cdb, factory } = dbs();
    const m = manager(sdb, cdb);
    const e1 = await m.getEngine();
    await m.add([{ name: 'g.txt', text: ARTICLE, origin: 'paste' }]);
    await m.setEnabled(SEEDS[2]!.id, false);
    await m.flush();
    const row = await cdb.corpus.get(SEED_INDEX_KEY);
    expect(row?.version).toBe(sourcesRowVersion(SEEDS));
    expect(loadCorpus(row!.json).docs.map((d) => d.id)).toContain(e1.index.docs.at(-1)!.id);

    // "Restart": new databases on the same IndexedDB, new manager.
    const again = dbs(factory);
    const build = vi.fn(buildCorpus);
    const m2 = manager(again.sdb, again.cdb, { build });
    const e2 = await m2.getEngine();
    expect(build).not.toHaveBeenCalled();
    expect(m2.stats.startup).toBe('cached');
    expect(e2.version).toBe(e1.version);
    expect(e2.checkClaim(CLAIM).verdict).toBe('corroborated');
    expect((await m2.list()).find((s) => s.id === SEEDS[2]!.id)?.enabled).toBe(false);
  });

  it('at startup, sources missing from the cached row are added incrementally, deleted ones switched off, edits applied', async () => {
    const { sdb, cdb, factory } = dbs();
    const m = manager(sdb, cdb);
    await m.getEngine();
    const [a] = await m.add([{ name: 'a.txt', text: ARTICLE, origin: 'paste' }]);
    await m.flush();
    // After the row was written: another source is added and the first is edited, but the worker stops before the row is refreshed.
    const m1b = manager(sdb, null);
    await m1b.add([{ name: 'b.txt', text: OTHER, origin: 'paste' }]);
    const aId = a!.status === 'added' ? a!.source.id : '';
    await m1b.update(aId, { title: 'Edited title' });

    const again = dbs(factory);
    const build = vi.fn(buildCorpus);
    const m2 = manager(again.sdb, again.cdb, { build });
    const list = await m2.list();
    expect(build).not.toHaveBeenCalled();
    expect(m2.stats.startup).toBe('cached+reconciled');
    expect(list.filter((s) => s.kind === 'user').map((s) => s.title)).toEqual(['Edited title', expect.stringMatching(/^The foreign ministers/)]);

    // Deleted while the row still has it: switched off at the next start (a tombstone), not listed.
    await m2.remove(aId);
    const third = dbs(factory);
    const m3 = manager(third.sdb, third.cdb, { build });
    const e3 = await m3.getEngine();
    expect(m3.stats.tombstones).toBe(1);
    expect((await m3.list()).some((s) => s.id === aId)).toBe(false);
    expect(e3.checkClaim(CLAIM).verdict).toBe('not_covered');
    // Re-adding the deleted text revives it.
    expect((await m3.add([{ name: 'a.txt', text: ARTICLE, origin: 'paste' }]))[0]!.status).toBe('added');
    expect(e3.checkClaim(CLAIM).verdict).toBe('corroborated');
  });

  it('an unusable cached row (old engine provider row, corrupt JSON, other seeds) means a rebuild', async () => {
    const { sdb, cdb } = dbs();
    await cdb.corpus.put({ key: SEED_INDEX_KEY, version: 'something else', format: INDEX_FORMAT, json: serializeCorpus(buildCorpus(SEEDS.slice(0, 1))) });
    const build = vi.fn(buildCorpus);
    const first = manager(sdb, cdb, { build });
    await first.getEngine();
    expect(build).toHaveBeenCalledTimes(1);
    await first.flush();
    await cdb.corpus.put({ key: SEED_INDEX_KEY, version: sourcesRowVersion(SEEDS), format: INDEX_FORMAT, json: '{not json' });
    const m = manager(sdb, cdb, { build });
    await m.getEngine();
    expect(build).toHaveBeenCalledTimes(2);
    await m.flush();
  });

  it('get returns the text of a seed or a user source; list gives metadata and the counts from cached analyses', async () => {
    const { sdb, cdb } = dbs();
    const m = manager(sdb, cdb);
    const [r] = await m.add([{ name: 'g.txt', text: ARTICLE, origin: 'paste' }]);
    const id = r!.status === 'added' ? r!.source.id : '';
    expect((await m.get(SEEDS[0]!.id))?.text).toBe(SEEDS[0]!.text);
    expect((await m.get(id))?.text).toBe(ARTICLE);
    const ev = (source: string, stance: 'supports' | 'conflicts' | 'related') => ({ source, quote: 'q', stance, reason: 'r', score: 1 });
    const base = { contentHash: 'h', engineVersion: 'v', sources: [], engineMs: 0 };
    await cdb.analyses.bulkPut([
      {
        ...base,
        url: 'https://a',
        analysedAt: 1,
        engineVersion: 'old',
        claims: [{ text: 'x', start: 0, end: 1, verdict: 'corroborated', evidence: [ev(id, 'supports')] }],
      },
      {
        ...base,
        url: 'https://a',
        analysedAt: 2,
        claims: [
          { text: 'x', start: 0, end: 1, verdict: 'corroborated', evidence: [ev(id, 'supports'), ev(id, 'supports')] },
          { text: 'y', start: 2, end: 3, verdict: 'mixed', evidence: [ev(id, 'conflicts'), ev(SEEDS[0]!.id, 'supports')] },
        ],
      },
      {
        ...base,
        url: 'https://b',
        analysedAt: 3,
        claims: [{ text: 'z', start: 0, end: 1, verdict: 'contradicted', evidence: [ev(id, 'conflicts'), ev(SEEDS[0]!.id, 'related')] }],
      },
    ] as StoredAnalysis[]);
    const list = await m.list();
    expect(list).toHaveLength(SEEDS.length + 1);
    expect(list.find((s) => s.id === id)).toMatchObject({ supported: 1, contradicted: 2, kind: 'user', chars: ARTICLE.length });
    expect(list.find((s) => s.id === SEEDS[0]!.id)).toMatchObject({ supported: 1, contradicted: 0, kind: 'seed' });
  });

  it('a page is not checked against its own text (an added page does not corroborate itself)', async () => {
    const { sdb, cdb } = dbs();
    const m = manager(sdb, cdb);
    const engine = await m.getEngine();
    const [r] = await m.add([{ name: 'g.txt', text: ARTICLE, origin: 'page' }]);
    const id = r!.status === 'added' ? r!.source.id : '';
    const self = engine.analyze(ARTICLE);
    expect(self.claims.length).toBeGreaterThan(0);
    expect(self.claims.flatMap((c) => c.evidence).some((e) => e.source === id)).toBe(false);
    expect(engine.index.disabled.size).toBe(0);
    // Another page quoting it is still checked against it.
    const other = engine.analyze(`${CLAIM} The talks were held in a hotel by the lake.`);
    expect(other.claims[0]!.evidence[0]!.source).toBe(id);
  });

  it('mutations queue: concurrent adds of the same text add it once', async () => {
    const { sdb, cdb } = dbs();
    const m = manager(sdb, cdb);
    const out = await Promise.all([1, 2, 3].map(() => m.add([{ name: 'g.txt', text: ARTICLE, origin: 'paste' }])));
    expect(out.map((o) => o[0]!.status).sort()).toEqual(['added', 'duplicate', 'duplicate']);
  });
});

describe('helpers', () => {
  it('countStances counts claims per source over the latest analysis of each page', () => {
    const ev = (source: string, stance: 'supports' | 'conflicts') => ({ source, quote: '', stance, reason: '', score: 0 });
    const c = countStances([
      { url: 'u', analysedAt: 1, claims: [{ text: '', start: 0, end: 0, verdict: 'corroborated', evidence: [ev('a', 'supports')] }] },
      { url: 'u', analysedAt: 5, claims: [{ text: '', start: 0, end: 0, verdict: 'mixed', evidence: [ev('a', 'conflicts'), ev('b', 'supports')] }] },
    ]);
    expect(c.get('a')).toEqual({ supported: 0, contradicted: 1 });
    expect(c.get('b')).toEqual({ supported: 1, contradicted: 0 });
    // The analysis made with the current corpus wins over a later one made with another.
    const v = countStances(
      [
        { url: 'u', analysedAt: 1, engineVersion: 'now', claims: [{ text: '', start: 0, end: 0, verdict: 'corroborated', evidence: [ev('a', 'supports')] }] },
        { url: 'u', analysedAt: 5, engineVersion: 'old', claims: [] },
      ],
      'now',
    );
    expect(v.get('a')).toEqual({ supported: 1, contradicted: 0 });
  });
  it('sameUrlKey drops the fragment', () => {
    expect(sameUrlKey('https://x/a#b')).toBe('https://x/a');
    expect(sameUrlKey(null)).toBeNull();
  });
  it('setDocMeta changes metadata, drops memoised representations, keeps the postings', () => {
    const index = buildCorpus(SEEDS);
    const postings = index.postings.size;
    const v = index.version;
    const id = SEEDS[1]!.id;
    const i = index.docs.findIndex((d) => d.id === id);
    sentenceFacts(index, index.docSentences[i]![0]!);
    corpusEvents(index);
    expect([...index.facts.keys()].some((n) => index.sentences[n]!.docIndex === i)).toBe(true);
    expect(setDocMeta(index, id, { date: '2025-06-03', event: 'round2' })).toBe(true);
    expect(index.events).toBeNull();
    expect(index.docs[i]).toMatchObject({ id, date: '2025-06-03' });
    expect([...index.facts.keys()].some((n) => index.sentences[n]!.docIndex === i)).toBe(false);
    expect(index.postings.size).toBe(postings);
    expect(index.version).not.toBe(v);
    expect(setDocMeta(index, 'missing', {})).toBe(false);
  });
  it('textHash is the duplicate key of parsed sources', () => {
    expect(textHash(' A  b ')).toBe(textHash('a B'));
  });
});
