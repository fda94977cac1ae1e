/**
 * The MV3 service worker stopped in the middle of an analysis (the browser may stop it at any
 * time; here the DevTools protocol stops it): the page asks again once by itself, and if that
 * fails too, the popup says so in plain words, with a button to try again — never the browser's
 * raw "message channel closed" error.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './support/server';
import { readHighlights } from './support/probes';
import { browserAvailable, figure, FINAL_STATUSES, waitFor } from './support/browsers';
import { fixtureTabId, launchChromiumWithExtension, newSoleTab, openPopupAsTab, type ChromiumWithExtension } from './support/chromium';
import { expectedFor, expectedHighlights } from './support/expected';

const HAVE = browserAvailable('Chromium');
const B = 'Chromium';
const RAW = /listener indicated|message channel closed|receiving end does not exist|could not establish connection/i;

/**
 * Chromium sometimes does not start a service worker again within half a minute after the
 * DevTools protocol stopped it (seen on Chromium 150 under load, on the unchanged code as well):
 * the browser, not the extension, then fails the test. One more attempt, in a fresh browser.
 */
const BROWSER_RESTART_RETRIES = 1;

describe.skipIf(!HAVE)('Chromium: the service worker stops mid-analysis', { retry: BROWSER_RESTART_RETRIES }, () => {
  let server: FixtureServer;
  let ext: ChromiumWithExtension;
  let ctx: BrowserContext;
  let extId = '';

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchChromiumWithExtension('worker-stop');
    ({ ctx, extId } = ext);
  });

  /** A failed attempt leaves a browser whose worker may not start again: the retry gets a new one. */
  function relaunchIfFailed(): void {
    onTestFailed(async () => {
      await ext?.close();
      ext = await launchChromiumWithExtension('worker-stop');
      ({ ctx, extId } = ext);
    });
  }

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const status = (page: Page) => page.evaluate(() => document.documentElement.dataset.crosscheckStatus ?? '');

  async function stopWorkers(cdp: CDPSession): Promise<void> {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  }

  /** A running service worker (stopped ones are gone from the list; an extension page wakes it). */
  async function liveWorker(): Promise<Worker> {
    const waker = await ctx.newPage();
    await waker.goto(`chrome-extension://${extId}/popup.html`);
    const sw = await waitFor(() => ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')), 'the service worker', 30_000);
    await waker.close();
    return sw;
  }

  it('stopped once: the page asks again by itself and is checked', async () => {
    relaunchIfFailed();
    const page = await newSoleTab(ctx);
    const cdp = await ctx.newCDPSession(page);
    await page.goto(server.url('round1.html'));
    await page.waitForFunction(() => document.documentElement.dataset.crosscheckStatus === 'analysing', undefined, { timeout: 30_000, polling: 10 });
    const t0 = Date.now();
    await stopWorkers(cdp);
    await page.waitForFunction((final) => final.includes(document.documentElement.dataset.crosscheckStatus ?? ''), FINAL_STATUSES, {
      timeout: 60_000,
    });
    const snap = await page.evaluate(readHighlights);
    expect(snap.signals.status).toBe('done');
    expect(snap.byName).toEqual(expectedHighlights((await expectedFor('round1.html')).claims));
    figure(B, 'worker stopped mid-analysis → page checked after the automatic retry (ms)', Date.now() - t0);
    await page.close();
  });

  it('stopped again during the retry: the popup says so in plain words, and "Try again" checks the page', async () => {
    relaunchIfFailed();
    const page = await newSoleTab(ctx);
    const cdp = await ctx.newCDPSession(page);
    await page.goto(server.url('round2.html'));
    await page.waitForFunction(() => document.documentElement.dataset.crosscheckStatus === 'analysing', undefined, { timeout: 30_000, polling: 10 });
    // Keep stopping the worker until the page gives up.
    let stopping = true;
    const stopper = (async () => {
      while (stopping) {
        await stopWorkers(cdp).catch(() => {});
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    // Where the browser fails the pending request at once this takes a second; where it keeps it
    // pending (Chromium 150), the page's answer time limit (a test build's) ends each attempt.
    await waitFor(async () => (await status(page)) === 'error', 'the page to give up', 60_000, 50);
    stopping = false;
    await stopper;

    const sw = await liveWorker();
    const popup = await openPopupAsTab({ ctx, extId }, { id: await fixtureTabId(sw), url: server.url('round2.html') }, { width: 460, height: 700 });
    const alert = popup.locator('.cc-error');
    await alert.waitFor({ timeout: 10_000 });
    const text = (await alert.textContent()) ?? '';
    figure(B, 'worker stopped twice: the popup says', text);
    expect(text).not.toMatch(RAW);
    expect(text).toMatch(/Crosscheck stopped while checking this page/);
    const retry = popup.getByRole('button', { name: 'Try again', exact: true });
    await retry.click();
    await waitFor(async () => (await status(page)) === 'done', 'the page to be checked after "Try again"', 60_000, 100);
    await popup.locator('li.cc-claim').first().waitFor({ timeout: 15_000 });
    await popup.close();
    await page.close();
  }, 150_000);
});
