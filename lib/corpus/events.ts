/**
 * The events a corpus reports, found from the corpus itself: which documents are about the same
 * happening, on which day it took place, in what order the happenings came, and which names only
 * one of them involves. Nothing is listed in code — the seeds' two Istanbul meetings are found
 * exactly as a reader's sources about a strike, a deal or a summit would be.
 *
 * - Documents that say which event they report (the seeds' manifest, a source's metadata) are
 *   grouped by that label; dated documents without one join a group within EVENT_GAP_DAYS, or
 *   start their own (reports of one happening run over a day or two).
 * - An undated, unlabelled document joins the group whose documents share the most of its names
 *   and words, when that group stands out (ASSIGN_SIMILARITY, ASSIGN_MARGIN); otherwise none.
 * - The event's day: the day its reports name most often (weekdays and dates resolved against
 *   each report's date, looking back up to LOOKBACK_DAYS), else the earliest report's date.
 * - Distinctive names: names (spelling variants merged) that the event's reports use at least
 *   twice and no other event's reports use — a venue, a participant.
 *
 * Why it matters: "the talks lasted less than two hours" (one meeting) and "just over an hour"
 * (the next) are both true. Comparing a claim about one with evidence about another manufactures
 * contradictions, the worst error this product can make.
 */
import { extractTimes } from '../facts/time';
import { daysBetween } from '../facts/time';
import type { NameTable } from './names';
import { MEETING_NOUNS } from '../lexicon/function-words';
import { countryOf, properKind } from '../lexicon/wn';

export interface CorpusEvent {
  /** The documents' label, or `event-<date>` for a group found by date. */
  id: string;
  /** ISO day the event took place, when the reports let us tell. */
  date: string | null;
  /** 1 = the earliest event. */
  order: number;
  docs: number[];
  /** Names only this event's reports use (keys as indexed). */
  names: string[];
  /**
   * The event's setting: names and meeting nouns at least half of its reports use (where, who
   * met). A sentence from one of its reports implies them even when it does not repeat them.
   */
  setting: string[];
}

export interface EventDoc {
  date: string | null;
  event: string | null;
  /** Index terms of its sentences (for assigning undated documents). */
  terms: string[][];
  names: string[][];
  texts: string[];
}

/** Reports of one happening are dated up to this many days apart. */
export const EVENT_GAP_DAYS = 2;
/** A report tells of its own day and the days before it, up to this many. */
export const LOOKBACK_DAYS = 3;
/** Sentences of each report read for the event's day (the lead names the day). */
export const DAY_SENTENCES = 12;
/** A report's own date as a vote for the event's day: half a day its text names, so the text decides when it names one. */
export const DATELINE_VOTE = 0.5;
/**
 * Share of an undated report's words that must be one group's own (used by its reports, by no
 * other group's) for the report to join it — or, with a single group, shared with it.
 */
export const ASSIGN_SIMILARITY = 0.05;
/** …and by how much more than the next group. */
export const ASSIGN_MARGIN = 1.5;
/** Uses of a name in one event's reports before it counts as distinctive. */
export const DISTINCTIVE_MIN = 2;
/** Share of an event's reports that must use a name or meeting noun for it to be the event's setting. */
export const SETTING_SHARE = 0.5;

const UNLABELLED = new Set(['', 'other', 'unknown']);

