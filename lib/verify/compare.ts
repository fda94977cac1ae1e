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
import { EXCLUSIVE_SETS, PARTY, PLACES, SETTING } from '../lexicon/lexicon';
import { isPerson } from '../lexicon/concepts';
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

/** Role predicates that have a single holder: a delegation has one head, a meeting one chair. */
const SINGLE_HOLDER = new Set(['lead']);

const isNumber = (c: string) => c.startsWith('#');
/** Not core: figures (compared as intervals), parties and persons, and setting words. */
export const notCore = (c: string) => isNumber(c) || !!PARTY[c] || SETTING.has(c);

/** Concepts that carry polarity themselves; left out when matching clauses, or a flip could never align. */
const POLARITY_CONCEPTS = new Set(['reject', 'fail', 'satisfied', 'ready']);

export function eventsCompatible(a: EventId, b: EventId): boolean {
  if (a === 'unknown' || b === 'unknown') return true;
  return a === b;
}

export function compareSentence(claim: Rep, source: Rep, weight: WeightFn, tuning: Tuning): Comparison {
  const claimConcepts = claim.words.concepts;
  const sourceSet = new Set(source.words.concepts);
  const cov = coverage(claimConcepts, sourceSet, weight);
  const shared = claimConcepts.filter((c) => sourceSet.has(c));
  const sameEvent = eventsCompatible(claim.event, source.event);
  const base = { coverage: cov, shared };
  const words = (cs: string[]) => cs.filter((c) => !isNumber(c)).slice(0, 6).map((c) => claim.words.surface[c] ?? c).join(', ');

  // Alignment without figures: what the two say apart from the numbers.
  const alignment = coverage(claimConcepts, sourceSet, weight, isNumber);

  if (sameEvent && alignment >= tuning.conflictAlignment) {
    const conflict =
      figureConflict(claim, source, tuning) ??
      timeConflict(claim.times, source.times, claim.event, source.event) ??
      placeConflict(claim, source) ??
      exclusiveConflict(claim, source) ??
      (alignment >= tuning.polarityAlignment ? polarityConflict(claim, source, weight, tuning) : null) ??
      (alignment >= tuning.agentAlignment ? agentConflict(claim, source, weight, tuning) : null);
    if (conflict) {
      return { ...base, figuresMatched: [], eligible: false, stance: 'conflicts', reason: conflict, score: 1 + alignment };
    }
  }

  // Support.
  const figures = figureSupport(claim.quantities, source.quantities, tuning);
  const strictEvent = claim.event !== 'unknown' && source.event !== 'unknown' && claim.event !== source.event;
  const eventSpecific = claim.quantities.length > 0 || claim.times.length > 0;
  const polarityOk = polarityAgrees(claim, source, weight);
  const eligible = polarityOk && !(strictEvent && eventSpecific);
  const core = coverage(claimConcepts, sourceSet, weight, notCore);
  const coreOk = core >= tuning.coreCoverage || !claimConcepts.some((c) => !notCore(c));
  const common = { ...base, figuresMatched: figures.matched, eligible };
  if (cov >= tuning.supportCoverage && coreOk && figures.ok && eligible) {
    const parts = [figures.detail, `shared words: ${words(shared)}`].filter(Boolean);
    return { ...common, stance: 'supports', reason: parts.join('; '), score: cov + (figures.detail ? 0.2 : 0) };
  }

  let why = `shares ${words(shared) || 'few words'}`;
  if (!figures.ok && figures.detail) why += `; ${figures.detail}`;
  else if (strictEvent) why += `; about a different meeting (${label(source.event)})`;
  else if (!polarityOk) why += '; one of them is negated';
  else if (!coreOk) why += '; the main point is not in it';
  return { ...common, stance: 'related', reason: why, score: cov };
}

function label(e: EventId): string {
  return e === 'round1' ? 'round 1, 16 May' : e === 'round2' ? 'round 2, 2 June' : e;
}

/**
 * A claim figure that the source states differently, with no other source figure matching it.
 * Not when the two name different sides as the actor: "Russia offered two to three days" and
 * "Kyiv proposed 30 days" are two proposals, not one figure reported twice.
 */
