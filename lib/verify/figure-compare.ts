/**
 * Figures of a claim against a sentence: a conflict (figureConflict) or support (figureSupport).
 *
 * The interval arithmetic is in figures.ts; this module decides which figures count. Only
 * required figures take part (core.ts: long background spans do not). A figure conflicts only
 * when no other figure of the sentence agrees with it, and never when the two name different
 * sides as the actor: two proposals, not one figure reported twice. Support needs every
 * required figure matched; the matched indices are reported even when one is missing, so that
 * a union of sentences (index.ts) can supply the rest.
 */
import type { Tuning } from '../config';
import type { Quantity } from '../types';
import { PARTY } from '../lexicon/lexicon';
import type { Rep } from './represent';
import type { Found } from './slots';
import { compareFigures, describe } from './figures';
import { requiredFigure } from './core';
import { setOf } from './memo';
import { firstSubjects } from './actors';
import { conceptOf, foldText } from '../lexicon/concepts';

/** Concepts of an exchange between the sides, where a figure may be per side or in total. */
const EXCHANGE_CONCEPTS = ['exchange', 'return', 'give'];

/**
 * A claim figure that the source states differently, with no other source figure matching it.
 * Not when the two name different sides as the actor: "Russia offered two to three days" and
 * "Kyiv proposed 30 days" are two proposals, not one figure reported twice.
 */
export function figureConflict(claim: Rep, source: Rep, tuning: Tuning): Found {
  const claimQ = claim.quantities;
  const sourceQ = source.quantities;
  if (!claimQ.length || !sourceQ.length) return null;
  // Two sides as the subjects: two different figures (proposals, losses), not one in dispute.
  const cs = firstSubjects(claim);
  const ss = firstSubjects(source);
  if (cs.length && ss.length && !ss.some((a) => cs.some((b) => PARTY[a] === PARTY[b]))) return null;
  const exchange = EXCHANGE_CONCEPTS.some((c) => setOf(claim).has(c) || setOf(source).has(c));
  const claimOwners = claimQ.map((q) => figureOwner(claim, q));
  const sourceOwners = sourceQ.map((q) => figureOwner(source, q));
  for (const [ci, c] of claimQ.entries()) {
    // Background spans ("met again in a little over two weeks") are neither required nor disputed.
    if (!requiredFigure(c)) continue;
    let conflicting: Quantity | null = null;
    let agreeing = false;
    for (const [si, s] of sourceQ.entries()) {
      // "Russia offered two to three days" and "Kyiv's proposals include 30 days": different owners.
      const co = claimOwners[ci];
      const so = sourceOwners[si];
      if (co && so && PARTY[co] !== PARTY[so]) continue;
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

/** Does the sentence match every required figure of the claim, with a detail for the reason. */
export function figureSupport(claimQ: Quantity[], sourceQ: Quantity[], tuning: Tuning): { ok: boolean; detail: string; matched: number[] } {
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

/** How far back (characters) a possessive owner of a figure is looked for ("Kyiv's proposals include a 30-day …"). */
const OWNER_REACH = 40;

/**
 * The side a figure belongs to: a possessive shortly before it ("Kyiv's proposals include a
 * 30-day ceasefire"), else the subject of the sentence ("Russia offered two to three days").
 * A place named before a figure is not its owner ("the cities of Kyiv … with 472 drones").
 */
export function figureOwner(rep: Rep, q: Quantity): string {
  const before = rep.text.slice(Math.max(0, q.start - OWNER_REACH), q.start);
  let owner = '';
  for (const m of before.matchAll(/(\p{L}+)['\u2019]s\b/gu)) {
    const c = conceptOf(foldText(m[1]));
    if (c && PARTY[c]) owner = c;
  }
  return owner || (firstSubjects(rep)[0] ?? '');
}
