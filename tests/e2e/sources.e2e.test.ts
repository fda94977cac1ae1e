/**
 * Your own sources, in the built Chrome MV3 extension (Chromium, playwright-core): the popup's
 * "Add this page to my sources", the sources page (listing, counts, switch off, delete + Undo,
 * file import with progress and per-file errors), a claim on another page that the added page
 * supports turning corroborated (and back), and the reader opened from a tooltip quote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { FIXTURES_DIR, startFixtureServer, type FixtureServer } from './support/server';
import { pointOnHighlight, readHighlights, readTooltip, verdictOfClaim } from './support/probes';
import { browserAvailable, figure, SCREENSHOTS, waitFor } from './support/browsers';
import { gotoAndSettle, launchChromiumWithExtension, openPopupAsTab, type ChromiumWithExtension, type ExtensionApi } from './support/chromium';

const HAVE = browserAvailable('Chromium');
const B = 'Chromium';
const SOURCE_TITLE = 'Geneva meeting agrees civilian exchange under Red Cross';

describe.skipIf(!HAVE)('Chromium: your own sources', () => {
  let server: FixtureServer;
  let ext: ChromiumWithExtension;
  let ctx: BrowserContext;
  let sw: Worker;
  let extId = '';
  let addedId = '';

  const load = (page: Page, path: string) => gotoAndSettle(page, server.url(path));

  /** The id of the tab showing `url` (asked of each tab's content script: without "tabs" the worker cannot read URLs). */
  async function tabIdOf(url: string): Promise<number> {
    return sw.evaluate(async (want) => {
      const c = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      for (const t of await c.tabs.query({})) {
        const r = (await c.tabs.sendMessage(t.id!, { type: 'sourceArticle' }).catch(() => null)) as { ok?: boolean; data?: { url: string } } | null;
        if (r?.ok && r.data?.url === want) return t.id!;
      }
      throw new Error(`no tab shows ${want}`);
    }, url);
  }

  /** The popup, opened as a page whose "active tab" is the tab showing `url` (as in chromium.e2e.test.ts). */
  async function openPopupFor(url: string): Promise<Page> {
    return openPopupAsTab(ext, { id: await tabIdOf(url), url }, { width: 460, height: 900 });
  }

  async function sourcesPage(): Promise<Page> {
    const p = await ctx.newPage();
    await p.goto(`chrome-extension://${extId}/sources.html`);
    await p.waitForSelector('table.cc-sources tbody tr', { timeout: 15_000 });
    return p;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startFixtureServer();
    ext = await launchChromiumWithExtension('sources');
    ({ ctx, sw, extId } = ext);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('before: the claim on the second page is not covered by the bundled corpus', async () => {
    const page = await ctx.newPage();
    await load(page, 'claim-geneva.html');
    expect(await page.evaluate(verdictOfClaim, 'The Red Cross will supervise')).toBe('crosscheck-not-covered');
    await page.close();
  });

  it('the popup button "Add this page to my sources" adds the page with its metadata; a second time says it is already there', async () => {
    const page = await ctx.newPage();
    await load(page, 'source-geneva.html');
    const popup = await openPopupFor(server.url('source-geneva.html'));
    const button = popup.getByRole('button', { name: 'Add this page to my sources', exact: true });
    await button.waitFor({ timeout: 15_000 });
    const t0 = Date.now();
    await button.click();
    await popup.waitForFunction(() => /Added “/.test(document.querySelector('.cc-source-result')?.textContent ?? ''), null, { timeout: 30_000 });
    figure(B, 'popup "Add this page to my sources" → added (ms)', Date.now() - t0);
    expect(await popup.textContent('.cc-source-result')).toContain(SOURCE_TITLE);
    await popup.screenshot({ path: join(SCREENSHOTS, 'chromium-popup-add-source.png'), fullPage: true });

    await button.click();
    await popup.waitForFunction(() => /already in your sources/.test(document.querySelector('.cc-source-result')?.textContent ?? ''), null, {
      timeout: 15_000,
    });
    await popup.close();
    await page.close();
  });

  it('sources.html lists the bundled sources and the added page with its metadata', async () => {
    const p = await sourcesPage();
    const row = p.locator('tr[data-source-id^="user_"]', { hasText: SOURCE_TITLE });
    await row.waitFor({ timeout: 10_000 });
    addedId = (await row.getAttribute('data-source-id'))!;
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Lakeside Courier');
    expect(text).toContain('1 July 2025');
    expect(text).toContain(server.url('source-geneva.html'));
    expect(text).toContain('Yours');
    expect(await p.locator('tr[data-source-id]').count()).toBe(6); // 5 bundled + 1
    expect(await p.locator('tr[data-source-id] .cc-kind-seed').count()).toBe(5);
    // Seeds can be switched off but not deleted.
    expect(await p.locator('tr[data-source-id^="0"] button', { hasText: 'Delete' }).count()).toBe(0);
    await p.screenshot({ path: join(SCREENSHOTS, 'chromium-sources-page.png'), fullPage: true });
    await p.close();
  });

  it('a claim on another page that the added page supports turns corroborated, with the quote from it; the tooltip opens the reader on that quote', async () => {
    const page = await ctx.newPage();
    await load(page, 'claim-geneva.html');
    const snap = await page.evaluate(readHighlights);
    expect(snap.signals.cached).toBe('false'); // a new corpus version: analysed again
    expect(await page.evaluate(verdictOfClaim, 'The Red Cross will supervise')).toBe('crosscheck-corroborated');

    const p = await page.evaluate(pointOnHighlight, 'The Red Cross will supervise');
    expect(p).not.toBeNull();
    await page.mouse.move(p!.x - 30, p!.y - 40);
    await page.mouse.move(p!.x, p!.y, { steps: 4 });
    const tip = await waitFor(
      async () => {
        const t = await page.evaluate(readTooltip);
        return t.open ? t : null;
      },
      'the tooltip to open',
      5_000,
    );
    expect(tip.text).toContain('Corroborated');
    expect(tip.text).toContain('Lakeside Courier');
    const link = page.locator(`crosscheck-ui a.read[data-source="${addedId}"]`).first();
    const opened = ctx.waitForEvent('page', { timeout: 10_000 });
    await link.click();
    const reader = await opened;
    await reader.waitForLoadState();
    expect(reader.url()).toMatch(new RegExp(`^chrome-extension://${extId}/reader\\.html\\?source=${addedId}&quote=`));
    const mark = reader.locator('.cc-reader-text mark');
    await mark.waitFor({ timeout: 10_000 });
    expect((await mark.textContent())!.replace(/\s+/g, ' ')).toContain('the Red Cross would supervise the transfer of 150 civilians');
    await waitFor(
      () =>
        reader.evaluate(() => {
          const r = document.querySelector('.cc-reader-text mark')!.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }),
      'the quote to be scrolled into view',
      5_000,
    );
    // Text, not HTML: the reader renders no element from the source.
    expect(await reader.locator('.cc-reader-text *').count()).toBe(1);
    await reader.screenshot({ path: join(SCREENSHOTS, 'chromium-reader.png') });
    await reader.close();
    await page.close();
  });

  it('switching the source off on sources.html re-checks an open page: the claim is not covered again; the counts show what it supported', async () => {
    const page = await ctx.newPage();
    await load(page, 'claim-geneva.html');
    expect(await page.evaluate(verdictOfClaim, 'The Red Cross will supervise')).toBe('crosscheck-corroborated');
    const p = await sourcesPage();
    const row = p.locator(`tr[data-source-id="${addedId}"]`);
    expect(await row.locator('[data-count="supported"]').textContent()).toBe('1');
    const t0 = Date.now();
    await row.getByRole('checkbox').click();
    await waitFor(() => row.evaluate((r) => r.classList.contains('cc-off')), 'the row to show the source off', 5_000);
    // The background tells the open tab; it asks again and is repainted with the new verdict.
    await waitFor(
      async () => (await page.evaluate(verdictOfClaim, 'The Red Cross will supervise')) === 'crosscheck-not-covered',
      'the open page to be re-checked',
      20_000,
    );
    figure(B, 'switch a source off → open page repainted (ms)', Date.now() - t0);
    await row.getByRole('checkbox').click();
    await waitFor(
      async () => (await page.evaluate(verdictOfClaim, 'The Red Cross will supervise')) === 'crosscheck-corroborated',
      'the page to be corroborated again',
      20_000,
    );
    await p.close();
    await page.close();
  });

  it('delete with Undo; import several files: progress, the good ones added, the refused ones listed with reasons', async () => {
    const p = await sourcesPage();
    await p
      .locator(`tr[data-source-id="${addedId}"]`)
      .getByRole('button', { name: /^Delete/ })
      .click();
    await p.getByRole('button', { name: 'Undo' }).waitFor({ timeout: 5_000 });
    await waitFor(async () => (await p.locator(`tr[data-source-id="${addedId}"]`).count()) === 0, 'the row to go', 5_000);
    await p.getByRole('button', { name: 'Undo' }).click();
    await p.locator(`tr[data-source-id="${addedId}"]`).waitFor({ timeout: 5_000 });

    const article = (place: string) =>
      `Officials from both delegations met in ${place} on Thursday to prepare a further exchange of prisoners of war. ` +
      'They said that lists of names had been agreed and that the exchange would take place within two weeks. ' +
      'Observers from the Red Cross would be present at the border crossing, a spokesman said.';
    await p.locator('input[type="file"]').setInputFiles([
      {
        name: 'vienna.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(`---\ntitle: Vienna meeting\noutlet: Wire\ndate: 2025-07-10\n---\n${article('Vienna')}`),
      },
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n') },
      { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) },
      {
        name: 'riyadh.html',
        mimeType: 'text/html',
        buffer: Buffer.from(
          `<html><head><title>Riyadh talks</title><meta property="og:site_name" content="Desert Post"></head><body><article><h1>Riyadh talks</h1><p>${article('Riyadh')}</p><p>${article('Riyadh')}</p></article></body></html>`,
        ),
      },
      // The page added from the popup, saved as a file: the same text.
      { name: 'again.html', mimeType: 'text/html', buffer: readFileSync(join(FIXTURES_DIR, 'source-geneva.html')) },
    ]);
    await p.waitForFunction(() => /of 5 added; 3 not added\./.test(document.querySelector('.cc-import-progress')?.textContent ?? ''), null, {
      timeout: 30_000,
    });
    expect(await p.textContent('.cc-import-progress')).toBe('2 of 5 added; 3 not added.');
    const errors = await p.locator('.cc-import-errors li').allTextContents();
    expect(errors).toEqual([
      expect.stringMatching(/^empty\.txt: is empty/),
      expect.stringMatching(/^photo\.txt: looks like a binary file/),
      expect.stringMatching(/^again\.html: This text is already in your sources/),
    ]);
    await p.locator('tr[data-source-id]', { hasText: 'Vienna meeting' }).waitFor();
    expect(await p.locator('tr[data-source-id]', { hasText: 'Riyadh talks' }).textContent()).toContain('Desert Post');
    await p.screenshot({ path: join(SCREENSHOTS, 'chromium-sources-import.png'), fullPage: true });
    await p.close();
  });
});
