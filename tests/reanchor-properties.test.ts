/**
 * Properties of re-anchoring, checked on generated pages (fast-check):
 * - an edit anywhere outside the noted quote (sentences inserted, removed or rewritten before
 *   or after it, the page split into other text nodes) never loses the note: it re-anchors
 *   exactly on the quote;
 * - deleting the quote orphans the note rather than pinning it to other text.
 * The quote's words are drawn from letters the rest of the page never uses, so "other text"
 * cannot be a look-alike of the quote by construction, and the properties say what they mean.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reanchor, type TextPositionSelector, type TextQuoteSelector } from '../lib/notes';

/** Context stored each side of a quote, as the tooltip does when making a note. */
const CONTEXT = 32;

const word = (letters: string) => fc.string({ unit: fc.constantFrom(...letters.split('')), minLength: 2, maxLength: 8 });
const sentence = (letters: string) => fc.array(word(letters), { minLength: 3, maxLength: 9 }).map((ws) => `${ws.join(' ')}.`);
/** Filler and quote use disjoint letters: no filler sentence is within any edit budget of the quote. */
const filler = fc.array(sentence('aeioulnrst'), { minLength: 0, maxLength: 6 });
const quoteSentence = sentence('xyzqvkjwb');

function selectorsFor(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** The page as text nodes: split at arbitrary (generated) cut points, as markup would split it. */
function split(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let at = 0;
  for (const p of points) {
    if (p > at) out.push(text.slice(at, p));
    at = Math.max(at, p);
  }
  out.push(text.slice(at));
  return out;
}

describe('re-anchoring properties', () => {
  it('any edit outside the quote re-anchors exactly on it', () => {
    fc.assert(
      fc.property(filler, quoteSentence, filler, filler, filler, fc.array(fc.nat(), { maxLength: 6 }), (before, quote, after, newBefore, newAfter, cuts) => {
        const original = [...before, quote, ...after].join(' ');
        const start = before.length ? before.join(' ').length + 1 : 0;
        const selectors = selectorsFor(original, start, start + quote.length);
        // Keep some of the old neighbours (sometimes all, sometimes none) and add new text.
        const edited = [...newBefore, ...before.slice(newBefore.length % (before.length + 1)), quote, ...after.slice(0, newAfter.length), ...newAfter].join(
          ' ',
        );
        const r = reanchor(selectors, split(edited, cuts));
        expect(r.status).toBe('anchored');
        expect(r.matched).toBe(quote);
      }),
      { numRuns: 300 },
    );
  });

  it('among repeats of the quote, the stored context picks the noted one', () => {
    fc.assert(
      fc.property(fc.array(sentence('aeioulnrst'), { minLength: 2, maxLength: 5 }), quoteSentence, fc.nat(), (others, quote, pick) => {
        // The quote after every filler sentence; each filler sentence is its prefix.
        const distinct = [...new Set(others)];
        fc.pre(distinct.length >= 2 && distinct.every((s) => !distinct.some((t) => t !== s && (t.endsWith(s) || s.endsWith(t)))));
        const parts = distinct.flatMap((s) => [s, quote]);
        const text = parts.join(' ');
        const k = pick % distinct.length;
        const start = parts.slice(0, 2 * k + 1).join(' ').length + 1;
        const [q] = selectorsFor(text, start, start + quote.length);
        // Quote selector only: no position to lean on. Then the page gains a sentence in front.
        const r = reanchor([q], ['Inserted at the top. ', text]);
        expect(r.status).toBe('anchored');
        expect(r.position!.start - 'Inserted at the top. '.length).toBe(start);
      }),
      { numRuns: 200 },
    );
  });

  it('deleting the quote orphans the note', () => {
    fc.assert(
      fc.property(filler, quoteSentence, filler, fc.array(fc.nat(), { maxLength: 6 }), (before, quote, after, cuts) => {
        fc.pre(before.length + after.length > 0);
        const original = [...before, quote, ...after].join(' ');
        const start = before.length ? before.join(' ').length + 1 : 0;
        const selectors = selectorsFor(original, start, start + quote.length);
        const r = reanchor(selectors, split([...before, ...after].join(' '), cuts));
        expect(r.status).toBe('orphaned');
        expect(r.range).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
