/**
 * Compares one claim with one corpus sentence and says whether the sentence supports it,
 * conflicts with it, or is only related — with a reason that names what was compared.
 *
 * Order of questions:
 *   1. Are they about the same event? Two different meetings never conflict ("less than two
 *      hours" in May and "just over an hour" in June are both true).
 *   2. Are they aligned — does the sentence contain most of the claim's content apart from the
 *      slot being compared? Only aligned sentences can conflict.
 *   3. Conflicts, each gated by alignment: a figure (disjoint intervals), a day or date, a
 *      month, a relative time, a place, a polarity flip on the best-matching clause, a
 *      mutually exclusive descriptor, a swapped agent.
 *   4. Support: enough weighted coverage, every figure of the claim matched, same polarity.
 * Conflict gates are stricter than support gates (see config.ts): when unsure, "related".
 */
import type { Tuning } from '../config';
import type { EventId, Quantity, Stance, TimeRef } from '../types';
import { EVENT_CONTEXT, EXCLUSIVE_SETS, PARTY, PLACES, SETTING } from '../lexicon/lexicon';
import { analyseWords, isPerson, type Clause } from '../lexicon/concepts';
import type { Rep } from './represent';
import { coverage, type WeightFn } from './weights';
import { compareFigures, describe } from './figures';

