/**
 * Precision/recall of claim detection against gold labels, for the eval script and tests.
 *
 * Sentences are matched by normalizeForMatch text (quotes, dashes, case, diacritics and spacing
 * do not matter), as sets: a duplicated sentence counts once. A predicted sentence that is not a
 * gold claim is a false positive even if it is in neither gold list (e.g. a mis-split fragment),
 * so splitting errors are penalised too.
 */
import { normalizeForMatch } from '../text/normalize';

export interface DetectionScore {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Compare predicted claim sentences with gold claims. `gold.nonClaims` is accepted for symmetry
 * and diagnostics; any prediction outside `gold.claims` is a false positive.
 * Precision is 1 when nothing is predicted; recall is 1 when there are no gold claims.
 */
export function scoreDetection(predicted: string[], gold: { claims: string[]; nonClaims: string[] }): DetectionScore {
  const goldClaims = new Set(gold.claims.map(normalizeForMatch));
  const pred = new Set(predicted.map(normalizeForMatch));
  let tp = 0;
  let fp = 0;
  for (const p of pred) {
    if (goldClaims.has(p)) tp++;
    else fp++;
  }
  const fn = goldClaims.size - tp;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall, tp, fp, fn };
}
