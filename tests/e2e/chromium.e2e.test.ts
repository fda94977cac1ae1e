/**
 * The built Chrome MV3 extension in Chromium (playwright-core + /usr/bin/chromium; never a
 * downloaded browser). Fixture pages come from a local server on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './support/server';
import { expectedFor, expectedHighlights, squash } from './support/expected';
import { layerTexts, pointOnHighlight, readHighlights, readTooltip, type HighlightSnapshot } from './support/probes';
import { browserAvailable, figure, outsideLocalhost, SCREENSHOTS, waitFor } from './support/browsers';
import {
  fixtureTabId,
  gotoAndSettle,
  launchChromiumWithExtension,
  newSoleTab,
  openPopupAsTab,
  type ChromiumWithExtension,
  type ExtensionApi,
} from './support/chromium';

const HAVE = browserAvailable('Chromium');
const B = 'Chromium';

describe.skipIf(!HAVE)('Chromium: the extension on fixture pages', () => {
  let server: FixtureServer;
  let ext: ChromiumWithExtension;
  let ctx: BrowserContext;
  let sw: Worker;
  let extId = '';
  let requests: string[] = [];
  const timings: Record<string, number> = {};

  /** Open `path`, wait for the content script to finish; returns the snapshot and the wall time. */
  async function load(page: Page, path: string): Promise<{ snap: HighlightSnapshot; ms: number }> {
    const t0 = Date.now();
    await gotoAndSettle(page, server.url(path));
    const ms = Date.now() - t0;
    return { snap: await page.evaluate(readHighlights), ms };
  }

  /**
   * Send a ContentRequest from the background (as the popup / a keyboard command would) to the
   * tab that has the content script. Without the "tabs" permission the background cannot read
   * tab URLs, so every tab is tried: each test keeps a single fixture page open.
   */
  async function toTab(msg: unknown): Promise<unknown> {
    return sw.evaluate(async (m) => {
      const c = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      const tabs = await c.tabs.query({});
      const replies = await Promise.allSettled(tabs.map((t) => c.tabs.sendMessage(t.id!, m)));
      const got = replies.find((r) => r.status === 'fulfilled' && r.value !== undefined);
      if (!got) throw new Error('no tab answered');
      return (got as PromiseFulfilledResult<unknown>).value;
    }, msg);
  }

  // Close every other tab first: toTab / fixtureTabId talk to the one tab with the content script.
  const newFixturePage = () => newSoleTab(ctx);

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startFixtureServer();
    ext = await launchChromiumWithExtension('chromium', { recordRequests: true });
    ({ ctx, sw, extId, requests } = ext);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('paints every claim of an article with its verdict (an overlay the page cannot read)', async () => {
    const page = await newFixturePage();
    const { snap, ms } = await load(page, 'round2.html');
    const expected = await expectedFor('round2.html');
    timings.first = ms;
    timings.firstScript = Number(snap.signals.ms);

    expect(snap.signals.status).toBe('done');
    expect(snap.api).toBe('overlay');
    expect(snap.boxes).toBeGreaterThanOrEqual(expected.claims.length);
    expect(snap.signals.cached).toBe('false');
    // The highlights are exactly the engine's claims, each under its verdict's label (the test probe) …
    expect(snap.byName).toEqual(expectedHighlights(expected.claims));
    // … and the page itself sees none of it: no highlight registry entry, no stylesheet of ours.
    expect(snap.styleInHead).toBe(false);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    // Fixed points of this fixture: the planted wrong duration is contradicted, a local colour sentence is not covered.
    expect(snap.byName['crosscheck-contradicted']?.some((t) => t.startsWith('The talks lasted roughly four hours'))).toBe(true);
    expect(snap.byName['crosscheck-corroborated']?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(snap.byName['crosscheck-not-covered']?.some((t) => t.startsWith('Several cafés near the palace'))).toBe(true);
    // Boilerplate is never painted.
    const all = Object.values(snap.byName).flat().join(' ');
    for (const junk of ['cookies', 'Photograph', 'More on this story', 'Nobody in the room expected a breakthrough. Nobody']) expect(all).not.toContain(junk);

    figure(B, 'round2.html claims highlighted', `${snap.signals.count} of ${expected.claims.length} (${summary(snap)})`);
    figure(B, 'round2.html first load: navigation → highlights painted (ms)', ms);
    figure(B, 'round2.html first load: content script extract → analyse → paint (ms)', snap.signals.ms!);
    await page.screenshot({ path: join(SCREENSHOTS, 'chromium-highlights.png'), fullPage: true });
    await page.close();
  });

  it('hovering a contradicted claim opens the tooltip: open shadow root, dialog role, verdict word, evidence quote, "Add note"', async () => {
    const page = await newFixturePage();
    await load(page, 'round2.html');
    const expected = await expectedFor('round2.html');
    const claim = expected.claims.find((c) => c.verdict === 'contradicted')!;
    const conflicting = claim.evidence.find((e) => e.stance === 'conflicts')!;

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
    expect(tip.text).toContain(conflicting.reason);
    expect(tip.tabIndex).toBeGreaterThanOrEqual(0);
    // Playwright's role query pierces open shadow roots: the accessible name is exactly "Add note".
    await expect(page.getByRole('button', { name: 'Add note', exact: true }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'chromium-tooltip.png') });

    // It stays open while the pointer is over it …
    await page.mouse.move(tip.rect!.x + 20, tip.rect!.y + 20, { steps: 2 });
    await page.waitForTimeout(800);
    expect((await page.evaluate(readTooltip)).open).toBe(true);
    // … is reachable from the keyboard, and Escape closes it.
    const focused = () =>
      page.evaluate(() => {
        const a = document.querySelector('crosscheck-ui')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
        return a ? `${a.getAttribute('role') ?? a.tagName.toLowerCase()}:${a.textContent ?? ''}` : null;
      });
    await page.getByRole('button', { name: 'Add note', exact: true }).focus();
    await page.keyboard.press('Enter');
    // "Add note" opens the note editor in the tooltip, focus in its "Note" box …
    await expect(page.getByRole('textbox', { name: 'Note', exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Save note', exact: true }).isVisible()).resolves.toBe(true);
    expect(await focused()).toBe('textbox:');
    // … Escape cancels it and gives focus back to "Add note"; a second Escape closes the tooltip.
    await page.keyboard.press('Escape');
    expect(await page.getByRole('textbox', { name: 'Note', exact: true }).count()).toBe(0);
    expect((await page.evaluate(readTooltip)).open).toBe(true);
    expect(await focused()).toBe('button:Add note');
    await page.keyboard.press('Escape');
    expect((await page.evaluate(readTooltip)).open).toBe(false);

    // Moving away closes it after a short grace period.
    await page.mouse.move(p!.x, p!.y, { steps: 2 });
    await waitFor(async () => (await page.evaluate(readTooltip)).open, 'the tooltip to reopen', 5_000);
    await page.mouse.move(5, 5, { steps: 2 });
    await waitFor(async () => !(await page.evaluate(readTooltip)).open, 'the tooltip to close', 5_000);
    await page.close();
  });

  it('a second load of the same page is served from the cache, and faster', async () => {
    const page = await newFixturePage();
    const { snap, ms } = await load(page, 'round2.html');
    expect(snap.signals.cached).toBe('true');
    expect(snap.byName).toEqual(expectedHighlights((await expectedFor('round2.html')).claims));
    figure(B, 'round2.html cached load: navigation → highlights painted (ms)', ms);
    figure(B, 'round2.html cached load: content script extract → analyse → paint (ms)', snap.signals.ms!);
    expect(Number(snap.signals.ms)).toBeLessThan(timings.firstScript!);
    await page.close();
  });

  it('re-analyses a page whose article grows after load (MutationObserver), anchoring across inline markup', async () => {
    const page = await newFixturePage();
    const { snap: before } = await load(page, 'round1.html');
    const initial = await expectedFor('round1.html');
    expect(before.byName).toEqual(expectedHighlights(initial.claims));
    // "<strong>500</strong>" splits the contradicted sentence across text nodes.
    expect(before.byName['crosscheck-contradicted']).toContain(
      'The two delegations agreed to exchange 500 prisoners of war each, according to the heads of both delegations.',
    );
    figure(B, 'round1.html claims highlighted (before the live update)', `${before.signals.count} (${summary(before)})`);

    const update = await expectedFor('round1.html', {
      before: '\n    </div>\n  </article>',
      insert:
        '<p class="live-update">Later on Friday, Ukrainian President Volodymyr Zelenskyy said he had briefed U.S. President Donald Trump and the leaders of France, Germany, the United Kingdom and Poland on the outcome.</p>',
    });
    expect(update.claims.length).toBeGreaterThan(initial.claims.length);
    await page.waitForFunction((n) => Number(document.documentElement.dataset.crosscheckCount) === n, update.claims.length, {
      timeout: 15_000,
    });
    const after = await page.evaluate(readHighlights);
    expect(after.byName).toEqual(expectedHighlights(update.claims));
    figure(B, 'round1.html claims highlighted (after the live update)', `${after.signals.count} (${summary(after)})`);
    await page.screenshot({ path: join(SCREENSHOTS, 'chromium-live-update.png'), fullPage: true });
    await page.close();
  });

  it('SPA navigation (pushState, popstate) clears the old highlights and analyses the new view', async () => {
    const page = await newFixturePage();
    const { snap: first } = await load(page, 'spa/first');
    const firstTexts = Object.values(first.byName).flat();
    expect(firstTexts.some((t) => t.startsWith('Russia and Ukraine agreed on Monday'))).toBe(true);

    await page.click('a[href="/spa/second"]');
    const second = await waitFor(
      async () => {
        const s = await page.evaluate(readHighlights);
        const texts = Object.values(s.byName).flat();
        return s.signals.status === 'done' && texts.some((t) => t.startsWith('Both delegations agreed to exchange 1,000')) ? s : null;
      },
      'the second view to be analysed',
      15_000,
    );
    const secondTexts = Object.values(second.byName).flat();
    for (const t of firstTexts) expect(secondTexts).not.toContain(t);
    expect(second.byName['crosscheck-corroborated']).toContain(
      'Both delegations agreed to exchange 1,000 prisoners of war each, the largest swap of the war, according to the heads of the two delegations.',
    );

    await page.goBack();
    await waitFor(
      async () => {
        const s = await page.evaluate(readHighlights);
        return (
          s.signals.status === 'done' &&
          Object.values(s.byName)
            .flat()
            .some((t) => t.startsWith('Russia and Ukraine agreed on Monday'))
        );
      },
      'the first view again after popstate',
      15_000,
    );
    await page.close();
  });

  it('does not analyse a page that is not an article', async () => {
    const page = await newFixturePage();
    const { snap } = await load(page, 'section-front.html');
    expect(snap.signals.status).toBe('not_article');
    expect(snap.byName).toEqual({});
    await page.close();
  });

  it('toggleHighlights hides and shows; scrollToClaim centres and flashes the claim', async () => {
    const page = await newFixturePage();
    const { snap } = await load(page, 'round2.html');
    const names = Object.keys(snap.byName);

    await expect(toTab({ type: 'toggleHighlights' })).resolves.toMatchObject({ ok: true, data: { visible: false } });
    expect((await page.evaluate(readHighlights)).byName).toEqual({});
    await expect(toTab({ type: 'toggleHighlights' })).resolves.toMatchObject({ ok: true, data: { visible: true } });
    expect(Object.keys((await page.evaluate(readHighlights)).byName)).toEqual(names);

    const expected = await expectedFor('round2.html');
    const last = expected.claims.length - 1;
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(toTab({ type: 'scrollToClaim', index: last })).resolves.toMatchObject({ ok: true });
    const flash = await waitFor(
      async () => {
        const f = await page.evaluate(layerTexts, 'flash');
        return f.length ? f : null;
      },
      'the flash highlight',
      3_000,
    );
    expect(squash(flash[0]!.text)).toBe(squash(expected.claims[last]!.text));
    // Centred once the smooth scroll settles.
    await waitFor(
      async () => {
        const [f] = await page.evaluate(layerTexts, 'flash');
        const h = await page.evaluate(() => innerHeight);
        return !!f?.rect && Math.abs(f.rect.y + f.rect.height / 2 - h / 2) < h / 4;
      },
      'the claim to be centred',
      5_000,
    );
    await expect(toTab({ type: 'scrollToClaim', index: 999 })).resolves.toMatchObject({ ok: false });
    await page.close();
  });

  it('follows settings changes: not-covered claims hidden, background tint', async () => {
    const page = await newFixturePage();
    await load(page, 'round2.html');
    const expected = await expectedFor('round2.html');
    await sw.evaluate(() =>
      (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.set({
        settings: { showNotCovered: false, highlightStyle: 'background' },
      }),
    );
    await waitFor(async () => !(await page.evaluate(readHighlights)).byName['crosscheck-not-covered'], 'not-covered to disappear', 5_000);
    const snap = await page.evaluate(readHighlights);
    expect(snap.byName).toEqual(expectedHighlights(expected.claims, false));
    // The tint is drawn in the overlay, not in any stylesheet of the page.
    expect(snap.styleInHead).toBe(false);
    expect(snap.boxes).toBeGreaterThan(2 * Object.values(snap.byName).flat().length - 1);
    await page.screenshot({ path: join(SCREENSHOTS, 'chromium-background-style.png') });
    await sw.evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.remove('settings'));
    await page.close();
  });

  it('the popup lists the claims of the page, and choosing one shows it in the page', async () => {
    const page = await newFixturePage();
    await load(page, 'round2.html');
    const expected = await expectedFor('round2.html');
    // The popup, its "active tab" pointed at the fixture tab (see openPopupAsTab).
    const popup = await openPopupAsTab(ext, { id: await fixtureTabId(sw), url: server.url('round2.html') }, { width: 420, height: 900 });
    await popup.waitForSelector('li.cc-claim', { timeout: 15_000 });
    const texts = await popup.$$eval('li.cc-claim .cc-claim-text', (els) => els.map((e) => e.textContent ?? ''));
    expect(texts.map(squash)).toEqual(expected.claims.map((c) => squash(c.text)));
    const body = (await popup.textContent('body')) ?? '';
    expect(body).toContain('Contradicted');
    expect(body).toContain('Corroborated');
    figure(B, 'popup claims listed', texts.length);
    await popup.screenshot({ path: join(SCREENSHOTS, 'chromium-popup.png'), fullPage: true });

    // Choosing the contradicted claim scrolls the page to it and flashes it.
    const idx = expected.claims.findIndex((c) => c.verdict === 'contradicted');
    await popup.click(`li.cc-claim[data-index="${idx}"] .cc-claim-go`);
    const flash = await waitFor(
      async () => {
        const f = await page.evaluate(layerTexts, 'flash');
        return f.length ? f : null;
      },
      'the chosen claim to flash in the page',
      5_000,
    );
    expect(squash(flash[0]!.text)).toBe(squash(expected.claims[idx]!.text));
    await popup.close();
    await page.close();
  });

  it('<mark> fallback (forced by a developer switch): same claims, tooltip works, page text unchanged', async () => {
    await sw.evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.set({ crosscheckDebug: { paint: 'mark' } }));
    try {
      const page = await newFixturePage();
      const { snap } = await load(page, 'round1.html');
      expect(snap.api).toBe('mark');
      expect(snap.signals.mode).toBe('mark');
      expect(snap.byName).toEqual(expectedHighlights((await expectedFor('round1.html')).claims));
      // Wrapping text in <mark> must not change what the page says.
      const text = await page.evaluate(() => document.getElementById('story')!.textContent);
      const original = await page.evaluate(async (u) => {
        const html = await (await fetch(u)).text();
        return new DOMParser().parseFromString(html, 'text/html').getElementById('story')!.textContent;
      }, server.url('round1.html'));
      expect(squash(text ?? '').startsWith(squash(original ?? ''))).toBe(true);

      const p = await page.evaluate(pointOnHighlight, 'crosscheck-contradicted');
      await page.mouse.move(p!.x - 30, p!.y - 40);
      await page.mouse.move(p!.x, p!.y, { steps: 4 });
      const tip = await waitFor(
        async () => {
          const t = await page.evaluate(readTooltip);
          return t.open ? t : null;
        },
        'the tooltip over a <mark>',
        5_000,
      );
      expect(tip.text).toContain('Contradicted');
      await page.screenshot({ path: join(SCREENSHOTS, 'chromium-mark-fallback.png') });

      await toTab({ type: 'toggleHighlights' });
      const css = await page.evaluate(() => document.getElementById('crosscheck-highlight-style')!.textContent ?? '');
      expect(css).not.toContain('crosscheck-mark--contradicted');
      await page.close();
    } finally {
      await sw.evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.remove('crosscheckDebug'));
    }
  });

  it('makes no request to any host but 127.0.0.1', () => {
    const outside = outsideLocalhost(requests, /^(chrome-extension|data|blob|about|chrome):/);
    figure(B, 'requests recorded', `${requests.length} (outside 127.0.0.1: ${outside.length})`);
    expect(extId).toMatch(/^[a-p]{32}$/);
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});

function summary(s: HighlightSnapshot): string {
  return Object.entries(s.byName)
    .map(([k, v]) => `${v.length} ${k.replace('crosscheck-', '')}`)
    .join(', ');
}