export interface Comparison {
  stance: Stance;
  reason: string;
  /** Ordering score: coverage, raised for conflicts and matched figures. */
  score: number;
  /** Weighted coverage of the claim by this sentence. */
  coverage: number;
  /** Concepts of the claim this sentence contains. */
  shared: string[];
  /** Indices (into claim.quantities) of the claim figures this sentence matches. */
  figuresMatched: number[];
  /** The claim's day or date (if any) is confirmed by this sentence. */
  timeMatched: boolean;
  /** For a conflict: the part of the claim in dispute. */
  slot?: Slot;
  /**
   * May this sentence count toward support, alone or with others? Not when it conflicts, is
   * about another meeting while the claim is event-specific, or negates what the claim asserts.
   */
  eligible: boolean;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Titles that go with a person's name: left out when asking whether two role sentences align. */
const TITLES = new Set(['minister', 'foreign', 'defence', 'president', 'official', 'chief', 'aide', 'kremlin', 'presidential', 'former', 'culture', 'head']);

/** Concepts of an exchange between the sides, where a figure may be per side or in total. */
const EXCHANGE_CONCEPTS = ['exchange', 'return', 'give'];

/** Role predicates that have a single holder: a delegation has one head, a meeting one chair. */
const SINGLE_HOLDER = new Set(['lead']);

const isNumber = (c: string) => c.startsWith('#');

/**
 * Memoised views of a representation: comparisons run claims × candidates, and rebuilding the
 * same sets for every pair was most of the engine's time (profiled).
 */
const setCache = new WeakMap<object, Set<string>>();
function setOf(owner: Rep | Clause): Set<string> {
  let s = setCache.get(owner);
  if (!s) {
    s = new Set('words' in owner ? owner.words.concepts : owner.concepts);
    setCache.set(owner, s);
  }
  return s;
}
const contextCache = new WeakMap<Rep, Set<string>>();
function withContext(rep: Rep): Set<string> {
  let s = contextCache.get(rep);
  if (!s) {
    s = new Set([...rep.words.concepts, ...(EVENT_CONTEXT[rep.event] ?? [])]);
    contextCache.set(rep, s);
  }
  return s;
}
const contentCache = new WeakMap<Clause, string[]>();
/** A clause's core content, for clause-to-clause matching. */
function contentOf(cc: Clause): string[] {
  let c = contentCache.get(cc);
  if (!c) {
    c = cc.concepts.filter((x) => !notCore(x) && !POLARITY_CONCEPTS.has(x));
    contentCache.set(cc, c);
  }
  return c;
}
/** Figure tokens and the duration marker: compared as intervals, not as words. */
const isFigure = (c: string) => isNumber(c) || c === 'duration';
const EXCLUSIVE_WORDS = new Set(EXCLUSIVE_SETS.flat());
/** Not core: figures (compared as intervals), parties and persons, and setting words. */
export const notCore = (c: string) => isFigure(c) || (!!PARTY[c] && !isPerson(c)) || SETTING.has(c);

/** Concepts that carry polarity themselves; left out when matching clauses, or a flip could never align. */
const POLARITY_CONCEPTS = new Set(['reject', 'fail', 'satisfied', 'ready']);

/** The part of a claim two sources disagree on. */
export type Slot =
  | { kind: 'figure'; index: number }
  | { kind: 'time'; index: number }
  | { kind: 'place'; place: string }
  | { kind: 'word'; word: string }
  | { kind: 'polarity'; target: string; claimNeg: boolean }
  | { kind: 'role'; person: string }
  | { kind: 'agent'; party: string };

type Found = { reason: string; slot: Slot } | null;

/**
 * Does this source take the claim's side on the disputed slot? A sentence that supports the
 * rest of a claim but is silent on the disputed point does not make the verdict "mixed": only
 * a source that states the disputed point the claim's way does.
 */
export function confirmsSlot(slot: Slot, claim: Rep, source: Rep, tuning: Tuning): boolean {
  switch (slot.kind) {
    case 'figure': {
      const q = claim.quantities[slot.index];
      return !!q && source.quantities.some((s) => compareFigures(q, s, tuning.exactTolerance) === 'match');
    }
    case 'time': {
      const t = claim.times[slot.index];
      return !!t && source.times.some((s) =>
        (t.date && s.date && t.kind === s.kind && s.date === t.date) ||
        (t.kind === 'weekday' && s.weekday === t.weekday) ||
        (t.kind === 'relative' && s.kind === 'relative' && s.offsetDays === t.offsetDays));
    }
    case 'place':
      return source.words.places.some((q) => q === slot.place || ancestors(q).includes(slot.place));
    case 'word':
      return source.words.concepts.includes(slot.word);
    case 'polarity':
      return source.words.clauses.some((c) => c.neg === slot.claimNeg && c.concepts.includes(slot.target));
    case 'role':
      return source.words.actors.includes(slot.person) && source.words.concepts.some((c) => SINGLE_HOLDER.has(c));
    case 'agent':
      return source.words.clauses.some((c) => c.subjects.some((a) => PARTY[a] === slot.party));
  }
}

export function eventsCompatible(a: EventId, b: EventId): boolean {
  if (a === 'unknown' || b === 'unknown') return true;
  return a === b;
}

export function compareSentence(claim: Rep, source: Rep, weight: WeightFn, tuning: Tuning): Comparison {
  const claimConcepts = claim.words.concepts;
  const sameEvent = eventsCompatible(claim.event, source.event);
  const ownSet = setOf(source);
  // A sentence from a report on a known meeting implies its setting (EVENT_CONTEXT).
  const sourceSet = sameEvent && EVENT_CONTEXT[source.event] ? withContext(source) : ownSet;
  const cov = coverage(claimConcepts, sourceSet, weight);
  const shared = claimConcepts.filter((c) => ownSet.has(c));
  const base = { coverage: cov, shared };
  const words = (cs: string[]) => cs.filter((c) => !isFigure(c) && !/^ord\d/.test(c)).slice(0, 6).map((c) => claim.words.surface[c] ?? c).join(', ');

  // Alignment: how much of the claim the sentence contains apart from the slot being compared.
  const alignedWithout = (skip: (c: string) => boolean) => coverage(claimConcepts, sourceSet, weight, skip);
  const alignment = alignedWithout(isFigure);
  // Without the implied event setting: for conflicts that the setting says nothing about.
  const ownAlignment = coverage(claimConcepts, ownSet, weight, isFigure);

  // A claim that moves a reported plan to another month reads as "another occasion" to the
  // event classifier; when it otherwise says the same thing, compare its time anyway.
  if (!sameEvent && claim.event === 'other' && ownAlignment >= OTHER_EVENT_TIME_ALIGNMENT) {
    const t = timeConflict(claim, source, false, true);
    if (t) return { ...base, figuresMatched: [], timeMatched: false, eligible: false, stance: 'conflicts', reason: t.reason, slot: t.slot, score: 1 + ownAlignment };
  }
  if (sameEvent) {
    const gate = tuning.conflictAlignment;
    const conflict =
      (alignment >= gate ? figureConflict(claim, source, tuning) : null) ??
      timeConflict(claim, source, alignment >= gate, ownAlignment >= gate) ??
      (alignedWithout((c) => isFigure(c) || !!PLACES[c]) >= gate ? placeConflict(claim, source) : null) ??
      (alignedWithout((c) => isFigure(c) || EXCLUSIVE_WORDS.has(c)) >= gate ? exclusiveConflict(claim, source) : null) ??
      (alignment >= gate ? polarityConflict(claim, source, weight, tuning) : null) ??
      agentConflict(claim, source, weight, tuning);
    if (conflict) {
      return { ...base, figuresMatched: [], timeMatched: false, eligible: false, stance: 'conflicts', reason: conflict.reason, slot: conflict.slot, score: 1 + alignment };
    }
  }

  // Support.
  const figures = figureSupport(claim.quantities, source.quantities, tuning);
  const timeMatched = timeSupport(claim, source);
  const strictEvent = claim.event !== 'unknown' && source.event !== 'unknown' && claim.event !== source.event;
  const eventSpecific = claim.quantities.some(requiredFigure) || claim.times.some((t) => t.kind === 'weekday' || t.kind === 'date');
  const polarityOk = polarityAgrees(claim, source, weight);
  const subjectOk = !subjectSwapped(claim, source, alignment, tuning);
  const eligible = polarityOk && subjectOk && !(strictEvent && eventSpecific);
  const core = coverage(claimConcepts, sourceSet, weight, notCore);
  const coreOk = core >= tuning.coreCoverage || !claimConcepts.some((c) => !notCore(c));
  const common = { ...base, figuresMatched: figures.matched, timeMatched, eligible };
  if (cov >= tuning.supportCoverage && coreOk && figures.ok && timeMatched && eligible) {
    const parts = [figures.detail, `shared words: ${words(shared)}`].filter(Boolean);
    return { ...common, stance: 'supports', reason: parts.join('; '), score: cov + (figures.detail ? 0.2 : 0) };
  }

  let why = `shares ${words(shared) || 'few words'}`;
  if (!figures.ok && figures.detail) why += `; ${figures.detail}`;
  else if (strictEvent) why += `; about a different meeting (${label(source.event)})`;
  else if (!polarityOk) why += '; one of them is negated';
  else if (!subjectOk) why += '; a different side is the actor';
  else if (!timeMatched) why += '; the day is not confirmed';
  else if (!coreOk) why += '; the main point is not in it';
  return { ...common, stance: 'related', reason: why, score: cov };
}

const EVENT_DAY: Record<string, string> = { round1: '2025-05-16', round2: '2025-06-02' };

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
function timeSupport(claim: Rep, source: Rep): boolean {
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
    // A sentence with no day of its own is dated by its meeting or, failing that, by its report.
    const eventDay = EVENT_DAY[source.event] ?? source.docDate ?? undefined;
    if (!eventDay) return false;
    if (t.kind === 'date') return t.date === eventDay;
    return t.weekday === new Date(`${eventDay}T12:00:00Z`).getUTCDay();
  });
}

