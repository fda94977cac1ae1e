/**
 * The content script's hold on its extension: is the extension still there (it may be updated,
 * reloaded or removed while the page stays open), calls that must never throw once it is gone, and
 * what it reads from the extension's storage at start.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '@/lib/settings';

/** Is this script's extension still there (not updated, reloaded or removed since the page loaded)? */
export function extensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

/** Run `fn`, ignoring what it throws (the extension API may be gone). */
export function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    /* nothing to do */
  }
}

/**
 * Settings, plus one developer switch kept beside them in the extension's storage (never
 * settable by a page): `crosscheckDebug: { paint: 'mark' }` forces the <mark> fallback, so it can
 * be tested in browsers that have CSS.highlights.
 */
export async function loadStored(): Promise<{ settings: Settings; forceMarks: boolean }> {
  try {
    const got = await browser.storage.local.get(['settings', 'crosscheckDebug']);
    const debug = got.crosscheckDebug as { paint?: unknown } | undefined;
    return { settings: parseSettings(got.settings), forceMarks: debug?.paint === 'mark' };
  } catch {
    return { settings: DEFAULT_SETTINGS, forceMarks: false };
  }
}
