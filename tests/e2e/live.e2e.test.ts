/**
 * A live blog (fixtures/live.html adds an update every second) is re-checked every couple of
 * seconds; each repaint must leave an open tooltip open, on the claim under the pointer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './support/server';
import { pointOnHighlight, readHighlights, readTooltip } from './support/probes';
import { browserAvailable, figure, waitFor } from './support/browsers';
import { gotoAndSettle, launchChromiumWithExtension, newSoleTab, type ChromiumWithExtension } from './support/chromium';

const HAVE = browserAvailable('Chromium');
const B = 'Chromium';

describe.skipIf(!HAVE)('Chromium: a live page keeps the tooltip open across repaints', () => {
  let server: FixtureServer;
  let ext: ChromiumWithExtension;
  let ctx: BrowserContext;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchChromiumWithExtension('live');
    ({ ctx } = ext);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('the tooltip stays open, on the same claim, while the page is re-checked and repainted', async () => {
    const page = await newSoleTab(ctx);
    await gotoAndSettle(page, server.url('live.html'));
    const p = await page.evaluate(pointOnHighlight, 'crosscheck-contradicted');
    expect(p).not.toBeNull();
    await page.mouse.move(p!.x - 30, p!.y - 40);
    await page.mouse.move(p!.x, p!.y, { steps: 4 });
    const opened = await waitFor(
      async () => {
        const t = await page.evaluate(readTooltip);
        return t.open ? t : null;
      },
      'the tooltip to open',
      5_000,
    );
    expect(opened.ariaLabel).toContain('Contradicted');

    // Two repaints at least (each live update adds a claim), the pointer resting on the claim.
    // (`paints` counts repaints; builds without it: each repaint adds claims.)
    const repaints = (s: { signals: Record<string, string> }) => Number(s.signals.paints ?? s.signals.claims);
    const before = await page.evaluate(readHighlights);
    const paints0 = repaints(before);
    const claims0 = Number(before.signals.claims);
    let closedAt: number | null = null;
    const t0 = Date.now();
    await waitFor(
      async () => {
        const [t, s] = await Promise.all([page.evaluate(readTooltip), page.evaluate(readHighlights)]);
        if (!t.open && closedAt === null) closedAt = Number(s.signals.claims);
        return repaints(s) >= paints0 + 2 && Number(s.signals.claims) > claims0 && s.signals.status === 'done';
      },
      'two repaints of the live page',
      20_000,
      100,
    );
    figure(B, 'live page: repaints watched with the tooltip open (ms)', Date.now() - t0);
    expect(closedAt, 'the tooltip closed when the page was repainted').toBeNull();
    const after = await page.evaluate(readTooltip);
    expect(after.open).toBe(true);
    expect(after.ariaLabel).toContain('Contradicted');
    expect(after.text).toBe(opened.text);

    // Still the claim under the pointer: moving on it keeps the tooltip; moving off closes it.
    await page.mouse.move(p!.x + 5, p!.y, { steps: 2 });
    await page.waitForTimeout(700);
    expect((await page.evaluate(readTooltip)).open).toBe(true);
    await page.mouse.move(5, 5, { steps: 2 });
    await waitFor(async () => !(await page.evaluate(readTooltip)).open, 'the tooltip to close when the pointer leaves', 5_000);
    await page.close();
  });
});
