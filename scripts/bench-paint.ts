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
  first: number | null;
  cached: number | null;
  note?: string;
}

/** Fixture page used for the timing (written for the e2e tests, served locally). */
const PAGE = 'round2.html';
const CHROMIUM = process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium';

export async function measurePaint(root: string): Promise<PaintFigures> {
  const ext = join(root, '.output', 'chrome-mv3');
  if (!existsSync(CHROMIUM)) return { first: null, cached: null, note: `skipped: ${CHROMIUM} not found` };
  if (!existsSync(ext)) return { first: null, cached: null, note: 'skipped: no .output/chrome-mv3 (build first)' };
  const { startFixtureServer } = await import('../tests/e2e/support/server');
  const { chromium } = await import('playwright-core');
  const server = await startFixtureServer();
  const profile = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await context.newPage();
    const once = async (reload: boolean): Promise<number> => {
      if (reload) await page.reload({ waitUntil: 'load' });
      else await page.goto(server.url(`/${PAGE}`), { waitUntil: 'load' });
      await page.waitForFunction(() => {
        const s = document.documentElement.getAttribute('data-crosscheck-status');
        return s === 'done' || s === 'no_claims' || s === 'error';
      }, undefined, { timeout: 30_000, polling: 'raf' });
      return page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return performance.now() - (nav?.loadEventEnd ?? 0);
      });
    };
    const first = await once(false);
    const cached = await once(true);
    return { first, cached };
  } catch (e) {
    return { first: null, cached: null, note: `failed: ${(e as Error).message.split('\n')[0]}` };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
