/**
 * Keyboard and screen-reader access, end to end in Chromium (issue 13), without the mouse:
 * - from a link in the page, the next-claim key (Alt+Shift+J) goes to a claim, opens its tooltip
 *   with focus in it and announces "verdict: claim"; the tooltip names its claim and outlets and
 *   sits clear of the claim; scrolling keeps it; Tab reaches "Add note", a note is typed and
 *   saved from the keyboard, and Escape gives focus back to the link;
 * - Enter on a claim in the popup focuses its tooltip in the page; the popup's show/hide control
 *   and shortcut list;
 * - axe-core finds no violation on the popup, options, notes, sources and reader pages, nor in
 *   the tooltip open on an article; the tooltip's text contrast is computed (lib/contrast.ts) in
 *   light and dark mode, since its shadow root is closed in release builds.
 *
 * Browser commands cannot be pressed by a test (Chrome handles their keys outside the page), so
 * the keys are pressed in the page: the content script answers the same suggested keys
 * (entrypoints/content/keyboard.ts), and both paths run the same code from there on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './support/server';
import { expectedFor, squash } from './support/expected';
import { browserAvailable, waitFor } from './support/browsers';
import { fixtureTabId, gotoAndSettle, launchChromiumWithExtension, newSoleTab, openPopupAsTab, type ChromiumWithExtension } from './support/chromium';
import { TEXT_CONTRAST, contrastRatio } from '@/lib/contrast';

const HAVE = browserAvailable('Chromium');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const NOTE = 'Checked from the keyboard.';

interface TipState {
  open: boolean;
  focusIn: boolean;
  /** The focused element inside the tooltip: its accessible name or text. */
  active: string;
  live: string;
  label: string;
  text: string;
  links: string[];
  rect: { top: number; bottom: number; left: number; right: number } | null;
}

/** The tooltip as the test build's open shadow root shows it (evaluated in the page). */
function tipState(): TipState {
  const root = document.querySelector('crosscheck-ui')?.shadowRoot ?? null;
  const tip = root?.querySelector('[role="dialog"]') as HTMLElement | null;
  const a = root?.activeElement as HTMLElement | null;
  const r = tip?.getBoundingClientRect();
  return {
    open: !!tip,
    focusIn: !!a && !!tip && (a === tip || tip.contains(a)),
    active: a ? (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 60) : '',
    live: root?.querySelector('[aria-live]')?.textContent ?? '',
    label: tip?.getAttribute('aria-label') ?? '',
    text: (tip?.textContent ?? '').replace(/\s+/g, ' '),
    links: Array.from(tip?.querySelectorAll('a') ?? []).map((x) => (x.textContent ?? '').trim()),
    rect: r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null,
  };
}

/** The painted claims' line rects (the test probe: lib/content/privacy.ts). */
function claimRects(): Array<{ text: string; rects: Array<{ x: number; y: number; width: number; height: number }> }> {
  const root = document.documentElement;
  root.removeAttribute('data-crosscheck-probe');
  document.dispatchEvent(new CustomEvent('crosscheck-test-probe'));
  const p = JSON.parse(root.getAttribute('data-crosscheck-probe') ?? '{"claims":[]}') as { claims: Array<{ text: string; rects: [] }> };
  return p.claims.map((c) => ({ text: c.text.replace(/[\s\u00a0]+/g, ' ').trim(), rects: c.rects }));
}

