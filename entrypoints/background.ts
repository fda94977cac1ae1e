import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import seedManifest from '../seeds/manifest.json';
import { seedDocs } from '@/lib/corpus/manifest';
import { sha256Hex } from '@/lib/background/hash';
import { createService } from '@/lib/background/service';
import { createBadge } from '@/lib/background/badge';
import { createCorpusBroadcast } from '@/lib/background/corpus-broadcast';
import { installAddSourceMenu } from '@/lib/background/context-menu';
import { createCommandHandler } from '@/lib/background/commands';
import { createBackgroundRouter, messageListener } from '@/lib/background/router';
import { sessionTabStore } from '@/lib/background/tab-store';
import { loadEngineData } from '@/lib/background/engine-data';
import { clearCaches, openDb } from '@/lib/store/db';
import { openNotesDb } from '@/lib/notes/db';
import { createCorpusManager } from '@/lib/sources/manager';
import { createSourcesHandler } from '@/lib/sources/messages';
import { openSourcesDb } from '@/lib/sources/db';
import { call, type Transport } from '@/lib/protocol';
import { z } from '@/lib/zod';

/**
 * Background (MV3 service worker / MV2 background page): wiring only — each job is a module of
 * lib/background (service: analyses and tab state; router: the one message listener; badge;
 * corpus-broadcast; context-menu; commands; tab-store). Crosscheck makes no network request: the
 * corpus is bundled.
 */
export default defineBackground(() => {
  // The CSP forbids eval: tell zod up front instead of letting it probe `new Function`.
  z.config({ jitless: true });
  const log = (message: string, error?: unknown) => console.warn(`crosscheck: ${message}`, error ?? '');
  const toTab =
    (tabId: number): Transport =>
    (m) =>
      browser.tabs.sendMessage(tabId, m);

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

  // The corpus: the seeds plus the reader's own sources (their own database, never cleared with
  // the caches), one live index changed incrementally. When it changes, every tab is told.
  const corpusChanged = createCorpusBroadcast({
    listTabs: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    toTab,
    delayMs: 600,
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  const corpus = createCorpusManager({
    loadSeeds: loadDocs,
    sourcesDb: openSourcesDb(globalThis),
    cacheDb: db,
    now: () => Date.now(),
    log,
    onChange: corpusChanged,
  });
  const sources = createSourcesHandler({
    manager: corpus,
    getArticle: (tabId) => call(toTab(tabId), 'sourceArticle', {}),
    openPage: async (path) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path as '/reader.html') });
    },
  });

  const service = createService({
    getEngine: corpus.getEngine,
    db,
    now: () => Date.now(),
    hash: sha256Hex(crypto.subtle),
    tabStore: sessionTabStore(browser.storage?.session),
    // Chrome MV3: browser.action; Firefox MV2: browser.browserAction.
    onTabState: createBadge(browser.action ?? browser.browserAction),
    log,
  });

  // One listener for every message (lib/protocol/map.ts); note requests from a web page are
  // limited to that page's notes, sources requests to opening the reader.
  const route = createBackgroundRouter({ service, notesDb: openNotesDb(globalThis), sources, extensionOrigin: browser.runtime.getURL('/'), log });
  browser.runtime.onMessage.addListener(messageListener(route));

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

  if (browser.contextMenus) {
    installAddSourceMenu({
      menus: browser.contextMenus,
      addPage: (tabId, origin) => sources.addPage(tabId, origin),
      toTab,
      clearLastError: () => void browser.runtime.lastError,
      log,
    });
  }

  const onCommand = createCommandHandler({
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    toTab,
  });
  browser.commands.onCommand.addListener((command) => void onCommand(command));
});
