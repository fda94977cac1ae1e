/**
 * Numbers in news prose, written in digits or words: "1,000", "2.5", "1.2 million", "$5bn",
 * "a thousand", "twenty-five", "two hundred and fifty", and the vague ones ("dozens",
 * "several hundred", "tens of thousands", "a few").
 *
 * Why a token scanner and not one big regex: number phrases span several words ("one and a
 * half", "tens of thousands") and their neighbours decide what they mean (a hyphen after
 * "30" makes "30-day" a modifier, a letter before "16" makes "F-16" a name). Tokens keep
 * their offsets, so every later stage can report positions in the caller's string.
 *
 * Also here, because the quantity and time extractors both need them: a length-preserving
 * normaliser (curly quotes, dashes and non-breaking spaces become ASCII, one code unit for
 * one code unit, so offsets stay valid) and the test for "is this 4-digit number a year".
 */

/** One token of a sentence. Offsets are into the caller's string (normalisation keeps length). */
export interface Token {
  /** Token text after normalisation (original case). */
  text: string;
  lower: string;
  start: number;
  end: number;
  type: 'num' | 'word' | 'punct';
  /** true when whitespace (or the string start) precedes the token. */
  gap: boolean;
}

/** A number phrase found at a token position. */
export interface NumberMatch {
  /** Lower end (the value itself when not vague). */
  value: number;
  /** Upper end (equals value when not vague). */
  high: number;
  /** true for "dozens", "several hundred", "a few": value/high are the conventional span. */
  vague: boolean;
  /** Token index of the first token and one past the last token of the phrase. */
  startTok: number;
  endTok: number;
  /** true when the phrase is the bare article "a"/"an" standing for one ("an hour"). */
  article: boolean;
  /** true when written in digits. */
  digits: boolean;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/**
 * Quotes, dashes and spaces to ASCII, one code unit for one (offsets map one to one): the one
 * normaliser every stage uses (lib/text/normalize.ts).
 */
import { normalizeChars } from '../text/normalize';

export const normalizeText = normalizeChars;

// ---------------------------------------------------------------------------------------------
// Tokenising

/**
 * Digits with thousands separators or a decimal point; words with inner apostrophes
 * ("Ukraine's", "don't"); any other non-space character alone. Hyphens are separate tokens
 * (with gap=false) so "30-day", "1,000-for-1,000" and "twenty-five" can be read part by part.
 */
const TOKEN_RE = /(\d+(?:[.,]\d+)*)|([A-Za-z\u00C0-\u024F]+(?:'[A-Za-z]+)*)|(\S)/g;

/** Split a sentence into tokens (normalises internally; offsets are into `s`). */
export function tokenize(s: string): Token[] {
  const norm = normalizeText(s);
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  while ((m = TOKEN_RE.exec(norm)) !== null) {
    const text = m[0];
    const start = m.index;
    out.push({
      text,
      lower: text.toLowerCase(),
      start,
      end: start + text.length,
      type: m[1] ? 'num' : m[2] ? 'word' : 'punct',
      gap: start === 0 || start > prevEnd,
    });
    prevEnd = start + text.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Word tables

export const UNIT_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
export const TENS_WORDS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** Multipliers written as words or as the newsroom abbreviations that follow digits. */
export const SCALE_WORDS: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  b: 1e9,
  tn: 1e12,
  tr: 1e12,
};
/** Abbreviated scales only count when glued to the digits or right after them ("5bn", "5 bn"). */
const ABBREV_SCALES = new Set(['k', 'm', 'mn', 'mln', 'bn', 'b', 'tn', 'tr']);

export const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  hundredth: 100,
};
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/**
 * Conventional spans for vague amounts. News writers use "dozens" for roughly two to a few
 * dozen up to a hundred, "hundreds" for 200–999 and so on: the low end is "at least two of the
 * unit", the high end "fewer than ten of them" (the next word up would be used otherwise).
 */
export const VAGUE_DOZENS: [number, number] = [24, 99];
/** "a few": two to five (three would be "a couple"+; six and more would be "several"). */
export const VAGUE_FEW: [number, number] = [2, 5];
/** "several": more than two, fewer than ten. */
export const VAGUE_SEVERAL: [number, number] = [2, 9];
/** "a couple (of)": two, allowing the loose "two or three". */
export const VAGUE_COUPLE: [number, number] = [2, 3];
/** "scores of": at least two score (40), below the "hundreds" range. */
export const VAGUE_SCORES: [number, number] = [40, 199];
/** "hundreds", "thousands", "millions": 2× to just under 10× the scale word. */
export const VAGUE_PLURAL_SCALE_LOW = 2;
export const VAGUE_PLURAL_SCALE_HIGH = 10;

const PLURAL_SCALES: Record<string, number> = {
  hundreds: 100,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
};

// ---------------------------------------------------------------------------------------------
// Digits

/**
 * Parse a digit token. Commas must group by three ("1,000", "12,000"). A dot is a decimal
 * point ("2.5", "1.2") except in the unambiguous European thousands forms: several dot groups
 * of three ("1.000.000") or one group of exactly "000" ("6.000" — no English writer gives a
 * count to three decimal places of zeros). Returns null for malformed groupings.
 */
export function parseDigits(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(text)) return Number(text.replace(/\./g, ''));
  if (/^\d{1,3}\.000$/.test(text)) return Number(text.replace('.', ''));
  if (/^\d+\.\d+$/.test(text)) return Number(text);
  return null;
}

/** Number of digits before any separator, for year tests ("2022" but not "2,022"). */
function isPlainFourDigits(t: Token): boolean {
  return t.type === 'num' && /^\d{4}$/.test(t.text);
}

/** Earliest and latest calendar year a bare 4-digit number is read as. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2099;

/** Plural nouns that often follow a year as a modifier ("the 2022 talks", "2024 elections"). */
const YEAR_MODIFIED_PLURALS = new Set([
  'talks',
  'negotiations',
  'elections',
  'games',
  'olympics',
  'protests',
  'accords',
  'agreements',
  'sanctions',
  'hostilities',
  'events',
  'levels',
  'figures',
  'prices',
]);
const MONTH_NAMES = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/**
 * Is the 4-digit token at i a calendar year? In range YEAR_MIN–YEAR_MAX, written without a
 * separator, not glued to letters ("1990s" is a decade, not a year), and not followed by a
 * plural noun it would count ("2000 prisoners") unless a month precedes ("May 2025 talks").
 */
export function isYearAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !isPlainFourDigits(t)) return false;
  const v = Number(t.text);
  if (v < YEAR_MIN || v > YEAR_MAX) return false;
  const next = tokens[i + 1];
  if (next && !next.gap && next.type === 'word') return false; // "1990s", "2022nd"
  const prev = tokens[i - 1];
  const prevMonth = !!prev && /^[A-Z]/.test(prev.text) && MONTH_NAMES.has(prev.lower);
  // "after 2000 prisoners were freed": a plural noun it counts makes it a figure.
  if (
    !prevMonth &&
    next &&
    next.type === 'word' &&
    /s$/.test(next.lower) &&
    !/(ss|us|is)$/.test(next.lower) &&
    /^[a-z]/.test(next.text) &&
    !YEAR_MODIFIED_PLURALS.has(next.lower)
  ) {
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Number phrases

function isWord(t: Token | undefined, ...words: string[]): boolean {
  return !!t && words.includes(t.lower);
}

/** true when the hyphen token at j glues tokens j-1 and j+1 ("twenty-five"). */
function isGlueHyphen(tokens: Token[], j: number): boolean {
  const h = tokens[j];
  const n = tokens[j + 1];
  return !!h && h.text === '-' && !h.gap && !!n && !n.gap;
}

/**
 * A digit token is part of a name or code, not a figure, when letters are glued to it
 * ("G7", "F-16", "Su-34", "MH17", "5G"). Returns true when it is such a code.
 */
function isCodeDigits(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const t = tokens[i];
  if (prev && !t.gap) {
    if (prev.type === 'word' || prev.text === '_') return true;
    if (prev.text === '-') {
      const p2 = tokens[i - 2];
      // "F-16", "Su-34", "Covid-19", "Minsk-2": a capitalised name glued to the digits.
      if (p2 && !prev.gap && p2.type === 'word' && /^[A-Z]/.test(p2.text) && !(p2.lower in UNIT_WORDS) && !(p2.lower in TENS_WORDS)) return true;
    }
  }
  const next = tokens[i + 1];
  if (next && !next.gap && next.text === '_') return true; // identifiers: "000_d4403f64"
  // "24/7", "16/05/2025": slashed numbers are codes or dates, not counts.
  if (next && !next.gap && next.text === '/' && tokens[i + 2]?.type === 'num' && !tokens[i + 2].gap) return true;
  if (prev && !t.gap && prev.text === '/' && tokens[i - 2]?.type === 'num' && !prev.gap) return true;
  if (next && !next.gap && next.type === 'word') {
    const l = next.lower;
    if (!(l in SCALE_WORDS) && !ORDINAL_SUFFIXES.has(l) && l !== 's' && l !== 'pc' && !/^(am|pm|km|kg|mm|cm|ft|mph|kmh|bln|mln)$/.test(l)) return true;
  }
  return false;
}

/**
 * Parse a cardinal written in words starting at token i: "two", "twenty-five", "two hundred
 * and fifty", "one thousand", "a thousand", "a dozen", "two dozen", "one and a half".
 * Returns [value, endTok] or null.
 */
function parseWordCardinal(tokens: Token[], i: number): [number, number, boolean] | null {
  let j = i;
  let total = 0;
  let current = 0;
  let any = false;
  const article = false;
  const t0 = tokens[i];
  if (!t0) return null;
  // "a thousand", "a hundred", "a million", "a dozen": the article stands for one.
  if ((t0.lower === 'a' || t0.lower === 'an') && tokens[i + 1]) {
    const n = tokens[i + 1].lower;
    if (n === 'hundred' || n === 'thousand' || n === 'million' || n === 'billion' || n === 'trillion' || n === 'dozen') {
      current = 1;
      any = true;
      j = i + 1;
    } else {
      return null;
    }
  }
  let lastWasNumber = false;
  while (j < tokens.length) {
    const t = tokens[j];
    const l = t.lower;
    if (l in UNIT_WORDS && !lastWasNumber) {
      current += UNIT_WORDS[l];
      any = true;
      lastWasNumber = true;
      j++;
    } else if (l in TENS_WORDS && !lastWasNumber) {
      current += TENS_WORDS[l];
      any = true;
      j++;
      // "twenty-five" / "twenty five"
      if (isGlueHyphen(tokens, j) && tokens[j + 1].lower in UNIT_WORDS && UNIT_WORDS[tokens[j + 1].lower] < 10) {
        current += UNIT_WORDS[tokens[j + 1].lower];
        j += 2;
      } else if (tokens[j] && tokens[j].lower in UNIT_WORDS && UNIT_WORDS[tokens[j].lower] < 10 && UNIT_WORDS[tokens[j].lower] > 0) {
        current += UNIT_WORDS[tokens[j].lower];
        j++;
      }
      lastWasNumber = true;
    } else if (any && l === 'dozen') {
      current = (current || 1) * 12;
      j++;
      lastWasNumber = true;
      break;
    } else if (any && l === 'hundred') {
      current = (current || 1) * 100;
      j++;
      lastWasNumber = false;
    } else if (any && (l === 'thousand' || l === 'million' || l === 'billion' || l === 'trillion')) {
      total += (current || 1) * SCALE_WORDS[l];
      current = 0;
      j++;
      lastWasNumber = false;
    } else if (any && l === 'and' && !lastWasNumber && tokens[j + 1] && (tokens[j + 1].lower in UNIT_WORDS || tokens[j + 1].lower in TENS_WORDS)) {
      // "two hundred and fifty"
      j++;
    } else {
      break;
    }
  }
  if (!any) return null;
  return [total + current, j, article];
}

/**
 * Parse the number phrase starting at token i. Recognises digits (with a following scale:
 * "1.2 million", "5bn"), word cardinals, "a thousand", and the vague amounts. Does not look at
 * bounds, ranges or units: callers do that.
 */
export function parseNumberAt(tokens: Token[], i: number): NumberMatch | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.type === 'num') {
    if (isCodeDigits(tokens, i)) return null;
    let v = parseDigits(t.text);
    if (v === null) return null;
    let j = i + 1;
    const n = tokens[j];
    if (n && n.type === 'word' && n.lower in SCALE_WORDS && n.lower !== 'hundred') {
      if (!ABBREV_SCALES.has(n.lower) || !n.gap || isWord(n, 'bn', 'mn', 'tn')) {
        v *= SCALE_WORDS[n.lower];
        j++;
      }
    } else if (n && n.lower === 'hundred') {
      v *= 100;
      j++;
    }
    return { value: v, high: v, vague: false, startTok: i, endTok: j, article: false, digits: true };
  }
  if (t.type !== 'word') return null;
  const l = t.lower;
  // Vague amounts.
  if (l === 'dozens') {
    return vague(VAGUE_DOZENS, i, i + 1);
  }
  if (l === 'scores' && isWord(tokens[i + 1], 'of')) {
    return vague(VAGUE_SCORES, i, i + 1);
  }
  if (l === 'tens' && isWord(tokens[i + 1], 'of') && tokens[i + 2] && tokens[i + 2].lower in PLURAL_SCALES) {
    const s = PLURAL_SCALES[tokens[i + 2].lower] * 10;
    return vague([s * VAGUE_PLURAL_SCALE_LOW, s * VAGUE_PLURAL_SCALE_HIGH - 1], i, i + 3);
  }
  if (l in PLURAL_SCALES) {
    let s = PLURAL_SCALES[l];
    let end = i + 1;
    // "hundreds of thousands"
    if (isWord(tokens[i + 1], 'of') && tokens[i + 2] && tokens[i + 2].lower in PLURAL_SCALES && PLURAL_SCALES[tokens[i + 2].lower] > s) {
      s *= PLURAL_SCALES[tokens[i + 2].lower];
      end = i + 3;
    }
    return vague([s * VAGUE_PLURAL_SCALE_LOW, s * VAGUE_PLURAL_SCALE_HIGH - 1], i, end);
  }
  if (l === 'several' || (l === 'a' && isWord(tokens[i + 1], 'few')) || l === 'few') {
    const span = l === 'several' ? VAGUE_SEVERAL : VAGUE_FEW;
    const after = l === 'a' ? i + 2 : i + 1;
    const sc = tokens[after];
    if (sc && (sc.lower === 'hundred' || sc.lower === 'thousand' || sc.lower === 'million' || sc.lower === 'dozen')) {
      const s = sc.lower === 'dozen' ? 12 : SCALE_WORDS[sc.lower];
      // "several hundred" = 200–999: the plural-scale convention, not 2×–9× exactly.
      const hi = l === 'several' ? s * VAGUE_PLURAL_SCALE_HIGH - 1 : span[1] * s;
      return vague([span[0] * s, hi], i, after + 1);
    }
    if (l === 'few') {
      // Bare "few" only as "the next/past/last few days": otherwise it means "not many".
      const p = tokens[i - 1];
      if (!p || !['next', 'past', 'last', 'coming', 'first', 'these', 'those'].includes(p.lower)) return null;
    }
    return vague(span, i, after);
  }
  if (l === 'a' && isWord(tokens[i + 1], 'couple')) {
    return vague(VAGUE_COUPLE, i, isWord(tokens[i + 2], 'of') ? i + 3 : i + 2);
  }
  const w = parseWordCardinal(tokens, i);
  if (w) {
    const [v, end, article] = w;
    return { value: v, high: v, vague: false, startTok: i, endTok: end, article, digits: false };
  }
  return null;
}

function vague(span: [number, number], s: number, e: number): NumberMatch {
  return { value: span[0], high: span[1], vague: true, startTok: s, endTok: e, article: false, digits: false };
}

/**
 * Parse an ordinal at token i: "first", "second", "twenty-first", "22nd". Returns
 * [value, endTok] or null.
 */
export function parseOrdinalAt(tokens: Token[], i: number): [number, number] | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.type === 'num') {
    const n = tokens[i + 1];
    if (n && !n.gap && ORDINAL_SUFFIXES.has(n.lower) && /^\d+$/.test(t.text)) {
      return [Number(t.text), i + 2];
    }
    return null;
  }
  if (t.lower in ORDINAL_WORDS) return [ORDINAL_WORDS[t.lower], i + 1];
  // "twenty-first"
  if (t.lower in TENS_WORDS && isGlueHyphen(tokens, i + 1) && tokens[i + 2].lower in ORDINAL_WORDS && ORDINAL_WORDS[tokens[i + 2].lower] < 10) {
    return [TENS_WORDS[t.lower] + ORDINAL_WORDS[tokens[i + 2].lower], i + 3];
  }
  return null;
}

/** Format a number the way an English news text would ("1,000", "2.5") — for reasons/tests. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
