/**
 * The release build (what readers install: no test signals) in Chromium: a page must not learn
 * which of its sentences Crosscheck flagged, or how, and cannot erase the highlights. Everything
 * the page can read — the CSS Custom Highlight API registry, its own DOM and stylesheets, the
 * attributes on <html>, Crosscheck's host elements — is checked for verdicts, names and claim
 * text; the highlights themselves are checked through the DevTools protocol, which (unlike the
 * page) can look inside closed shadow roots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './support/server';
import { expectedFor, squash } from './support/expected';
import { browserAvailable, figure, waitFor } from './support/browsers';
import { launchChromiumWithExtension, newSoleTab, type ChromiumWithExtension, type ExtensionApi } from './support/chromium';
import { buildRelease } from './support/release';
import { shadowContent } from './support/cdp';

const HAVE = browserAvailable('Chromium');
const B = 'Chromium (release build)';
/** Words that would tell the page a verdict. */
const VERDICT_WORDS = /corroborat|contradict|not[-_ ]covered|\bmixed\b|crosscheck-(flash|noted)/i;

/** In the page (main world): everything it can read about Crosscheck. */
function pageView(): {
  highlightNames: string[];
  highlightTexts: string[];
  html: string;
  styles: string;
  signals: string[];
  hosts: Array<{ tag: string; shadowRoot: boolean; scrollHeight: number }>;
  docHeight: number;
} {
  const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
  const styles: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      for (const r of Array.from(sheet.cssRules)) styles.push(r.cssText);
    } catch {
      /* cross-origin sheet */
    }
  }
  for (const s of (document as Document & { adoptedStyleSheets?: CSSStyleSheet[] }).adoptedStyleSheets ?? [])
    for (const r of Array.from(s.cssRules)) styles.push(r.cssText);
  const hosts = Array.from(document.querySelectorAll('*'))
    .filter((e) => e.localName.startsWith('crosscheck'))
    .map((e) => ({ tag: e.localName, shadowRoot: e.shadowRoot !== null, scrollHeight: e.scrollHeight }));
  return {
    highlightNames: [...(reg?.keys() ?? [])],
    highlightTexts: [...(reg?.values() ?? [])].flatMap((h) => [...h].map((r) => r.toString())),
    html: document.documentElement.outerHTML,
    styles: styles.join('\n'),
    signals: Array.from(document.documentElement.attributes)
      .map((a) => a.name)
      .filter((n) => n.startsWith('data-crosscheck')),
    hosts,
    docHeight: document.documentElement.scrollHeight,
  };
}

