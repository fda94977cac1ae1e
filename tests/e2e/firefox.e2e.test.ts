/**
 * The built Firefox MV2 extension in Firefox ESR (puppeteer-core over WebDriver BiDi; the add-on
 * is installed as a temporary add-on with browser.installExtension).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './support/server';
import { expectedFor, expectedHighlights, squash } from './support/expected';
import { pointOnHighlight, readHighlights, readTooltip, type HighlightSnapshot } from './support/probes';
import { browserAvailable, figure, outsideLocalhost, SCREENSHOTS, waitFor } from './support/browsers';
import { gotoAndSettle, launchFirefoxWithExtension, sizeViewport } from './support/firefox';

const HAVE = browserAvailable('Firefox');
const B = 'Firefox';

describe.skipIf(!HAVE)('Firefox: the extension on fixture pages', () => {
  let server: FixtureServer;
  let browser: Browser;
  const requests: string[] = [];
  const timings: Record<string, number> = {};

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    await sizeViewport(page);
    page.on('request', (r) => requests.push(r.url()));
    return page;
  }

  async function load(page: Page, path: string): Promise<{ snap: HighlightSnapshot; ms: number }> {
    const t0 = Date.now();
    await gotoAndSettle(page, server.url(path));
    const ms = Date.now() - t0;
    return { snap: await page.evaluate(readHighlights), ms };
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startFixtureServer();
    const launched = await launchFirefoxWithExtension();
    browser = launched.browser;
    console.log(`e2e: ${await browser.version()}, add-on ${launched.addonId} installed (temporary)`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('paints every claim with its verdict, in an overlay the page cannot read', async () => {
    const page = await newPage();
    const { snap, ms } = await load(page, 'round2.html');
    const expected = await expectedFor('round2.html');
    timings.firstScript = Number(snap.signals.ms);
    expect(snap.signals.status).toBe('done');
    expect(snap.api).toBe('overlay');
    figure(B, 'highlight API used', snap.api);
    expect(await page.evaluate(() => (globalThis as unknown as { CSS?: { highlights?: { size: number } } }).CSS?.highlights?.size ?? 0)).toBe(0);
    expect(snap.byName).toEqual(expectedHighlights(expected.claims));
    expect(snap.byName['crosscheck-contradicted']?.some((t) => t.startsWith('The talks lasted roughly four hours'))).toBe(true);
    figure(B, 'round2.html claims highlighted', `${snap.signals.count} of ${expected.claims.length}`);
    figure(B, 'round2.html first load: navigation → highlights painted (ms)', ms);
    figure(B, 'round2.html first load: content script extract → analyse → paint (ms)', snap.signals.ms!);
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-highlights.png'), fullPage: true });
    await page.close();
  });

  it('hovering a contradicted claim opens the tooltip (open shadow root, dialog, verdict, quote), Escape closes it', async () => {
    const page = await newPage();
    await load(page, 'round2.html');
    const expected = await expectedFor('round2.html');
    const conflicting = expected.claims.find((c) => c.verdict === 'contradicted')!.evidence.find((e) => e.stance === 'conflicts')!;
    const p = await page.evaluate(pointOnHighlight, 'crosscheck-contradicted');
    expect(p).not.toBeNull();
    await page.mouse.move(p!.x - 30, p!.y - 40);
    const t0 = Date.now();
    await page.mouse.move(p!.x, p!.y, { steps: 4 });
    const tip = await waitFor(
      async () => {
        const t = await page.evaluate(readTooltip);
        return t.open ? t : null;
      },
      'the tooltip to open',
      5_000,
    );
    figure(B, 'hover → tooltip open (ms)', Date.now() - t0);
    expect(tip.shadowMode).toBe('open');
    expect(tip.role).toBe('dialog');
    expect(tip.ariaLabel).toContain('Contradicted');
    expect(tip.text).toContain('Contradicted');
    expect(squash(tip.text)).toContain(squash(conflicting.quote));
    expect(tip.buttons).toContain('Add note');
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-tooltip.png') });
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await page.evaluate(readTooltip)).open, 'the tooltip to close', 3_000);
    await page.close();
  });

  it('a second load is served from the cache', async () => {
    const page = await newPage();
    const { snap, ms } = await load(page, 'round2.html');
    expect(snap.signals.cached).toBe('true');
    figure(B, 'round2.html cached load: navigation → highlights painted (ms)', ms);
    figure(B, 'round2.html cached load: content script extract → analyse → paint (ms)', snap.signals.ms!);
    expect(Number(snap.signals.ms)).toBeLessThan(timings.firstScript!);
    await page.close();
  });

  it('anchors across inline markup and follows a live update', async () => {
    const page = await newPage();
    const { snap } = await load(page, 'round1.html');
    expect(snap.byName).toEqual(expectedHighlights((await expectedFor('round1.html')).claims));
    const update = await expectedFor('round1.html', {
      before: '\n    </div>\n  </article>',
      insert:
        '<p class="live-update">Later on Friday, Ukrainian President Volodymyr Zelenskyy said he had briefed U.S. President Donald Trump and the leaders of France, Germany, the United Kingdom and Poland on the outcome.</p>',
    });
    await waitFor(async () => Number((await page.evaluate(readHighlights)).signals.count) === update.claims.length, 'the live update to be analysed', 15_000);
    expect((await page.evaluate(readHighlights)).byName).toEqual(expectedHighlights(update.claims));
    await page.close();
  });

  it("keyboard: Alt+Shift+J opens the next claim's tooltip with focus in it, announced; Escape gives focus back", async () => {
    const page = await newPage();
    await load(page, 'round2.html');
    const state = () =>
      page.evaluate(() => {
        const root = document.querySelector('crosscheck-ui')?.shadowRoot ?? null;
        const tip = root?.querySelector('[role="dialog"]') ?? null;
        const a = root?.activeElement ?? null;
        return { open: !!tip, focusIn: !!a && !!tip && (a === tip || tip.contains(a)), live: root?.querySelector('[aria-live]')?.textContent ?? '' };
      });
    await page.keyboard.press('Tab');
    await page.evaluate(() => ((document.activeElement as HTMLElement).dataset.testStart = '1'));
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyJ');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    const t = await waitFor(
      async () => {
        const s = await state();
        return s.open && s.focusIn && s.live ? s : null;
      },
      'the focused, announced tooltip',
      5_000,
    );
    expect(t.live).toMatch(/^(Corroborated|Contradicted|Mixed|Not covered): \S/);
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await state()).open, 'the tooltip to close', 3_000);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testStart ?? null)).toBe('1');
    await page.close();
  });

  it('SPA navigation clears the old highlights and analyses the new view', async () => {
    const page = await newPage();
    const { snap: first } = await load(page, 'spa/first');
    const firstTexts = Object.values(first.byName).flat();
    expect(firstTexts.some((t) => t.startsWith('Russia and Ukraine agreed on Monday'))).toBe(true);
    await page.click('a[href="/spa/second"]');
    const second = await waitFor(
      async () => {
        const s = await page.evaluate(readHighlights);
        const texts = Object.values(s.byName).flat();
        return s.signals.status === 'done' && texts.some((t) => t.startsWith('Both delegations agreed to exchange 1,000')) ? texts : null;
      },
      'the second view to be analysed',
      15_000,
    );
    for (const t of firstTexts) expect(second).not.toContain(t);
    await page.close();
  });

  it('a note made in the tooltip is saved through the background and re-anchored after a reload', async () => {
    const page = await newPage();
    await load(page, 'round2.html');
    const p = await page.evaluate(pointOnHighlight, 'crosscheck-contradicted');
    await page.mouse.move(p!.x - 30, p!.y - 40);
    await page.mouse.move(p!.x, p!.y, { steps: 4 });
    await waitFor(async () => (await page.evaluate(readTooltip)).open, 'the tooltip to open', 5_000);
    // Inside the tooltip's shadow root (open in test builds): "Add note", type in "Note", "Save note".
    await page.evaluate(() => {
      const root = document.querySelector('crosscheck-ui')!.shadowRoot!;
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Add note')!.click();
    });
    await page.evaluate((text: string) => {
      const root = document.querySelector('crosscheck-ui')!.shadowRoot!;
      // The "Note" box: an editable text box (no form field: nothing for autofill), named by its label.
      const label = [...root.querySelectorAll('[id$="-label"]')].find((l) => l.textContent === 'Note');
      const box = label && (root.querySelector(`[role="textbox"][aria-labelledby="${label.id}"]`) as HTMLElement | null);
      if (!box) throw new Error('no "Note" box');
      box.focus();
      box.textContent = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true }));
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save note')!.click();
    }, 'Firefox: checked, the talks lasted just over an hour.');
    await waitFor(async () => (await page.evaluate(readTooltip)).text.includes('Note saved.'), '"Note saved."', 5_000);
    expect((await page.evaluate(readTooltip)).text).toContain('1 note');
    await page.keyboard.press('Escape');
    await load(page, 'round2.html');
    await waitFor(
      () =>
        page.evaluate(() => document.documentElement.dataset.crosscheckNotesPlaced === '1' && document.documentElement.dataset.crosscheckNotesOrphaned === '0'),
      'the note to be re-anchored after the reload',
      10_000,
    );
    await page.close();
  });

  it('makes no request to any host but 127.0.0.1', () => {
    const outside = outsideLocalhost(requests, /^(moz-extension|data|blob|about):/);
    figure(B, 'requests recorded', `${requests.length} (outside 127.0.0.1: ${outside.length})`);
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});
