/**
 * Firefox ESR with the built MV2 extension (puppeteer-core over WebDriver BiDi; the add-on is
 * installed as a temporary add-on with browser.installExtension), and waiting for a page's status.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FINAL_STATUSES, FIREFOX_EXT, FIREFOX_PATH } from './browsers';

/** Window size of every Firefox the tests launch (the tests' pages were laid out for it). */
export const FIREFOX_WINDOW = { width: 1100, height: 800 } as const;

/**
 * Size a page's viewport. Puppeteer's setViewport also sends
 * emulation.setScreenOrientationOverride, which Firefox ESR 140 does not know; there the
 * window size set at launch stands instead.
 */
export async function sizeViewport(page: Page, size: { width: number; height: number } = FIREFOX_WINDOW): Promise<void> {
  try {
    await page.setViewport(size);
  } catch (e) {
    if (!/unknown command/i.test(String(e))) throw e;
  }
}

/** Launch headless Firefox and install the extension; returns the browser and the add-on's id. */
export async function launchFirefoxWithExtension(): Promise<{ browser: Browser; addonId: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // The window is sized at launch: setViewport needs a BiDi command older ESRs lack.
    defaultViewport: null,
    args: [`--width=${FIREFOX_WINDOW.width}`, `--height=${FIREFOX_WINDOW.height}`],
  });
  const addonId = await browser.installExtension(FIREFOX_EXT);
  return { browser, addonId };
}

/** Open `url` and wait until the content script reports a final status. */
export async function gotoAndSettle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    (final: string[]) => final.includes(document.documentElement.dataset.crosscheckStatus ?? ''),
    { timeout: 30_000, polling: 50 },
    FINAL_STATUSES,
  );
}
