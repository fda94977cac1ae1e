/**
 * Anchoring: find where a claim (a sentence of the extracted article text) sits in the live
 * page's text nodes, so the content script can build a DOM Range over it.
 *
 * Input is the page's visible text nodes as plain strings, in document order; output is
 * (node index, offset) positions, or null when the claim is not on the page. Exact match first,
 * on a normalised concatenation (whitespace collapsed, quotes/dashes unified, case folded);
 * then a fuzzy match (Myers' bit-parallel edit distance, approx-string-match) tolerating a small
 * share of errors, for pages whose text differs slightly from what extraction produced.
 *
 * Pure: no DOM globals. Runs in Node (tests) and in the content script.
 */
import approxSearch from 'approx-string-match';
import { normalizeSegments, normalizeString, type NormalizeOptions, type NormalizedText } from './normalize';

export { normalizeChar, normalizeSegments, normalizeString } from './normalize';
export type { NormalizedText, NormalizeOptions } from './normalize';

/** Most edits a fuzzy match may need, as a share of the claim's normalised length. */
export const MAX_ERROR_SHARE = 0.15;
/** Hard cap on edits for very long claims (keeps the search fast and the match meaningful). */
export const MAX_ERRORS_CAP = 64;
/** Claims shorter than this (normalised) are only matched exactly: a few edits would make anything match. */
export const MIN_FUZZY_LENGTH = 16;
/**
 * Last resort for text inserted inside a sentence on the page (a footnote marker, an "opens in
 * new window" note, an inline ad label): the claim's first and last HEAD_TAIL_LENGTH characters
 * found exactly, in order, spanning at most MAX_STRETCH times the claim's length.
 */
export const HEAD_TAIL_LENGTH = 32;
export const MAX_STRETCH = 1.6;
/** Claims shorter than this are not head/tail matched (the two ends would overlap or be too generic). */
export const MIN_HEAD_TAIL_CLAIM = 40;

/** A claim's place in the live text: start/end as (node index, code-unit offset), end exclusive. */
export interface AnchorRange {
  startNode: number;
  startOffset: number;
  endNode: number;
  endOffset: number;
  /** Start and end (exclusive) in the normalised text: use `end` as the next claim's `after`. */
  start: number;
  end: number;
  /** Edits needed: 0 for an exact match. */
  errors: number;
}

export interface LocateOptions {
  /**
   * Prefer matches starting at or after this normalised offset (claims come in document order,
   * so the previous claim's `end` skips an earlier copy, e.g. a pull quote). Matches before it
   * are used only when there is none after.
   */
  after?: number;
  /** Among the remaining matches, take the one starting nearest this normalised offset. Default: `after`, or 0 (the first). */
  hint?: number;
  /** Turn the fuzzy fallback off. */
  exactOnly?: boolean;
}

/** The normalised text of a page, built once and searched for every claim. */
export class TextIndex {
  readonly norm: NormalizedText;
  readonly segments: readonly string[];

  constructor(segments: readonly string[], opts: NormalizeOptions = {}) {
    this.segments = segments;
    this.norm = normalizeSegments(segments, opts);
  }

  get text(): string {
    return this.norm.text;
  }

  /** Find `claim`; null when absent (or only findable with too many edits). */
  locate(claim: string, opts: LocateOptions = {}): AnchorRange | null {
    const pattern = normalizeString(claim);
    if (!pattern || !this.norm.text) return null;
    const exact = allIndexesOf(this.norm.text, pattern);
    if (exact.length) {
      const start = pick(exact, opts);
      return this.toRange(start, start + pattern.length, 0);
    }
    if (opts.exactOnly || pattern.length < MIN_FUZZY_LENGTH) return null;
    const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(pattern.length * MAX_ERROR_SHARE));
    const matches = maxErrors >= 1 ? approxSearch(this.norm.text, pattern, maxErrors) : [];
    if (!matches.length) return this.locateHeadTail(pattern, opts);
    const fewest = Math.min(...matches.map((m) => m.errors));
    // approx-string-match can report several starts for one region; keep distinct starts.
    const best = matches.filter((m) => m.errors === fewest);
    const byStart = new Map(best.map((m) => [m.start, m]));
    const start = pick(
      [...byStart.keys()].sort((a, b) => a - b),
      opts,
    );
    const m = byStart.get(start)!;
    return this.toRange(m.start, m.end, m.errors);
  }

  private locateHeadTail(pattern: string, opts: LocateOptions): AnchorRange | null {
    if (pattern.length < MIN_HEAD_TAIL_CLAIM) return null;
    const n = Math.min(HEAD_TAIL_LENGTH, Math.floor(pattern.length / 3));
    const head = pattern.slice(0, n);
    const tail = pattern.slice(pattern.length - n);
    const maxSpan = Math.ceil(pattern.length * MAX_STRETCH);
    const spans = new Map<number, number>();
    for (const h of allIndexesOf(this.norm.text, head)) {
      const t = this.norm.text.indexOf(tail, h + n);
      if (t !== -1 && t + n - h <= maxSpan) spans.set(h, t + n);
    }
    if (!spans.size) return null;
    const start = pick([...spans.keys()], opts);
    const end = spans.get(start)!;
    return this.toRange(start, end, end - start - pattern.length);
  }

  /** Map a normalised [start, end) back to node positions; trims spaces at the edges. */
  toRange(start: number, end: number, errors: number): AnchorRange | null {
    const t = this.norm.text;
    while (start < end && t[start] === ' ') start++;
    while (end > start && t[end - 1] === ' ') end--;
    if (start >= end) return null;
    const { node, offset } = this.norm;
    return {
      startNode: node[start]!,
      startOffset: offset[start]!,
      endNode: node[end - 1]!,
      endOffset: offset[end - 1]! + 1,
      start,
      end,
      errors,
    };
  }
}

function allIndexesOf(text: string, pattern: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(pattern); i !== -1; i = text.indexOf(pattern, i + 1)) out.push(i);
  return out;
}

/** Choose among sorted candidate starts: at/after `after` when possible, then nearest `hint`. */
function pick(starts: number[], opts: LocateOptions): number {
  const after = opts.after ?? 0;
  const later = starts.filter((s) => s >= after);
  const pool = later.length ? later : starts;
  const hint = opts.hint ?? (later.length ? after : pool[pool.length - 1]!);
  let best = pool[0]!;
  for (const s of pool) if (Math.abs(s - hint) < Math.abs(best - hint)) best = s;
  return best;
}

/**
 * One-shot helper: anchor `claim` in `segments` (text-node strings in document order).
 * For many claims on one page, build a TextIndex once and call locate() for each.
 */
export function anchorClaim(segments: readonly string[], claim: string, opts: LocateOptions & NormalizeOptions = {}): AnchorRange | null {
  return new TextIndex(segments, opts).locate(claim, opts);
}

/**
 * Anchor claims given in document order: each is looked for at or after the previous one's
 * end first, so a repeated sentence (a pull quote, a summary box) does not steal a later claim.
 */
export function anchorClaims(index: TextIndex, claims: readonly string[]): Array<AnchorRange | null> {
  let after = 0;
  return claims.map((c) => {
    const r = index.locate(c, { after });
    if (r) after = r.end;
    return r;
  });
}
