/**
 * The source reader: where a quoted sentence is in a source's text. Quotes are corpus sentences,
 * normally exact substrings of the text; whitespace differences (a sentence across a line break)
 * are tolerated. Pure.
 */

/** The [start, end) of `quote` in `text`, or null when it is not there. */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const q = quote.trim();
  if (!q) return null;
  const exact = text.indexOf(q);
  if (exact >= 0) return { start: exact, end: exact + q.length };
  // Whitespace-insensitive: collapse runs of whitespace in both, keeping a map back to `text`.
  const map: number[] = [];
  let flat = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) {
      if (!space && flat.length) {
        flat += ' ';
        map.push(i);
      }
      space = true;
    } else {
      flat += text[i];
      map.push(i);
      space = false;
    }
  }
  const nq = q.replace(/\s+/g, ' ');
  const at = flat.indexOf(nq);
  if (at < 0) return null;
  return { start: map[at]!, end: map[at + nq.length - 1]! + 1 };
}

/** `text` split around the quote, for rendering as text with the quote marked. */
export function splitAtQuote(text: string, quote: string): { before: string; quote: string; after: string } | null {
  const r = findQuote(text, quote);
  if (!r) return null;
  return { before: text.slice(0, r.start), quote: text.slice(r.start, r.end), after: text.slice(r.end) };
}
