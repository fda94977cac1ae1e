/**
 * The toolbar badge: how many of a page's claims other reporting contradicts or disputes, its
 * colour and the button's title. The action API (browser.action in Chrome MV3,
 * browser.browserAction in Firefox MV2) is passed in.
 */
import type { Analysis, TabState } from '../messages';

/** Toolbar badge: number of contradicted + mixed claims, '' when none (or no analysis). */
export function badgeFor(analysis: Pick<Analysis, 'claims'> | null | undefined): string {
  if (!analysis) return '';
  const n = analysis.claims.filter((c) => c.verdict === 'contradicted' || c.verdict === 'mixed').length;
  return n === 0 ? '' : n > 999 ? '999+' : String(n);
}

/** Badge colour: red when something is contradicted, amber when only mixed. */
export function badgeColor(analysis: Pick<Analysis, 'claims'> | null | undefined): string {
  return analysis?.claims.some((c) => c.verdict === 'contradicted') ? '#b91c1c' : '#b45309';
}

/** The button's title for a badge text. */
export function badgeTitle(text: string): string {
  return text ? `Crosscheck: ${text} claim${text === '1' ? '' : 's'} contradicted or disputed by other reporting` : 'Crosscheck: check the claims on this page';
}

/** The part of the action API the badge uses. */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

/** Shows a tab's state on its toolbar button; never throws (the tab may be gone). */
export function createBadge(action: ActionApi): (tabId: number, state: TabState) => void {
  return (tabId, state) => {
    const analysis = state.status === 'done' ? state.analysis : null;
    const text = badgeFor(analysis);
    const ignore = () => {};
    action.setBadgeText({ tabId, text }).catch(ignore);
    if (text) action.setBadgeBackgroundColor({ tabId, color: badgeColor(analysis) }).catch(ignore);
    action.setTitle({ tabId, title: badgeTitle(text) }).catch(ignore);
  };
}
