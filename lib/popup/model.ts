/**
 * What the popup shows, computed from plain data (the tab's state from the background, the
 * active tab's URL, the settings). Pure: the popup's React components only render this.
 */
import type { Analysis, TabState } from '../messages';
import type { Verdict } from '../types';
import { VERDICTS } from '../labels';
import { classifySendError, WORKER_STOPPED_MESSAGE, UPDATED_NOTICE } from '../content/failures';
import type { Coverage } from '../content/chunks';
import type { PageResult } from '../content/page-result';

type Claim = Analysis['claims'][number];
type SourceMeta = Analysis['sources'][number];

/** Which screen the popup shows. */
export type PopupView =
  | 'unsupported' // not an http(s) page (browser pages, the extension store, local files): no content script there
  | 'unknown' // nothing reported for this page (yet)
  | 'idle' // run-on-click mode: waiting for "Check this page"
  | 'analysing'
  | 'not_article'
  | 'no_claims'
  | 'blocked' // the site is on the never-check list
  | 'error'
  | 'done';

export function pageUrlOf(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

/**
 * `tabUrl` is the active tab's URL when the browser tells it (it does while the popup is open,
 * thanks to activeTab); undefined otherwise, and then the stored state is trusted.
 */
export function popupView(state: TabState | null, tabUrl?: string): PopupView {
  if (tabUrl !== undefined && !/^https?:/i.test(tabUrl)) return 'unsupported';
  if (!state || state.status === 'unknown') return 'unknown';
  // The state is for another page (the tab navigated and nothing reported since).
  if (tabUrl !== undefined && state.url !== null && pageUrlOf(tabUrl) !== state.url) return 'unknown';
  if (state.status === 'done' || state.status === 'no_claims') {
    if (!state.analysis) return 'unknown';
    return state.analysis.claims.length === 0 ? 'no_claims' : 'done';
  }
  return state.status;
}

export function verdictCounts(claims: readonly Pick<Claim, 'verdict'>[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const c of claims) counts[c.verdict]++;
  return counts;
}

/** How one source bears on one claim, from the claim's evidence. */
export type Cell = 'supports' | 'conflicts' | 'both' | 'silent';

export function coverageCell(claim: Pick<Claim, 'evidence'>, sourceId: string): Cell {
  let s = false;
  let c = false;
  for (const e of claim.evidence) {
    if (e.source !== sourceId) continue;
    if (e.stance === 'supports') s = true;
    else if (e.stance === 'conflicts') c = true;
  }
  return s && c ? 'both' : s ? 'supports' : c ? 'conflicts' : 'silent';
}

/** The sources to show as matrix columns: the analysis's sources, plus any cited source missing from them. */
export function matrixSources(analysis: Pick<Analysis, 'sources' | 'claims'>): SourceMeta[] {
  const out = [...analysis.sources];
  const seen = new Set(out.map((s) => s.id));
  for (const c of analysis.claims) {
    for (const e of c.evidence) {
      if (!seen.has(e.source)) {
        seen.add(e.source);
        out.push({ id: e.source, title: e.source, outlet: null, date: null });
      }
    }
  }
  return out;
}

/**
 * A short column label: the outlet when known, else the id's leading code ("001" for
 * "001_b42b158ef8421104"), else the id itself.
 */
export function sourceShortLabel(s: Pick<SourceMeta, 'id' | 'outlet'>): string {
  if (s.outlet) return s.outlet;
  const m = /^([A-Za-z0-9]{1,6})_[0-9a-f]{6,}$/i.exec(s.id);
  return m ? m[1]! : s.id;
}

/** "Financial Times · 2025-06-02 · 000_d4403f64f46e493f" (missing parts left out). */
export function sourceLine(s: Pick<SourceMeta, 'id' | 'outlet' | 'date'> | undefined, id: string): string {
  if (!s) return id;
  return [s.outlet, s.date, s.id].filter((x): x is string => !!x).join(' · ');
}

export const STANCE_WORDS: Record<Claim['evidence'][number]['stance'], string> = {
  supports: 'Supports',
  conflicts: 'Conflicts',
  related: 'Related',
};

/** Claims (with their index in analysis.claims) whose verdict is switched on. */
export function filterClaims<C extends Pick<Claim, 'verdict'>>(claims: readonly C[], on: ReadonlySet<Verdict>): Array<{ claim: C; index: number }> {
  const out: Array<{ claim: C; index: number }> = [];
  claims.forEach((claim, index) => {
    if (on.has(claim.verdict)) out.push({ claim, index });
  });
  return out;
}

/** "just over an hour" → the first `max` characters on a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

const numberFormat = new Intl.NumberFormat('en-GB');

/**
 * What part of the page was checked, in words, for a long page checked in parts (null for an
 * ordinary page: one part, checked). `checking`: parts are still being checked.
 */
export function coverageText(c: Coverage, checking: boolean): string | null {
  if (c.parts <= 1 && (c.complete || checking)) return null;
  if (checking) {
    return `Checking this long page in ${c.parts} parts: ${c.checkedParts} done (paragraphs 1–${c.checkedParagraphs} of ${c.paragraphs})…`;
  }
  if (c.complete) return `This long page was checked in full, in ${c.parts} parts (${numberFormat.format(c.totalChars)} characters).`;
  if (c.checkedParts === 0) return null;
  return (
    `Only part of this long page was checked: paragraphs 1–${c.checkedParagraphs} of ${c.paragraphs} ` +
    `(${numberFormat.format(c.checkedChars)} of ${numberFormat.format(c.totalChars)} characters). Check the page again to try the rest.`
  );
}

/**
 * The tab's state with the whole page as its content script checked it: a long page is checked in
 * parts, and the background keeps only the part it answered last. The result must be for the
 * same page; the status follows the merged claims.
 */
export function withPageResult(state: TabState | null, result: PageResult | null): TabState | null {
  // The page failed before any part was checked, whatever the background last heard (a late
  // answer, a lost status report): the page shows nothing, so neither does the popup.
  if (state && state.url !== null && result?.status === 'error' && result.coverage.checkedParts === 0 && pageUrlOf(result.url) === state.url)
    return { ...state, status: 'error', error: result.error ?? state.error ?? null, analysis: null };
  if (!state || !result?.analysis || state.url === null || pageUrlOf(result.url) !== state.url) return state;
  if (state.status !== 'done' && state.status !== 'no_claims' && !(state.status === 'error' && result.coverage.checkedParts > 0)) return state;
  return { ...state, status: result.analysis.claims.length ? 'done' : 'no_claims', error: null, analysis: result.analysis };
}

/** An error to show a reader: the browser's own wording (a stopped background, a lost extension context) becomes plain words. */
export function plainError(raw: string | null | undefined): string {
  if (!raw) return 'The page could not be checked.';
  switch (classifySendError(new Error(raw))) {
    case 'worker-stopped':
      return WORKER_STOPPED_MESSAGE;
    case 'context-gone':
      return UPDATED_NOTICE;
    case 'other':
      return raw;
  }
}