/** Own-word alignment needed to compare times of a claim classified as another occasion. */
const OTHER_EVENT_TIME_ALIGNMENT = 0.75;

/** Alignment above which a different subject vetoes support (cheap, so lower than the conflict gates). */
const SUBJECT_VETO = 0.3;

/** The claim and the sentence say the same thing but of different sides as the subject. */
function subjectSwapped(claim: Rep, source: Rep, alignment: number, tuning: Tuning): boolean {
  if (alignment < SUBJECT_VETO) return false;
  const cs = claim.words.clauses[0]?.subjects ?? [];
  const claimParties = new Set(cs.map((a) => PARTY[a]));
  if (!claimParties.size) return false;
  const sourceParties = new Set(source.words.clauses.flatMap((c) => c.subjects).map((a) => PARTY[a]));
  if (!sourceParties.size) return false;
  for (const p of claimParties) if (sourceParties.has(p)) return false;
  return true;
}

function label(e: EventId): string {
  return e === 'round1' ? 'round 1, 16 May' : e === 'round2' ? 'round 2, 2 June' : e;
}

/**
 * A claim figure that the source states differently, with no other source figure matching it.
 * Not when the two name different sides as the actor: "Russia offered two to three days" and
 * "Kyiv proposed 30 days" are two proposals, not one figure reported twice.
 */
