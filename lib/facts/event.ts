/**
 * Which meeting a sentence is about: round 1 (Istanbul, Friday 16 May 2025), round 2
 * (Istanbul, Monday 2 June 2025), some other occasion, or unknown.
 *
 * Why: the two rounds have different facts ("less than two hours" vs "just over an hour");
 * comparing a claim about one with evidence about the other manufactures contradictions.
 * So this errs towards 'unknown' whenever a sentence mixes signals, and only says 'other'
 * when the sentence's own time is clearly elsewhere.
 *
 * Signals, strongest first:
 *  1. ordinal meeting phrases ("first round", "second direct encounter", "opening round",
 *     "third meeting"), "the previous/last meeting" relative to the document's event;
 *  2. dates (from time.ts, resolved against the document date) on or next to an event day,
 *     when the sentence is about talks — a date alone is weak (drone strikes have dates too);
 *  3. weekdays that could not be resolved (claims without a date): Friday → round 1,
 *     Monday → round 2, again only for talk sentences.
 * A marker inside a subordinate time clause ("after the first round", "following their talks
 * on May 15") is background: it decides only when nothing in the main clause does.
 * Without markers, a sentence about talks takes the document's event, anything else is unknown.
 */
import type { EventId, TimeRef } from '../types';
import { daysBetween } from './time';
import { normalizeText } from './numbers';

/** The days of the two Istanbul meetings. */
export const EVENT_DATES = { round1: '2025-05-16', round2: '2025-06-02' } as const;

/**
 * A date this close to a meeting day (in days) still points at it when the sentence is about
 * talks: reports written across midnight or time zones, and wrong-by-one-day claims ("talks on
 * May 15") must still be compared with the right meeting so the wrong date can be caught.
 */
export const ROUND_DATE_WINDOW_DAYS = 1;
/** Relative dates ("last month") are approximate: allow this fraction of the offset as slack. */
export const RELATIVE_DATE_TOLERANCE = 0.5;
/** A talk sentence dated at least this far (days) from both meetings is about another occasion. */
export const OTHER_FAR_DAYS = 7;
/** How far (characters) back a time subordinator ("after", "since") may stand and still govern a marker. */
export const SUBORDINATE_REACH = 90;
/** The corpus year: a year named as the time of an action that is not this is another occasion. */
export const EVENT_YEAR = 2025;

type Ev = 'round1' | 'round2' | 'other' | 'prev' | 'doc';

interface Marker { ev: Ev; pos: number; strong: boolean }

/** Words that make a sentence about the negotiations. */
const TALK_RE = /\b(talks|negotiat\w*|meeting|meetings|met|meet|delegat\w*|session|round|encounter|istanbul|dolmabah\w*|dormabach|ciragan|palace|memorand\w*|envoys?|negotiators?|discussions|face[- ]to[- ]face)\b/i;

/** Between an ordinal and its meeting noun: up to three content words ("first direct peace talks"). */
const GAP = String.raw`(?:[\s-]+(?!(?:is|was|were|be|been|should|would|will|could|the|a|an|of|to|that|and|or|but|in|on|at|for|with|step|steps|time|day|days|week|year|years|priority|stage|part|phase)\b)[A-Za-z'-]+){0,3}?`;
const ORDINAL_MEETING_RE = new RegExp(
  String.raw`\b(first|second|third|fourth|fifth|sixth|opening|initial|inaugural|next|further|another|future|previous|earlier|prior|latest|most recent)${GAP}[\s-]+(rounds?|talks|negotiations|meetings?|sessions?|encounters?|series|cycle|sitting|face-to-face|sit-down|gathering)\b`,
  'gi',
);
/** "for the first time … met", "the second time the delegations had met". */
const ORDINAL_TIME_RE = /\b(first|second|third|fourth|fifth)\s+time\b/gi;
/** "the two sides last met". */
const LAST_MET_RE = /\blast\s+met\b|\bmet\s+(?:previously|before|last)\b/gi;
/** Verbs of proposing: a future meeting proposed at a meeting is part of that meeting's news. */
const PROPOSAL_RE = /\b(propos\w*|suggest\w*|float\w*|offer\w*|call\w* for|push\w* for|invit\w*|agree\w*|deal|plan\w*|urg\w*|want\w*|seek\w*|sought|ready|willing\w*|hop\w*|expect\w*|to meet|reconven\w*|discuss\w*|possib\w*|potential|idea)\b/i;
/** Time subordinators and relative pronouns: what follows them is background to the main clause. */
const SUBORDINATOR_RE = /\b(after|since|following|before|when|while|than|until|ahead of|prior to|unlike|compared (?:with|to)|which|who)\b/gi;
/** Clause breaks that end a subordinator's reach. */
const CLAUSE_BREAK_RE = /[,;:()]|\s-\s|\bbut\b|\band\b(?=\s+(?:the|a|an|it|they|he|she|both|each|moscow|kyiv|russia|ukraine)\b)/gi;

function ordinalEvent(word: string): Ev {
  switch (word.toLowerCase()) {
    case 'first': case 'opening': case 'initial': case 'inaugural': return 'round1';
    case 'second': return 'round2';
    case 'previous': case 'earlier': case 'prior': return 'prev';
    case 'latest': case 'most recent': return 'doc';
    default: return 'other'; // third+, next, further, another, future
  }
}

/** Positions of subordinators and clause breaks, to decide which markers are background. */
function backgroundTest(text: string): (pos: number) => boolean {
  const subs: number[] = [];
  for (const m of text.matchAll(SUBORDINATOR_RE)) subs.push(m.index! + m[0].length);
  const breaks: number[] = [];
  for (const m of text.matchAll(CLAUSE_BREAK_RE)) breaks.push(m.index!);
  return (pos: number): boolean => {
    let sub = -1;
    for (const s of subs) if (s <= pos) sub = s;
    if (sub < 0 || pos - sub > SUBORDINATE_REACH) return false;
    for (const b of breaks) if (b >= sub && b < pos) return false;
    return true;
  };
}

