/**
 * Time references in a sentence: weekdays ("on Monday", "Friday morning"), dates ("16 May",
 * "May 16, 2025", "2025-06-02"), months ("later in June", "by the end of June"), years
 * ("since 2022") and relative phrases ("the day before", "a week later", "last month").
 *
 * Why: the corpus covers two meetings two and a half weeks apart, and articles name them by
 * weekday ("on Monday") more often than by date. A weekday only means something against the
 * article's own date, so weekdays are resolved to the most recent such day on or before it
 * (news reports past events); dates without a year take the article's year. Relative phrases
 * keep their signed offset so "a day after the raid" and "a week after the raid" can be told
 * apart even when nothing resolves them to a calendar date.
 *
 * Everything is matched on a length-preserving normalised copy of the sentence, so offsets
 * are into the caller's string.
 */
import type { TimeRef } from '../types';
import { isYearAt, normalizeText, parseNumberAt, TENS_WORDS, tokenize, UNIT_WORDS } from './numbers';
import { MONTHS, monthNumber } from '../text/months';

/**
 * Year for dates that name none when neither a document date nor the caller's default year
 * (the engine passes the year its corpus is mostly about) is known: the current year.
 */
export const DEFAULT_YEAR = new Date().getUTCFullYear();

/** Approximate day counts for relative phrases: a month is taken as 30 days, a year as 365. */
export const DAYS_PER_UNIT: Record<string, number> = {
  hour: 1 / 24,
  day: 1,
  night: 1,
  week: 7,
  weekend: 7,
  month: 30,
  year: 365,
  decade: 3650,
};

/**
 * "days before the meeting", "weeks after": a bare plural means "a few"; we use two of the unit
 * (the smallest plural) so the sign and rough scale survive. Callers should treat it as vague.
 */
export const VAGUE_RELATIVE_COUNT = 2;

/**
 * "earlier this week", "later this month": the event is inside the current period but before
 * or after the document date; a fraction of the period is the best single offset.
 */
export const WITHIN_PERIOD_FRACTION = 0.5;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const MONTH_SRC =
  '(January|February|March|April|May|June|July|August|September|October|November|December|' +
  '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\\.?)';
const ORD = '(?:st|nd|rd|th)?';

