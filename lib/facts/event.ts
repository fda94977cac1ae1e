/**
 * Which of the corpus's events a sentence or claim is about (events: lib/corpus/events.ts).
 * Signals, strongest first:
 *  1. a day or date in the sentence's main clause, resolved against its document's date, on or
 *     within DATE_WINDOW_DAYS of an event's day — or far from every event: another occasion;
 *  2. an ordinal meeting phrase ("the second round", "their first meeting") → the n-th event,
 *     "the previous round" / "last met" → the event before the document's;
 *  3. a month that holds exactly one event ("the talks in May");
 *  4. a name only one event's reports use (its venue, say);
 *  5. the document's own event (corpus sentences), or — for a claim — the event its article's
 *     date points at, when the claim speaks of a meeting or a time.
 * A marker after "since", "after", "before", "following" is background ("after the first round,
 * the sides …"): it decides nothing.
 */
import type { TimeRef } from '../types';
import type { Facts } from './read';
import type { CorpusEvent } from '../corpus/events';
import { daysBetween, weekdayOf } from './time';
import { MEETING_NOUNS, PREVIOUS_WORDS } from '../lexicon/function-words';

export interface EventRef {
  /** The corpus event, or null (unknown, or another occasion when `date` is set). */
  id: string | null;
  by: 'date' | 'weekday' | 'ordinal' | 'previous' | 'month' | 'name' | 'document' | 'none';
  /** For another occasion: the day the sentence names. */
  date?: string;
}

/** A named day this close to an event's day still means that event (reports cross midnight; wrong-by-a-day claims must still be compared). */
export const DATE_WINDOW_DAYS = 1;
/** A named day at least this far from every event is another occasion. */
export const OTHER_OCCASION_DAYS = 3;
/** An article dated up to this many days after an event reports on it. */
export const ARTICLE_WINDOW_DAYS = 2;

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, opening: 1, initial: 1, inaugural: 1 };
/** Characters before a time or an ordinal searched for a background marker ("since", "ahead of"): the marker and up to three words. */
const BACKGROUND_REACH = 40;
/** Words after an ordinal ("the second round of talks") searched for the meeting noun it counts. */
const ORDINAL_NOUN_REACH = 4;
const BACKGROUND = /\b(since|after|following|before|until|ahead of|prior to|than)\s+(?:\S+\s+){0,3}$/i;

export interface EventContext {
  /** The event of the sentence's document (corpus sentences). */
  docEvent?: string | null;
  /** The article's date (claims), to find the event it reports. */
  docDate?: string | null;
  /**
   * The event the rest of the claim is about (a later part of a compound claim): what "the
   * previous round" counts back from when the part names no event of its own.
   */
  after?: string | null;
}

export function eventOf(f: Facts, events: CorpusEvent[], ctx: EventContext = {}): EventRef {
  if (!events.length) return { id: null, by: 'none' };
  const text = f.text;
  const background = (t: { start: number }) => BACKGROUND.test(text.slice(Math.max(0, t.start - BACKGROUND_REACH), t.start));
  // 1. Days and dates.
  const days = f.times.filter((t) => (t.kind === 'date' || t.kind === 'weekday' || (t.kind === 'relative' && t.date)) && !background(t));
  // A claim a day off still means the event (so the wrong day can be caught); a corpus sentence
  // names the event's own day or another occasion ("on Sunday, a day before the talks").
  const window = ctx.docEvent === undefined ? DATE_WINDOW_DAYS : 0;
  for (const t of days) {
    if (t.date) {
      const near = nearest(events, t.date);
      if (near && near.gap <= window) return { id: near.e.id, by: 'date' };
    }
  }
  const far = days.find((t) => t.date && (nearest(events, t.date)?.gap ?? 99) >= (window ? OTHER_OCCASION_DAYS : 1) && t.kind !== 'relative');
  if (far) return { id: null, by: 'date', date: far.date };
  // 2. Ordinals and "previous".
  const ord = ordinalEvent(f, events, ctx.docEvent ?? ctx.after ?? articleEvent(events, ctx.docDate)?.id ?? null);
  if (ord) return ord;
  // Unresolved weekday (a claim without a date): the one event on that weekday.
  for (const t of days) {
    if (t.date || t.weekday === undefined) continue;
    const same = events.filter((e) => e.date && weekdayOf(e.date) === t.weekday);
    if (same.length === 1) return { id: same[0].id, by: 'weekday' };
  }
  // 3. A month holding one event.
  for (const t of f.times) {
    if (t.kind !== 'month' || !t.date || background(t)) continue;
    const inMonth = events.filter((e) => e.date?.slice(0, 7) === t.date!.slice(0, 7));
    if (inMonth.length === 1 && mentionsMeeting(f)) return { id: inMonth[0].id, by: 'month' };
  }
  // 4. Names only one event's reports use.
  const keys = new Set(f.mentions.map((m) => m.key));
  const byName = events.filter((e) => e.names.some((n) => keys.has(n)));
  if (byName.length === 1) return { id: byName[0].id, by: 'name' };
  // 5. The document's event.
  if (ctx.docEvent !== undefined) return ctx.docEvent ? { id: ctx.docEvent, by: 'document' } : { id: null, by: 'none' };
  if (mentionsMeeting(f) || f.times.length) {
    const near = articleEvent(events, ctx.docDate);
    if (near) return { id: near.id, by: 'document' };
  }
  return { id: null, by: 'none' };
}