/** axe-core on the page (or inside `include`): its violations, as "rule: target" lines. */
async function axeViolations(page: Page, include?: string): Promise<{ violations: string[]; checked: number }> {
  await page.evaluate(AXE);
  return page.evaluate(async (inc) => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }>; passes: Array<{ nodes: unknown[] }> }>;
        };
      }
    ).axe;
    const r = await axe.run(inc ? { include: [[inc]] } : document, { resultTypes: ['violations', 'passes'] });
    return {
      violations: r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`)),
      checked: r.passes.reduce((n, p) => n + p.nodes.length, 0),
    };
  }, include ?? null);
}

/** Each text in the tooltip with its colour and the background it is drawn on (evaluated in the page). */
function tooltipColours(): Array<{ text: string; fg: string; bg: string }> {
  const tip = document.querySelector('crosscheck-ui')!.shadowRoot!.querySelector('[role="dialog"]')!;
  const out: Array<{ text: string; fg: string; bg: string }> = [];
  const walker = document.createTreeWalker(tip, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').trim();
    const el = n.parentElement;
    if (!text || !el) continue;
    let bg = 'rgba(0, 0, 0, 0)';
    for (let e: Element | null = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    out.push({ text: text.slice(0, 30), fg: getComputedStyle(el).color, bg });
  }
  return out;
}

describe.skipIf(!HAVE)('Chromium: keyboard and screen-reader access (issue 13)', () => {
  let server: FixtureServer;
  let ext: ChromiumWithExtension;
  let claims: string[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchChromiumWithExtension('a11y');
    claims = (await expectedFor('round2.html')).claims.map((c) => squash(c.text));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const tip = (page: Page) => page.evaluate(tipState);
  const waitTip = (page: Page, ok: (t: TipState) => boolean, what: string) =>
    waitFor(
      async () => {
        const t = await tip(page);
        return ok(t) ? t : null;
      },
      what,
      8_000,
    );

  it('keyboard only: next claim → its tooltip, focused and announced → a note → Escape returns focus', async () => {
    const page = await newSoleTab(ext.ctx);
    await gotoAndSettle(page, server.url('round2.html'));
    // Tab to the page's first link and remember it (the page's own focus, before Crosscheck).
    await page.keyboard.press('Tab');
    const start = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      a.dataset.testStart = '1';
      return a.localName;
    });
    expect(start).toBe('a');

    await page.keyboard.press('Alt+Shift+J');
    const first = await waitTip(page, (t) => t.open && t.focusIn, "the next claim's tooltip with focus in it");
    // Announced and named: "Verdict: claim", a claim of the page; links named by their outlet.
    const said = await waitFor(async () => (await tip(page)).live || null, 'the live announcement', 3_000);
    const m = /^(Corroborated|Contradicted|Mixed|Not covered): (.+)$/.exec(said);
    expect(m, said).not.toBeNull();
    const claim = squash(m![2]!);
    expect(claims).toContain(claim);
    expect(first.label).toBe(`Crosscheck: ${m![1]}`);
    expect(first.text).toContain(`Claim: “${claim.slice(0, 60)}`);
    expect(
      first.links.every((l) => l.startsWith('Read in ') && l !== 'Read in source'),
      first.links.join(' | '),
    ).toBe(true);
    // Clear of the whole claim: no line of it under the tooltip.
    const lines = (await page.evaluate(claimRects)).find((c) => c.text === claim)!.rects;
    const r = first.rect!;
    for (const l of lines) {
      const overlaps = l.x < r.right && l.x + l.width > r.left && l.y < r.bottom && l.y + l.height > r.top;
      expect(overlaps, `line ${JSON.stringify(l)} under tooltip ${JSON.stringify(r)}`).toBe(false);
    }

    // Next goes on, previous comes back.
    await page.keyboard.press('Alt+Shift+J');
    const second = await waitTip(page, (t) => t.open && t.focusIn && t.live !== '' && t.live !== said, 'the second claim');
    await page.keyboard.press('Alt+Shift+K');
    await waitTip(page, (t) => t.open && t.focusIn && t.live === said, 'back to the first claim');
    expect(second.live).not.toBe(said);

    // Scrolling the page away keeps the focused tooltip open.
    await page.evaluate(() => window.scrollBy(0, 3000));
    await new Promise((r) => setTimeout(r, 300));
    expect((await tip(page)).open).toBe(true);
    expect((await tip(page)).focusIn).toBe(true);

    // Tab to "Add note", Enter, type, Ctrl+Enter saves; focus goes back to "Add note".
    for (let i = 0; i < 10 && (await tip(page)).active !== 'Add note'; i++) await page.keyboard.press('Tab');
    expect((await tip(page)).active).toBe('Add note');
    await page.keyboard.press('Enter');
    await waitTip(page, (t) => t.active === '' || /Note/.test(t.active) || t.focusIn, 'the note editor');
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Control+Enter');
    const saved = await waitTip(page, (t) => t.text.includes('Note saved.'), '"Note saved."');
    expect(saved.text).toContain(NOTE);
    expect(saved.active).toBe('Add note');

    // Escape closes it and gives focus back to the link it was on.
    await page.keyboard.press('Escape');
    await waitTip(page, (t) => !t.open, 'the tooltip to close');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testStart ?? null)).toBe('1');
    await page.close();
  });

  it('popup: Enter on a claim focuses its tooltip in the page; the show/hide control is announced; shortcuts are listed', async () => {
    const page = await newSoleTab(ext.ctx);
    await gotoAndSettle(page, server.url('round2.html'));
    const popup = await openPopupAsTab(ext, { id: await fixtureTabId(ext.sw), url: server.url('round2.html') }, { width: 480, height: 1000 });
    await popup.waitForSelector('li.cc-claim', { timeout: 15_000 });
    await expect.poll(() => popup.locator('.cc-shortcuts').textContent()).toContain('Alt+Shift+J');

    await popup.focus('button.cc-claim-go');
    await popup.keyboard.press('Enter');
    const t = await waitTip(page, (s) => s.open && s.focusIn && s.live !== '', 'the tooltip, focused and announced, after popup Enter');
    // It stays open once the smooth scroll has settled.
    await new Promise((r) => setTimeout(r, 800));
    expect((await tip(page)).open).toBe(true);
    expect(t.live).toMatch(/: /);

    const toggle = popup.getByRole('button', { name: 'Hide highlights' });
    await toggle.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Highlights' }).textContent()).toBe('Highlights hidden on the page.');
    expect(await page.evaluate(() => document.documentElement.dataset.crosscheckVisible)).toBe('false');
    await popup.getByRole('button', { name: 'Show highlights' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.crosscheckVisible)).toBe('true');

    const { violations, checked } = await axeViolations(popup);
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(20);
    await popup.close();
    await page.close();
  });

  it('axe-core: no violation on the options, notes, sources and reader pages', async () => {
    for (const path of ['options.html', 'notes.html', 'sources.html', 'reader.html?source=001_b42b158ef8421104']) {
      const p = await ext.ctx.newPage();
      await p.goto(`chrome-extension://${ext.extId}/${path}`);
      await p.locator('h1').first().waitFor();
      await new Promise((r) => setTimeout(r, 500));
      const { violations, checked } = await axeViolations(p);
      expect(violations, path).toEqual([]);
      expect(checked, path).toBeGreaterThan(5);
      await p.close();
    }
  });

  it('the tooltip open on an article: no axe violation, and its text reaches 4.5:1 in light and dark mode', async () => {
    const page = await newSoleTab(ext.ctx);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await gotoAndSettle(page, server.url('round2.html'));
      await page.keyboard.press('Alt+Shift+J');
      await waitTip(page, (t) => t.open && t.focusIn, 'the tooltip');
      const { violations, checked } = await axeViolations(page, 'crosscheck-ui');
      expect(violations, scheme).toEqual([]);
      expect(checked, scheme).toBeGreaterThan(3);
      const colours = await page.evaluate(tooltipColours);
      expect(colours.length).toBeGreaterThan(5);
      // The scheme took effect: the tooltip is drawn on its dark background in dark mode.
      expect(colours.some((c) => c.bg === (scheme === 'dark' ? 'rgb(22, 27, 34)' : 'rgb(255, 255, 255)'))).toBe(true);
      for (const c of colours) expect(contrastRatio(c.fg, c.bg), `${scheme}: "${c.text}" ${c.fg} on ${c.bg}`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
    await page.close();
  });
});
