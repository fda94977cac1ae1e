/**
 * Who did it: a different actor as a conflict (agentConflict) or as a veto on support
 * (subjectSwapped), and the first named actor of a sentence (firstAgent).
 *
 * "Ukraine proposed a two-to-three-day truce" and "Moscow offered a truce of two to three
 * days" share every content word and still disagree. A conflict needs the two sentences to
 * pin the same specific thing (a figure, a time, a single-holder role); otherwise two sides
 * doing similar things is news, not a contradiction. Withholding support is cheap, so
 * subjectSwapped needs only SUBJECT_VETO alignment and no shared figure, time or role.
 */
import type { Tuning } from '../config';
import { PARTY } from '../lexicon/lexicon';
import { isPerson } from '../lexicon/concepts';
import type { Rep } from './represent';
import type { Found } from './slots';
import { coverage, type WeightFn } from './weights';
import { compareFigures } from './figures';
import { isFigure, notCore, requiredFigure } from './core';
import { setOf } from './memo';

/** Titles that go with a person's name: left out when asking whether two role sentences align. */
const TITLES = new Set(['minister', 'foreign', 'defence', 'president', 'official', 'chief', 'aide', 'kremlin', 'presidential', 'former', 'culture', 'head']);

/** Role predicates that have a single holder: a delegation has one head, a meeting one chair. */
export const SINGLE_HOLDER = new Set(['lead']);

/** Alignment above which a different subject vetoes support (cheap, so lower than the conflict gates). */
const SUBJECT_VETO = 0.3;

/** The claim and the sentence say the same thing but of different sides as the subject. */
export function subjectSwapped(claim: Rep, source: Rep, alignment: number, tuning: Tuning): boolean {
  if (alignment < SUBJECT_VETO) return false;
  const cs = claim.words.clauses[0]?.subjects ?? [];
  const claimParties = new Set(cs.map((a) => PARTY[a]));
  if (!claimParties.size) return false;
  // The source's main clause only: a later clause may be a list continuation (", and Polish
  // Prime Minister Donald Tusk") whose "subject" is no actor of the sentence.
  const sourceParties = new Set((source.words.clauses[0]?.subjects ?? []).map((a) => PARTY[a]));
  if (!sourceParties.size) return false;
  for (const p of claimParties) if (sourceParties.has(p)) return false;
  return true;
}

/**
 * Who did it: when the clauses match closely and pin the same specific thing (a shared figure,
 * a shared time, or a single-holder role such as heading a delegation), a different subject is
 * a conflict: "Ukraine proposed a two-to-three-day truce" vs "Moscow offered a truce of two to
 * three days". For roles the subjects must be two persons of the same side (Lavrov vs Medinsky
 * heading Russia's delegation); otherwise two different sides.
 */
export function agentConflict(claim: Rep, source: Rep, weight: WeightFn, tuning: Tuning): Found {
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

/** The first agent of the first clause that has one: any agent, or only a named person. */
export function firstAgent(rep: Rep, personOnly: boolean): string | null {
  for (const cl of rep.words.clauses) {
    const a = personOnly ? cl.agents.find((x) => isPerson(x)) : cl.agents[0];
    if (a) return a;
  }
  return null;
}

/** The subjects of the first clause that names any (see Clause.subjects). */
export function firstSubjects(rep: Rep): string[] {
  return rep.words.clauses.find((c) => c.subjects.length)?.subjects ?? [];
}
