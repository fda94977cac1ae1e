/**
 * What the content script does on a page given the reader's settings: check it at once, or say it
 * is idle (the reader may ask) or blocked (never checked here); and, when the settings change
 * while the page is open, whether to repaint (not-covered claims shown or hidden) or stop (the
 * site was just blocked).
 *
 * Pure: the settings and the page's address are passed in.
 */
import { parseSettings, siteDecision, type Settings } from '../settings';
import type { TabStatus } from '../messages';

/** On load or navigation: run, or the status to report instead. */
export function startDecision(href: string, settings: Settings): { run: true } | { run: false; status: Extract<TabStatus, 'idle' | 'blocked'> } {
  const decision = siteDecision(href, settings);
  if (decision === 'auto') return { run: true };
  return { run: false, status: decision === 'never' ? 'blocked' : 'idle' };
}

/** The new settings in a storage change (extension storage, area "local"), or null when they did not change. */
export function changedSettings(changes: Record<string, { newValue?: unknown }>, area: string): Settings | null {
  if (area !== 'local' || !changes.settings) return null;
  return parseSettings(changes.settings.newValue);
}

/** What a settings change means for a page that is open: repaint its claims, stop checking it. */
export function settingsEffect(before: Settings, after: Settings, href: string, active: boolean): { repaint: boolean; block: boolean } {
  return {
    repaint: before.showNotCovered !== after.showNotCovered,
    block: active && siteDecision(href, after) === 'never',
  };
}
