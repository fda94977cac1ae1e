/**
 * What the corpus as a whole says of one claim part, as features for the verdict model: the
 * sentences are looked at together, not one by one, because a claim is often supported by two
 * or three sentences that each carry part of it (the venue in one, the figure in another), and
 * because a claim whose words the corpus never uses is not covered, however one sentence scores.
 *
 *   bestSupport  the strongest single sentence's probability of support (pair model)
 *   bestConflict the strongest same-event sentence's probability of conflict (pair model)
 *   union        share of the claim's core words said by the best few sentences together
 *   unmatched    share of the claim's core words no retrieved sentence says at all
 *   names        share of the claim's names some sentence names
 *   unseen       share of the claim's words the corpus never uses; unseenName: one of its names
 *   figure / time: confirmed by some sentence (Match), disputed (Dispute: the best alignment of
 *                a sentence disputing it), never stated (Missing)
 *   *Dispute     per slot, the best alignment of a sentence of the same event disputing it
 */
import type { Alignment } from '../align/index';
import type { Decision } from '../decide/index';

export interface Compared {
  sentence: number;
  decision: Decision;
  alignment: Alignment;
}

export const CLAIM_FEATURES = [
  'bestSupport',
  'union',
  'bestCore',
  'unmatched',
  'names',
  'unseen',
  'unseenName',
  'bestCov',
  'figMatch',
  'figDispute',
  'figMissing',
  'timeMatch',
  'timeDispute',
  'timeMissing',
  'placeDispute',
  'polarityDispute',
  'actorDispute',
  'evalDispute',
  'modalDispute',
  'exclusiveDispute',
  'bestConflict',
  'eventDiffTop',
  'length',
] as const;
export type ClaimFeature = (typeof CLAIM_FEATURES)[number];
export type ClaimFeatureVector = Record<ClaimFeature, number>;

/** Sentences whose words count toward the union: the strongest few, as a reader would combine them. */
export const UNION_SENTENCES = 3;
/** A word said at least this strongly is said. */
const SAID = 0.45;
/** A claim of this many content words is long (the feature is its length over it). */
const LONG_CLAIM = 20;
/**
 * A sentence the pair model gives at least this chance of conflicting is not counted as support.
 * Below it, the dispute found is weak (a stray opposite word in another clause, a modal the
 * claim leaves out) and must not void what the sentence does say.
 */
export const DISPUTE_BLOCKS = 0.5;

/** True when a sentence's dispute is strong enough to keep it out of the claim's support. */
export const blocksSupport = (c: Compared): boolean => c.alignment.disputes.length > 0 && c.decision.pConflicts >= DISPUTE_BLOCKS;

/** How strongly the best of `list` says claim word `k` (0 when none does): a loop, not a spread per word. */
function strongest(list: Compared[], k: number): number {
  let m = 0;
  for (const c of list) m = Math.max(m, c.alignment.strengths[k]);
  return m;
}

export function claimFeatures(cs: Compared[]): ClaimFeatureVector {
  const f = Object.fromEntries(CLAIM_FEATURES.map((k) => [k, 0])) as ClaimFeatureVector;
  if (!cs.length) return { ...f, unmatched: 1, names: 1 };
  const words = cs[0].alignment.words;
  const total = (pick: (w: { core: boolean; name: boolean }) => boolean) => words.reduce((s, w) => s + (pick(w) ? w.w : 0), 0);
  const said = (list: Compared[], pick: (w: { core: boolean; name: boolean }) => boolean) =>
    words.reduce((s, w, k) => (pick(w) ? s + w.w * strongest(list, k) : s), 0);
  const sameEvent = cs.filter((c) => !c.alignment.features.eventDiff);
  const bySupport = [...cs].sort((a, b) => b.decision.pSupports - a.decision.pSupports);
  // The union is read over the sentences that could support: same event, nothing in dispute, best core first.
  const candidates = sameEvent.filter((c) => !blocksSupport(c)).sort((a, b) => b.alignment.features.core - a.alignment.features.core);
  const top = candidates.slice(0, UNION_SENTENCES);
  const core = (w: { core: boolean }) => w.core;
  const coreT = total(core);
  f.bestSupport = bySupport[0].decision.pSupports;
  // A sentence about another occasion disputes nothing (its figure may differ and both be true).
  f.bestConflict = Math.max(0, ...sameEvent.map((c) => c.decision.pConflicts));
  f.union = coreT ? (top.length ? said(top, core) / coreT : 0) : 1;
  f.bestCore = Math.max(0, ...candidates.map((c) => c.alignment.features.core));
  f.unmatched = coreT ? words.reduce((s, w, k) => (w.core && strongest(cs, k) < SAID ? s + w.w : s), 0) / coreT : 0;
  const nameT = total((w) => w.name);
  f.names = nameT ? said(cs, (w) => w.name) / nameT : 1;
  const allT = total(() => true);
  f.unseen = allT ? words.reduce((s, w) => s + (w.unseen ? w.w : 0), 0) / allT : 0;
  f.unseenName = words.some((w) => w.name && w.unseen) ? 1 : 0;
  f.bestCov = Math.max(0, ...cs.map((c) => c.alignment.features.cov));
  const any = (k: keyof Alignment['features'], list = cs) => Math.max(0, ...list.map((c) => c.alignment.features[k]));
  f.figMatch = any('figMatch', sameEvent);
  f.timeMatch = any('timeMatch', sameEvent);
  for (const k of ['figDispute', 'timeDispute', 'placeDispute', 'polarityDispute', 'actorDispute', 'evalDispute', 'modalDispute', 'exclusiveDispute'] as const)
    f[k] = any(k, sameEvent);
  const hasFig = cs.some((c) => c.alignment.features.figMatch || c.alignment.features.figConflict || c.alignment.features.figMissing);
  f.figMissing = hasFig && !f.figMatch && !f.figDispute ? 1 : 0;
  const hasTime = cs.some((c) => c.alignment.features.timeMatch || c.alignment.features.timeConflict || c.alignment.features.timeMissing);
  f.timeMissing = hasTime && !f.timeMatch && !f.timeDispute ? 1 : 0;
  f.eventDiffTop = bySupport[0].alignment.features.eventDiff;
  f.length = Math.min(1, words.length / LONG_CLAIM);
  return f;
}
