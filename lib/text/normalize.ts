/**
 * Character normalisation for news text.
 *
 * Format characters first: `stripFormatChars` removes the invisible Unicode format characters
 * (soft hyphen, zero-width space and (non-)joiner, word joiner, BOM, direction marks) that pages
 * put inside words ("sol\u00ADdiers"), and keeps a map from every remaining character back to the
 * original, so that whatever reports offsets (sentences, claims) still indexes the text it was
 * given. Text enters the engine through it once; matching never sees a format character.
 *
 * Then two flavours:
 * - `normalizeChars` is LENGTH-PRESERVING: every UTF-16 code unit maps to exactly one code unit,
 *   so offsets computed on the result are valid in the original string. The sentence splitter and
 *   the claim detector scan normalised text and slice the original.
 * - `normalizeForMatch` is for comparing texts (not offsets): it also lowercases, strips diacritics
 *   and collapses whitespace, so "Zelenskyy’s  talks" and "zelenskyy's talks" compare equal.
 *
 * Both use one precompiled regex and a lookup table: a single linear pass per call.
 */

/** Typographic character → plain ASCII replacement (each key and value is one code unit). */
const CHAR_MAP: Readonly<Record<string, string>> = (() => {
  const m: Record<string, string> = {};
  const set = (chars: string, to: string): void => {
    for (const c of chars) m[c] = to;
  };
  // Single quotes and apostrophes: ‘ ’ ‚ ‛, modifier apostrophe ʼ, prime ′, angle quotes ‹ ›.
  set('\u2018\u2019\u201A\u201B\u02BC\u2032\u2039\u203A', "'");
  // Double quotes: “ ” „ ‟, double prime ″, guillemets « ».
  set('\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB', '"');
  // Dashes and hyphens: ‐ ‑ ‒ – — ―, minus sign −, small/fullwidth hyphen-minus.
  set('\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D', '-');
  // Spaces: no-break, ogham, en/em/thin/hair…, narrow no-break, math space, ideographic; tab, VT, FF.
  set('\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\t\u000B\u000C', ' ');
  // Invisible characters: soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM. Only
  // for text that did not go through stripFormatChars (which removes them without a trace).
  set('\u00AD\u200B\u200C\u200D\u2060\uFEFF', ' ');
  // Unicode line and paragraph separators keep their structural meaning.
  set('\u2028\u2029', '\n');
  return m;
})();

const CHAR_RE = new RegExp(`[${Object.keys(CHAR_MAP).join('')}]`, 'g');

/**
 * Unicode format characters (general category Cf): invisible, never part of a word's spelling.
 * The whole category rather than a list, so the next invisible character a page uses is covered.
 */
const FORMAT_CHAR_RE = /\p{Cf}/u;
const FORMAT_CHARS_RE = /\p{Cf}/gu;

/** A text without its format characters, with the way back to the original's offsets. */
export interface PlainText {
  /** The text with every format character removed. */
  readonly text: string;
  /** Original offset of a START offset into `text` (the character at `i`). */
  toOriginalStart(i: number): number;
  /** Original offset of an END offset into `text` (just after the character at `i - 1`). */
  toOriginalEnd(i: number): number;
}

const IDENTITY = (i: number): number => i;

/**
 * Remove format characters (soft hyphens, zero-width spaces and joiners, word joiners, BOMs …).
 * A span [start, end) of the result maps back to [toOriginalStart(start), toOriginalEnd(end)) of
 * `s`: the same visible characters, with the invisible ones between them, none around them.
 * Text without format characters is returned as it is, with no map built.
 */
export function stripFormatChars(s: string): PlainText {
  if (!FORMAT_CHAR_RE.test(s)) return { text: s, toOriginalStart: IDENTITY, toOriginalEnd: IDENTITY };
  const origin: number[] = [];
  let text = '';
  let from = 0;
  for (const m of s.matchAll(FORMAT_CHARS_RE)) {
    text += keep(s, from, m.index, origin);
    from = m.index + m[0].length;
  }
  text += keep(s, from, s.length, origin);
  return {
    text,
    toOriginalStart: (i) => (i < origin.length ? origin[i]! : s.length),
    toOriginalEnd: (i) => (i <= 0 ? 0 : origin[Math.min(i, origin.length) - 1]! + 1),
  };
}

/** s.slice(from, to), recording each kept code unit's original offset in `origin`. */
function keep(s: string, from: number, to: number, origin: number[]): string {
  for (let i = from; i < to; i++) origin.push(i);
  return s.slice(from, to);
}

const COMBINING_MARKS_RE = /\p{M}+/gu;
const WHITESPACE_RUN_RE = /\s+/g;

/**
 * Replace typographic quotes, dashes, exotic spaces and invisible characters with plain ASCII.
 * The result has exactly the same length as the input (offsets stay valid).
 */
export function normalizeChars(s: string): string {
  return s.replace(CHAR_RE, (c) => CHAR_MAP[c] ?? c);
}

/**
 * Comparison key for a text: format characters removed + normalizeChars + lowercase + diacritics
 * removed + whitespace collapsed and trimmed. Not length-preserving; never use its offsets.
 */
export function normalizeForMatch(s: string): string {
  return normalizeChars(stripFormatChars(s).text)
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS_RE, '')
    .replace(/\u2026/g, '...')
    .replace(WHITESPACE_RUN_RE, ' ')
    .trim();
}

/**
 * Latin letters with diacritics (the tagger splits words on them; names are keyed without them) ("Çırağan" → "Ç" + "ırağan"), folded
 * one character for one character so every offset stays valid.
 */
const FOLD: Record<string, string> = {
  ı: 'i',
  İ: 'I',
  ş: 's',
  Ş: 'S',
  ğ: 'g',
  Ğ: 'G',
  ç: 'c',
  Ç: 'C',
  ö: 'o',
  Ö: 'O',
  ü: 'u',
  Ü: 'U',
  â: 'a',
  î: 'i',
  û: 'u',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  á: 'a',
  à: 'a',
  ä: 'a',
  å: 'a',
  ã: 'a',
  í: 'i',
  ì: 'i',
  ï: 'i',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  õ: 'o',
  ú: 'u',
  ù: 'u',
  ý: 'y',
  ÿ: 'y',
  ñ: 'n',
  ń: 'n',
  ł: 'l',
  Ł: 'L',
  ż: 'z',
  ź: 'z',
  Ż: 'Z',
  ś: 's',
  Ś: 'S',
  ć: 'c',
  č: 'c',
  Č: 'C',
  ř: 'r',
  ž: 'z',
  Ž: 'Z',
  š: 's',
  Š: 'S',
  ě: 'e',
  ů: 'u',
  É: 'E',
  ș: 's',
  ț: 't',
  Ș: 'S',
  Ț: 'T',
  ą: 'a',
  ę: 'e',
};
const FOLD_RE = new RegExp(
  `[${Object.keys(FOLD)
    .filter((k) => k.length === 1)
    .join('')}]`,
  'g',
);

/** Replace letters with diacritics by their plain letter, one code unit for one (offsets stay valid). */
export function foldLetters(s: string): string {
  return s.replace(FOLD_RE, (c) => FOLD[c] ?? c);
}