function figureConflict(claim: Rep, source: Rep, tuning: Tuning): string | null {
  const claimQ = claim.quantities;
  const sourceQ = source.quantities;
  if (!claimQ.length || !sourceQ.length) return null;
  const ca = firstAgent(claim, false);
  const sa = firstAgent(source, false);
  if (ca && sa && PARTY[ca] !== PARTY[sa] && !source.words.actors.includes(ca)) return null;
  for (const c of claimQ) {
    if (c.kind === 'ordinal' || c.kind === 'year') continue;
    let conflicting: Quantity | null = null;
    let agreeing = false;
    for (const s of sourceQ) {
      const r = compareFigures(c, s, tuning.exactTolerance);
      if (r === 'match' || r === 'compatible') agreeing = true;
      else if (r === 'conflict' && !conflicting) conflicting = s;
    }
    if (conflicting && !agreeing) {
      return `different figure: source says ${describe(conflicting)}, claim says ${describe(c)}`;
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
function timeConflict(claimT: TimeRef[], sourceT: TimeRef[], claimEvent: EventId, sourceEvent: EventId): string | null {
  if (!claimT.length || !sourceT.length) return null;
  const known = claimEvent !== 'unknown' && sourceEvent !== 'unknown';
  for (const c of claimT) {
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
        return `different day: source says ${timeWords(s)}, claim says ${timeWords(c)}`;
      }
    } else if (c.kind === 'month') {
      const months = sourceT.filter((s) => s.kind === 'month' && s.date);
      if (months.length && c.date && !months.some((s) => s.date!.slice(0, 7) === c.date!.slice(0, 7))) {
        return `different month: source says ${timeWords(months[0])}, claim says ${timeWords(c)}`;
      }
    } else if (c.kind === 'relative' && c.offsetDays !== undefined && c.offsetDays !== 0) {
      const rel = sourceT.filter((s) => s.kind === 'relative' && s.offsetDays !== undefined && s.offsetDays !== 0);
      if (rel.length && !rel.some((s) => Math.sign(s.offsetDays!) === Math.sign(c.offsetDays!) && s.offsetDays === c.offsetDays)) {
        const s = rel[0];
        if (Math.sign(s.offsetDays!) === Math.sign(c.offsetDays!) || Math.abs(s.offsetDays! - c.offsetDays!) >= 2) {
          return `different time: source says ${timeWords(s)}, claim says ${timeWords(c)}`;
        }
      }
    }
  }
  return null;
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
function placeConflict(claim: Rep, source: Rep): string | null {
  const claimPlaces = claim.words.places.filter((p) => !PARTY[p]);
  const sourcePlaces = source.words.places.filter((p) => !PARTY[p]);
  for (const p of claimPlaces) {
    const confirmed = sourcePlaces.some((q) => q === p || ancestors(q).includes(p));
    if (confirmed) continue;
    const other = sourcePlaces.find((q) => !ancestors(p).includes(q) && !ancestors(q).includes(p));
    if (other) {
      return `different place: source says ${source.words.surface[other] ?? other}, claim says ${claim.words.surface[p] ?? p}`;
    }
  }
  return null;
}

function exclusiveConflict(claim: Rep, source: Rep): string | null {
  const cs = new Set(claim.words.concepts);
  const ss = new Set(source.words.concepts);
  for (const set of EXCLUSIVE_SETS) {
    const c = set.find((x) => cs.has(x));
    const s = set.find((x) => ss.has(x));
    if (c && s && c !== s && !ss.has(c)) {
      return `different description: source says ${source.words.surface[s] ?? s}, claim says ${claim.words.surface[c] ?? c}`;
    }
  }
  return null;
}

interface ClausePair {
  score: number;
  claimNeg: boolean;
  sourceNeg: boolean;
  claimIdx: number;
  sourceIdx: number;
}

/** For each substantial claim clause, the source clause that best covers it. */
function bestClausePairs(claim: Rep, source: Rep, weight: WeightFn): ClausePair[] {
  const pairs: ClausePair[] = [];
  claim.words.clauses.forEach((cc, ci) => {
    const content = cc.concepts.filter((c) => !isNumber(c) && !PARTY[c] && !POLARITY_CONCEPTS.has(c));
    if (content.length < 2) return;
    let best: ClausePair | null = null;
    source.words.clauses.forEach((sc, si) => {
      const set = new Set(sc.concepts);
      const score = coverage(content, set, weight);
      if (!best || score > best.score) best = { score, claimNeg: cc.neg, sourceNeg: sc.neg, claimIdx: ci, sourceIdx: si };
    });
    if (best) pairs.push(best);
  });
  return pairs;
}

/** Below this weight a negated concept is too generic to carry a polarity conflict ("said", "talks"). */
const MIN_NEGATED_WEIGHT = 1;

function polarityConflict(claim: Rep, source: Rep, weight: WeightFn, tuning: Tuning): string | null {
  for (const p of bestClausePairs(claim, source, weight)) {
    if (p.score < tuning.polarityAlignment || p.claimNeg === p.sourceNeg) continue;
    const cc = claim.words.clauses[p.claimIdx];
    const sc = source.words.clauses[p.sourceIdx];
    const [negated, other] = p.claimNeg ? [cc, sc] : [sc, cc];
    const otherSet = new Set(other.concepts);
    const target = negated.negTargets.find((c) => otherSet.has(c) && weight(c) >= MIN_NEGATED_WEIGHT && !PARTY[c]);
    if (!target) continue;
    const rep = p.claimNeg ? claim : source;
    const who = p.claimNeg ? 'claim' : 'source';
    return `opposite polarity: the ${who} says "${negated.negWords.join(' … ')} … ${rep.words.surface[target] ?? target}", the other does not negate "${(p.claimNeg ? source : claim).words.surface[target] ?? target}"`;
  }
  return null;
}

/** Support needs the best-matching clauses to agree in polarity on what they share. */
function polarityAgrees(claim: Rep, source: Rep, weight: WeightFn): boolean {
  return bestClausePairs(claim, source, weight).every((p) => {
    if (p.score < 0.5 || p.claimNeg === p.sourceNeg) return true;
    const cc = claim.words.clauses[p.claimIdx];
    const sc = source.words.clauses[p.sourceIdx];
    const [negated, other] = p.claimNeg ? [cc, sc] : [sc, cc];
    return !negated.negTargets.some((c) => other.concepts.includes(c));
  });
}

/**
 * Who did it: when the clauses match closely and pin the same specific thing (a shared figure,
 * or a single-holder role such as heading a delegation), a different agent is a conflict.
 */
function agentConflict(claim: Rep, source: Rep, weight: WeightFn, tuning: Tuning): string | null {
  const sourceSet = new Set(source.words.concepts);
  const claimConcepts = claim.words.concepts;
  const sharedFigure = claimConcepts.some((c) => isNumber(c) && sourceSet.has(c)) ||
    claim.quantities.some((q) => source.quantities.some((s) => compareFigures(q, s, tuning.exactTolerance) === 'match'));
  const role = claimConcepts.some((c) => SINGLE_HOLDER.has(c) && sourceSet.has(c));
  if (!sharedFigure && !role) return null;
  const withoutActors = coverage(claimConcepts, sourceSet, weight, role ? (c) => notCore(c) || TITLES.has(c) : (c) => !!PARTY[c] || isNumber(c));
  if (withoutActors < tuning.agentAlignment) return null;
  const ca = firstAgent(claim, role);
  const sa = firstAgent(source, role);
  if (!ca || !sa || ca === sa) return null;
  if (claim.words.clauses.some((cl) => cl.agents.includes(sa) || cl.agents.some((a) => PARTY[a] === PARTY[sa] && !role))) return null;
  if (sourceSet.has(ca) && !role) return null;
  if (role) {
    if (!isPerson(ca) || !isPerson(sa) || PARTY[ca] !== PARTY[sa]) return null;
    if (source.words.actors.includes(ca)) return null;
  } else if (PARTY[ca] === PARTY[sa]) return null;
  return `different actor: source says ${source.words.surface[sa] ?? sa}, claim says ${claim.words.surface[ca] ?? ca}`;
}

function firstAgent(rep: Rep, personOnly: boolean): string | null {
  for (const cl of rep.words.clauses) {
    const a = personOnly ? cl.agents.find((x) => isPerson(x)) : cl.agents[0];
    if (a) return a;
  }
  return null;
}