function figureConflict(claim: Rep, source: Rep, tuning: Tuning): Found {
  const claimQ = claim.quantities;
  const sourceQ = source.quantities;
  if (!claimQ.length || !sourceQ.length) return null;
  const ca = firstAgent(claim, false);
  const sa = firstAgent(source, false);
  if (ca && sa && PARTY[ca] !== PARTY[sa] && !source.words.actors.includes(ca)) return null;
  const exchange = EXCHANGE_CONCEPTS.some((c) => setOf(claim).has(c) || setOf(source).has(c));
  for (const [ci, c] of claimQ.entries()) {
    // Background spans ("met again in a little over two weeks") are neither required nor disputed.
    if (!requiredFigure(c)) continue;
    let conflicting: Quantity | null = null;
    let agreeing = false;
    for (const s of sourceQ) {
      const r = compareFigures(c, s, tuning.exactTolerance, exchange);
      if (r === 'match' || r === 'compatible') agreeing = true;
      else if (r === 'conflict' && !conflicting) conflicting = s;
    }
    if (conflicting && !agreeing) {
      return { reason: `different figure: source says ${describe(conflicting)}, claim says ${describe(c)}`, slot: { kind: 'figure', index: ci } };
    }
  }
  return null;
}

/**
 * Every figure of the claim must be matched by the source for it to support. Long spans
 * ("a little over two weeks") are background, usually computed from dates, and not required.
 */
export function requiredFigure(q: Quantity): boolean {
  if (q.kind === 'ordinal' || q.kind === 'year') return false;
  return !(q.kind === 'duration' && /^(week|month|year)/.test(q.unit));
}

function figureSupport(claimQ: Quantity[], sourceQ: Quantity[], tuning: Tuning): { ok: boolean; detail: string; matched: number[] } {
  const matched: string[] = [];
  const idx: number[] = [];
  let missing: string | null = null;
  claimQ.forEach((c, i) => {
    if (!requiredFigure(c) || missing !== null) return;
    const hit = sourceQ.find((s) => compareFigures(c, s, tuning.exactTolerance) === 'match');
    if (!hit) {
      const vaguer = sourceQ.find((s) => compareFigures(c, s, tuning.exactTolerance) === 'compatible');
      missing = vaguer
        ? `vaguer figure: source says ${describe(vaguer)}, claim says ${describe(c)}`
        : `figure not in source: ${describe(c)}`;
      return;
    }
    idx.push(i);
    matched.push(describe(c) === describe(hit) ? describe(c) : `${describe(c)} ~ ${describe(hit)}`);
  });
  // Indices of every matched figure, also when another is missing (a union may supply it).
  const all = claimQ.flatMap((c, i) =>
    requiredFigure(c) && sourceQ.some((s) => compareFigures(c, s, tuning.exactTolerance) === 'match') ? [i] : [],
  );
  if (missing !== null) return { ok: false, detail: missing, matched: all };
  return { ok: true, detail: matched.length ? `same figure: ${matched.join(', ')}` : '', matched: idx };
}

