/**
 * Decision stage entry point: one alignment → supports / conflicts / related, with the model's
 * probabilities and a reason that names what was compared.
 *
 * The model is a multinomial logistic regression over the alignment features (lib/decide/model.ts),
 * trained by `npm run train` (scripts/train-decision.ts) on the tune split; its weights are the one
 * generated file `weights.json`. The thresholds that turn probabilities into stances are tunables
 * (config.ts), chosen on the tune split with contradiction precision first.
 *
 * Two rules stand outside the model, because a false "conflicts" tells a reader that true reporting
 * is wrong: a sentence about another event never conflicts (and never supports a claim whose figure
 * or day belongs to its event), and a conflict must name the slot in dispute.
 */
import type { Alignment } from '../align/index';
import type { Stance } from '../types';
import weights from './weights.json';
import { inputVector, predict, type ModelWeights } from './model';

export interface Decision {
  /** The sentence's stance; set by the verdict stage, which weighs all the sentences together. */
  stance: Stance;
  /** The model's probability that this sentence supports the claim (part). */
  pSupports: number;
  /** …and that it conflicts with it. */
  pConflicts: number;
  /** Reason to show for each stance the verdict stage may give it. */
  reasons: Record<Stance, string>;
  /** The slot in dispute, when there is one. */
  slot?: string;
  /** Slots this sentence states the claim's way (a second source's "mixed" needs one of them). */
  confirms: string[];
  /** Convenience: the reason for `stance`. */
  reason: string;
}

const MODEL = (weights as unknown as { pair: ModelWeights }).pair;

/** Shared words quoted in a reason: enough to show what matched, short enough for a tooltip. */
const REASON_WORDS = 6;
/** A claim word matched at least this well counts as shared in a reason; a main point matched below it is "not in" the sentence. */
const REASON_MATCH = 0.6;

export function decide(a: Alignment, claimWords: (i: number) => string, eventSpecific: boolean, model: ModelWeights = MODEL): Decision {
  const p = predict(model, inputVector(a.features));
  let pS = p[1];
  let pC = p[2];
  if (a.features.eventDiff) {
    pC = 0;
    if (eventSpecific) pS = 0;
  }
  if (!a.disputes.length) pC = 0;
  const f = a.features;
  const confirms = [
    f.figMatch && 'figure',
    f.timeMatch && 'time',
    f.names === 1 && !f.placeConflict && 'place',
    f.predVerb && !f.negFlip && !f.antonym && 'polarity',
    f.subjSame && 'actor',
    f.predVerb && !f.evalFlip && 'evaluation',
    f.predVerb && !f.modalDiff && 'modality',
  ].filter((x): x is string => !!x);
  // The first REASON_WORDS pairs matched well enough (indexed, not destructured: this runs per comparison).
  const shared: string[] = [];
  for (const pair of a.pairs) {
    if (shared.length === REASON_WORDS) break;
    if (pair[2] >= REASON_MATCH) shared.push(claimWords(pair[0]));
  }
  const sharedText = shared.length ? `shared words: ${shared.join(', ')}` : 'few words in common';
  let why = sharedText;
  if (a.features.eventDiff) why += '; about a different event';
  else if (a.disputes.length) why += `; ${a.disputes[0].detail}`;
  else if (a.features.pred < REASON_MATCH) why += '; the main point is not in it';
  const reasons: Record<Stance, string> = {
    supports: [...a.agreements.map((x) => x.detail), sharedText].join('; '),
    conflicts: a.disputes[0]?.detail ?? why,
    related: why,
  };
  return { stance: 'related', pSupports: pS, pConflicts: pC, reasons, slot: a.disputes[0]?.slot, confirms, reason: why };
}
