/**
 * Chromium with the built MV3 extension (playwright-core + /usr/bin/chromium; never a downloaded
 * browser): launching it, its service worker and id, waiting for a page's status, and the popup
 * opened as a page whose "active tab" is a fixture tab.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { browser as ExtensionBrowser } from 'wxt/browser';
import { CHROME_EXT, CHROMIUM_PATH, FINAL_STATUSES, waitFor } from './browsers';

/** The extension API as the service worker sees it (`chrome`), for code evaluated there. */
export type ExtensionApi = typeof ExtensionBrowser;

export interface ChromiumWithExtension {
  ctx: BrowserContext;
  /** The extension's service worker. */
  sw: Worker;
  /** The extension's id (the host of its chrome-extension:// URLs). */
  extId: string;
  /** Every URL requested in the context (pages and the service worker), when `recordRequests` is set. */
  requests: string[];
  /** Close the browser and remove its profile. */
  close(): Promise<void>;
}

/**
 * Launch headless Chromium with the extension in a fresh profile (`crosscheck-<name>-…` under the
 * temp dir) and wait for the extension's service worker.
 */
export async function launchChromiumWithExtension(
  name: string,
  opts: {
    acceptDownloads?: boolean;
    recordRequests?: boolean;
    /** Extra command-line switches (e.g. a proxy that records the browser's own traffic). */
    args?: string[];
    /** The unpacked extension to load (default: the e2e build, CHROME_EXT). */
    extension?: string;
  } = {},
): Promise<ChromiumWithExtension> {
  const extension = opts.extension ?? CHROME_EXT;
  const profile = mkdtempSync(join(tmpdir(), `crosscheck-${name}-`));
  // Report the service worker's own requests too (the no-network assertions cover it).
  if (opts.recordRequests) process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
    viewport: { width: 1100, height: 800 },
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--disable-background-networking',
      '--disable-component-update',
      ...(opts.args ?? []),
    ],
  });
  const requests: string[] = [];
  if (opts.recordRequests) ctx.on('request', (r) => requests.push(r.url()));
  // The extension's service worker: it may have started before we could listen for it.
  const sw = await waitFor(() => ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')), 'the service worker', 30_000);
  return {
    ctx,
    sw,
    extId: new URL(sw.url()).host,
    requests,
    close: async () => {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Open `url` and wait until the content script reports a final status. */
export async function gotoAndSettle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction((final) => final.includes(document.documentElement.dataset.crosscheckStatus ?? ''), FINAL_STATUSES, {
    timeout: 30_000,
  });
}

/** Close every open tab, then open one: tab lookups from the worker then find the one fixture tab. */
export async function newSoleTab(ctx: BrowserContext): Promise<Page> {
  for (const p of ctx.pages()) await p.close();
  return ctx.newPage();
}

/** The id of the tab that has the content script (it answers any message with a "type"). */
export async function fixtureTabId(sw: Worker): Promise<number> {
  return sw.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    for (const t of await c.tabs.query({})) {
      const answered = await c.tabs.sendMessage(t.id!, { type: 'crosscheck-ping' }).then(
        () => true,
        () => false,
      );
      if (answered) return t.id!;
    }
    throw new Error('no tab with the content script');
  });
}

/**
 * The popup, opened as a page. It reads "the active tab of the current window"; opened as a tab it
 * would be its own active tab, so only that one query is pointed at `tab` (everything else is
 * real: the background's tab state, the popup's rendering, popup → content-script messages).
 */
export async function openPopupAsTab(
  ext: Pick<ChromiumWithExtension, 'ctx' | 'extId'>,
  tab: { id: number; url: string },
  viewport: { width: number; height: number },
): Promise<Page> {
  const popup = await ext.ctx.newPage();
  await popup.setViewportSize(viewport);
  await popup.addInitScript((t) => {
    const c = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    const query = c.tabs.query.bind(c.tabs);
    c.tabs.query = ((info: { active?: boolean }) => (info?.active ? Promise.resolve([{ ...t, active: true }]) : query(info))) as typeof c.tabs.query;
  }, tab);
  await popup.goto(`chrome-extension://${ext.extId}/popup.html`);
  return popup;
}