/** The one event an article dated `docDate` reports (dated within ARTICLE_WINDOW_DAYS after it), if any. */
function articleEvent(events: CorpusEvent[], docDate: string | null | undefined): CorpusEvent | null {
  if (!docDate) return null;
  const day = docDate.slice(0, 10);
  const near = events.filter((e) => e.date && daysBetween(e.date, day) >= 0 && daysBetween(e.date, day) <= ARTICLE_WINDOW_DAYS);
  return near.length === 1 ? near[0] : null;
}

function nearest(events: CorpusEvent[], date: string): { e: CorpusEvent; gap: number } | null {
  let best: { e: CorpusEvent; gap: number } | null = null;
  for (const e of events) {
    if (!e.date) continue;
    const gap = Math.abs(daysBetween(e.date, date));
    if (!best || gap < best.gap) best = { e, gap };
  }
  return best;
}

/** Whether a sentence's words hold a meeting noun, by its words (asked for every comparison of it). */
const meetingMemo = new WeakMap<Facts['words'], boolean>();

/** Does the sentence speak of a meeting (a meeting noun among its words)? */
export function mentionsMeeting(f: Facts): boolean {
  let m = meetingMemo.get(f.words);
  if (m === undefined) meetingMemo.set(f.words, (m = f.words.some((w) => MEETING_NOUNS.has(w.lemma) || MEETING_NOUNS.has(w.text.toLowerCase()))));
  return m;
}

function ordinalEvent(f: Facts, events: CorpusEvent[], docEvent: string | null): EventRef | null {
  const w = f.words;
  for (let i = 0; i < w.length; i++) {
    const low = w[i].text.toLowerCase();
    const n = ORDINALS[low];
    const prev = PREVIOUS_WORDS.has(low);
    if (!n && !prev && !(low === 'met' && w[i - 1]?.text.toLowerCase() === 'last')) continue;
    if (BACKGROUND.test(f.text.slice(Math.max(0, w[i].start - BACKGROUND_REACH), w[i].start))) continue;
    const noun = w.slice(i + 1, i + 1 + ORDINAL_NOUN_REACH).find((x) => MEETING_NOUNS.has(x.lemma) || MEETING_NOUNS.has(x.text.toLowerCase()));
    if (low === 'met') return previousOf(events, docEvent);
    if (!noun) continue;
    if (n) return n <= events.length ? { id: events[n - 1].id, by: 'ordinal' } : { id: null, by: 'ordinal' };
    if (prev) return previousOf(events, docEvent);
  }
  return null;
}

function previousOf(events: CorpusEvent[], docEvent: string | null): EventRef | null {
  const k = events.findIndex((e) => e.id === docEvent);
  return k > 0 ? { id: events[k - 1].id, by: 'previous' } : null;
}

/** Do two event references allow comparing event-specific facts? */
export function sameOccasion(a: EventRef, b: EventRef): 'same' | 'different' | 'unknown' {
  if (a.id && b.id) return a.id === b.id ? 'same' : 'different';
  if (a.date && b.date) return Math.abs(daysBetween(a.date, b.date)) <= DATE_WINDOW_DAYS ? 'same' : 'different';
  if ((a.date && b.id) || (a.id && b.date)) return 'different';
  return 'unknown';
}

export type { TimeRef };
