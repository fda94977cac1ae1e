/**
 * Re-anchoring: find where a saved note belongs on the page as it is NOW, from its W3C selectors
 * and the page's current text nodes (the same input lib/anchor takes: text-node strings in
 * document order, optional block breaks).
 *
 * Pages change after a note is made — a paragraph inserted above, a typo fixed, a sentence
 * removed — and a note must never disappear because of it. So, in order:
 * 1. `anchored`: the TextQuoteSelector's exact text occurs on the page (lib/anchor's normalised
 *    comparison: whitespace, quotes, dashes, case). Among several occurrences the one whose
 *    surroundings best match the stored prefix/suffix wins; ties go to the one nearest the
 *    TextPositionSelector's start. Context first, because a position is the first thing an
 *    edit invalidates, while the words around a quote usually survive.
 * 2. `fuzzy`: lib/anchor's approximate matcher (bounded edit distance, then head/tail) finds a
 *    slightly edited version, the one nearest the old position when several are equally good.
 * 3. `orphaned`: not found. The result still carries the quote, so the UI can list the note
 *    ("no longer on this page: …") instead of dropping it.
 *
 * Pure: no DOM. The content script turns the returned AnchorRange into a DOM Range.
 */
import { TextIndex, normalizeString, type AnchorRange, type NormalizeOptions } from '../anchor';
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

/** A note's selectors, or anything holding them (a Note, its target). */
export type SelectorSource = Pick<Note, 'target'> | NoteTarget | NoteTarget['selectors'];

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
export function textPositionOf(segments: readonly string[] | readonly number[], r: Pick<AnchorRange, 'startNode' | 'startOffset' | 'endNode' | 'endOffset'>): { start: number; end: number } {
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
export function reanchor(
  selectors: SelectorSource,
  page: readonly string[] | ReanchorPage,
  opts: NormalizeOptions = {},
): ReanchorResult {
  const p = page instanceof ReanchorPage ? page : new ReanchorPage(page, opts);
  const { quote, position } = selectorsOf(selectors);
  const orphan: ReanchorResult = { status: 'orphaned', quote: quote.exact };
  const pattern = normalizeString(quote.exact);
  const text = p.index.text;
  if (!pattern || !text) return orphan;

  const hint = position ? p.normIndexAt(position.start) : undefined;
  const exact = allIndexesOf(text, pattern);
  if (exact.length) {
    const prefix = normalizeString(quote.prefix ?? '');
    const suffix = normalizeString(quote.suffix ?? '');
    let best = -1;
    let bestScore = -1;
    let bestDist = Infinity;
    for (const s of exact) {
      // A window one character wider than the context covers a space between quote and context.
      const before = text.slice(Math.max(0, s - prefix.length - 1), s).trimEnd();
      const e = s + pattern.length;
      const after = text.slice(e, e + suffix.length + 1).trimStart();
      const score = commonSuffix(before, prefix) + commonPrefix(after, suffix);
      const dist = position ? Math.abs(p.rawOffset(s) - position.start) : s;
      if (score > bestScore || (score === bestScore && dist < bestDist)) {
        best = s;
        bestScore = score;
        bestDist = dist;
      }
    }
    const range = p.index.toRange(best, best + pattern.length, 0);
    if (range) return found('anchored', range, p, quote.exact);
  }

  const fuzzy = p.index.locate(quote.exact, hint === undefined ? {} : { hint });
  if (fuzzy) return found('fuzzy', fuzzy, p, quote.exact);
  return orphan;
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

function allIndexesOf(text: string, pattern: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(pattern); i !== -1; i = text.indexOf(pattern, i + 1)) out.push(i);
  return out;
}

/** Length of the longest common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the longest common prefix of a and b. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
