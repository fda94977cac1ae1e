/**
 * The slots of a claim's frame compared one by one with a sentence's: figures, days and dates,
 * places, polarity, who acted, evaluation, modality and exclusivity. Each comparison says
 * whether the slot is confirmed, disputed or not stated, with the words compared, so a reason
 * can name them ("different figure: source says 6,000 bodies, claim says 5,000").
 */
import type { Quantity, TimeRef } from '../types';
import type { Facts } from '../facts/read';
import type { Clause } from '../facts/clauses';
import type { Mention } from '../facts/words';
import { compareFigures, sameMeasure, type FigureRelation } from './figures';
import { governingNoun } from '../facts/quantities';
import { addDays, weekdayOf } from '../facts/time';
import { antonymsOf, countryOf, partOf, properKind, relatedness } from '../lexicon/wn';
import { lemmatize } from '../lexicon/lemma';
import { RECIPROCAL_VERBS, REPORTING_VERBS } from '../lexicon/function-words';

export interface SlotResult {
  state: 'match' | 'conflict' | 'missing' | 'none';
  /** Words for a reason ("source says …, claim says …"). */
  detail: string;
}

const NONE: SlotResult = { state: 'none', detail: '' };

/** Verbs that say nothing of what happened to what a figure counts ("there are", "has"). */
const EMPTY_VERBS = new Set(['be', 'have', 'do', 'get', 'become']);
/** Two predicates at least this related (WordNet) may be one happening. */
const HAPPENING_RELATED = 0.45;

/**
 * The verbs that say what happened to what a figure counts: in the claim, every verb of it (a
 * claim states one fact, and "puts the number of civilians killed at 8,000" spreads it over
 * clauses); in a source sentence, the verbs of the clauses holding the figure. Null when none
 * says anything.
 */
function happeningOf(q: Quantity, f: Facts, whole: boolean): string[] | null {
  const at = f.words.findIndex((w) => w.start >= q.start);
  if (at < 0) return null;
  const spans = whole ? [{ from: 0, to: f.words.length }] : f.clauses.filter((c) => at >= c.from && at < c.to);
  const out = f.words
    .filter((w, i) => w.pos === 'VERB' && spans.some((c) => i >= c.from && i < c.to))
    .map((w) => w.lemma)
    .filter((l) => !EMPTY_VERBS.has(l) && !REPORTING_VERBS.has(l));
  return out.length ? out : null;
}

/**
 * Two counts of one noun dispute each other only when they count the same happening: "the
 * remains of 6,000 troops" handed over and "50,000 troops massed near Sumy" are two figures, not
 * one in dispute. Some verb of the claim must be related to a verb of the source's clause; a side
 * with no telling verb is not held against it. Durations are exempt: a meeting's length is told
 * with any verb ("lasted", "spent", "went on for").
 */
function sameHappening(c: Quantity, claim: Facts, s: Quantity, source: Facts): boolean {
  if (c.kind === 'duration') return true;
  if (sameCountedPhrase(c, claim, s, source)) return true;
  const a = happeningOf(c, claim, true);
  const b = happeningOf(s, source, false);
  if (!a || !b) return true;
  return a.some((x) => b.some((y) => x === y || Math.max(relatedness(x, y), relatedness(y, x)) >= HAPPENING_RELATED));
}

/** Figures that say when or how long ago (a year, an age of the war) are background, not a claim's figure. */
export function requiredFigure(q: Quantity): boolean {
  if (q.kind === 'year' || q.kind === 'ordinal') return false;
  return Number.isFinite(q.value) || Number.isFinite(q.lo);
}

/** Whether a sentence's words hold a reciprocal verb, by its words (asked for every figure compared). */
const reciprocalMemo = new WeakMap<Facts['words'], boolean>();