function dayOf(t: TimeRef): string | null {
  if (t.kind === 'date' && t.date) return t.date;
  return null;
}

/** Day, date, month or relative-time mismatch between sentences about the same event. */
/**
 * A claim that puts a known meeting on the wrong day ("the talks on May 15", "held the second
 * round on Tuesday") is contradicted by any source about that meeting that gives its day,
 * even one that shares little else: the day of the meeting is the point. Other day
 * mismatches need the usual alignment (`timeAligned`).
 */
function timeConflict(claim: Rep, source: Rep, timeAligned: boolean, ownAligned: boolean): Found {
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
        if (!timeAligned) continue;
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

/** A start point, not the time of the action: "since …" in its text, or marked by represent(). */
const SINCE_RE = /\b(since|from|as of)\b/i;
const isStartPoint = (t: TimeRef) => t.anchor === 'since' || SINCE_RE.test(t.text);

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
    if (anchorCache.size > 1000) anchorCache.clear();
    anchorCache.set(text, c);
  }
  return c;
}

function timeWords(t: TimeRef): string {
  if (t.kind === 'weekday' && t.weekday !== undefined) return `${t.text.trim()} (${WEEKDAYS[t.weekday]})`;
  if (t.kind === 'month' && t.date) return `${t.text.trim()} (${MONTHS[Number(t.date.slice(5, 7)) - 1]})`;
  return `"${t.text.trim()}"`;
}

function ancestors(p: string): string[] {
  const out: string[] = [];
  const todo = [...(PLACES[p] ?? [])];
  while (todo.length) {
    const q = todo.pop()!;
    if (out.includes(q)) continue;
    out.push(q);
    todo.push(...(PLACES[q] ?? []));
  }
  return out;
}

/** A place in the claim where the source names a different, unrelated place. Capitals that stand for governments are skipped. */
function placeConflict(claim: Rep, source: Rep): Found {
  const claimPlaces = claim.words.places.filter((p) => !PARTY[p]);
  const sourcePlaces = source.words.places.filter((p) => !PARTY[p]);
  for (const p of claimPlaces) {
    const confirmed = sourcePlaces.some((q) => q === p || ancestors(q).includes(p));
    if (confirmed) continue;
    const other = sourcePlaces.find((q) => !ancestors(p).includes(q) && !ancestors(q).includes(p));
    if (other) {
      return { reason: `different place: source says ${source.words.surface[other] ?? other}, claim says ${claim.words.surface[p] ?? p}`, slot: { kind: 'place', place: p } };
    }
  }
  return null;
}

function exclusiveConflict(claim: Rep, source: Rep): Found {
  const cs = setOf(claim);
  const ss = setOf(source);
  for (const set of EXCLUSIVE_SETS) {
    const c = set.find((x) => cs.has(x));
    const s = set.find((x) => ss.has(x));
    if (c && s && c !== s && !ss.has(c)) {
      return { reason: `different description: source says ${source.words.surface[s] ?? s}, claim says ${claim.words.surface[c] ?? c}`, slot: { kind: 'word', word: c } };
    }
  }
  return null;
}

/**
 * Polarity is compared clause by clause on core content (setting words like "talks" or
 * "Istanbul" would let any clause match any other). A flip counts only when the negated
 * clause's negation bears on something the other clause contains ("did not shake hands" vs
 * "shook hands"), not merely when one clause has a "no" somewhere.
 */
interface FlipPair {
  score: number;
  negated: Clause;
  plain: Clause;
  claimNegated: boolean;
  target: string;
}

