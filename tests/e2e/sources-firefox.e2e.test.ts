/**
 * Your own sources in the built Firefox MV2 extension (Firefox ESR, puppeteer-core over WebDriver
 * BiDi): a tooltip quote opens the reader (through the background), the sources page adds pasted
 * text, and a claim the new source supports turns corroborated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './support/server';
import { pointOnHighlight, readTooltip, verdictOfClaim } from './support/probes';
import { browserAvailable, figure, SCREENSHOTS, waitFor } from './support/browsers';
import { gotoAndSettle, launchFirefoxWithExtension, sizeViewport } from './support/firefox';

const HAVE = browserAvailable('Firefox');
const B = 'Firefox';
const ARTICLE =
  'Delegations from both countries met in Geneva on Tuesday to discuss the exchange of civilian detainees. ' +
  'Officials said that the Red Cross would supervise the transfer of 150 civilians from each side, and that the ' +
  'talks would continue in the coming weeks. The head of the Ukrainian delegation said that the meeting had been constructive.';

describe.skipIf(!HAVE)('Firefox: your own sources', () => {
  let server: FixtureServer;
  let browser: Browser;
  let origin = '';
  /** The reader's tab: an extension page, from where the sources page can be opened (BiDi will not navigate a tab to moz-extension:). */
  let extPage: Page;

  const load = (page: Page, path: string) => gotoAndSettle(page, server.url(path));

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startFixtureServer();
    ({ browser } = await launchFirefoxWithExtension());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('"Read in source" under a tooltip quote opens the reader on that source with the quote marked', async () => {
    const page = await browser.newPage();
    await sizeViewport(page);
    await load(page, 'round2.html');
    const p = await page.evaluate(pointOnHighlight, 'crosscheck-contradicted');
    await page.mouse.move(p!.x - 30, p!.y - 40);
    await page.mouse.move(p!.x, p!.y, { steps: 4 });
    await waitFor(async () => (await page.evaluate(readTooltip)).open, 'the tooltip to open', 5_000);
    const { source, quote } = await page.evaluate(() => {
      const a = document.querySelector('crosscheck-ui')!.shadowRoot!.querySelector('a.read') as HTMLAnchorElement;
      const q = a.closest('li')!.querySelector('blockquote')!.textContent!.replace(/^“|”$/g, '');
      a.click();
      return { source: a.dataset.source!, quote: q };
    });
    // Over BiDi, Puppeteer keeps an extension tab's url() at about:blank: ask each page where it is.
    const { reader, href } = await waitFor(
      async () => {
        for (const pg of await browser.pages()) {
          const at = await pg.evaluate(() => location.href).catch(() => '');
          if (at.includes('/reader.html?')) return { reader: pg, href: at };
        }
        return null;
      },
      'the reader tab',
      10_000,
    );
    origin = /^moz-extension:\/\/[^/]+/.exec(href)?.[0] ?? '';
    extPage = reader;
    expect(origin).toMatch(/^moz-extension:\/\//);
    expect(new URL(href).searchParams.get('source')).toBe(source);
    await reader.waitForSelector('.cc-reader-text mark', { timeout: 10_000 });
    const marked = await reader.$eval('.cc-reader-text mark', (m) => m.textContent ?? '');
    expect(marked.replace(/\s+/g, ' ')).toBe(quote.replace(/\s+/g, ' '));
    await reader.screenshot({ path: join(SCREENSHOTS, 'firefox-reader.png') });
    await page.close();
  });

  it('the sources page adds pasted text; a claim it supports turns corroborated', async () => {
    const page = await browser.newPage();
    await load(page, 'claim-geneva.html');
    expect(await page.evaluate(verdictOfClaim, 'The Red Cross will supervise')).toBe('crosscheck-not-covered');

    const sources = extPage;
    await sources.evaluate((u: string) => {
      location.href = u;
    }, `${origin}/sources.html`);
    await sources.waitForSelector('table.cc-sources tbody tr', { timeout: 15_000 });
    // Typed in through the DOM (React listens for input events), then "Add pasted text".
    const t0 = Date.now();
    await sources.evaluate((text: string) => {
      const set = (el: HTMLInputElement | HTMLTextAreaElement, v: string) => {
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!.call(el, v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      };
      set(document.querySelector('textarea')!, text);
      set(document.querySelector('input[type="text"]')!, 'Geneva, pasted');
    }, ARTICLE);
    // Polled with evaluate: waitForFunction compiles its predicate with Function(), which an
    // extension page's CSP blocks in Firefox ESR 140.
    await waitFor(
      () => sources.evaluate(() => !(document.querySelector('button[type="submit"].cc-primary') as HTMLButtonElement).disabled),
      'the Add button to enable',
      5_000,
    );
    await sources.evaluate(() => (document.querySelector('button[type="submit"].cc-primary') as HTMLButtonElement).click());
    await waitFor(() => sources.evaluate(() => /Added “Geneva, pasted”/.test(document.body.textContent ?? '')), 'the added message', 15_000);
    await waitFor(
      () => sources.evaluate(() => [...document.querySelectorAll('tr[data-source-id^="user_"]')].some((r) => r.textContent?.includes('Geneva, pasted'))),
      'the new source row',
      10_000,
    );
    // The open page is told the corpus changed and checks itself again.
    await waitFor(
      async () => (await page.evaluate(verdictOfClaim, 'The Red Cross will supervise')) === 'crosscheck-corroborated',
      'the open page to turn corroborated',
      20_000,
    );
    figure(B, 'paste a source → open page repainted corroborated (ms)', Date.now() - t0);
    await sources.screenshot({ path: join(SCREENSHOTS, 'firefox-sources-page.png'), fullPage: true });
    await sources.close();
    await page.close();
  });
});
