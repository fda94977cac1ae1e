import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import seedManifest from '../seeds/manifest.json';
import { seedDocs } from '@/lib/corpus/manifest';
import { sha256Hex } from '@/lib/background/hash';
import { badgeColor, badgeFor, createService, type TabStore } from '@/lib/background/service';
import { clearCaches, openDb } from '@/lib/store/db';
import { fail, type TabState } from '@/lib/messages';
import { handleNoteRequest, isNoteRequest, openNotesDb } from '@/lib/notes';
import { noteRequestAllowed } from '@/lib/background/notes-access';
import { createCorpusManager } from '@/lib/sources/manager';
import { createSourcesHandler, isSourceRequest, sourceRequestAllowed } from '@/lib/sources/messages';
import { openSourcesDb } from '@/lib/sources/db';
import { loadEngineData } from '@/lib/background/engine-data';
import { z } from 'zod';
import { commandRequest } from '@/lib/shortcuts';

/**
 * Background (MV3 service worker / MV2 background page): wiring only. The logic is in
 * lib/background/service.ts. Crosscheck makes no network request: the corpus is bundled.
 */
export default defineBackground(() => {
  // The CSP forbids eval: tell zod up front instead of letting it probe `new Function`.
  z.config({ jitless: true });
  const log = (message: string, error?: unknown) => console.warn(`crosscheck: ${message}`, error ?? '');

  // The engine's data files (packaged, read from the extension itself: no network), then the
  // seed corpus, bundled at build time.
  const readPackaged = async (path: string) => {
    // Packaged by wxt.config.ts (not in public/, so WXT's typed paths do not list them).
    const url = (browser.runtime.getURL as (p: string) => string)(`/${path}`);
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return r.json();
  };
  const texts = import.meta.glob<string>('../seeds/*.txt', { query: '?raw', import: 'default', eager: true });
  const loadDocs = async () => {
    await loadEngineData(readPackaged);
    return seedDocs(seedManifest, (file) => {
      const text = texts[`../seeds/${file}`];
      if (typeof text !== 'string') throw new Error(`${file} is not bundled`);
      return text;
    });
  };

  const db = openDb({ indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });

  // Per-tab state survives a service-worker restart in storage.session (Chrome 102+, Firefox 115+).
  const session = browser.storage?.session;
  const tabStore: TabStore | undefined = session
    ? {
        async get(tabId) {
          const key = `tab:${tabId}`;
          return (await session.get(key))[key];
        },
        set: (tabId, value) => session.set({ [`tab:${tabId}`]: value }),
        remove: (tabId) => session.remove(`tab:${tabId}`),
      }
    : undefined;

  // Chrome MV3: browser.action; Firefox MV2: browser.browserAction.
  const action = browser.action ?? browser.browserAction;
  const showBadge = (tabId: number, state: TabState) => {
    const analysis = state.status === 'done' ? state.analysis : null;
    const text = badgeFor(analysis);
    const ignore = () => {}; // the tab may be gone
    action.setBadgeText({ tabId, text }).catch(ignore);
    if (text) action.setBadgeBackgroundColor({ tabId, color: badgeColor(analysis) }).catch(ignore);
    const title = text
      ? `Crosscheck: ${text} claim${text === '1' ? '' : 's'} contradicted or disputed by other reporting`
      : 'Crosscheck: check the claims on this page';
    action.setTitle({ tabId, title }).catch(ignore);
  };

  // The corpus: the seeds plus the reader's own sources (their own database, never cleared with
  // the caches), one live index changed incrementally (lib/sources/manager.ts). When it changes,
  // every tab is told; a page that was checked checks itself again (the cache key includes the
  // engine version, so it gets a fresh analysis).
  let corpusTimer: ReturnType<typeof setTimeout> | undefined;
  const tellTabsCorpusChanged = () => {
    clearTimeout(corpusTimer);
    corpusTimer = setTimeout(async () => {
      const tabs = await browser.tabs.query({}).catch(() => []);
      for (const t of tabs) if (t.id !== undefined) browser.tabs.sendMessage(t.id, { type: 'corpusChanged' }).catch(() => {});
    }, 600);
  };
  const corpus = createCorpusManager({
    loadSeeds: loadDocs,
    sourcesDb: openSourcesDb(globalThis),
    cacheDb: db,
    now: () => Date.now(),
    log,
    onChange: tellTabsCorpusChanged,
  });
  const sources = createSourcesHandler({
    manager: corpus,
    getArticle: (tabId) => browser.tabs.sendMessage(tabId, { type: 'sourceArticle' }).then((r: { ok?: boolean; data?: unknown; error?: string } | undefined) => {
      if (!r || r.ok !== true) throw new Error(r?.error ?? 'no answer from the page');
      return r.data as never;
    }),
    openPage: async (path) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path as '/reader.html') });
    },
  });

  const service = createService({
    getEngine: corpus.getEngine,
    db,
    now: () => Date.now(),
    hash: sha256Hex(crypto.subtle),
    tabStore,
    onTabState: showBadge,
    log,
  });

  // The reader's notes: their own database (never cleared with the caches), opened once. Note
  // requests from a web page's content script are limited to that page's notes (notes-access.ts).
  const notesDb = openNotesDb(globalThis);
  const extensionOrigin = browser.runtime.getURL('/');

  // sendResponse + `return true` works the same in Chrome and Firefox (no polyfill in WXT 0.20).
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (isNoteRequest(message)) {
      const access = noteRequestAllowed(message, sender.url, extensionOrigin);
      if (!access.ok) sendResponse(fail(access.error));
      else handleNoteRequest(notesDb, message).then(sendResponse, (e: unknown) => sendResponse(fail(`internal error: ${String(e)}`)));
      return true;
    }
    if (isSourceRequest(message)) {
      const access = sourceRequestAllowed(message, sender.url, extensionOrigin);
      if (!access.ok) sendResponse(fail(access.error));
      else sources.handle(message).then(sendResponse, (e: unknown) => sendResponse(fail(`internal error: ${String(e)}`)));
      return true;
    }
    service
      .handle(message, { tabId: sender.tab?.id, url: sender.url, extensionPage: !!sender.url?.startsWith(extensionOrigin) })
      .then(sendResponse, (e: unknown) => sendResponse(fail(`internal error: ${String(e)}`)));
    return true;
  });

  // Warm up: build (or reload) the corpus index and the engine as soon as the background
  // starts, not on the first page's request, so the first article is painted sooner.
  void corpus.getEngine().catch((e: unknown) => log('engine warm-up failed; the first analysis will retry', e));

  browser.tabs.onRemoved.addListener((tabId) => {
    void service.forgetTab(tabId);
  });

  // Cached analyses and the cached corpus index may come from older code: drop them on update.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void clearCaches(db, log);
  });

  // Context menu: "Add this page to my sources" on web pages. Recreated at every start (removeAll
  // first, so a restarted MV3 worker does not create a duplicate). The outcome is shown on the page.
  const MENU_ADD_SOURCE = 'crosscheck-add-source';
  const menus = browser.contextMenus;
  if (menus) {
    menus
      .removeAll()
      .then(() =>
        menus.create({ id: MENU_ADD_SOURCE, title: 'Add this page to my sources', contexts: ['page'], documentUrlPatterns: ['http://*/*', 'https://*/*'] }, () => {
          void browser.runtime.lastError; // a duplicate after a fast restart is harmless
        }),
      )
      .catch((e: unknown) => log('could not create the context menu item', e));
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId !== MENU_ADD_SOURCE || tab?.id === undefined) return;
      const tabId = tab.id;
      void sources.addPage(tabId, 'menu').then((outcome) =>
        browser.tabs.sendMessage(tabId, { type: 'sourceNotice', message: outcome.message, ok: outcome.status === 'added' }).catch(() => {}),
      );
    });
  }

  // Keyboard commands (lib/shortcuts.ts) → the active tab's content script.
  browser.commands.onCommand.addListener(async (command) => {
    const request = commandRequest(command);
    if (!request) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    browser.tabs.sendMessage(tab.id, request).catch(() => {
      // No content script on this page (browser page, or not reloaded since install).
    });
  });
});
