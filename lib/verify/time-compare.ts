/**
 * Times of a claim against a sentence: a conflict (timeConflict) or confirmation (timeSupport).
 *
 * Days and dates are compared only when both sentences' events are known; months
 * only as the time of the action ("in June"), never as a start point ("since March 2022");
 * relative times ("a day after the talks") only when both state an amount and hang on the same
 * anchor. The day of a known meeting is special: a claim that puts it on the wrong day is
 * contradicted by any source on that meeting that gives the day, and a sentence with no day of
 * its own is dated by its meeting (EVENT_DAY) or, failing that, by its report.
 */
import type { TimeRef } from '../types';
import { PARTY } from '../lexicon/lexicon';
import { analyseWords } from '../lexicon/concepts';
import type { Rep } from './represent';
import { addDays, weekdayOf } from '../facts/time';
import type { Found, Slot } from './slots';
import { notCore } from './core';
import { ancestors } from './places';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The day each meeting of the corpus took place: the first and second rounds in Istanbul. */
const EVENT_DAY: Record<string, string> = { round1: '2025-05-16', round2: '2025-06-02' };

/** A start point, not the time of the action: "since …" in its text, or marked by represent(). */
const SINCE_RE = /\b(since|from|as of)\b/i;
const isStartPoint = (t: TimeRef) => t.anchor === 'since' || SINCE_RE.test(t.text);

/** Anchor texts memoised (their analysis is the costly part); cleared past this size to stay small. */
const ANCHOR_CACHE_LIMIT = 1000;

/**
 * The claim is explicitly about one of the corpus's meetings: it names talks and Istanbul (or
 * "the first/second round"), and no other place. "Talks with Erdogan in Ankara on Thursday"
 * is another meeting, whatever the article's date says.
 */
function claimMentionsMeeting(claim: Rep): boolean {
  const cs = claim.words.concepts;
  if (!cs.includes('talks')) return false;
  const named = cs.includes('istanbul') || cs.includes('ord1talks') || cs.includes('ord2talks');
  const elsewhere = claim.words.places.some((p) => !PARTY[p] && p !== 'istanbul' && !ancestors(p).includes('istanbul') && p !== 'turkey');
  return named && !elsewhere;
}

/**
 * A day or date in the claim must be confirmed: by the same day in the source, or by the
 * source being about a meeting that took place that day.
 */
export function timeSupport(claim: Rep, source: Rep): boolean {
  // A month given as the time of the action ("in July", not "since March") must be the source's too.
  const months = claim.times.filter((t) => t.kind === 'month' && t.date && !isStartPoint(t));
  for (const m of months) {
    const own = source.times.filter((s) => (s.kind === 'month' || s.kind === 'date') && s.date);
    const theirs = own.length ? own.map((s) => s.date!.slice(0, 7)) : source.docDate ? [source.docDate.slice(0, 7)] : [];
    if (theirs.length && !theirs.includes(m.date!.slice(0, 7))) return false;
  }
  const days = claim.times.filter((t) => t.kind === 'weekday' || t.kind === 'date');
  if (!days.length) return true;
  return days.every((t) => {
    if (source.times.some((s) => (s.date && t.date && s.date === t.date) || (t.kind === 'weekday' && s.weekday === t.weekday))) return true;
    // A sentence with no day of its own is dated by its meeting …
    const eventDay = EVENT_DAY[source.event];
    if (eventDay) {
      if (t.kind === 'date') return t.date === eventDay;
      return t.weekday === weekdayOf(eventDay);
    }
    // … or, failing that, by its report, which tells of the day before too ("on Sunday" in a
    // Monday report).
    if (!source.docDate) return false;
    for (let back = 0; back <= REPORT_LOOKBACK_DAYS; back++) {
      const day = addDays(source.docDate, -back);
      if (t.kind === 'date' ? t.date === day : t.weekday === weekdayOf(day)) return true;
    }
    return false;
  });
}

/** How many days before its date a report's undated sentence may be about: news tells of today and yesterday (dev eval: 1 beats 0, 2 and 3). */
const REPORT_LOOKBACK_DAYS = 1;

function dayOf(t: TimeRef): string | null {
  if (t.kind === 'date' && t.date) return t.date;
  return null;
}

/**
 * Day, date, month or relative-time mismatch between sentences about the same event.
 *
 * A claim that puts a known meeting on the wrong day ("the talks on May 15", "held the second
 * round on Tuesday") is contradicted by any source about that meeting that gives its day,
 * even one that shares little else: the day of the meeting is the point. Other days, months
 * and relative times need alignment on the sentence's own words (`ownAligned`): the implied
 * setting of a meeting says nothing about them ("Putin rejected a meeting on Thursday" is not
 * a rival date for "the Friday talks").
 */