function reciprocal(f: Facts): boolean {
  let r = reciprocalMemo.get(f.words);
  if (r === undefined) reciprocalMemo.set(f.words, (r = f.words.some((w) => RECIPROCAL_VERBS.has(w.lemma.split(' ')[0]))));
  return r;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const describeQ = (q: Quantity) => q.text.trim();
const describeT = (t: TimeRef) => (t.kind === 'weekday' && t.weekday !== undefined ? `${t.text.trim()} (${WEEKDAYS[t.weekday]})` : t.text.trim());

/**
 * Figures: each required claim figure against the sentence's figures of the same measure.
 * `owners` says whether two figures may belong to different sides (then they are two figures,
 * not one in dispute: "Russia offered two to three days", "Kyiv proposed 30 days").
 */
export function figureSlot(claim: Facts, source: Facts, tolerance: number, differentOwners: boolean): SlotResult & { matched: number; total: number } {
  const req = claim.quantities.filter(requiredFigure);
  if (!req.length) return { state: 'none', detail: '', matched: 0, total: 0 };
  const exchange = reciprocal(claim) || reciprocal(source);
  let matched = 0;
  let conflict: [Quantity, Quantity] | null = null;
  let missing: Quantity | null = null;
  const details: string[] = [];
  for (const c0 of req) {
    let best: FigureRelation = 'unrelated';
    let with_: Quantity | null = null;
    for (const s0 of source.quantities) {
      const [c, s] = sharedUnit(withUnitFrom(c0, claim, s0), claim, s0, source);
      if (!sameAnchor(c, claim, s, source)) continue;
      let r = sameBoundConflict(c, s) ? 'conflict' : compareFigures(c, s, tolerance, exchange);
      if (r === 'conflict' && !sameHappening(c0, claim, s0, source)) r = 'unrelated';
      if (rank(r) > rank(best)) [best, with_] = [r, s];
    }
    const c = c0;
    if (best === 'match') {
      matched++;
      details.push(describeQ(c) === describeQ(with_!) ? describeQ(c) : `${describeQ(c)} ~ ${describeQ(with_!)}`);
    } else if (best === 'conflict' && !differentOwners) conflict ??= [c, with_!];
    else if (best === 'unrelated' || best === 'conflict') missing ??= c;
  }
  if (conflict) return { state: 'conflict', detail: `source says ${describeQ(conflict[1])}, claim says ${describeQ(conflict[0])}`, matched, total: req.length };
  if (matched === req.length) return { state: 'match', detail: details.join(', '), matched, total: req.length };
  return { state: 'missing', detail: missing ? describeQ(missing) : '', matched, total: req.length };
}

/** Characters after a figure read for what it measures or whether it is an offset ("an hour behind schedule"). */
const ANCHOR_REACH = 40;
/** Words after a duration that make it an offset ("an hour behind schedule", "a day after"), not a length. */
const OFFSET_AFTER = /^\s*(behind|late|later|early|earlier|ahead|after|before|ago|apart|beforehand|afterwards)\b/i;
/** Measure units whose figure says how much of something: the something ("tonnes of wheat") must be the same. */
const MEASURE_UNITS = new Set([
  'tonne',
  'ton',
  'tons',
  'tonnes',
  'barrel',
  'kilogram',
  'kg',
  'litre',
  'liter',
  'metre',
  'meter',
  'km',
  'kilometre',
  'kilometer',
  'mile',
  'dollar',
  'euro',
  'pound',
  'rouble',
  'ruble',
  'hryvnia',
  'percent',
  'per',
  'cent',
]);
/** Two anchors at least this related (WordNet) measure the same thing. */
const ANCHOR_RELATED = 0.45;

/**
 * What a figure measures, where the figure alone does not say: whether a duration is an offset
 * ("an hour behind schedule") rather than a length, and what a measure is of ("tonnes of wheat").
 */
function anchorOf(q: Quantity, f: Facts): { word: string; offset: boolean } {
  const after = f.text.slice(q.end, q.end + ANCHOR_REACH);
  if (q.kind === 'duration') return { word: '', offset: OFFSET_AFTER.test(after) };
  if (q.kind === 'count' && MEASURE_UNITS.has(q.unit.toLowerCase())) {
    const of = /^\s*of\s+(?:the\s+)?([A-Za-z-]+)/.exec(after);
    return { word: of ? lemmatize(of[1].toLowerCase()) : '', offset: false };
  }
  return { word: '', offset: false };
}

/** May these two figures measure the same thing? Both offsets or both lengths, and related anchors when both have one. */
function sameAnchor(c: Quantity, claim: Facts, s: Quantity, source: Facts): boolean {
  const a = anchorOf(c, claim);
  const b = anchorOf(s, source);
  if (a.offset !== b.offset) return false;
  if (!a.word || !b.word) return true;
  return Math.max(relatedness(a.word, b.word), relatedness(b.word, a.word)) >= ANCHOR_RELATED;
}

/**
 * "The bodies of 6,000 soldiers" counts bodies as well as soldiers: when two counts' nouns differ,
 * the noun their phrase depends on ("the bodies of …") may be the shared one.
 */
/**
 * "The bodies of 6,000 soldiers" counts bodies as well as soldiers, and "6,000 bodies of killed
 * soldiers" soldiers as well as bodies: when two counts' nouns differ, any noun of either phrase
 * may be the shared one.
 */
function sharedUnit(c: Quantity, claim: Facts, s: Quantity, source: Facts): [Quantity, Quantity] {
  if (c.kind !== 'count' || s.kind !== 'count' || !c.unit || !s.unit) return [c, s];
  if (sameMeasure(c, s)) return [c, s];
  const cu = unitsOf(c, claim);
  const su = unitsOf(s, source);
  for (const a of cu)
    for (const b of su)
      if (a === b || Math.max(relatedness(a, b), relatedness(b, a)) >= UNIT_RELATED)
        return [
          { ...c, unit: a },
          { ...s, unit: a },
        ];
  return [c, s];
}

/**
 * Two counts whose phrases share two nouns ("the bodies of 5,000 fallen soldiers", "6,000
 * bodies of killed soldiers") count the same thing, whatever verb tells it ("give back",
 * "return"); one shared noun ("troops") is not enough — 6,000 troops' remains and 50,000 troops
 * massing are two figures.
 */
function sameCountedPhrase(c: Quantity, claim: Facts, s: Quantity, source: Facts): boolean {
  if (c.kind !== 'count' || s.kind !== 'count') return false;
  const related = (a: string, b: string) => a === b || Math.max(relatedness(a, b), relatedness(b, a)) >= UNIT_RELATED;
  const su = unitsOf(s, source, true);
  // Distinct nouns: "troop" and "troops" are one.
  const shared: string[] = [];
  for (const a of unitsOf(c, claim, true)) if (su.some((b) => related(a, b)) && !shared.some((x) => related(x, a))) shared.push(a);
  return shared.length >= 2;
}

/** The nouns a count may be counting: its own, the noun its phrase depends on, the nouns in its phrase. */
function unitsOf(q: Quantity, f: Facts, withOfPhrase = false): string[] {
  const out = [lemmatize(q.unit.toLowerCase())];
  const g = governingNoun(f.text, q);
  if (g) out.push(lemmatize(g));
  for (const w of f.words) if (w.start >= q.start && w.end <= q.end && w.pos === 'NOUN') out.push(w.lemma);
  // "6,000 bodies of killed soldiers": the noun of the "of" phrase after the count is counted too.
  const after = withOfPhrase ? f.words.findIndex((w) => w.start >= q.end) : -1;
  if (after >= 0 && f.words[after].text.toLowerCase() === 'of') {
    for (let k = after + 1; k < Math.min(f.words.length, after + 1 + OF_PHRASE_REACH); k++) {
      const w = f.words[k];
      if (w.pos === 'NOUN') {
        out.push(w.lemma);
        break;
      }
      if (w.pos !== 'ADJ' && w.pos !== 'DET' && w.pos !== 'VERB') break;
    }
  }
  return [...new Set(out)];
}

/** Words after "of" searched for the noun a count's phrase goes on to name ("of killed soldiers"). */
const OF_PHRASE_REACH = 3;

/** Two bounds of one kind this far apart disagree: "at least 90 days" is not "at least 30 days". */
const BOUND_GAP = 1.25;

/**
 * Two reports that give one figure with the same bound ("at least 30 days", "more than three
 * years") quote the same number; as intervals they overlap, as statements they differ.
 */
function sameBoundConflict(c: Quantity, s: Quantity): boolean {
  if (c.kind !== s.kind || c.bound !== s.bound || !['at_least', 'more_than', 'at_most', 'less_than'].includes(c.bound)) return false;
  if (!sameMeasure(c, s) || !Number.isFinite(c.value) || !Number.isFinite(s.value) || c.value <= 0 || s.value <= 0) return false;
  return Math.max(c.value, s.value) / Math.min(c.value, s.value) >= BOUND_GAP;
}

/** Words of a counted noun at least this related (WordNet) name the same thing. */
const UNIT_RELATED = 0.6;

/**
 * A count whose noun the extractor could not find ("the UN puts the number of civilians killed at
 * around 8,000") takes the source figure's noun when the claim names that noun elsewhere.
 */
function withUnitFrom(c: Quantity, claim: Facts, s: Quantity): Quantity {
  if (c.kind !== 'count' || c.unit || !s.unit || s.kind !== 'count') return c;
  const unit = lemmatize(s.unit.toLowerCase());
  const named = claim.words.some((w) => w.content && w.pos === 'NOUN' && relatedness(w.lemma, unit) >= UNIT_RELATED);
  return named ? { ...c, unit: s.unit } : c;
}

function rank(r: FigureRelation): number {
  return r === 'match' ? 3 : r === 'compatible' ? 2 : r === 'conflict' ? 1 : 0;
}

/** Days and dates of the claim's main clauses (not "since …" start points). */
function dayRefs(f: Facts): TimeRef[] {
  return f.times.filter(
    (t) => (t.kind === 'weekday' || t.kind === 'date') && !/\b(since|from|until|before|after)\s+$/i.test(f.text.slice(Math.max(0, t.start - 8), t.start)),
  );
}

/**
 * Days: a claim's day or date against the sentence's — or, when the sentence names none, against
 * the day of the event it is about (`eventDay`) or its report's day and the day before.
 */
export function timeSlot(claim: Facts, source: Facts, eventDay: string | null, aligned: boolean, meetingDay = false): SlotResult {
  const rel = relativeSlot(claim, source, aligned);
  if (rel.state === 'conflict') return rel;
  const month = monthSlot(claim, source, aligned);
  if (month.state === 'conflict') return month;
  const mine = dayRefs(claim);
  if (!mine.length) return rel;
  const theirs = dayRefs(source);
  for (const c of mine) {
    const same = (t: TimeRef) => (c.date && t.date ? c.date === t.date : c.weekday !== undefined && t.weekday === c.weekday);
    if (theirs.some(same)) continue;
    if (theirs.length && aligned) return { state: 'conflict', detail: `source says ${describeT(theirs[0])}, claim says ${describeT(c)}` };
    const days = eventDay ? [eventDay] : source.docDate ? [source.docDate.slice(0, 10), addDays(source.docDate.slice(0, 10), -1)] : [];
    const ok = days.some((d) => (c.date ? c.date === d : c.weekday === weekdayOf(d)));
    if (ok) continue;
    // The day of the meeting itself: a claim about the meeting that puts it on another day is
    // disputed by any report of that meeting that gives its day, however little else they share.
    const statesDay = eventDay && theirs.some((t) => (t.date ? t.date === eventDay : t.weekday === weekdayOf(eventDay)));
    if (eventDay && (aligned || (meetingDay && statesDay)))
      return { state: 'conflict', detail: `the event was on ${WEEKDAYS[weekdayOf(eventDay)]} ${eventDay}, claim says ${describeT(c)}` };
    return { state: 'missing', detail: describeT(c) };
  }
  return { state: 'match', detail: mine.map(describeT).join(', ') };
}

/** A month as the time of the action ("later in June", "in July"), not a start point ("since March 2022"). */
function actionMonths(f: Facts): TimeRef[] {
  return f.times.filter(
    (t) =>
      t.kind === 'month' &&
      t.date &&
      !/\b(since|from|until|before|after|by)\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+)?$/i.test(f.text.slice(Math.max(0, t.start - 20), t.start)),
  );
}

