/**
 * The background's parts other than the service (lib/background/*): the badge, the debounced
 * corpus broadcast, the context-menu item, the keyboard command, the session tab store and the
 * one message router (permissions from the protocol map, answers from the right part).
 */
import { describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { badgeTitle, createBadge } from '../lib/background/badge';
import { createCorpusBroadcast } from '../lib/background/corpus-broadcast';
import { installAddSourceMenu, MENU_ADD_SOURCE } from '../lib/background/context-menu';
import { createCommandHandler, TOGGLE_HIGHLIGHTS } from '../lib/background/commands';
import { sessionTabStore } from '../lib/background/tab-store';
import { createBackgroundRouter, messageListener } from '../lib/background/router';
import { createService } from '../lib/background/service';
import { openNotesDb } from '../lib/notes/db';
import { hash as fnv } from '../lib/corpus/index';
import type { Engine } from '../lib/engine';
import type { TabState } from '../lib/messages';
import type { SourcesHandler } from '../lib/sources/messages';

const state = (status: TabState['status'], verdicts: string[]): TabState =>
  ({
    tabId: 1,
    status,
    url: 'https://a.example/',
    title: '',
    error: null,
    updatedAt: 1,
    analysis: { claims: verdicts.map((verdict) => ({ verdict })) },
  }) as never;

describe('badge', () => {
  it('counts contradicted and mixed claims of a finished page, red when contradicted, and titles the button', () => {
    const calls: unknown[] = [];
    const rec = (name: string) => async (d: unknown) => void calls.push([name, d]);
    const show = createBadge({ setBadgeText: rec('text'), setBadgeBackgroundColor: rec('color'), setTitle: rec('title') });
    show(3, state('done', ['contradicted', 'mixed', 'corroborated']));
    expect(calls).toEqual([
      ['text', { tabId: 3, text: '2' }],
      ['color', { tabId: 3, color: '#b91c1c' }],
      ['title', { tabId: 3, title: 'Crosscheck: 2 claims contradicted or disputed by other reporting' }],
    ]);
    calls.length = 0;
    show(3, state('analysing', ['contradicted']));
    expect(calls).toEqual([
      ['text', { tabId: 3, text: '' }],
      ['title', { tabId: 3, title: 'Crosscheck: check the claims on this page' }],
    ]);
    expect(badgeTitle('1')).toMatch(/1 claim contradicted/);
  });
  it('a closed tab (rejected API calls) does not throw', () => {
    const no = () => Promise.reject(new Error('No tab with id'));
    expect(() => createBadge({ setBadgeText: no, setBadgeBackgroundColor: no, setTitle: no })(9, state('done', ['mixed']))).not.toThrow();
  });
});

describe('corpus broadcast', () => {
  it('tells every tab once, after the last change of a burst', async () => {
    vi.useFakeTimers();
    try {
      const sent: [number, unknown][] = [];
      const notify = createCorpusBroadcast({
        listTabs: async () => [1, 2],
        toTab: (id) => async (m) => (sent.push([id, m]), { ok: true, data: {} }),
        delayMs: 600,
        setTimeout: (run, ms) => setTimeout(run, ms),
        clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      });
      notify();
      await vi.advanceTimersByTimeAsync(500);
      notify();
      await vi.advanceTimersByTimeAsync(500);
      expect(sent).toEqual([]);
      await vi.advanceTimersByTimeAsync(200);
      expect(sent).toEqual([
        [1, { type: 'corpusChanged' }],
        [2, { type: 'corpusChanged' }],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('context menu', () => {
  it('recreates the item, and a click adds the page and shows the outcome on it', async () => {
    let onClick: ((info: { menuItemId: string | number }, tab?: { id?: number }) => void) | undefined;
    const created: unknown[] = [];
    const sent: [number, unknown][] = [];
    const removeAll = vi.fn(async () => {});
    const addPage = vi.fn(async () => ({ status: 'refused' as const, name: 'this page', message: 'Only web pages (http and https) can be added.' }));
    installAddSourceMenu({
      menus: { removeAll, create: (p) => created.push(p), onClicked: { addListener: (l) => (onClick = l) } },
      addPage,
      toTab: (id) => async (m) => (sent.push([id, m]), { ok: true, data: { shown: true } }),
      clearLastError: () => {},
      log: () => {},
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(removeAll).toHaveBeenCalledTimes(1);
    expect(created).toMatchObject([{ id: MENU_ADD_SOURCE, contexts: ['page'] }]);
    onClick!({ menuItemId: 'other' }, { id: 4 });
    onClick!({ menuItemId: MENU_ADD_SOURCE }, {});
    expect(addPage).not.toHaveBeenCalled();
    onClick!({ menuItemId: MENU_ADD_SOURCE }, { id: 4 });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(addPage).toHaveBeenCalledWith(4, 'menu');
    expect(sent[0]).toEqual([4, { type: 'sourceNotice', message: 'Only web pages (http and https) can be added.', ok: false }]);
  });
});

describe('keyboard command', () => {
  it('toggles the highlights on the active tab only for its own command; a page without a content script is fine', async () => {
    const sent: [number, unknown][] = [];
    const run = createCommandHandler({ activeTabId: async () => 5, toTab: (id) => async (m) => (sent.push([id, m]), undefined) });
    await run('something-else');
    expect(sent).toEqual([]);
    await run(TOGGLE_HIGHLIGHTS);
    expect(sent).toEqual([[5, { type: 'toggleHighlights' }]]);
    await run('next-claim');
    await run('previous-claim');
    expect(sent.slice(1)).toEqual([
      [5, { type: 'moveToClaim', direction: 'next' }],
      [5, { type: 'moveToClaim', direction: 'previous' }],
    ]);
    const failing = createCommandHandler({ activeTabId: async () => 5, toTab: () => () => Promise.reject(new Error('Receiving end does not exist')) });
    await expect(failing(TOGGLE_HIGHLIGHTS)).resolves.toBeUndefined();
  });
});

describe('session tab store', () => {
  it('keeps one key per tab; none without a session area', async () => {
    const area = new Map<string, unknown>();
    const store = sessionTabStore({
      get: async (k) => (area.has(k) ? { [k]: area.get(k) } : {}),
      set: async (items) => void Object.entries(items).forEach(([k, v]) => area.set(k, v)),
      remove: async (k) => void area.delete(k),
    })!;
    await store.set(2, { tabId: 2 } as never);
    expect([...area.keys()]).toEqual(['tab:2']);
    expect(await store.get(2)).toEqual({ tabId: 2 });
    await store.remove(2);
    expect(await store.get(2)).toBeUndefined();
    expect(sessionTabStore(undefined)).toBeUndefined();
  });
});

describe('message router', () => {
  const EXT = 'chrome-extension://abc/';
  const engine = { version: 't', analyze: () => ({ claims: [] }), index: { docs: [] } } as unknown as Engine;
  function router() {
    let t = 0;
    const service = createService({ getEngine: async () => engine, db: null, now: () => ++t, hash: fnv });
    const opened: string[] = [];
    const sources = {
      handlers: {
        openReader: async (req: { source: string }) => (opened.push(req.source), { ok: true, data: { opened: true } }),
        listSources: async () => ({ ok: true, data: [] }),
      },
    } as unknown as SourcesHandler;
    const notesDb = openNotesDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    return { route: createBackgroundRouter({ service, notesDb, sources, extensionOrigin: EXT }), opened };
  }
  const page = { tab: { id: 7 }, url: 'https://news.example/a' };

  it('answers each message from its part, with the sender checks of the map', async () => {
    const { route, opened } = router();
    expect(await route({ type: 'status', status: 'analysing', url: page.url }, page)).toMatchObject({ ok: true, data: { tabId: 7, status: 'analysing' } });
    expect(await route({ type: 'getTabState', tabId: 7 }, page)).toMatchObject({ ok: true, data: { url: page.url } });
    expect(await route({ type: 'getTabState', tabId: 8 }, page)).toMatchObject({ ok: false });
    expect(await route({ type: 'getTabState', tabId: 7 }, { url: `${EXT}popup.html` })).toMatchObject({ ok: true });
    expect(await route({ type: 'listSources' }, page)).toMatchObject({ ok: false, error: /may not send "listSources"/ });
    expect(await route({ type: 'listSources' }, { url: `${EXT}sources.html` })).toEqual({ ok: true, data: [] });
    expect(await route({ type: 'openReader', source: 'user_0000abcd' }, page)).toEqual({ ok: true, data: { opened: true } });
    expect(opened).toEqual(['user_0000abcd']);
    expect(await route({ type: 'notesForPage', pageUrl: page.url }, page)).toEqual({ ok: true, data: [] });
    expect(await route({ type: 'notesForPage', pageUrl: 'https://other.example/' }, page)).toMatchObject({ ok: false });
    expect(await route({ type: 'listNotes' }, page)).toMatchObject({ ok: false });
  });

  it('unknown and malformed messages get { ok: false } through the listener, which always answers', async () => {
    const { route } = router();
    const listener = messageListener(route);
    for (const raw of [null, { type: 'nope' }, { type: 'analyzeNow' }, { type: 'status', status: 'x', url: 'u' }]) {
      const reply = await new Promise((resolve) => expect(listener(raw, page, resolve)).toBe(true));
      expect(reply, JSON.stringify(raw)).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed message/) });
    }
  });
});