export function timeConflict(claim: Rep, source: Rep, ownAligned: boolean): Found {
  const claimT = claim.times;
  const sourceT = source.times;
  const claimEvent = claim.event;
  const sourceEvent = source.event;
  if (!claimT.length || !sourceT.length) return null;
  const eventDay = claimEvent === sourceEvent && claimMentionsMeeting(claim) ? EVENT_DAY[claimEvent] : undefined;
  if (eventDay) {
    const eventWeekday = new Date(`${eventDay}T12:00:00Z`).getUTCDay();
    const stated = sourceT.find((s) => (s.kind === 'date' && s.date === eventDay) || (s.kind === 'weekday' && (s.date ? s.date === eventDay : s.weekday === eventWeekday)));
    for (const [ti, c] of claimT.entries()) {
      const wrongDate = c.kind === 'date' && c.date && c.date !== eventDay;
      const wrongDay = c.kind === 'weekday' && c.weekday !== undefined && c.weekday !== eventWeekday && (!c.date || Math.abs(Date.parse(c.date) - Date.parse(eventDay)) < 7 * 86_400_000);
      if (stated && (wrongDate || wrongDay)) {
        return { reason: `different day for the meeting: source says ${timeWords(stated)}, claim says ${timeWords(c)}`, slot: { kind: 'time', index: ti } };
      }
    }
  }
  const known = claimEvent !== 'unknown' && sourceEvent !== 'unknown';
  for (const [ti, c] of claimT.entries()) {
    const slot: Slot = { kind: 'time', index: ti };
    if (c.kind === 'weekday' || c.kind === 'date') {
      const same = sourceT.filter((s) => s.kind === 'weekday' || s.kind === 'date');
      if (!same.length || !known) continue;
      const agrees = same.some((s) => {
        const dc = dayOf(c) ?? c.date;
        const ds = dayOf(s) ?? s.date;
        if (c.kind === 'date' && s.kind === 'date' && dc && ds) return dc === ds;
        if (c.weekday !== undefined && s.weekday !== undefined) return c.weekday === s.weekday;
        return true;
      });
      if (!agrees) {
        const s = same[0];
        if (!ownAligned) continue;
        return { reason: `different day: source says ${timeWords(s)}, claim says ${timeWords(c)}`, slot };
      }
    } else if (c.kind === 'month' && ownAligned && !isStartPoint(c)) {
      // Months only as the time of the action ("in June", "late July"), never "since March 2022".
      const months = sourceT.filter((s) => s.kind === 'month' && s.date && !isStartPoint(s));
      if (months.length && c.date && !months.some((s) => s.date!.slice(0, 7) === c.date!.slice(0, 7))) {
        return { reason: `different month: source says ${timeWords(months[0])}, claim says ${timeWords(c)}`, slot };
      }
    } else if (c.kind === 'relative' && ownAligned && preciseOffset(c)) {
      // "a day after X" vs "a week after X": both precise, same direction, same anchor.
      const rel = sourceT.filter((s) => s.kind === 'relative' && preciseOffset(s) && Math.sign(s.offsetDays!) === Math.sign(c.offsetDays!) && sameAnchor(c, s, claim, source));
      if (rel.length && !rel.some((s) => s.offsetDays === c.offsetDays)) {
        return { reason: `different time: source says ${timeWords(rel[0])}, claim says ${timeWords(c)}`, slot };
      }
    }
  }
  return null;
}

/** A relative time with a stated amount ("a day after", "a week before"), not a vague one ("days before"). */
function preciseOffset(t: TimeRef): boolean {
  if (t.offsetDays === undefined || t.offsetDays === 0) return false;
  return /\b(a|an|one|two|three|four|five|six|seven|\d+)\s+(day|week|month|year)s?\b|\bthe (day|week) (before|after)\b|\bthe next day\b/i.test(t.text);
}

/** Both relative times hang on the same thing (their anchors share a content word), or neither names one. */
function sameAnchor(a: TimeRef, b: TimeRef, ra: Rep, rb: Rep): boolean {
  if (!a.anchor && !b.anchor) return true;
  const words = (t: TimeRef) => new Set(analyseWordsCached(t.anchor ?? ''));
  const wa = words(a);
  const wb = words(b);
  if (!wa.size || !wb.size) return ra.words.concepts.some((c) => !notCore(c) && rb.words.concepts.includes(c));
  for (const w of wa) if (wb.has(w) && !notCore(w)) return true;
  return false;
}

const anchorCache = new Map<string, string[]>();
function analyseWordsCached(text: string): string[] {
  let c = anchorCache.get(text);
  if (!c) {
    c = analyseWords(text).concepts;
    if (anchorCache.size > ANCHOR_CACHE_LIMIT) anchorCache.clear();
    anchorCache.set(text, c);
  }
  return c;
}

/** A time as the reason quotes it: its own words, with the weekday or month it was read as. */
function timeWords(t: TimeRef): string {
  if (t.kind === 'weekday' && t.weekday !== undefined) return `${t.text.trim()} (${WEEKDAYS[t.weekday]})`;
  if (t.kind === 'month' && t.date) return `${t.text.trim()} (${MONTHS[Number(t.date.slice(5, 7)) - 1]})`;
  return `"${t.text.trim()}"`;
}