const ISO_RE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
/** "16 May", "16th of May 2025", "the 2nd of June". */
const DMY_RE = new RegExp(`\\b(?:the\\s+(?=\\d{1,2}${ORD}\\s+of\\s))?(\\d{1,2})${ORD}(?:\\s+of)?\\s+${MONTH_SRC}(?![A-Za-z])(?:,?\\s+(\\d{4})\\b)?`, 'g');
/** "May 16", "June 2, 2025"; not "March 2,000". */
const MDY_RE = new RegExp(`\\b${MONTH_SRC}\\s+(\\d{1,2})${ORD}\\b(?![.,]?\\d)(?:,?\\s+(\\d{4})\\b)?`, 'g');
/** "in June", "late July", "mid-June", "the end of June", "February 2022". */
const MONTH_RE = new RegExp(
  `\\b(?:(early|mid|late|end of|the end of|the start of|the beginning of|the middle of)[\\s-]+)?${MONTH_SRC}(?![A-Za-z])(?:\\s+(\\d{4})\\b)?`,
  'g',
);
const WEEKDAY_RE =
  /\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Ff]ollowing|[Cc]oming)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)s?(?:'s)?(?:\s+(morning|afternoon|evening|night))?\b/g;
/** Words that make a capitalised "May" a month rather than the modal verb. */
const MAY_CONTEXT_BEFORE = /\b(in|by|of|since|until|till|from|through|during|before|after|early|mid|late|last|next|this|end of|start of|the)[\s-]+$/i;
const MAY_CONTEXT_AFTER = /^\s*(\d{4}|talks|meeting|negotiations|round|summit|session|deal|agreement|exchange|swap)\b/i;
/** Future markers in the clause before a weekday: resolve forward instead of backward. */
const FUTURE_RE = /\b(will|shall|'ll|is due|are due|is scheduled|are scheduled|upcoming)\b[^,;.]*$/i;

const REL_FIXED: Array<[RegExp, number, boolean]> = [
  // [pattern, offset in days, resolves against the document date]
  [/\byesterday\b/gi, -1, true],
  [/\btoday\b/gi, 0, true],
  [/\btonight\b/gi, 0, true],
  [/\btomorrow\b/gi, 1, true],
  [/\b(?:that|the same|that same)\s+day\b/gi, 0, false],
  [/\bthe\s+(?:next|following)\s+day\b/gi, 1, false],
  [/\bthe\s+(?:previous|preceding|prior)\s+day\b/gi, -1, false],
];
/** "last week", "next month", "this year", "earlier this week", "later this month". */
const REL_PERIOD_RE = /\b(?:(earlier|later)\s+)?(last|next|this|past|coming)\s+(week|weekend|month|year)\b/gi;
/**
 * "<amount> <unit> before|after|later|earlier|ago|prior to|following": the amount is optional
 * ("days before"), an article ("a day after"), "the" ("the day before"), digits or words.
 */
const NUMBER_WORDS_SRC = [...Object.keys(UNIT_WORDS), ...Object.keys(TENS_WORDS)].join('|');
const REL_AMOUNT_RE = new RegExp(
  String.raw`\b(?:(just|only|barely|some|about|around|roughly|nearly|almost|more than|less than|over|under|a little over|a little more than|slightly more than)\s+)?((?:a|an|the|one|a few|a couple of|several|few|\d+|(?:${NUMBER_WORDS_SRC})(?:-(?:${NUMBER_WORDS_SRC}))?)\s+)?(hours?|days?|nights?|weeks?|months?|years?|decades?)\s+(before|after|later|earlier|ago|prior to|following|beforehand|afterwards?)\b`,
  'gi',
);
/** What the offset is relative to: a noun phrase starting with a determiner or a possessive. */
const ANCHOR_RE =
  /^\s+((?:the|this|that|these|those|its|their|his|her|our|[A-Z][A-Za-z]*'s)\s+(?:[A-Za-z'-]+\s+){0,4}?[A-Za-z'-]+?)(?=\s*(?:[,;:.()"]|$|\s(?:in|on|at|to|for|with|by|from|of|and|but|or|which|that|who|when|where|as|was|were|is|are|had|has|have|said|says|began|ended|took|came|launched|started)\b))/;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function isoOf(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Weekday (0 = Sunday) of an ISO date, computed in UTC. */
export function weekdayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Add days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const [y1, m1, d1] = a.split('-').map(Number);
  const [y2, m2, d2] = b.split('-').map(Number);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86400000);
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function docYear(docDate?: string | null, fallback = DEFAULT_YEAR): number {
  const m = docDate ? /^(\d{4})-\d{2}-\d{2}/.exec(docDate) : null;
  return m ? Number(m[1]) : fallback;
}

function validDoc(docDate?: string | null): string | null {
  return docDate && /^\d{4}-\d{2}-\d{2}/.test(docDate) ? docDate.slice(0, 10) : null;
}

/**
 * Resolve a weekday against the document date: the most recent such day on or before it
 * ("last X": strictly before; "next X" or a future clause: on or after, strictly after for "next").
 */
export function resolveWeekday(weekday: number, docDate: string, mode: 'past' | 'strict_past' | 'future' | 'strict_future' = 'past'): string {
  const docWd = weekdayOf(docDate);
  if (mode === 'past' || mode === 'strict_past') {
    let back = (docWd - weekday + 7) % 7;
    if (back === 0 && mode === 'strict_past') back = 7;
    return addDays(docDate, -back);
  }
  let fwd = (weekday - docWd + 7) % 7;
  if (fwd === 0 && mode === 'strict_future') fwd = 7;
  return addDays(docDate, fwd);
}

interface Span {
  start: number;
  end: number;
}

function overlaps(spans: Span[], s: number, e: number): boolean {
  for (const sp of spans) if (s < sp.end && e > sp.start) return true;
  return false;
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * Find the time references in a sentence. `docDate` (ISO) resolves weekdays, year-less dates
 * and deictic phrases ("yesterday", "last week"); without it, weekdays keep only `weekday`
 * and year-less dates take DEFAULT_YEAR.
 */
export function extractTimes(sentence: string, docDate?: string | null, defaultYear?: number): TimeRef[] {
  const doc = validDoc(docDate);
  const cx: TimeScan = { sentence, text: normalizeText(sentence), doc, year0: docYear(doc, defaultYear), out: [], taken: [] };
  // In this order: a later pass skips what an earlier one took.
  readFullDates(cx);
  readMonths(cx);
  readWeekdays(cx);
  readYears(cx);
  readRelativePeriods(cx);
  readRelativeAmounts(cx);
  cx.out.sort((a, b) => a.start - b.start);
  return cx.out;
}

/** One sentence being read: its text (normalised, same offsets), the article's date, what is found. */
interface TimeScan {
  sentence: string;
  text: string;
  doc: string | null;
  /** The year of year-less dates. */
  year0: number;
  out: TimeRef[];
  taken: Span[];
}

function push(cx: TimeScan, r: TimeRef): void {
  cx.out.push(r);
  cx.taken.push({ start: r.start, end: r.end });
}

/** Full dates: ISO, "16 May 2025", "May 16". */
function readFullDates(cx: TimeScan): void {
  const { text, year0, taken } = cx;
  for (const m of text.matchAll(ISO_RE)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(y, mo, d)) continue;
    const s = m.index!;
    const e = s + m[0].length;
    const date = isoOf(y, mo, d);
    push(cx, { kind: 'date', date, weekday: weekdayOf(date), text: cx.sentence.slice(s, e), start: s, end: e });
  }
  for (const re of [DMY_RE, MDY_RE]) {
    for (const m of text.matchAll(re)) {
      const dmy = re === DMY_RE;
      const d = Number(dmy ? m[1] : m[2]);
      const mo = monthNumber(dmy ? m[2] : m[1]);
      const y = m[3] ? Number(m[3]) : year0;
      const s = m.index!;
      const e = s + m[0].length;
      if (!mo || !validDate(y, mo, d) || overlaps(taken, s, e)) continue;
      const date = isoOf(y, mo, d);
      push(cx, { kind: 'date', date, weekday: weekdayOf(date), text: cx.sentence.slice(s, e), start: s, end: e });
    }
  }
}

/** Months: "in May", "last December", "March 2022". */
function readMonths(cx: TimeScan): void {
  const { text, doc, year0, taken } = cx;
  for (const m of text.matchAll(MONTH_RE)) {
    let s = m.index!;
    const e = s + m[0].length;
    if (overlaps(taken, s, e)) continue;
    const name = m[2];
    // Abbreviations alone ("Jan", "Dec") are too often names; accept them only with a year.
    if (!m[3] && !MONTHS.includes(name.toLowerCase())) continue;
    if (name === 'May' && !m[1] && !m[3]) {
      const before = text.slice(Math.max(0, s - 20), s);
      const after = text.slice(e, e + 20);
      if (!MAY_CONTEXT_BEFORE.test(before) && !MAY_CONTEXT_AFTER.test(after)) continue;
    }
    const mo = monthNumber(name);
    if (!mo) continue;
    let y = m[3] ? Number(m[3]) : year0;
    if (!m[3] && doc) {
      // "last December" in a June article is the previous year's December.
      const pre = text.slice(Math.max(0, s - 6), s).toLowerCase();
      const docMonth = Number(doc.slice(5, 7));
      if (/last\s+$/.test(pre) && mo >= docMonth) y -= 1;
      if (/next\s+$/.test(pre) && mo <= docMonth) y += 1;
    }
    [s] = trimSpan(text, s, e);
    push(cx, { kind: 'month', date: isoOf(y, mo, 1), text: cx.sentence.slice(s, e), start: s, end: e });
  }
}

/** Weekdays, resolved against the article's date ("on Friday", "next Monday"). */
function readWeekdays(cx: TimeScan): void {
  const { text, doc, out } = cx;
  for (const m of text.matchAll(WEEKDAY_RE)) {
    const s = m.index!;
    const e = s + m[0].length;
    const wd = WEEKDAYS.indexOf(m[2].toLowerCase());
    const ref: TimeRef = { kind: 'weekday', weekday: wd, text: cx.sentence.slice(s, e), start: s, end: e };
    if (doc) {
      const q = (m[1] ?? '').toLowerCase();
      let mode: 'past' | 'strict_past' | 'future' | 'strict_future' = 'past';
      if (q === 'last' || q === 'previous') mode = 'strict_past';
      else if (q === 'next' || q === 'coming' || q === 'following') mode = 'strict_future';
      else if (FUTURE_RE.test(text.slice(0, s))) mode = 'future';
      ref.date = resolveWeekday(wd, doc, mode);
    }
    // A weekday right next to a date ("Friday, May 16") takes the date's day.
    for (const r of out) {
      const adjacent = r.kind === 'date' && (Math.abs(r.start - e) <= 2 || Math.abs(s - r.end) <= 2);
      if (adjacent && r.weekday === wd) ref.date = r.date;
    }
    push(cx, ref);
  }
}

/** Years outside dates and months. */
function readYears(cx: TimeScan): void {
  const { taken } = cx;
  // A year is a number token; tokenize reads the same normalised text as cx.text, so without a
  // digit there is none (most sentences: spares tokenising them again).
  if (!/\d/.test(cx.text)) return;
  const tokens = tokenize(cx.sentence);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'num' || overlaps(taken, t.start, t.end) || !isYearAt(tokens, i)) continue;
    push(cx, { kind: 'year', date: `${t.text}-01-01`, text: cx.sentence.slice(t.start, t.end), start: t.start, end: t.end });
  }
}

