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
 *
 * This module only orchestrates; each kind of comparison has its own module:
 *   figure-compare.ts  figures          time-compare.ts  days, dates, months, relative times
 *   places.ts          places           exclusive.ts     mutually exclusive descriptors
 *   polarity.ts        negation flips   actors.ts        who did it
 *   core.ts            what a supporting sentence must carry (notCore, requiredFigure)
 *   memo.ts            memoised concept sets            slots.ts  what is in dispute
 * confirmsSlot is here too: it asks of a second source the question a conflict raised.
 */
import type { Tuning } from '../config';
import type { EventId, Stance } from '../types';
import { EVENT_CONTEXT, PARTY, PLACES } from '../lexicon/lexicon';
import type { Rep } from './represent';
import { coverage, type WeightFn } from './weights';
import { compareFigures } from './figures';
import { isFigure, notCore, requiredFigure } from './core';
import { setOf, withContext } from './memo';
import type { Slot } from './slots';
import { figureConflict, figureSupport } from './figure-compare';
import { timeConflict, timeSupport } from './time-compare';
import { ancestors, placeConflict } from './places';
import { EXCLUSIVE_WORDS, exclusiveConflict } from './exclusive';
import { polarityAgrees, polarityConflict } from './polarity';
import { agentConflict, SINGLE_HOLDER, subjectSwapped } from './actors';

// The module's API as it was before the split (lib/verify/index.ts imports from here).
export { notCore, requiredFigure } from './core';
export type { Slot } from './slots';

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

/** Own-word alignment needed to compare times of a claim classified as another occasion. */
const OTHER_EVENT_TIME_ALIGNMENT = 0.75;

/** Shared words quoted in a reason: enough to show what was matched, short enough for a tooltip. */
const REASON_WORDS = 6;

/** Score bonus for a supporting sentence that also matches a figure: a figure pins the claim. */
const FIGURE_BONUS = 0.2;

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
  const m = measure(claim, sourceSet, ownSet, weight);
  const cov = m.all;
  const shared = claimConcepts.filter((c) => ownSet.has(c));
  const base = { coverage: cov, shared };
  const words = (cs: string[]) => cs.filter((c) => !isFigure(c) && !/^ord\d/.test(c)).slice(0, REASON_WORDS).map((c) => claim.words.surface[c] ?? c).join(', ');

  // Alignment: how much of the claim the sentence contains apart from the slot being compared.
  const alignment = m.noFigure;
  // Without the implied event setting: for conflicts that the setting says nothing about.
  const ownAlignment = m.ownNoFigure;

  // Far from the claim: only the meeting-day rule can still apply (it does not need alignment).
  if (cov < tuning.relatedCoverage && alignment < FAR_ALIGNMENT) {
    const t = sameEvent ? timeConflict(claim, source, false) : null;
    if (t) return { ...base, figuresMatched: [], timeMatched: false, eligible: false, stance: 'conflicts', reason: t.reason, slot: t.slot, score: 1 + alignment };
    return { ...base, figuresMatched: [], timeMatched: false, eligible: false, stance: 'related', reason: `shares ${words(shared) || 'few words'}`, score: cov };
  }

  // A claim that moves a reported plan to another month reads as "another occasion" to the
  // event classifier; when it otherwise says the same thing, compare its time anyway.
  if (!sameEvent && claim.event === 'other' && ownAlignment >= OTHER_EVENT_TIME_ALIGNMENT) {
    const t = timeConflict(claim, source, true);
    if (t) return { ...base, figuresMatched: [], timeMatched: false, eligible: false, stance: 'conflicts', reason: t.reason, slot: t.slot, score: 1 + ownAlignment };
  }
  if (sameEvent) {
    const gate = tuning.conflictAlignment;
    const conflict =
      (alignment >= gate ? figureConflict(claim, source, tuning) : null) ??
      timeConflict(claim, source, ownAlignment >= gate) ??
      (m.noPlace >= gate ? placeConflict(claim, source) : null) ??
      (m.noExclusive >= gate ? exclusiveConflict(claim, source) : null) ??
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
  const coreOk = m.core >= tuning.coreCoverage || !m.hasCore;
  const common = { ...base, figuresMatched: figures.matched, timeMatched, eligible };
  if (cov >= tuning.supportCoverage && coreOk && figures.ok && timeMatched && eligible) {
    const parts = [figures.detail, `shared words: ${words(shared)}`].filter(Boolean);
    return { ...common, stance: 'supports', reason: parts.join('; '), score: cov + (figures.detail ? FIGURE_BONUS : 0) };
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

/** Below this alignment (and related coverage) a candidate is too far from the claim to support or dispute it. */
const FAR_ALIGNMENT = 0.3;

interface ClaimItem {
  c: string;
  w: number;
  figure: boolean;
  place: boolean;
  exclusive: boolean;
  core: boolean;
}
const itemsCache = new WeakMap<Rep, { weight: WeightFn; items: ClaimItem[] }>();

/** The claim's concepts with their weights and roles, computed once per claim and weighting. */
function claimItems(claim: Rep, weight: WeightFn): ClaimItem[] {
  const hit = itemsCache.get(claim);
  if (hit && hit.weight === weight) return hit.items;
  const items = claim.words.concepts.map((c) => ({
    c,
    w: weight(c),
    figure: isFigure(c),
    place: !!PLACES[c],
    exclusive: EXCLUSIVE_WORDS.has(c),
    core: !notCore(c),
  }));
  itemsCache.set(claim, { weight, items });
  return items;
}

/**
 * Every coverage figure the comparison needs, in one pass over the claim's concepts (the same
 * weighted shares `coverage()` gives, each leaving out one slot): this is the engine's hot loop.
 */
function measure(claim: Rep, sourceSet: ReadonlySet<string>, ownSet: ReadonlySet<string>, weight: WeightFn) {
  let all = 0, allHit = 0, nf = 0, nfHit = 0, ownHit = 0, np = 0, npHit = 0, ne = 0, neHit = 0, core = 0, coreHit = 0;
  for (const it of claimItems(claim, weight)) {
    const inSource = sourceSet.has(it.c);
    all += it.w;
    if (inSource) allHit += it.w;
    if (it.core) {
      core += it.w;
      if (inSource) coreHit += it.w;
    }
    if (it.figure) continue;
    nf += it.w;
    if (inSource) nfHit += it.w;
    if (ownSet.has(it.c)) ownHit += it.w;
    if (!it.place) {
      np += it.w;
      if (inSource) npHit += it.w;
    }
    if (!it.exclusive) {
      ne += it.w;
      if (inSource) neHit += it.w;
    }
  }
  const share = (h: number, t: number) => (t > 0 ? h / t : 0);
  return {
    all: share(allHit, all),
    noFigure: share(nfHit, nf),
    ownNoFigure: share(ownHit, nf),
    noPlace: share(npHit, np),
    noExclusive: share(neHit, ne),
    core: share(coreHit, core),
    hasCore: core > 0,
  };
}

/** A meeting as a reason names it. */
function label(e: EventId): string {
  return e === 'round1' ? 'round 1, 16 May' : e === 'round2' ? 'round 2, 2 June' : e;
}
