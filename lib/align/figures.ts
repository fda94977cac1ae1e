/**
 * Compares two figures that count the same kind of thing. Each figure is an interval (the
 * extractor turns "just over an hour" into (60, 90] minutes, "at least 12" into [12, ∞)).
 *
 *   match    — the source is at least as precise as the claim and inside it:
 *              source "just over an hour" matches claim "under two hours"
 *   compatible — the intervals overlap but the source is vaguer: not support, not conflict
 *   conflict — the intervals are disjoint: "more than four hours" vs "less than two hours"
 *
 * "Each" versus "in total": a figure marked per side is doubled before comparing with a total;
 * a figure NOT marked either way may be one side's share, so a factor of two between two
 * unmarked figures is never a conflict ("the bodies of 6,000 Ukrainian soldiers" is half of a
 * 6,000-for-6,000 exchange). Figures stated without a bound are widened by the exact-figure
 * tolerance, because reporters round.
 */
import type { Quantity } from '../types';
import { lemmatize } from '../lexicon/lemma';
import { relatedness } from '../lexicon/wn';
import { GENERIC_PEOPLE } from '../lexicon/function-words';

export type FigureRelation = 'match' | 'compatible' | 'conflict' | 'unrelated';

interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

/** Two counted nouns this related (WordNet) count the same thing: "troops"/"soldiers", "captives"/"prisoners". */
const SAME_UNIT = 0.6;

function unitKey(unit: string): string {
  return unit ? lemmatize(unit.toLowerCase()) : '';
}

/**
 * Can these two figures be about the same thing? Same kind; for counts the same or a related
 * counted noun (or one is a generic people-count: "1,000 people" may count prisoners); durations
 * of the same scale (a meeting's hours are never compared with a truce's days).
 */
export function sameMeasure(a: Quantity, b: Quantity): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'duration') return durationScale(a) === durationScale(b);
  if (a.kind === 'age' || a.kind === 'percent') return true;
  if (a.kind !== 'count') return a.kind === 'money' && a.unit === b.unit;
  const ua = unitKey(a.unit);
  const ub = unitKey(b.unit);
  if (!ua || !ub) return false;
  if (ua === ub) return true;
  if (GENERIC_PEOPLE.has(ua) || GENERIC_PEOPLE.has(ub)) return true;
  return Math.max(relatedness(ua, ub), relatedness(ub, ua)) >= SAME_UNIT;
}

/**
 * Durations are compared only within one scale: a meeting's hours, a truce's days or weeks,
 * a war's months or years. "A three-year war" says nothing about "talks two weeks apart".
 */
const DAY = 24 * 60;
export function durationScale(q: Quantity): number {
  const v = Number.isFinite(q.value) ? q.value : q.lo;
  return v <= DAY ? 0 : v <= 60 * DAY ? 1 : 2;
}

function widen(q: Quantity, tolerance: number): Interval {
  if (q.bound === 'exact' && Number.isFinite(q.value)) {
    const d = Math.abs(q.value) * tolerance;
    return { lo: q.value - d, hi: q.value + d, loOpen: false, hiOpen: false };
  }
  return { lo: q.lo, hi: q.hi, loOpen: q.loOpen, hiOpen: q.hiOpen };
}

function scale(i: Interval, k: number): Interval {
  return { ...i, lo: i.lo * k, hi: i.hi * k };
}

function overlaps(a: Interval, b: Interval): boolean {
  const loA = a.lo,
    hiA = a.hi,
    loB = b.lo,
    hiB = b.hi;
  if (hiA < loB || hiB < loA) return false;
  if (hiA === loB && (a.hiOpen || b.loOpen)) return false;
  if (hiB === loA && (b.hiOpen || a.loOpen)) return false;
  return true;
}

function inside(inner: Interval, outer: Interval): boolean {
  const loOk = inner.lo > outer.lo || (inner.lo === outer.lo && (!outer.loOpen || inner.loOpen));
  const hiOk = inner.hi < outer.hi || (inner.hi === outer.hi && (!outer.hiOpen || inner.hiOpen));
  return loOk && hiOk;
}

/**
 * A source interval that lies mostly inside the claim's still supports it ("just over an hour"
 * for "after an hour"); one that is much wider ("less than two hours" for "under an hour") is
 * vaguer than the claim and only compatible. Share of the source interval's width.
 */
const MOSTLY_INSIDE = 0.6;

function overlapShare(source: Interval, claim: Interval): number {
  const width = source.hi - source.lo;
  if (!Number.isFinite(width) || width <= 0) return 0;
  const lo = Math.max(source.lo, claim.lo);
  const hi = Math.min(source.hi, claim.hi);
  return Math.max(0, hi - lo) / width;
}

/** Relation of a source figure to a claim figure (see the module comment). */
/**
 * `exchange`: the sentences are about a reciprocal handover (an exchange, a swap, a return),
 * where an unmarked figure may be one side's share; otherwise ("50,000 troops massed") a figure
 * is read as it stands.
 */
export function compareFigures(claim: Quantity, source: Quantity, tolerance: number, exchange = false): FigureRelation {
  // A count whose noun the extractor could not find can still be confirmed by the same
  // figure, but never disputed: without its noun we do not know what it counts.
  if (claim.kind === 'count' && source.kind === 'count' && (!claim.unit || !source.unit)) {
    return claim.perSide === source.perSide && inside(widen(source, tolerance), widen(claim, tolerance)) ? 'match' : 'unrelated';
  }
  if (!sameMeasure(claim, source)) return 'unrelated';
  if (claim.kind === 'age') {
    // An age limit defines who is included: "under 25" and "under 30" are different rules.
    return claim.value === source.value ? 'match' : 'conflict';
  }
  const c = widen(claim, tolerance);
  const s = widen(source, tolerance);
  // A per-side source figure doubled is the total: certain enough to match a claimed total.
  // An unmarked source figure halved or doubled is only a possible reading: it can save a
  // figure from conflict but never confirm it.
  const variants: Array<{ i: Interval; certain: boolean }> = [{ i: s, certain: true }];
  if (claim.kind === 'count' && (exchange || source.perSide || claim.perSide)) {
    if (source.perSide && !claim.perSide) variants.push({ i: scale(s, 2), certain: true });
    else if (claim.perSide && !source.perSide) variants.push({ i: scale(s, 0.5), certain: false });
    else if (!claim.perSide && !source.perSide) variants.push({ i: scale(s, 2), certain: false }, { i: scale(s, 0.5), certain: false });
  }
  let best: FigureRelation = 'conflict';
  for (const { i: v, certain } of variants) {
    if (certain && (inside(v, c) || (overlaps(v, c) && overlapShare(v, c) >= MOSTLY_INSIDE))) return 'match';
    if (overlaps(v, c)) best = 'compatible';
  }
  return best;
}

/** "1,000 prisoners each" style text for reasons. */
export function describe(q: Quantity): string {
  return q.text.trim();
}
