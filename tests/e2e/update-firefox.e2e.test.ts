/**
 * Firefox differs from Chromium on an update: it unloads the old content script completely (no
 * code of it runs again) and puts the new one into open tabs. Nothing of the old one may stay
 * visible: after an update exactly one set of highlights is shown (the new script's), and after
 * the add-on is removed, none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './support/server';
import { readHighlights } from './support/probes';
import { browserAvailable, FIREFOX_EXT, waitFor } from './support/browsers';
import { gotoAndSettle, launchFirefoxWithExtension, sizeViewport } from './support/firefox';
import { expectedFor, expectedHighlights } from './support/expected';

const HAVE = browserAvailable('Firefox');

/** In the page: what of Crosscheck is visible (hosts not display:none, highlight registry entries). */
function visibleCrosscheck(): { hosts: number; visibleHosts: number; registry: number } {
  const hosts = Array.from(document.querySelectorAll('*')).filter((e) => e.localName.startsWith('crosscheck'));
  return {
    hosts: hosts.length,
    visibleHosts: hosts.filter((h) => getComputedStyle(h).display !== 'none').length,
    registry: (globalThis as unknown as { CSS?: { highlights?: { size: number } } }).CSS?.highlights?.size ?? 0,
  };
}

describe.skipIf(!HAVE)('Firefox: a tab left open across an update, and across removal', () => {
  let server: FixtureServer;
  let browser: Browser;
  let addonId = '';

  beforeAll(async () => {
    server = await startFixtureServer();
    ({ browser, addonId } = await launchFirefoxWithExtension());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('after an update only the new content script’s highlights show; after removal nothing does', async () => {
    const page = await browser.newPage();
    await sizeViewport(page);
    await gotoAndSettle(page, server.url('round2.html'));
    const expected = expectedHighlights((await expectedFor('round2.html')).claims);
    expect((await page.evaluate(readHighlights)).byName).toEqual(expected);

    // Update: the same add-on installed again; Firefox injects the new content script into the tab.
    await page.evaluate(() => document.documentElement.removeAttribute('data-crosscheck-status'));
    await browser.installExtension(FIREFOX_EXT);
    await page.waitForFunction(() => document.documentElement.dataset.crosscheckStatus === 'done', { timeout: 30_000, polling: 100 });
    expect((await page.evaluate(readHighlights)).byName).toEqual(expected);
    const afterUpdate = await page.evaluate(visibleCrosscheck);
    expect(afterUpdate.registry).toBe(0);
    expect(afterUpdate.hosts).toBe(afterUpdate.visibleHosts);
    expect(await page.evaluate(() => document.querySelectorAll('crosscheck-layer').length)).toBe(1);

    // Removal: no code of the add-on runs any more; what it drew must not stay on the page.
    await browser.uninstallExtension(addonId);
    await waitFor(
      async () => {
        const v = await page.evaluate(visibleCrosscheck);
        return v.visibleHosts === 0 && v.registry === 0;
      },
      'nothing of Crosscheck to stay visible after removal',
      10_000,
      100,
    );
    await page.close();
  });
});
