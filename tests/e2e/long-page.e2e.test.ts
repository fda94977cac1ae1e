/**
 * A very long page (about 100,000 words, 876 paragraphs, over 500,000 characters of article
 * text: more than one analysis request may carry) is checked in full, in parts, while the page
 * stays usable; the popup says how the page was checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './support/server';
import { readHighlights } from './support/probes';
import { browserAvailable, figure, FINAL_STATUSES } from './support/browsers';
import { fixtureTabId, launchChromiumWithExtension, newSoleTab, openPopupAsTab, type ChromiumWithExtension } from './support/chromium';
import { LONG_CLAIMS, LONG_PARAGRAPHS, writeLongPage } from './support/long-page';
import { squash } from './support/expected';

const HAVE = browserAvailable('Chromium');
const B = 'Chromium';

describe.skipIf(!HAVE)('Chromium: a very long page is checked in full', () => {
  let dir = '';
  let server: FixtureServer;
  let ext: ChromiumWithExtension;
  let ctx: BrowserContext;
  let sw: Worker;

  beforeAll(async () => {
    dir = writeLongPage();
    server = await startFixtureServer(dir);
    ext = await launchChromiumWithExtension('long');
    ({ ctx, sw } = ext);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('highlights claims to the last paragraph, and the popup says the whole page was checked', async () => {
    const page: Page = await newSoleTab(ctx);
    // Main-thread tasks over 50 ms while the page is checked (the content script shares the page's thread).
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      try {
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) w.__longTasks.push(Math.round(e.duration));
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        /* no longtask timing */
      }
    });
    const t0 = Date.now();
    await page.goto(server.url('long.html'));
    await page.waitForFunction((final) => final.includes(document.documentElement.dataset.crosscheckStatus ?? ''), FINAL_STATUSES, {
      timeout: 120_000,
    });
    const ms = Date.now() - t0;
    const snap = await page.evaluate(readHighlights);
    expect(snap.signals.status).toBe('done');
    const painted = Object.values(snap.byName).flat();
    for (const [para, sentence] of LONG_CLAIMS) {
      expect(
        painted.some((t) => t.startsWith(squash(sentence).slice(0, 60))),
        `the claim of paragraph ${para} of ${LONG_PARAGRAPHS} is highlighted`,
      ).toBe(true);
    }
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    figure(B, 'long page: navigation → every part checked and painted (ms)', ms);
    figure(B, 'long page: claims highlighted', `${snap.signals.count} (${LONG_CLAIMS.length} planted)`);
    figure(B, 'long page: main-thread tasks over 50 ms while checking', `${tasks.length}, longest ${Math.max(0, ...tasks)} ms`);

    const popup = await openPopupAsTab(ext, { id: await fixtureTabId(sw), url: server.url('long.html') }, { width: 460, height: 900 });
    await popup.waitForSelector('li.cc-claim', { timeout: 15_000 });
    const listed = await popup.$$eval('li.cc-claim .cc-claim-text', (els) => els.map((e) => e.textContent ?? ''));
    for (const [, sentence] of LONG_CLAIMS) expect(listed.map(squash)).toContain(squash(sentence));
    const coverage = (await popup.locator('.cc-coverage').textContent({ timeout: 5_000 })) ?? '';
    expect(coverage).toMatch(/checked in full/i);
    figure(B, 'long page: the popup says', coverage);
    await popup.close();
    await page.close();
  }, 180_000);
});
