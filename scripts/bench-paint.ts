/**
 * Paint timings for the benchmark: headless Chromium with the built extension opens a fixture
 * article on 127.0.0.1 twice (first visit, then a reload served from the IndexedDB cache) and
 * measures, inside the page, the time from the load event to the content script reporting
 * highlights painted (`data-crosscheck-status` = done on <html>, set by the content script).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PaintFigures {
  /** First visit of the page (no cached analysis), the extension running as it normally is. */
  first: number | null;
  /** Reload of the same page: the analysis comes from the IndexedDB cache. */
  cached: number | null;
  /** First visit right as the browser starts: the service worker is still building the engine. */
  coldWorker: number | null;
  note?: string;
}

/**
 * How long the extension may settle after the browser starts before the "first visit" is
 * timed: a reader opens articles after the browser has started, not within its first second.
 */
const SETTLE_MS = 2000;

/** Fixture page used for the timing (written for the e2e tests, served locally). */
const PAGE = 'round2.html';
const CHROMIUM = process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium';

export async function measurePaint(root: string): Promise<PaintFigures> {
  const ext = join(root, '.output', 'chrome-mv3');
  if (!existsSync(CHROMIUM)) return { first: null, cached: null, coldWorker: null, note: `skipped: ${CHROMIUM} not found` };
  if (!existsSync(ext)) return { first: null, cached: null, coldWorker: null, note: 'skipped: no .output/chrome-mv3 (build first)' };
  const { startFixtureServer } = await import('../tests/e2e/support/server');
  const { chromium } = await import('playwright-core');
  const server = await startFixtureServer();
  const launch = (profile: string) =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--disable-background-networking', '--disable-component-update'],
    });
  const profiles: string[] = [];
  const fresh = () => {
    const p = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
    profiles.push(p);
    return p;
  };
  const timeTo = async (page: import('playwright-core').Page, go: () => Promise<unknown>): Promise<number> => {
    await go();
    await page.waitForFunction(
      () => {
        const s = document.documentElement.getAttribute('data-crosscheck-status');
        return s === 'done' || s === 'no_claims' || s === 'error';
      },
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    return page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return performance.now() - (nav?.loadEventEnd ?? 0);
    });
  };
  try {
    // Cold: navigate the moment the browser is up.
    const cold = await launch(fresh());
    const coldPage = await cold.newPage();
    const coldWorker = await timeTo(coldPage, () => coldPage.goto(server.url(`/${PAGE}`), { waitUntil: 'load' }));
    await cold.close();
    // Normal: the extension has started; first visit, then a reload served from the cache.
    const context = await launch(fresh());
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const page = await context.newPage();
    const first = await timeTo(page, () => page.goto(server.url(`/${PAGE}`), { waitUntil: 'load' }));
    const cached = await timeTo(page, () => page.reload({ waitUntil: 'load' }));
    await context.close();
    return { first, cached, coldWorker };
  } catch (e) {
    return { first: null, cached: null, coldWorker: null, note: `failed: ${(e as Error).message.split('\n')[0]}` };
  } finally {
    await server.close();
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
}
