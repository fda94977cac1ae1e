/**
 * The decision model's inputs: the alignment features and the products that let a linear model
 * say "a differing figure matters only when the frames are aligned". One place defines them, so
 * training (scripts/train-decision.ts) and the engine build the same vector.
 */
import type { FeatureVector } from '../align/index';
import { DISPUTE_FEATURES, FEATURES } from '../align/index';

/** Classes, in the order of the model's rows. */
export const CLASSES = ['related', 'supports', 'conflicts'] as const;
export type ModelClass = (typeof CLASSES)[number];

/** How aligned the frames are (lib/align: the claim's clause said by one clause of the sentence). */
export function frame(f: FeatureVector): number {
  return f.frame;
}

/** Products the linear model cannot form on its own. */
const INTERACTIONS: Array<[string, (f: FeatureVector) => number]> = [
  ['cov*pred', (f) => f.cov * f.pred],
  ['cov*names', (f) => f.cov * f.names],
  ['figMatch*frame', (f) => f.figMatch * frame(f)],
];

export const INPUTS: string[] = [...FEATURES, ...INTERACTIONS.map(([n]) => n)];

/**
 * Which way each input may push a class (against "related"): +1 only up, -1 only down, 0 free.
 * What a feature means is known before any data is seen — more of the claim said can only help
 * support, a disputed figure can only hurt it — so training may choose how much, never the sign.
 * This keeps a small, noisy training set from learning that unmatched words make support likelier.
 */
const UP = new Set([
  'cov',
  'covStrict',
  'core',
  'pred',
  'predVerb',
  'args',
  'names',
  'figMatch',
  'timeMatch',
  'eventSame',
  'subjSame',
  'cov*pred',
  'cov*names',
  'figMatch*frame',
  'frame',
]);
const DOWN = new Set([
  'uncovered',
  'predMissing',
  'unseen',
  'unseenName',
  'figConflict',
  'figMissing',
  'timeConflict',
  'timeMissing',
  'eventDiff',
  'negFlip',
  'antonym',
  'subjDiff',
  'personDiff',
  'evalFlip',
  'modalDiff',
  'placeConflict',
  'exclusive',
  'longSource',
]);
const DISPUTES = new Set<string>(DISPUTE_FEATURES);

export function signOf(input: string, cls: ModelClass): -1 | 0 | 1 {
  if (cls === 'related') return 0;
  if (cls === 'supports') return UP.has(input) ? 1 : DOWN.has(input) || DISPUTES.has(input) ? -1 : 0;
  if (DISPUTES.has(input) || ['eventSame'].includes(input)) return 1;
  if (['unseen', 'unseenName', 'eventDiff', 'uncovered', 'predMissing'].includes(input)) return -1;
  return 0;
}

/** The model's inputs for one alignment, in INPUTS order (indexed loops: it runs for every comparison). */
export function inputVector(f: FeatureVector): number[] {
  const x: number[] = [];
  for (let i = 0; i < FEATURES.length; i++) x.push(f[FEATURES[i]]);
  for (let j = 0; j < INTERACTIONS.length; j++) x.push(INTERACTIONS[j][1](f));
  return x;
}

export interface ModelWeights {
  inputs: string[];
  classes: string[];
  /** One row per class, one column per input. */
  W: number[][];
  b: number[];
  /** How the weights were made (script, data, cross-validation figures). */
  trained: Record<string, unknown>;
}

/** Class probabilities (softmax). Plain loops: it runs for every claim × sentence pair. */
export function predict(w: ModelWeights, x: number[]): number[] {
  const z: number[] = [];
  for (let k = 0; k < w.W.length; k++) {
    const row = w.W[k];
    let s = w.b[k];
    for (let i = 0; i < row.length; i++) s += row[i] * (x[i] ?? 0);
    z.push(s);
  }
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