export function deriveEvents(docs: EventDoc[], names?: NameTable, disabled?: ReadonlySet<number>): CorpusEvent[] {
  // A group's days as day numbers: "dated within the gap of one of its reports" is then a few
  // set lookups per document instead of a date comparison with every report of every group.
  const groups: Array<{ label: string | null; docs: number[]; days: Set<number> }> = [];
  const active = docs.map((_, i) => i).filter((i) => !disabled?.has(i));
  // 1. Labelled documents.
  for (const i of active) {
    const label = docs[i].event?.trim() ?? '';
    if (UNLABELLED.has(label)) continue;
    let g = groups.find((x) => x.label === label);
    if (!g) groups.push((g = { label, docs: [], days: new Set() }));
    g.docs.push(i);
    if (docs[i].date) g.days.add(dayNumber(docs[i].date!.slice(0, 10)));
  }
  // 2. Dated documents without a label: join a group dated within the gap, or start one.
  const dated = active.filter((i) => UNLABELLED.has(docs[i].event?.trim() ?? '') && docs[i].date).sort((a, b) => (docs[a].date! < docs[b].date! ? -1 : 1));
  for (const i of dated) {
    const d = dayNumber(docs[i].date!.slice(0, 10));
    const g = groups.find((x) => withinGap(x.days, d));
    if (g) {
      g.docs.push(i);
      g.days.add(d);
    } else groups.push({ label: null, docs: [i], days: new Set([d]) });
  }
  // 3. Undated, unlabelled documents: by shared vocabulary.
  const undated = active.filter((i) => UNLABELLED.has(docs[i].event?.trim() ?? '') && !docs[i].date);
  if (undated.length && groups.length) {
    // Each group's own vocabulary: words its reports use and no other group's do.
    const bags = groups.map((g) => bagOf(g.docs.flatMap((i) => docs[i].terms)));
    const vocab = bags.map((b, k) => new Set([...b].filter((t) => !bags.some((o, j) => j !== k && o.has(t)))));
    for (const i of undated) {
      const own = new Set(docs[i].terms.flat());
      const scores = groups.length === 1 ? [share(own, bags[0])] : vocab.map((v) => share(own, v));
      const order = scores.map((s, k) => [s, k] as const).sort((a, b) => b[0] - a[0]);
      const [best, second] = [order[0], order[1]];
      if (best[0] >= ASSIGN_SIMILARITY && (!second || best[0] >= second[0] * ASSIGN_MARGIN)) groups[best[1]].docs.push(i);
    }
  }
  // 4. Days, order, ids.
  const events = groups.map((g) => ({
    id: g.label ?? '',
    date: eventDay(g.docs, docs),
    order: 0,
    docs: g.docs.sort((a, b) => a - b),
    names: [] as string[],
    setting: settingOf(g.docs, docs),
  }));
  for (const e of events) if (!e.id) e.id = e.date ? `event-${e.date}` : `event-${e.docs[0]}`;
  events.sort((a, b) => ((a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : a.docs[0] - b.docs[0]));
  events.forEach((e, k) => (e.order = k + 1));
  if (events.length > 1) distinctiveNames(events, docs, names);
  return events;
}

/** Days since 1970 of an ISO day (NaN when it is not one): `daysBetween(a, b)` is `dayNumber(b) − dayNumber(a)`. */
function dayNumber(day: string): number {
  return daysBetween('1970-01-01', day);
}

/** Does a group with these days hold one within EVENT_GAP_DAYS of `d`? (A day that is no date is near none.) */
function withinGap(days: Set<number>, d: number): boolean {
  if (!Number.isFinite(d)) return false;
  for (let k = -EVENT_GAP_DAYS; k <= EVENT_GAP_DAYS; k++) if (days.has(d + k)) return true;
  return false;
}

/** Place names (WordNet's) and meeting nouns used by at least SETTING_SHARE of the documents (at least two). */
function settingOf(ids: number[], docs: EventDoc[]): string[] {
  if (ids.length < 2) return [];
  const count = new Map<string, number>();
  for (const i of ids) {
    const names = new Set(docs[i].names.flat());
    const place = (t: string) => names.has(t) && (properKind(t) === 'loc' || countryOf(t) !== undefined);
    const terms = new Set(docs[i].terms.flat().filter((t) => MEETING_NOUNS.has(t) || place(t)));
    for (const t of terms) count.set(t, (count.get(t) ?? 0) + 1);
  }
  return [...count]
    .filter(([, n]) => n >= Math.max(2, ids.length * SETTING_SHARE))
    .map(([t]) => t)
    .sort();
}

function bagOf(lists: string[][]): Set<string> {
  const s = new Set<string>();
  for (const l of lists) for (const t of l) s.add(t);
  return s;
}

function share(own: Set<string>, group: Set<string>): number {
  if (!own.size) return 0;
  let n = 0;
  for (const t of own) if (group.has(t)) n++;
  return n / own.size;
}

/** The day the group's reports name most often for what happened, else its earliest report. */
function eventDay(ids: number[], docs: EventDoc[]): string | null {
  const votes = new Map<string, number>();
  const bump = (d: string, n = 1) => votes.set(d, (votes.get(d) ?? 0) + n);
  let earliest: string | null = null;
  for (const i of ids) {
    const date = docs[i].date?.slice(0, 10);
    if (!date) continue;
    if (!earliest || date < earliest) earliest = date;
    bump(date, DATELINE_VOTE);
    for (const text of docs[i].texts.slice(0, DAY_SENTENCES)) {
      for (const t of safeTimes(text, date)) {
        if ((t.kind !== 'weekday' && t.kind !== 'date') || !t.date) continue;
        const back = daysBetween(t.date, date);
        if (back >= 0 && back <= LOOKBACK_DAYS) bump(t.date);
      }
    }
  }
  let best: string | null = earliest;
  let bestVotes = -1;
  for (const [d, n] of votes) if (n > bestVotes || (n === bestVotes && best && d < best)) [best, bestVotes] = [d, n];
  return best;
}

function safeTimes(text: string, date: string) {
  try {
    return extractTimes(text, date);
  } catch {
    return [];
  }
}

function distinctiveNames(events: CorpusEvent[], docs: EventDoc[], names?: NameTable): void {
  const canon = (n: string) => (names ? [n, ...names.variants(n)].sort()[0] : n);
  const counts = events.map(() => new Map<string, number>());
  events.forEach((e, k) => {
    for (const i of e.docs) for (const list of docs[i].names) for (const n of new Set(list.map(canon))) counts[k].set(n, (counts[k].get(n) ?? 0) + 1);
  });
  events.forEach((e, k) => {
    const out: string[] = [];
    for (const [n, c] of counts[k]) {
      if (c < DISTINCTIVE_MIN) continue;
      if (counts.some((m, j) => j !== k && m.has(n))) continue;
      out.push(n, ...(names?.variants(n) ?? []));
    }
    e.names = [...new Set(out)];
  });
}
