/**
 * The sources messages through the background's handlers, with the real engine, fake-indexeddb
 * and the background service (analyze → cache keyed by engine.version).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createCorpusManager } from '../lib/sources/manager';
import {
  createSourcesHandler,
  sourceRequestAllowed,
  isSourceRequest,
  isSourceContentRequest,
  pageMessage,
  parseReaderQuery,
  readerPath,
  type PageArticle,
} from '../lib/sources/messages';
import { openSourcesDb } from '../lib/sources/db';
import { openDb } from '../lib/store/db';
import { createService } from '../lib/background/service';
import { hash as fnv } from '../lib/corpus/index';
import type { Analysis, Response } from '../lib/messages';
import { loadSeedDocsFromDisk } from '../scripts/seeds-node';

const SEEDS = loadSeedDocsFromDisk();
const ARTICLE =
  'Delegations from both countries met in Geneva on Tuesday to discuss the exchange of civilian detainees. ' +
  'Officials said that the Red Cross would supervise the transfer of 150 civilians from each side, and that the ' +
  'talks would continue in the coming weeks. The head of the Ukrainian delegation said that the meeting had been constructive.';
const PAGE =
  'The Red Cross will supervise the transfer of 150 civilians from each side after the Geneva meeting, officials said. ' +
  'Russian and Ukrainian delegations met in Istanbul on Monday for a second round of talks. Cafés near the palace were busy all afternoon.';
const CLAIM_START = 'The Red Cross will supervise';

const closers: Array<{ close(): void }> = [];
afterEach(() => {
  for (const c of closers.splice(0)) c.close();
});

function setup(article?: Partial<PageArticle> | Error) {
  const impl = { indexedDB: new IDBFactory(), IDBKeyRange };
  const sdb = openSourcesDb(impl);
  const cdb = openDb(impl);
  closers.push(sdb, cdb);
  const onChange = vi.fn();
  let t = 1_000;
  const manager = createCorpusManager({ loadSeeds: () => SEEDS, sourcesDb: sdb, cacheDb: cdb, now: () => (t += 10), saveDelayMs: 5, onChange });
  const openPage = vi.fn(async (_p: string) => {});
  const getArticle = vi.fn(async (_tabId: number): Promise<PageArticle> => {
    if (article instanceof Error) throw article;
    return { url: 'https://news.example/geneva#top', title: 'Geneva talks', text: ARTICLE, date: '2025-07-01', siteName: 'Daily Ledger', ...article };
  });
  const sources = createSourcesHandler({ manager, getArticle, openPage });
  const service = createService({ getEngine: manager.getEngine, db: cdb, now: () => (t += 10), hash: fnv });
  return { sources, service, manager, openPage, getArticle, onChange, sdb };
}

function data<T>(r: Response<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r.data as T;
}

async function verdictOf(service: ReturnType<typeof createService>): Promise<{ verdict: string; cached: boolean; source?: string }> {
  const a = data<Analysis>(
    await service.handle({ type: 'analyze', url: 'https://other.example/page', title: 'p', text: PAGE, docDate: '2025-07-02' }, { tabId: 9 }),
  );
  const c = a.claims.find((x) => x.text.startsWith(CLAIM_START))!;
  return { verdict: c.verdict, cached: a.cached, source: c.evidence[0]?.source };
}

describe('sources messages (background)', () => {
  it('adding a source that supports an uncovered claim makes it corroborated; switching it off makes it not covered again (message level, cache keyed by version)', async () => {
    const { sources, service, onChange } = setup();
    expect(await verdictOf(service)).toMatchObject({ verdict: 'not_covered', cached: false });
    expect(await verdictOf(service)).toMatchObject({ verdict: 'not_covered', cached: true });

    const added = data<{ status: string; source: { id: string } }>(
      await sources.handle({ type: 'addSource', name: 'geneva.txt', text: ARTICLE, origin: 'file', fileName: 'geneva.txt' }),
    );
    expect(added.status).toBe('added');
    expect(onChange).toHaveBeenCalled();
    // The cached analysis was made with another corpus version: re-run, now corroborated by the new source.
    expect(await verdictOf(service)).toEqual({ verdict: 'corroborated', cached: false, source: added.source.id });

    data(await sources.handle({ type: 'setSourceEnabled', id: added.source.id, enabled: false }));
    expect(await verdictOf(service)).toMatchObject({ verdict: 'not_covered', cached: false });
    data(await sources.handle({ type: 'setSourceEnabled', id: added.source.id, enabled: true }));
    // Back to the state of the add: the same version, so that analysis is served from the cache.
    expect(await verdictOf(service)).toMatchObject({ verdict: 'corroborated', cached: true });

    const list = data<Array<{ id: string; supported: number }>>(await sources.handle({ type: 'listSources' }));
    expect(list.find((s) => s.id === added.source.id)?.supported).toBe(1);
  });

  it('addPageSource: the article from the tab with its metadata; the same page twice is "already in your sources"', async () => {
    const { sources, getArticle } = setup();
    const r = data<{ status: string; source: Record<string, unknown> }>(await sources.handle({ type: 'addPageSource', tabId: 4 }));
    expect(getArticle).toHaveBeenCalledWith(4);
    expect(r.status).toBe('added');
    expect(r.source).toMatchObject({
      title: 'Geneva talks',
      outlet: 'Daily Ledger',
      date: '2025-07-01',
      url: 'https://news.example/geneva#top',
      origin: 'page',
      kind: 'user',
    });
    const again = data<{ status: string; message: string }>(await sources.handle({ type: 'addPageSource', tabId: 4 }));
    expect(again).toMatchObject({ status: 'duplicate', message: expect.stringMatching(/^This page is already in your sources \(“Geneva talks”\)\.$/) });
  });

  it('the context menu uses the same path (addPage), recorded as added from the menu', async () => {
    const { sources } = setup({ url: 'https://news.example/menu' });
    const r = await sources.addPage(7, 'menu');
    expect(r).toMatchObject({
      status: 'added',
      source: { origin: 'menu', url: 'https://news.example/menu' },
      message: 'Added “Geneva talks” to your sources.',
    });
    expect(await sources.addPage(7, 'menu')).toMatchObject({ status: 'duplicate' });
  });

  it('addPageSource: unreachable tab, non-article, non-English and non-http pages get a clear message', async () => {
    expect(data<{ message: string }>(await setup(new Error('no receiver')).sources.handle({ type: 'addPageSource', tabId: 1 })).message).toMatch(
      /Reload the page/,
    );
    expect(data<{ message: string }>(await setup({ text: '   ' }).sources.handle({ type: 'addPageSource', tabId: 1 })).message).toMatch(/no article text/);
    const de = 'Die Delegationen beider Länder trafen sich am Dienstag in Genf, um über den Austausch von Gefangenen zu sprechen. '.repeat(4);
    expect(data<{ message: string }>(await setup({ text: de }).sources.handle({ type: 'addPageSource', tabId: 1 })).message).toMatch(
      /^This page does not look like English/,
    );
    expect(data<{ message: string }>(await setup({ url: 'file:///x.html' }).sources.handle({ type: 'addPageSource', tabId: 1 })).message).toMatch(
      /Only web pages/,
    );
  });

  it('edit, delete with Undo, get text, openReader, status; malformed messages are refused', async () => {
    const { sources, openPage, sdb } = setup();
    const added = data<{ source: { id: string } }>(
      await sources.handle({ type: 'addSource', name: 'pasted text', text: ARTICLE, meta: { title: 'Mine', date: '' } }),
    );
    const id = added.source.id;
    expect(
      data<{ title: string; event: string }>(await sources.handle({ type: 'updateSource', id, meta: { title: 'Geneva', event: 'other', date: '2025-07-01' } })),
    ).toMatchObject({ title: 'Geneva', event: 'other' });
    const got = data<{ text: string; source: { title: string } }>(await sources.handle({ type: 'getSource', id }));
    expect(got.text).toBe(ARTICLE);
    const deleted = data<Record<string, unknown>>(await sources.handle({ type: 'deleteSource', id }));
    expect(await sdb.sources.count()).toBe(0);
    expect((await sources.handle({ type: 'getSource', id })).ok).toBe(false);
    expect(data<{ status: string }>(await sources.handle({ type: 'restoreSource', source: deleted })).status).toBe('added');
    expect(await sdb.sources.count()).toBe(1);
    const seedDelete = await sources.handle({ type: 'deleteSource', id: SEEDS[0]!.id });
    expect(seedDelete).toEqual({ ok: false, error: expect.stringMatching(/cannot be deleted/) });

    data(await sources.handle({ type: 'openReader', source: id, quote: 'A quote & more' }));
    expect(openPage).toHaveBeenCalledWith(readerPath(id, 'A quote & more'));
    expect(parseReaderQuery(readerPath(id, 'A quote & more').split('?')[1]!)).toEqual({ source: id, quote: 'A quote & more' });
    expect(data<{ engineVersion: string }>(await sources.handle({ type: 'sourcesStatus' })).engineVersion).toMatch(/\+/);

    const huge = data<{ status: string; message: string }>(
      await sources.handle({ type: 'addSource', name: 'The pasted text', text: 'a '.repeat(3 * 1024 * 1024) }),
    );
    expect(huge).toMatchObject({ status: 'refused', message: expect.stringMatching(/^The pasted text: too large \(6\.0 MB; the limit is 5\.0 MB\)/) });
    for (const bad of [
      { type: 'addSource' },
      { type: 'addSource', name: 'x', text: 'y', meta: { date: 'Monday' } },
      { type: 'setSourceEnabled', id: 'x' },
      { type: 'addPageSource', tabId: 'x' },
    ]) {
      expect((await sources.handle(bad)).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('routes: source requests and source content requests are told apart from the others', () => {
    expect(isSourceRequest({ type: 'listSources' })).toBe(true);
    expect(isSourceRequest({ type: 'analyze' })).toBe(false);
    expect(isSourceRequest(null)).toBe(false);
    expect(isSourceContentRequest({ type: 'sourceArticle' })).toBe(true);
    expect(isSourceContentRequest({ type: 'analyzeNow' })).toBe(false);
    const ext = 'chrome-extension://abc/';
    expect(sourceRequestAllowed({ type: 'deleteSource', id: 'x' }, 'chrome-extension://abc/sources.html', ext)).toEqual({ ok: true });
    expect(sourceRequestAllowed({ type: 'openReader', source: 'x' }, 'https://news.example/a', ext)).toEqual({ ok: true });
    expect(sourceRequestAllowed({ type: 'deleteSource', id: 'x' }, 'https://news.example/a', ext)).toMatchObject({ ok: false });
    expect(sourceRequestAllowed({ type: 'listSources' }, undefined, ext)).toMatchObject({ ok: false });
    expect(pageMessage('This page: too large (6.0 MB; the limit is 5.0 MB)')).toBe('This page is too large (6.0 MB; the limit is 5.0 MB)');
  });
});
