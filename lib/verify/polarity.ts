/**
 * Polarity: does a clause of the sentence deny what a clause of the claim asserts, or the
 * reverse? As a conflict (polarityConflict) and, with lower thresholds, as a veto on support
 * (polarityAgrees).
 *
 * Polarity is compared clause by clause on core content (setting words like "talks" or
 * "Istanbul" would let any clause match any other). A flip counts only when the negated
 * clause's negation bears on something the other clause contains ("did not shake hands" vs
 * "shook hands"), not merely when one clause has a "no" somewhere. Clauses with different
 * subjects or different reported speakers are not compared: "Putin would not attend" is not
 * denied by "Zelensky is attending", and Rubio's view is not Trump's.
 */
import type { Tuning } from '../config';
import { PARTY } from '../lexicon/lexicon';
import { isPerson, type Clause } from '../lexicon/concepts';
import type { Rep } from './represent';
import type { Found } from './slots';
import { coverage, type WeightFn } from './weights';
import { notCore } from './core';
import { setOf } from './memo';

/** Concepts that carry polarity themselves; left out when matching clauses, or a flip could never align. */
const POLARITY_CONCEPTS = new Set(['reject', 'fail', 'satisfied', 'ready']);

/** Below this weight a negated concept is too generic to carry a polarity conflict ("said", "talks"). */
const MIN_NEGATED_WEIGHT = 1;

/** Clause overlap at which the best-matching clause's opposite polarity vetoes support. */
const POLARITY_BEST_CLAUSE = 0.5;

/** Clause overlap above which a polarity flip vetoes support (lower than the conflict gate: vetoing is cheap). */
const POLARITY_VETO = 0.3;

/** A claim clause needs at least this many core concepts to be matched: one word aligns with anything. */
const MIN_CLAUSE_CONTENT = 2;

const contentCache = new WeakMap<Clause, string[]>();
/** A clause's core content, for clause-to-clause matching (memoised like memo.ts, for the same reason). */
function contentOf(cc: Clause): string[] {
  let c = contentCache.get(cc);
  if (!c) {
    c = cc.concepts.filter((x) => !notCore(x) && !POLARITY_CONCEPTS.has(x));
    contentCache.set(cc, c);
  }
  return c;
}

/** A negated clause facing a plain clause that it denies, and how well the two match. */
interface FlipPair {
  score: number;
  negated: Clause;
  plain: Clause;
  claimNegated: boolean;
  target: string;
}

/**
 * Every pair of a claim clause and a sentence clause of opposite polarity where the negation
 * bears on something the plain clause contains, best match first. `strict` (for conflicts)
 * asks more: the negation's head must be the target, and a sentence clause that already
 * supports another part of the claim is not read as denying this one.
 */
function polarityFlips(claim: Rep, source: Rep, weight: WeightFn, strict = false): FlipPair[] {
  const out: FlipPair[] = [];
  // Each source clause is owned by the claim clause of its own polarity it matches best: a
  // clause that already supports one part of the claim is not also read as denying another.
  const owned = new Map<Clause, number>();
  for (const sc of source.words.clauses) {
    for (const cc of claim.words.clauses) {
      if (cc.neg !== sc.neg) continue;
      const content = contentOf(cc);
      if (content.length < MIN_CLAUSE_CONTENT) continue;
      owned.set(sc, Math.max(owned.get(sc) ?? 0, coverage(content, setOf(sc), weight)));
    }
  }
  for (const cc of claim.words.clauses) {
    const content = contentOf(cc);
    if (content.length < MIN_CLAUSE_CONTENT) continue;
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

/** The best strict flip, when its clauses match well enough (tuning.polarityAlignment) to be a conflict. */
export function polarityConflict(claim: Rep, source: Rep, weight: WeightFn, tuning: Tuning): Found {
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
export function polarityAgrees(claim: Rep, source: Rep, weight: WeightFn): boolean {
  const best = polarityFlips(claim, source, weight)[0];
  if (best && best.score >= POLARITY_VETO) return false;
  // Cheaper test for the veto: the source clause that best matches a claim clause has the
  // other polarity ("expected a great deal" vs "expectations were not high").
  for (const cc of claim.words.clauses) {
    const content = contentOf(cc);
    if (content.length < MIN_CLAUSE_CONTENT) continue;
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
