/**
 * Quote matching with context: where does a quote (a TextQuoteSelector's `exact`) best fit a
 * text, judging every candidate place on the quote, the context stored with it (prefix,
 * suffix) and its old position together. This is the method of the Hypothesis client's
 * src/annotator/anchoring/match-quote.ts (BSD-2-Clause), with its weights.
 *
 * Candidates: every exact occurrence of the quote; when there is none, the approximate matches
 * within an error budget of half the quote (Myers' bit-parallel matcher from approx-string-match:
 * O(n·⌈k/32⌉) for n characters of text and k allowed errors) with the fewest errors in the whole
 * text, and those with the fewest near the hint. The second set is not in Hypothesis: a short
 * quote edited in place can be a worse match than a look-alike elsewhere, and only the context
 * can tell them apart if both are candidates. Each candidate gets
 *
 *   score = (50·quote + 20·prefix + 20·suffix + 2·position) / (sum of the weights used)
 *
 * quote = 1 − errors / quote length; prefix, suffix = 1 − (edit distance from the stored context
 * to the text beside the candidate) / context length; position = 1 − distance from the hint /
 * text length. A part with nothing stored (no prefix, no hint) is left out of the sum and of the
 * divisor: Hypothesis scores it 1 for every candidate instead, which ranks them the same way
 * and lets the score below mean the same with or without context.
 *
 * The trade-off: a generous budget finds a quote after heavy editing (one word changed in a
 * 16-character quote is a quarter of it), but in a long text it also finds look-alikes of a
 * quote that is gone. Context and position rank a look-alike below the real place when that
 * still exists; when it does not, Hypothesis anchors the look-alike anyway. Here an approximate
 * winner must also score MIN_FUZZY_SCORE: a quote edited in place (its context intact) is
 * always found, one both edited and moved only when lightly edited, and a quote that is gone
 * is reported as not found rather than pinned to a similar sentence.
 *
 * Pure string functions: callers normalise text, quote and context alike (lib/anchor/normalize).
 */
import approxSearch from 'approx-string-match';
import { WORD_BITS, compileDistance, type DistanceFn } from './myers';

/** Weights from Hypothesis: the quote decides, context separates repeats, position breaks ties. */
export const QUOTE_WEIGHT = 50;
export const PREFIX_WEIGHT = 20;
export const SUFFIX_WEIGHT = 20;
export const POSITION_WEIGHT = 2;

/** Errors allowed, as a share of the quote (Hypothesis): a quote half rewritten is still found. */
export const QUOTE_ERROR_SHARE = 0.5;
/** Hard cap on errors (Hypothesis): bounds the matcher's work, ⌈k/32⌉ words per text character. */
export const QUOTE_MAX_ERRORS = 256;
/**
 * Least score an approximate (not exact) match needs. With full context stored, an in-place edit
 * scores at least (50·0.5 + 40) / 92 ≈ 0.71; a candidate whose context does not match (≈ 0.25
 * similar, as unrelated text is) needs a quote about 87% the same; with no context stored, a
 * quote 60% the same. Exact matches are always accepted.
 */
export const MIN_FUZZY_SCORE = 0.6;
/**
 * Context compared per side, nearest the quote first: 32 characters, as notes (CONTEXT_CHARS)
 * and Hypothesis store. An imported annotation may carry more; text that far away says little
 * about this occurrence, and 32 characters fit the one-word matcher (lib/anchor/myers).
 */
export const MAX_CONTEXT_CHARS = WORD_BITS;

export interface QuoteContext {
  /** Text expected just before the quote. */
  prefix?: string;
  /** Text expected just after the quote. */
  suffix?: string;
  /** Where the quote is expected to start (an offset into the text). */
  hint?: number;
}

export interface QuoteMatch {
  /** [start, end) in the text. */
  start: number;
  end: number;
  /** Edits between the quote and text.slice(start, end): 0 for an exact match. */
  errors: number;
  /** The weighted score above, in [0, 1]. */
  score: number;
}

export interface MatchQuoteOptions {
  /** Least score of an approximate match (default MIN_FUZZY_SCORE; 0 accepts any, as Hypothesis). */
  minFuzzyScore?: number;
}