describe.skipIf(!HAVE)('Chromium, release build: the page cannot read or erase what Crosscheck found', () => {
  let server: FixtureServer;
  let ext: ChromiumWithExtension;
  let ctx: BrowserContext;
  let sw: Worker;

  /** The background's state of the (only) fixture tab, as persisted in storage.session. */
  const tabStatus = () =>
    sw.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      const all = (await c.storage.session.get(null)) as Record<string, { status?: string; url?: string }>;
      return Object.entries(all)
        .filter(([k]) => k.startsWith('tab:'))
        .map(([, v]) => `${v.status}|${v.url}`);
    });

  /** Open `path` and wait until it is checked (the background says so) and painted. */
  async function loadChecked(page: Page, path: string, drawn = true): Promise<void> {
    await page.goto(server.url(path));
    await waitFor(async () => (await tabStatus()).includes(`done|${server.url(path)}`), `${path} to be checked`, 60_000, 100);
    // Painted right after the analysis arrives.
    if (drawn) await waitFor(async () => (await shadowContent(page, 'crosscheck-layer')).elements > 0, 'the highlights to be drawn', 5_000, 100);
    else await page.waitForTimeout(1_000);
  }

  beforeAll(async () => {
    const t0 = Date.now();
    const dir = buildRelease('chrome');
    console.log(`e2e: release build in ${Date.now() - t0} ms`);
    server = await startFixtureServer();
    ext = await launchChromiumWithExtension('privacy', { extension: dir });
    ({ ctx, sw } = ext);
  }, 180_000);

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('paints the claims where the page cannot see them: no highlight names, verdicts, claim text or signals readable by the page', async () => {
    const page = await newSoleTab(ctx);
    await loadChecked(page, 'round2.html', false);
    const expected = await expectedFor('round2.html');
    const view = await page.evaluate(pageView);

    // Nothing in the page's CSS Custom Highlight API registry (names would say the verdict, ranges the sentences).
    expect(view.highlightNames).toEqual([]);
    expect(view.highlightTexts).toEqual([]);
    // No verdict in the page's DOM, attributes or stylesheets; no test signals in a release build.
    expect(view.html).not.toMatch(VERDICT_WORDS);
    expect(view.styles).not.toMatch(VERDICT_WORDS);
    expect(view.styles).not.toMatch(/crosscheck/i);
    expect(view.signals).toEqual([]);
    // Crosscheck's elements in the page hold closed shadow roots, whose size says nothing either.
    expect(view.hosts.length).toBeGreaterThan(0);
    for (const h of view.hosts) {
      expect(h.shadowRoot, h.tag).toBe(false);
      expect(h.scrollHeight, `${h.tag}: scrollHeight`).toBeLessThanOrEqual(view.docHeight);
    }
    // The claims are drawn all the same (seen through the DevTools protocol, not by the page).
    const layer = await shadowContent(page, 'crosscheck-layer');
    expect(layer.modes).toEqual(['closed']);
    expect(layer.elements).toBeGreaterThanOrEqual(expected.claims.length);
    expect(layer.text).not.toMatch(VERDICT_WORDS);
    figure(B, 'round2.html: boxes drawn in the closed overlay', layer.elements);
    await page.close();
  });

  it('the tooltip opens on hover in a closed shadow root: the page sees neither the verdict nor the evidence', async () => {
    const page = await newSoleTab(ctx);
    await loadChecked(page, 'round2.html');
    const expected = await expectedFor('round2.html');
    const claim = expected.claims.find((c) => c.verdict === 'contradicted')!;
    // The test knows where the claim is from the fixture's text (the page would have to guess).
    const p = await page.evaluate(
      (start) => {
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = w.nextNode(); n; n = w.nextNode()) {
          const i = (n as Text).data.indexOf(start);
          if (i === -1) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + start.length);
          (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          const b = r.getClientRects()[0]!;
          return { x: Math.round(b.left + 40), y: Math.round(b.top + b.height / 2) };
        }
        return null;
      },
      claim.text.slice(0, 30),
    );
    expect(p).not.toBeNull();
    await page.mouse.move(p!.x - 30, p!.y - 40);
    await page.mouse.move(p!.x, p!.y, { steps: 4 });
    const tip = await waitFor(
      async () => {
        const c = await shadowContent(page, 'crosscheck-ui');
        return c.text.includes('Contradicted') ? c : null;
      },
      'the tooltip to open (seen through CDP)',
      5_000,
      100,
    );
    expect(tip.modes).toEqual(['closed']);
    const conflicting = claim.evidence.find((e) => e.stance === 'conflicts')!;
    expect(squash(tip.text)).toContain(squash(conflicting.quote));
    const view = await page.evaluate(pageView);
    expect(view.html).not.toMatch(VERDICT_WORDS);
    expect(view.html).not.toContain(conflicting.quote.slice(0, 40));
    for (const h of view.hosts) expect(h.shadowRoot, h.tag).toBe(false);
    await page.close();
  });

  it('the page clears CSS.highlights, removes and hides Crosscheck’s elements: the highlights come back', async () => {
    const page = await newSoleTab(ctx);
    await loadChecked(page, 'round2.html');
    const before = (await shadowContent(page, 'crosscheck-layer')).elements;
    await page.evaluate(() => {
      CSS.highlights.clear();
      for (const e of Array.from(document.querySelectorAll('*'))) if (e.localName.startsWith('crosscheck')) e.remove();
    });
    const back = await waitFor(
      async () => {
        const c = await shadowContent(page, 'crosscheck-layer');
        return c.hosts === 1 && c.elements >= before ? c : null;
      },
      'the highlights to come back after the page removed them',
      5_000,
      100,
    );
    expect(back.elements).toBe(before);
    // The page hides the element with its own style attribute: Crosscheck puts it back.
    await page.evaluate(() => document.querySelector('crosscheck-layer')!.setAttribute('style', 'display: none !important'));
    await waitFor(
      () => page.evaluate(() => getComputedStyle(document.querySelector('crosscheck-layer')!).display !== 'none'),
      'the overlay to be shown again',
      5_000,
      100,
    );
    await page.close();
  });
});