/** Months: on aligned sentences, a claim's month of the action that the sentence gives as another month. */
function monthSlot(claim: Facts, source: Facts, aligned: boolean): SlotResult {
  const mine = actionMonths(claim);
  const theirs = actionMonths(source);
  if (!mine.length || !theirs.length) return NONE;
  for (const c of mine) {
    if (theirs.some((t) => t.date!.slice(0, 7) === c.date!.slice(0, 7))) continue;
    if (aligned) return { state: 'conflict', detail: `source says ${describeT(theirs[0])}, claim says ${describeT(c)}` };
  }
  return NONE;
}

/** A relative time with a stated amount ("a day after", "a week before"), not a vague one ("days before"). */
function preciseOffset(t: TimeRef): boolean {
  if (t.kind !== 'relative' || t.offsetDays === undefined || t.offsetDays === 0) return false;
  return /\b(a|an|one|two|three|four|five|six|seven|\d+)\s+(day|week|month|year)s?\b|\bthe (day|week) (before|after)\b|\bthe next day\b/i.test(t.text);
}

/**
 * Relative times ("a day after the attacks" / "a week after the attacks"): both precise, in the
 * same direction, on aligned sentences, with different amounts.
 */
function relativeSlot(claim: Facts, source: Facts, aligned: boolean): SlotResult {
  const mine = claim.times.filter(preciseOffset);
  if (!mine.length) return NONE;
  const theirs = source.times.filter(preciseOffset);
  for (const c of mine) {
    const same = theirs.filter((t) => Math.sign(t.offsetDays!) === Math.sign(c.offsetDays!));
    if (!same.length) continue;
    if (same.some((t) => t.offsetDays === c.offsetDays)) return { state: 'match', detail: describeT(c) };
    if (aligned) return { state: 'conflict', detail: `source says "${describeT(same[0])}", claim says "${describeT(c)}"` };
  }
  return { state: 'missing', detail: '' };
}