function polarityFlips(claim: Rep, source: Rep, weight: WeightFn, strict = false): FlipPair[] {
  const out: FlipPair[] = [];
  // Each source clause is owned by the claim clause of its own polarity it matches best: a
  // clause that already supports one part of the claim is not also read as denying another.
  const owned = new Map<Clause, number>();
  for (const sc of source.words.clauses) {
    for (const cc of claim.words.clauses) {
      if (cc.neg !== sc.neg) continue;
      const content = contentOf(cc);
      if (content.length < 2) continue;
      owned.set(sc, Math.max(owned.get(sc) ?? 0, coverage(content, setOf(sc), weight)));
    }
  }
  for (const cc of claim.words.clauses) {
    const content = contentOf(cc);
    if (content.length < 2) continue;
    // A clause of the source with the claim's own polarity that matches at least as well
    // means the source agrees on this clause; a flip elsewhere in it is about something else.
    let bestSame = 0;
    for (const sc of source.words.clauses) {
      if (sc.neg === cc.neg) bestSame = Math.max(bestSame, coverage(content, setOf(sc), weight));
    }
    // "Putin would not attend" is not denied by "Zelensky is attending": a person the claim
    // clause names must be in the source sentence too.
    const named = cc.agents.filter(isPerson);
    if (named.length && !named.some((p) => setOf(source).has(p))) continue;
    for (const sc of source.words.clauses) {
      if (cc.neg === sc.neg || differentSubjects(cc, sc) || differentSpeakers(cc, sc)) continue;
      const [negated, plain] = cc.neg ? [cc, sc] : [sc, cc];
      const plainSet = setOf(plain);
      // What is negated must be an action or a thing, not who is involved ("turned down a meeting with Zelensky").
      const targets = strict ? negated.negHeads : negated.negTargets;
      const target = targets.find((c) => plainSet.has(c) && weight(c) >= MIN_NEGATED_WEIGHT && !notCore(c) && !PARTY[c]);
      if (!target) continue;
      const score = coverage(content, setOf(sc), weight);
      if (score <= bestSame) continue;
      if (strict && (owned.get(sc) ?? 0) >= score) continue;
      out.push({ score, negated, plain, claimNegated: cc.neg, target });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Both clauses report what a named person said, and the persons differ (Rubio's view is not Trump's). */
function differentSpeakers(a: Clause, b: Clause): boolean {
  return !!a.speaker && !!b.speaker && a.speaker !== b.speaker;
}

/** Both clauses name who acts, and no actor (person, or side when no person is named) is shared. */
function differentSubjects(a: Clause, b: Clause): boolean {
  if (!a.subjects.length || !b.subjects.length) return false;
  const persons = (c: Clause) => c.subjects.filter(isPerson);
  const pa = persons(a);
  const pb = persons(b);
  if (pa.length && pb.length) return !pa.some((x) => pb.includes(x));
  const parties = new Set(a.subjects.map((x) => PARTY[x]));
  return !b.subjects.some((x) => parties.has(PARTY[x]));
}

/** Below this weight a negated concept is too generic to carry a polarity conflict ("said", "talks"). */
const MIN_NEGATED_WEIGHT = 1;

function polarityConflict(claim: Rep, source: Rep, weight: WeightFn, tuning: Tuning): Found {
  const best = polarityFlips(claim, source, weight, true)[0];
  if (!best || best.score < tuning.polarityAlignment) return null;
  const negRep = best.claimNegated ? claim : source;
  const who = best.claimNegated ? 'claim' : 'source';
  const t = negRep.words.surface[best.target] ?? best.target;
  return {
    reason: `opposite polarity: the ${who} says "${best.negated.negWords.join(' … ')}" of "${t}", the other affirms it`,
    slot: { kind: 'polarity', target: best.target, claimNeg: best.claimNegated },
  };
}

/** Support needs no clause of the sentence to deny what a clause of the claim asserts (or the reverse). */
function polarityAgrees(claim: Rep, source: Rep, weight: WeightFn): boolean {
  const best = polarityFlips(claim, source, weight)[0];
  if (best && best.score >= POLARITY_VETO) return false;
  // Cheaper test for the veto: the source clause that best matches a claim clause has the
  // other polarity ("expected a great deal" vs "expectations were not high").
  for (const cc of claim.words.clauses) {
    const content = contentOf(cc);
    if (content.length < 2) continue;
    let bestScore = 0;
    let bestClause: Clause | null = null;
    for (const sc of source.words.clauses) {
      const score = coverage(content, setOf(sc), weight);
      if (score > bestScore) {
        bestScore = score;
        bestClause = sc;
      }
    }
    if (bestClause && bestScore >= POLARITY_BEST_CLAUSE && bestClause.neg !== cc.neg && !differentSubjects(cc, bestClause)) return false;
  }
  return true;
}
/** Clause overlap at which the best-matching clause's opposite polarity vetoes support. */
const POLARITY_BEST_CLAUSE = 0.5;
/** Clause overlap above which a polarity flip vetoes support (lower than the conflict gate: vetoing is cheap). */
const POLARITY_VETO = 0.3;

/**
 * Who did it: when the clauses match closely and pin the same specific thing (a shared figure,
 * a shared time, or a single-holder role such as heading a delegation), a different subject is
 * a conflict: "Ukraine proposed a two-to-three-day truce" vs "Moscow offered a truce of two to
 * three days". For roles the subjects must be two persons of the same side (Lavrov vs Medinsky
 * heading Russia's delegation); otherwise two different sides.
 */
function agentConflict(claim: Rep, source: Rep, weight: WeightFn, tuning: Tuning): Found {
  const sourceSet = setOf(source);
  const claimConcepts = claim.words.concepts;
  const sharedFigure = claim.quantities.some((q) => requiredFigure(q) && source.quantities.some((s) => compareFigures(q, s, tuning.exactTolerance) === 'match'));
  const sharedTime = claim.times.some((t) =>
    source.times.some((s) => (t.kind === 'relative' && s.kind === 'relative' && t.offsetDays === s.offsetDays && t.offsetDays !== 0) || (!!t.date && t.kind === 'date' && t.date === s.date)),
  );
  const role = claimConcepts.some((c) => SINGLE_HOLDER.has(c) && sourceSet.has(c));
  if (!sharedFigure && !sharedTime && !role) return null;
  const withoutActors = coverage(claimConcepts, sourceSet, weight, role ? (c) => notCore(c) || TITLES.has(c) || isPerson(c) : (c) => !!PARTY[c] || isFigure(c));
  if (withoutActors < tuning.agentAlignment) return null;
  if (role) {
    const ca = firstAgent(claim, true);
    const sa = firstAgent(source, true);
    if (!ca || !sa || ca === sa || PARTY[ca] !== PARTY[sa] || source.words.actors.includes(ca)) return null;
    return { reason: `different person: source says ${source.words.surface[sa] ?? sa}, claim says ${claim.words.surface[ca] ?? ca}`, slot: { kind: 'role', person: ca } };
  }
  const cs = claim.words.clauses.find((c) => c.subjects.length)?.subjects ?? [];
  const ss = source.words.clauses.find((c) => c.subjects.length)?.subjects ?? [];
  if (!cs.length || !ss.length) return null;
  const claimParties = new Set(cs.map((a) => PARTY[a]));
  if (ss.some((a) => claimParties.has(PARTY[a]))) return null;
  const what = sharedFigure ? 'the same figure' : sharedTime ? 'the same time' : 'the same role';
  return { reason: `different actor for ${what}: source says ${source.words.surface[ss[0]] ?? ss[0]}, claim says ${claim.words.surface[cs[0]] ?? cs[0]}`, slot: { kind: 'agent', party: PARTY[cs[0]] } };
}

function firstAgent(rep: Rep, personOnly: boolean): string | null {
  for (const cl of rep.words.clauses) {
    const a = personOnly ? cl.agents.find((x) => isPerson(x)) : cl.agents[0];
    if (a) return a;
  }
  return null;
}