/** The best place for `quote` in `text`, or null when there is none good enough. */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}, opts: MatchQuoteOptions = {}): QuoteMatch | null {
  if (!quote || !text) return null;
  const candidates = findCandidates(text, quote, context.hint);
  const scorer = contextScorer(text, context);
  let best: QuoteMatch | null = null;
  for (const c of candidates) {
    const score = scorer(c, quote.length);
    // Strictly greater: among equals the first in the text wins (Hypothesis's stable sort).
    if (!best || score > best.score) best = { ...c, score };
  }
  if (best && best.errors > 0 && best.score < (opts.minFuzzyScore ?? MIN_FUZZY_SCORE)) return null;
  return best;
}

type Candidate = Omit<QuoteMatch, 'score'>;

/**
 * Every exact occurrence; when there is none, the lowest-error approximate matches in the whole
 * text and, when there is a hint, within reach of it (see the top comment).
 */
function findCandidates(text: string, quote: string, hint: number | undefined): Candidate[] {
  const exact: Candidate[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    exact.push({ start: i, end: i + quote.length, errors: 0 });
  }
  if (exact.length) return exact;
  const maxErrors = Math.min(QUOTE_MAX_ERRORS, Math.floor(quote.length * QUOTE_ERROR_SHARE));
  if (maxErrors < 1) return [];
  const found = approxSearch(text, quote, maxErrors);
  if (hint !== undefined) {
    // As far either side as the longest match could reach: the quote's length plus its budget.
    const reach = quote.length + maxErrors;
    const from = Math.max(0, hint - reach);
    for (const m of approxSearch(text.slice(from, hint + 2 * reach), quote, maxErrors)) {
      found.push({ start: m.start + from, end: m.end + from, errors: m.errors });
    }
  }
  return found.map((m) => trimSpaces(text, m));
}

/** A match without spaces at its edges (the caller's ranges never start or end on one). */
function trimSpaces(text: string, m: Candidate): Candidate {
  let { start, end } = m;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return { start, end, errors: m.errors };
}

/** The score of a candidate (top comment), with the context compiled once for all of them. */
function contextScorer(text: string, context: QuoteContext): (c: Candidate, quoteLength: number) => number {
  // Whitespace at the junction with the quote is ignored on both sides.
  const prefix = (context.prefix ?? '').trimEnd().slice(-MAX_CONTEXT_CHARS);
  const suffix = (context.suffix ?? '').trimStart().slice(0, MAX_CONTEXT_CHARS);
  const prefixDistance = prefix ? compileDistance(prefix) : null;
  const suffixDistance = suffix ? compileDistance(suffix) : null;
  const { hint } = context;
  return (c, quoteLength) => {
    let total = QUOTE_WEIGHT * (1 - c.errors / quoteLength);
    let weights = QUOTE_WEIGHT;
    if (prefixDistance) {
      let to = c.start;
      while (to > 0 && text[to - 1] === ' ') to--;
      total += PREFIX_WEIGHT * similarity(prefixDistance, prefix.length, text, Math.max(0, to - prefix.length), to);
      weights += PREFIX_WEIGHT;
    }
    if (suffixDistance) {
      let from = c.end;
      while (from < text.length && text[from] === ' ') from++;
      total += SUFFIX_WEIGHT * similarity(suffixDistance, suffix.length, text, from, Math.min(text.length, from + suffix.length));
      weights += SUFFIX_WEIGHT;
    }
    if (hint !== undefined) {
      total += POSITION_WEIGHT * Math.max(0, 1 - Math.abs(c.start - hint) / text.length);
      weights += POSITION_WEIGHT;
    }
    return total / weights;
  };
}

/**
 * 1 − (fewest edits from the context to some part of text[from, to)) / context length; 0 for an
 * empty window (Hypothesis's textMatchScore), as at the very start or end of the text.
 */
function similarity(distance: DistanceFn, length: number, text: string, from: number, to: number): number {
  return to > from ? 1 - distance(text, from, to) / length : 0;
}