/** Is one place inside the other (or the same)? */
export function placeContains(a: string, b: string): boolean {
  return (
    a === b ||
    partOf(a).includes(b) ||
    partOf(b).includes(a) ||
    (countryOf(a) !== undefined && countryOf(a) === b) ||
    (countryOf(b) !== undefined && countryOf(b) === a)
  );
}

/**
 * Places: a claim's place (a named location that is not a country standing for a side) that
 * the sentence does not share, while the sentence names a different place of the same standing
 * that neither contains nor is contained in the claim's.
 */
export function placeSlot(claimPlaces: Mention[], sourcePlaces: Mention[], matchedKeys: Set<string>, variants: (k: string) => string[] = () => []): SlotResult {
  const spellings = (k: string) => [k, ...variants(k)];
  const contains = (a: string, b: string) => spellings(a).some((x) => spellings(b).some((y) => placeContains(x, y)));
  // Only places WordNet knows can be told apart: a venue it does not know may lie in the claim's city.
  const known = (k: string) => spellings(k).some((x) => properKind(x) === 'loc' || countryOf(x) !== undefined);
  claimPlaces = claimPlaces.filter((m) => known(m.key));
  sourcePlaces = sourcePlaces.filter((m) => known(m.key));
  for (const c of claimPlaces) {
    if (matchedKeys.has(c.key)) continue;
    const rival = sourcePlaces.find((s) => !contains(c.key, s.key));
    if (rival && !sourcePlaces.some((s) => contains(c.key, s.key)))
      return { state: 'conflict', detail: `source says ${rival.surface}, claim says ${c.surface}` };
  }
  return claimPlaces.length ? { state: claimPlaces.every((c) => matchedKeys.has(c.key)) ? 'match' : 'missing', detail: '' } : NONE;
}