function nearEvent(date: string, slack: number): 'round1' | 'round2' | null {
  if (Math.abs(daysBetween(EVENT_DATES.round1, date)) <= slack) return 'round1';
  if (Math.abs(daysBetween(EVENT_DATES.round2, date)) <= slack) return 'round2';
  return null;
}

function distanceToEvents(date: string): number {
  return Math.min(Math.abs(daysBetween(EVENT_DATES.round1, date)), Math.abs(daysBetween(EVENT_DATES.round2, date)));
}

/**
 * Decide which meeting a sentence is about. `times` are the sentence's time references
 * (extractTimes, resolved against the document date when known); `docEvent` is the event of
 * the document the sentence comes from, if known.
 */
export function classifyEvent(sentence: string, times: TimeRef[], docEvent?: EventId | null): EventId {
  const text = normalizeText(sentence);
  const talk = TALK_RE.test(text);
  const isBackground = backgroundTest(text);
  const doc: EventId | null = docEvent === 'round1' || docEvent === 'round2' ? docEvent : null;
  const markers: Marker[] = [];
  const proposal = PROPOSAL_RE.test(text);

  // 1. Ordinal meeting phrases.
  for (const m of text.matchAll(ORDINAL_MEETING_RE)) {
    const ev = ordinalEvent(m[1]);
    const pos = m.index!;
    if (ev === 'other' && proposal && PROPOSAL_RE.test(text.slice(0, pos))) continue; // "proposed a third meeting"
    markers.push({ ev, pos, strong: true });
  }
  if (talk) {
    for (const m of text.matchAll(ORDINAL_TIME_RE)) {
      const ev = ordinalEvent(m[1]);
      if (ev === 'round1' || ev === 'round2') markers.push({ ev, pos: m.index!, strong: true });
    }
  }
  for (const m of text.matchAll(LAST_MET_RE)) markers.push({ ev: 'prev', pos: m.index!, strong: true });

  // 2. Dates near a meeting day (talk sentences only).
  const weak: Marker[] = [];
  if (talk) {
    for (const t of times) {
      if (t.kind === 'month' && t.date) {
        // Only May 2025 singles out a meeting (round 2 was on June 2, but "in June" is mostly later plans).
        if (t.date.startsWith('2025-05')) markers.push({ ev: 'round1', pos: t.start, strong: true });
        continue;
      }
      if (t.kind === 'year' || !t.date) {
        if (t.kind === 'weekday' && !t.date) {
          if (t.weekday === 5) weak.push({ ev: 'round1', pos: t.start, strong: false });
          if (t.weekday === 1) weak.push({ ev: 'round2', pos: t.start, strong: false });
        }
        continue;
      }
      const slack = t.kind === 'relative'
        ? Math.max(ROUND_DATE_WINDOW_DAYS, Math.abs(t.offsetDays ?? 0) * RELATIVE_DATE_TOLERANCE)
        : ROUND_DATE_WINDOW_DAYS;
      const ev = nearEvent(t.date, slack);
      if (ev) markers.push({ ev, pos: t.start, strong: true });
    }
  }

  // Resolve relative markers against the document's event.
  const resolved: Array<{ ev: EventId; bg: boolean }> = [];
  for (const mk of markers.length ? markers : weak) {
    let ev: EventId | null;
    if (mk.ev === 'prev') ev = doc === 'round2' ? 'round1' : doc === 'round1' ? 'other' : null;
    else if (mk.ev === 'doc') ev = doc;
    else ev = mk.ev;
    if (ev) resolved.push({ ev, bg: isBackground(mk.pos) });
  }
  if (resolved.length > 0) {
    const fg = new Set(resolved.filter((r) => !r.bg).map((r) => r.ev));
    if (fg.size === 1) return [...fg][0];
    if (fg.size > 1) return 'unknown';
    const bg = new Set(resolved.map((r) => r.ev));
    // Several background markers, one of them the document's own meeting: the sentence is the
    // document's news told against earlier history ("met for a second round on Monday … than
    // when talks restarted a month ago").
    if (bg.size > 1) return doc && bg.has(doc) ? doc : 'unknown';
    const only = [...bg][0];
    // Background-only marker: it decides unless the document says the main clause is elsewhere.
    if (doc && only !== doc) return 'unknown';
    return only;
  }

  // 3. No marker: is the sentence's own time elsewhere?
  for (const t of times) {
    if (isBackground(t.start)) continue;
    const before = text.slice(Math.max(0, t.start - 4), t.start).toLowerCase();
    if (t.kind === 'year' && /\bin\s+$/.test(before) && Number(t.text) !== EVENT_YEAR) return 'other';
    if (t.kind === 'month' && t.date) {
      const y = Number(t.date.slice(0, 4));
      const mo = Number(t.date.slice(5, 7));
      const inPrep = /\b(in|on)\s+$/.test(before) || /^(early|mid|late)/i.test(t.text);
      if (inPrep && (y !== EVENT_YEAR || (mo !== 5 && mo !== 6))) return 'other';
      continue;
    }
    if (t.kind === 'relative' && (t.offsetDays ?? 0) <= -365 && !t.anchor) return 'other'; // "last year"
    if ((t.kind === 'date' || t.kind === 'weekday') && t.date) {
      const d = distanceToEvents(t.date);
      if (!talk && d >= 1) return 'other';
      if (talk && d >= OTHER_FAR_DAYS) return 'other';
    }
  }
  if (talk) return doc ?? 'unknown';
  return 'unknown';
}
