/**
 * Fewest edits between a short pattern and its best-matching part of a text (the semi-global
 * edit distance: the match may start and end anywhere), by Myers' bit-parallel algorithm
 * (G. Myers, "A fast bit-vector algorithm for approximate string matching based on dynamic
 * programming", J. ACM 46(3), 1999): one 32-bit word holds a whole column of the edit-distance
 * matrix, so a text of n characters costs n word steps.
 *
 * approx-string-match implements the same algorithm for patterns of any length, and
 * match-quote uses it to find candidates. Context scoring needs something narrower and many
 * times over — only the distance, for the same prefix or suffix against the text beside every
 * candidate, and a common short quote can have thousands — so the pattern is compiled once and
 * each call allocates nothing. The trade-off is the limit of one word: patterns longer than
 * WORD_BITS characters are refused (callers cut context to that length).
 */

/** Pattern characters one machine word covers (JS bitwise operators work on 32-bit integers). */
export const WORD_BITS = 32;

/** distance(text, from, to): fewest edits from the pattern to any part of text.slice(from, to). */
export type DistanceFn = (text: string, from?: number, to?: number) => number;

/** Compile `pattern` (at most WORD_BITS characters) into a semi-global distance function. */
export function compileDistance(pattern: string): DistanceFn {
  const m = pattern.length;
  if (m > WORD_BITS) throw new RangeError(`pattern longer than ${WORD_BITS} characters`);
  // peq[c]: bit i set where pattern[i] === c.
  const peq = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  return (text, from = 0, to = text.length) => {
    if (m === 0) return 0;
    // Column of the matrix as vertical deltas: +1 down every row at the start (pv all set).
    let pv = ~0;
    let mv = 0;
    let score = m;
    let best = m;
    for (let j = from; j < to; j++) {
      const eq = peq.get(text.charCodeAt(j)) ?? 0;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & last) score++;
      else if (mh & last) score--;
      // Row 0 stays 0 (a match may start anywhere), so nothing is shifted in.
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score < best) best = score;
    }
    return best;
  };
}
