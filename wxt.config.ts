import { defineConfig } from 'wxt';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { manifestCommands } from './lib/shortcuts';

/**
 * The engine's data files, packaged as files (lib/background/engine-data.ts reads them): a 5 MB
 * WordNet table and wink's 3 MB core lexicon would make the background script too large for the
 * stores' linters to parse if they were bundled into it.
 */
const ENGINE_DATA = [
  { absoluteSrc: resolve('lib/lexicon/wn.json'), relativeDest: 'data/lexicon.json' },
  { absoluteSrc: resolve('lib/lexicon/wn-keys.json'), relativeDest: 'data/lexicon-keys.json' },
  {
    absoluteSrc: createRequire(import.meta.url).resolve('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json'),
    relativeDest: 'data/tagger-core.json',
  },
];

/**
 * Extension pages (popup, options, background) may only load the extension's own code and make
 * no network request at all: no remote code, no fetch/XHR/WebSocket to any host (connect-src
 * 'self' lets the background read the extension's own packaged files, nothing else).
 * Applied to production builds only: `wxt` dev mode needs its dev server (WXT adds it to the
 * default CSP itself).
 */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  // 'self': the background reads the extension's own packaged data files (no host is reachable).
  "connect-src 'self'",
  "img-src 'self' data:",
  // React sets style properties through the CSSOM (allowed anyway); Vite's dev CSS uses <style>.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...ENGINE_DATA);
    },
  },
  // Written in MV3 form; WXT converts for Firefox MV2 (action → browser_action,
  // content_security_policy.extension_pages → content_security_policy string).
  manifest: ({ browser, command }) => ({
    name: 'Crosscheck',
    description: 'Cross-checks war coverage against a local reference corpus, claim by claim. Runs fully offline.',
    // storage: settings (storage.local) and per-tab popup state (storage.session).
    // activeTab (no install warning): when the reader opens the popup, it may read the active
    // tab's URL, to tell whether the stored result is still for the page shown.
    // No host permissions: the content script is declared by its own entrypoint; tabs.query (for
    // the tab id) and tabs.sendMessage need no permission.
    // unlimitedStorage (no install warning in Chrome or Firefox): the reader's notes live in the
    // extension's IndexedDB ("crosscheck-notes"), which is otherwise best-effort storage — the
    // browser may evict it under disk pressure, and it counts against a quota. With this permission
    // Chrome exempts the extension's storage from quota and eviction, and Firefox grants it
    // persistent storage, so notes are removed only when the reader deletes them or the extension.
    // contextMenus: the page's context-menu item "Add this page to my sources" (Chrome; Firefox
    // accepts the same name and exposes browser.contextMenus, so one permission serves both). It
    // shows no install warning.
    permissions: ['storage', 'activeTab', 'unlimitedStorage', 'contextMenus'],
    // Keyboard commands (lib/shortcuts.ts: the popup and the options page list the same ones).
    commands: manifestCommands(),
    // Firefox: a fixed id so storage works for a temporary add-on; 128: storage.session (115+) and
    // data_collection_permissions (an error before 128).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'crosscheck@example.org',
              strict_min_version: '128.0',
              // Crosscheck collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
    ...(command === 'build' ? { content_security_policy: { extension_pages: STRICT_CSP } } : {}),
  }),
});
