/**
 * Re-anchoring: find where a saved note belongs on the page as it is NOW, from its W3C selectors
 * and the page's current text nodes (the same input lib/anchor takes: text-node strings in
 * document order, optional block breaks).
 *
 * Pages change after a note is made — a paragraph inserted above, a typo fixed, a sentence
 * removed — and a note must never disappear because of it, nor land on the wrong sentence.
 * Every candidate place is judged on the quote, its stored prefix/suffix and its stored
 * position together (lib/anchor/match-quote, Hypothesis's method; its top comment has the
 * weights and the trade-off), on lib/anchor's normalised text (whitespace, quotes, dashes, case):
 * 1. `anchored`: the TextQuoteSelector's exact text occurs on the page; among several
 *    occurrences context outweighs position, because a position is the first thing an edit
 *    invalidates while the words around a quote usually survive.
 * 2. `fuzzy`: no exact occurrence, but an edited version of the quote scores well enough.
 * 3. `orphaned`: neither. The result still carries the quote, so the UI can list the note
 *    ("no longer on this page: …") instead of dropping it.
 *
 * Pure: no DOM. The content script turns the returned AnchorRange into a DOM Range.
 */
import { TextIndex, normalizeString, type AnchorRange, type NormalizeOptions } from '../anchor';
import { matchQuote } from '../anchor/match-quote';
import type { Note, NoteTarget, TextPositionSelector, TextQuoteSelector } from './model';

export type ReanchorStatus = 'anchored' | 'fuzzy' | 'orphaned';

export interface ReanchorResult {
  status: ReanchorStatus;
  /** Where the note now sits (absent when orphaned). */
  range?: AnchorRange;
  /** The stored quote (TextQuoteSelector.exact), always present. */
  quote: string;
  /** The page text the range covers now (absent when orphaned): differs from `quote` when fuzzy. */
  matched?: string;
  /** The range as offsets into segments.join('') (absent when orphaned): the note's new TextPositionSelector. */
  position?: { start: number; end: number };
}

/** A note's selectors, or anything holding them (a Note, its target); a bare list may lack the position. */
export type SelectorSource = Pick<Note, 'target'> | NoteTarget | ReadonlyArray<TextQuoteSelector | TextPositionSelector>;

function selectorsOf(src: SelectorSource): { quote: TextQuoteSelector; position: TextPositionSelector | null } {
  const list: ReadonlyArray<TextQuoteSelector | TextPositionSelector> = Array.isArray(src)
    ? src
    : 'selectors' in src
      ? src.selectors
      : (src as Pick<Note, 'target'>).target.selectors;
  const quote = list.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!quote) throw new TypeError('a note target needs a TextQuoteSelector');
  const position = list.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector') ?? null;
  return { quote, position };
}

/** A page prepared once for re-anchoring many notes: the TextIndex plus raw segment offsets. */
export class ReanchorPage {
  readonly index: TextIndex;
  /** segStart[i]: offset of segment i in segments.join(''). */
  private readonly segStart: number[];

  constructor(segments: readonly string[], opts: NormalizeOptions = {}) {
    this.index = new TextIndex(segments, opts);
    this.segStart = [];
    let at = 0;
    for (const s of segments) {
      this.segStart.push(at);
      at += s.length;
    }
  }

  /** Raw offset (in segments.join('')) of normalised character i. */
  rawOffset(i: number): number {
    const { node, offset } = this.index.norm;
    return this.segStart[node[i]!]! + offset[i]!;
  }

  /** The normalised index of the first character at or after raw offset `raw` (binary search). */
  normIndexAt(raw: number): number {
    const n = this.index.norm.text.length;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rawOffset(mid) < raw) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, Math.max(0, n - 1));
  }

  /** Raw [start, end) of an anchor range. */
  positionOf(r: AnchorRange): { start: number; end: number } {
    return textPositionOf(this.segStart, r);
  }

  /** The text a range covers, read back from the segments. */
  textOf(r: AnchorRange): string {
    const segs = this.index.segments;
    if (r.startNode === r.endNode) return segs[r.startNode]!.slice(r.startOffset, r.endOffset);
    let s = segs[r.startNode]!.slice(r.startOffset);
    for (let i = r.startNode + 1; i < r.endNode; i++) s += segs[i]!;
    return s + segs[r.endNode]!.slice(0, r.endOffset);
  }
}

/**
 * Offsets of an anchor range in segments.join('') — what the tooltip passes to makeNote as
 * start/end (with the joined text as pageText), so the note's TextPositionSelector is in the
 * same coordinates re-anchoring uses. Accepts the segments or their precomputed start offsets.
 */
export function textPositionOf(
  segments: readonly string[] | readonly number[],
  r: Pick<AnchorRange, 'startNode' | 'startOffset' | 'endNode' | 'endOffset'>,
): { start: number; end: number } {
  let starts: readonly number[];
  if (typeof segments[0] === 'string') {
    const out: number[] = [];
    let at = 0;
    for (const s of segments as readonly string[]) {
      out.push(at);
      at += s.length;
    }
    starts = out;
  } else starts = segments as readonly number[];
  return { start: starts[r.startNode]! + r.startOffset, end: starts[r.endNode]! + r.endOffset };
}

/** Re-anchor one note on a page (segments, or a ReanchorPage built once for many notes). */
export function reanchor(selectors: SelectorSource, page: readonly string[] | ReanchorPage, opts: NormalizeOptions = {}): ReanchorResult {
  const p = page instanceof ReanchorPage ? page : new ReanchorPage(page, opts);
  const { quote, position } = selectorsOf(selectors);
  const orphan: ReanchorResult = { status: 'orphaned', quote: quote.exact };
  const pattern = normalizeString(quote.exact);
  const text = p.index.text;
  if (!pattern || !text) return orphan;

  const hint = position ? p.normIndexAt(position.start) : undefined;
  const context = { prefix: normalizeString(quote.prefix ?? ''), suffix: normalizeString(quote.suffix ?? ''), hint };
  const m = matchQuote(text, pattern, context);
  const range = m ? p.index.toRange(m.start, m.end, m.errors) : null;
  if (!m || !range) return orphan;
  return found(m.errors === 0 ? 'anchored' : 'fuzzy', range, p, quote.exact);
}

/** Re-anchor many notes on one page (the page is indexed once). Keyed by note id. */
export function reanchorNotes(
  notes: ReadonlyArray<Pick<Note, 'id' | 'target'>>,
  segments: readonly string[],
  opts: NormalizeOptions = {},
): Map<string, ReanchorResult> {
  const page = new ReanchorPage(segments, opts);
  return new Map(notes.map((n) => [n.id, reanchor(n, page)]));
}

function found(status: 'anchored' | 'fuzzy', range: AnchorRange, p: ReanchorPage, quote: string): ReanchorResult {
  return { status, range, quote, matched: p.textOf(range), position: p.positionOf(range) };
}
