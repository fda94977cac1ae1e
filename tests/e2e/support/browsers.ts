/** Where the browsers are, and the plain message printed when one is missing. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
/** WXT's build output. */
export const BUILD_CHROME = join(ROOT, '.output', 'chrome-mv3');
export const BUILD_FIREFOX = join(ROOT, '.output', 'firefox-mv2');
/** The copies the browsers load (global-setup copies the build, so a rebuild meanwhile cannot break a run). */
export const CHROME_EXT = join(ROOT, 'test-results', 'e2e-extension', 'chrome-mv3');
export const FIREFOX_EXT = join(ROOT, 'test-results', 'e2e-extension', 'firefox-mv2');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export const CHROMIUM_PATH = process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.CROSSCHECK_FIREFOX ?? '/usr/bin/firefox-esr';

export function browserAvailable(name: 'Chromium' | 'Firefox'): boolean {
  const path = name === 'Chromium' ? CHROMIUM_PATH : FIREFOX_PATH;
  if (existsSync(path)) return true;
  console.log(`e2e: skipping ${name}: ${path} not found`);
  return false;
}

/** The content script's final statuses (data-crosscheck-status on <html>): a page load is settled. */
export const FINAL_STATUSES = ['done', 'no_claims', 'not_article', 'error', 'blocked'];

/** The requests to any host but 127.0.0.1, leaving out URLs whose scheme `internal` matches. */
export function outsideLocalhost(requests: string[], internal: RegExp): string[] {
  return requests.filter((u) => !internal.test(u) && new URL(u).hostname !== '127.0.0.1');
}

/** Record a figure for the report: one greppable line per figure. */
export function figure(browser: string, what: string, value: string | number): void {
  console.log(`e2e figure [${browser}] ${what}: ${value}`);
}

/** Poll `fn` until it returns a truthy value (or throw after `timeout` ms). */
export async function waitFor<T>(fn: () => Promise<T> | T, what: string, timeout = 20_000, every = 50): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