/** The clause of a sentence that holds word `at`. */
export function clauseAt(f: Facts, at: number): Clause | undefined {
  return f.clauses.find((c) => at >= c.from && at < c.to);
}

/**
 * Does a word of the source oppose one of the claim's (WordNet antonyms)? Returns the pair.
 * `claimAt` and `sourceAt` are the word indexes that may oppose (predicates, adjectives).
 * WordNet's antonyms belong to one part of speech, so the two words must share theirs ("present"
 * the verb is not the opposite of "future" the adjective). A side that says both words ("no
 * major breakthrough, just minor measures") is weighing them, not taking the opposite view.
 * And the two must speak of the same thing (`anchored`: a word near each is lined up with the
 * other's), or "the biggest drone barrage" would oppose "little progress".
 */
export function antonymIn(
  claim: Facts,
  claimAt: number[],
  source: Facts,
  sourceAt: number[],
  anchored: (claimWord: number, sourceWord: number) => boolean,
): [string, string] | null {
  const lemmasOf = (f: Facts) => new Set(f.words.filter((w) => w.content).map((w) => w.lemma));
  let claimAll: Set<string> | null = null;
  let sourceAll: Set<string> | null = null;
  for (const i of claimAt) {
    const c = claim.words[i];
    const opposites = antonymsOf(c.lemma);
    if (!opposites.length) continue;
    for (const k of sourceAt) {
      const s = source.words[k];
      if (s.pos !== c.pos || !opposites.includes(s.lemma)) continue;
      claimAll ??= lemmasOf(claim);
      sourceAll ??= lemmasOf(source);
      if (sourceAll.has(c.lemma) || claimAll.has(s.lemma) || !anchored(i, k)) continue;
      return [c.lemma, s.lemma];
    }
  }
  return null;
}
