/**
 * The verdict model: a multinomial logistic regression from what the corpus as a whole says of a
 * claim part (lib/verdict/features.ts) to not covered / corroborated / contradicted, trained by
 * `npm run train` with the pair model; both live in the one generated file lib/decide/weights.json.
 */
import { CLAIM_FEATURES, type ClaimFeatureVector } from './features';
import { DISPUTE_FEATURES } from '../align/index';
import type { ModelWeights } from '../decide/model';

/** Classes, in the order of the model's rows ("not covered" is the reference). */
export const VERDICT_CLASSES = ['not_covered', 'corroborated', 'contradicted'] as const;

const INTERACTIONS: Array<[string, (f: ClaimFeatureVector) => number]> = [
  ['union*names', (f) => f.union * f.names],
  ['bestSupport*union', (f) => f.bestSupport * f.union],
];

export const VERDICT_INPUTS: string[] = [...CLAIM_FEATURES, ...INTERACTIONS.map(([n]) => n)];

export function verdictInputs(f: ClaimFeatureVector): number[] {
  return [...CLAIM_FEATURES.map((k) => f[k]), ...INTERACTIONS.map(([, g]) => g(f))];
}

/** The claim features that speak against support: every slot in dispute, and the strongest conflict. */
const DISPUTES: readonly string[] = [...DISPUTE_FEATURES, 'bestConflict'];
const SUPPORT_UP = new Set(['bestSupport', 'union', 'bestCore', 'names', 'figMatch', 'timeMatch', 'bestCov', 'union*names', 'bestSupport*union']);
const SUPPORT_DOWN = new Set(['unmatched', 'unseen', 'unseenName', 'figMissing', 'timeMissing', 'eventDiffTop', ...DISPUTES]);

/**
 * Which way each input may push a verdict (against "not covered"), known before any data is
 * seen: training chooses how much, never the sign (see lib/decide/model.ts).
 */
/** Sign value meaning "held at zero". */
export const FIXED = 2 as const;

export function verdictSign(input: string, cls: (typeof VERDICT_CLASSES)[number]): -1 | 0 | 1 | 2 {
  // The claim's length says nothing about the world: held at zero (it only fits the training set).
  if (input === 'length') return FIXED;
  if (cls === 'corroborated') return SUPPORT_UP.has(input) ? 1 : SUPPORT_DOWN.has(input) ? -1 : 0;
  // A contradiction rests on a disputed slot (and the sentence model's reading of it) and
  // nothing else: every other input is held at zero.
  if (cls === 'contradicted') return DISPUTES.includes(input) ? 1 : FIXED;
  return 0;
}

export type VerdictWeights = ModelWeights;
