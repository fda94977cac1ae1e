/**
 * How much each concept of a claim matters when asking "does this sentence say the same?".
 * Inverse document frequency over corpus sentences (a word in every sentence says nothing),
 * times a multiplier: framing words count little (LIGHT_CONCEPTS), figures and names count
 * more. A concept the corpus never uses gets the top weight: it is a specific detail
 * ("Vilnius", "Galuzin") that no source reports, which is exactly what "not covered" means.
 */
import { LIGHT_CONCEPTS, PARTY, PLACES } from '../lexicon/lexicon';
import type { Tuning } from '../config';
import type { CorpusIndex } from '../corpus/index';

export type WeightFn = (concept: string) => number;

export function makeWeights(index: CorpusIndex, tuning: Tuning): WeightFn {
  const n = index.sentences.length || 1;
  const maxIdf = Math.log(1 + (n + 0.5) / 0.5);
  const cache = new Map<string, number>();
  return (c: string) => {
    let w = cache.get(c);
    if (w !== undefined) return w;
    const df = index.df.get(c) ?? 0;
    const idf = df === 0 ? maxIdf * tuning.unknownWeight : Math.log(1 + (n - df + 0.5) / (df + 0.5));
    let mult = LIGHT_CONCEPTS[c] ?? 1;
    if (c.startsWith('#')) mult *= tuning.numberWeight;
    else if (PARTY[c] || PLACES[c]) mult *= tuning.nameWeight;
    w = idf * mult;
    cache.set(c, w);
    return w;
  };
}

/** Weighted share of `claim` concepts found in `source` (0..1), skipping those `skip` rejects. */
export function coverage(
  claim: readonly string[],
  source: ReadonlySet<string>,
  weight: WeightFn,
  skip?: (c: string) => boolean,
): number {
  let total = 0;
  let hit = 0;
  for (const c of claim) {
    if (skip?.(c)) continue;
    const w = weight(c);
    total += w;
    if (source.has(c)) hit += w;
  }
  return total > 0 ? hit / total : 0;
}
