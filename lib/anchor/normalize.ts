/**
 * Normalisation used to compare a claim (a slice of the extracted article text) with the live
 * page's text nodes. Both sides go through the same character mapping, so only the differences
 * that extraction introduces have to be bridged: whitespace runs collapsed (and inserted at block
 * boundaries), typographic quotes/dashes, invisible characters, letter case.
 *
 * Every normalised character keeps a pointer back to the code unit it came from, so a match in
 * the normalised text maps back to exact (node, offset) positions. Pure: no DOM.
 */

/** Whitespace as extractArticle's normalizeWhitespace sees it (JS \s, NBSP). */
const WHITESPACE = /[\s\u00a0]/;

/** Characters that carry no text: soft hyphen, zero-width space and (non-)joiners, word joiner, BOM. */
// An alternation, not a class: a class holding the joiner U+200D reads as a joined sequence.
const INVISIBLE = /\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/;

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/;

/**
 * The normalised form of one UTF-16 code unit: '' (dropped), ' ' (whitespace, collapsed later)
 * or a single character. Lower-casing is applied only where it keeps one code unit.
 */
export function normalizeChar(c: string): string {
  // Invisible first: JS \s counts the BOM as whitespace.
  if (INVISIBLE.test(c)) return '';
  if (WHITESPACE.test(c)) return ' ';
  if (SINGLE_QUOTES.test(c)) return "'";
  if (DOUBLE_QUOTES.test(c)) return '"';
  if (DASHES.test(c)) return '-';
  const lower = c.toLowerCase();
  return lower.length === 1 ? lower : c;
}

/** A string normalised for matching, with a map from each of its characters to the source. */
export interface NormalizedText {
  /** Whitespace collapsed to single spaces, no leading/trailing space. */
  text: string;
  /** For each character of `text`: index of the source segment (text node) it came from. */
  node: Int32Array;
  /** For each character of `text`: code-unit offset inside that segment. */
  offset: Int32Array;
}

export interface NormalizeOptions {
  /**
   * Indices of segments that start a new block (paragraph, list item …): a virtual space is put
   * before them, as extraction puts a paragraph break there. Segments that continue inline text
   * (a text node split mid-word, a link inside a sentence) are joined with nothing in between.
   */
  breakBefore?: ReadonlySet<number>;
}

/**
 * Normalise a sequence of text segments (text nodes in document order) into one string with an
 * index map back to (segment, offset).
 */
export function normalizeSegments(segments: readonly string[], opts: NormalizeOptions = {}): NormalizedText {
  let total = 0;
  for (const s of segments) total += s.length;
  const chars: string[] = [];
  const node = new Int32Array(total + segments.length);
  const offset = new Int32Array(total + segments.length);
  let n = 0;
  // A pending space is emitted lazily, before the next visible character, so runs collapse and
  // nothing trails. It points at the first whitespace character of its run.
  let pendingSpace: { node: number; offset: number } | null = null;
  for (let si = 0; si < segments.length; si++) {
    const s = segments[si]!;
    if (opts.breakBefore?.has(si) && n > 0 && !pendingSpace) {
      // Virtual space: map it to the start of this segment.
      pendingSpace = { node: si, offset: 0 };
    }
    for (let i = 0; i < s.length; i++) {
      const c = normalizeChar(s[i]!);
      if (c === '') continue;
      if (c === ' ') {
        if (n > 0 && !pendingSpace) pendingSpace = { node: si, offset: i };
        continue;
      }
      if (pendingSpace) {
        chars.push(' ');
        node[n] = pendingSpace.node;
        offset[n] = pendingSpace.offset;
        n++;
        pendingSpace = null;
      }
      chars.push(c);
      node[n] = si;
      offset[n] = i;
      n++;
    }
  }
  return { text: chars.join(''), node: node.subarray(0, n), offset: offset.subarray(0, n) };
}

/** Normalise one string (a claim) the same way, without keeping the index map. */
export function normalizeString(s: string): string {
  return normalizeSegments([s]).text;
}
