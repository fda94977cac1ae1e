/**
 * When a live page (tickers, comments, ads) is looked at again after its DOM changed: a quiet
 * period after the last change, at most every few seconds, and less often while changes keep
 * leaving the article's text as it was. Plus the cheap "did the words change?" fingerprint and
 * what a run does with text it already checked.
 *
 * Pure: the clock is passed in.
 */
import type { RunReason } from './runs';

/** Quiet period after the last DOM change before the article is re-extracted. */
export const MUTATION_DEBOUNCE_MS = 500;
/**
 * Re-extract at most this often while a page keeps changing (live tickers, ads); the interval
 * doubles (up to 2^MAX_BACKOFF times) each time a change turned out not to touch the text.
 */
export const MIN_RECHECK_INTERVAL_MS = 2000;
export const MAX_BACKOFF = 4;

export class RecheckPacer {
  /** Mutation bursts in a row that left the page's text as it was. */
  private idleBursts = 0;
  private lastRecheck = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The page's text is being looked at now. */
  looked(): void {
    this.lastRecheck = this.now();
  }

  /** A burst of changes left the text as it was: wait longer next time. */
  unchanged(): void {
    this.idleBursts++;
  }

  /** The text changed, or a new page: back to the shortest interval. */
  changed(): void {
    this.idleBursts = 0;
  }

  /** How long to wait after a DOM change before looking at the text again. */
  delay(): number {
    const interval = MIN_RECHECK_INTERVAL_MS * 2 ** Math.min(this.idleBursts, MAX_BACKOFF);
    return Math.max(MUTATION_DEBOUNCE_MS, this.lastRecheck + interval - this.now());
  }
}

/** Length and FNV-1a hash of a text: a cheap "did the words change?" test (~1 ms per 100k characters). */
export function textFingerprint(t: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return `${t.length}:${(h >>> 0).toString(36)}`;
}

/**
 * What a run does with the text it extracted: after a page change that left the article's text
 * as it was, only re-anchor when the page replaced the painted nodes (`stale()`), else nothing;
 * any other run analyses.
 */
export function sameTextAction(
  reason: RunReason,
  text: string,
  lastText: string | null,
  painted: { hasAnalysis: boolean; stale: () => boolean },
): 'analyse' | 'reanchor' | 'unchanged' {
  if (reason !== 'mutation' || text !== lastText) return 'analyse';
  return painted.hasAnalysis && painted.stale() ? 'reanchor' : 'unchanged';
}