/** Relative phrases with a fixed offset or a named period: "yesterday", "last week", "earlier this month". */
function readRelativePeriods(cx: TimeScan): void {
  const { text, doc, taken } = cx;
  for (const [re, off, deictic] of REL_FIXED) {
    for (const m of text.matchAll(re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (overlaps(taken, s, e)) continue;
      const ref: TimeRef = { kind: 'relative', offsetDays: off, anchor: '', text: cx.sentence.slice(s, e), start: s, end: e };
      if (deictic && doc) ref.date = addDays(doc, off);
      push(cx, ref);
    }
  }
  for (const m of text.matchAll(REL_PERIOD_RE)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (overlaps(taken, s, e)) continue;
    const unit = DAYS_PER_UNIT[m[3].toLowerCase()];
    const which = m[2].toLowerCase();
    let off = which === 'last' || which === 'past' ? -unit : which === 'next' || which === 'coming' ? unit : 0;
    const within = (m[1] ?? '').toLowerCase();
    if (which === 'this' && within) off = Math.round((within === 'earlier' ? -1 : 1) * unit * WITHIN_PERIOD_FRACTION);
    const ref: TimeRef = { kind: 'relative', offsetDays: off, anchor: '', text: cx.sentence.slice(s, e), start: s, end: e };
    if (doc) ref.date = addDays(doc, off);
    push(cx, ref);
  }
}

/** Relative phrases with an amount: "two days later", "a week before the talks", "days ago". */
function readRelativeAmounts(cx: TimeScan): void {
  const { text, doc, taken, sentence } = cx;
  for (const m of text.matchAll(REL_AMOUNT_RE)) {
    let s = m.index!;
    const e = s + m[0].length;
    if (overlaps(taken, s, e)) continue;
    const unitWord = m[3].toLowerCase().replace(/s$/, '');
    const unitDays = DAYS_PER_UNIT[unitWord];
    const amountText = (m[2] ?? '').trim();
    let n: number | null;
    if (!amountText) {
      if (!/s$/i.test(m[3])) continue; // "day before" without an article is not a phrase
      n = VAGUE_RELATIVE_COUNT;
    } else if (/^the$/i.test(amountText) && /s$/i.test(m[3])) {
      n = VAGUE_RELATIVE_COUNT; // "in the weeks following"
    } else if (/^(a|an|the|one)$/i.test(amountText)) {
      n = 1;
    } else {
      const toks = tokenize(amountText);
      const num = parseNumberAt(toks, 0);
      n = num ? num.value : VAGUE_RELATIVE_COUNT;
    }
    const dir = m[4].toLowerCase();
    const sign = /^(before|earlier|ago|prior to|beforehand)$/.test(dir) ? -1 : 1;
    const off = sign * Math.round(n * unitDays);
    let anchor = '';
    if (/^(before|after|prior to|following)$/.test(dir)) {
      const a = ANCHOR_RE.exec(text.slice(e, e + 80));
      if (a) {
        const as = e + a[0].indexOf(a[1]);
        anchor = sentence.slice(as, as + a[1].length);
      }
    }
    [s] = trimSpan(text, s, e);
    const ref: TimeRef = { kind: 'relative', offsetDays: off, anchor, text: cx.sentence.slice(s, e), start: s, end: e };
    if (dir === 'ago' && doc) ref.date = addDays(doc, off);
    push(cx, ref);
  }
}

/**
 * Spans of full calendar dates (day + month) in a sentence: numbers inside them are days and
 * years of a date, never counts. Used by the quantity extractor.
 */
export function dateSpans(sentence: string): Array<{ start: number; end: number }> {
  const text = normalizeText(sentence);
  const out: Array<{ start: number; end: number }> = [];
  for (const re of [ISO_RE, DMY_RE, MDY_RE]) {
    for (const m of text.matchAll(re)) {
      const s = m.index!;
      out.push({ start: s, end: s + m[0].length });
    }
  }
  return out;
}
