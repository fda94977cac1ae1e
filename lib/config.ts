/**
 * Every tunable number of the engine, in one place (the learned weights are the one generated
 * file lib/decide/weights.json). `npm run eval -- --sweep NAME=v1,v2,…` shows what changing one
 * does on the dev and tune splits — never on the blind one. The guiding rule: a false
 * "conflicts" tells a reader that true reporting is wrong, so the gate on the way to
 * "conflicts" is stricter than the one on the way to "supports".
 */
export const TUNING = {
  /** Candidates kept from retrieval per claim before the detailed comparison. More costs time, rarely changes verdicts. */
  candidates: 16,
  /** Probability of "supports" (decision model) at or above which a sentence supports a claim part. */
  supportThreshold: 0.3,
  /** …and disputed when the chance that at least one sentence conflicts reaches this. Chosen for contradiction precision. */
  conflictThreshold: 0.7,
  /** A sentence whose probability of supporting or disputing is below this is not even shown as related context. */
  relatedMin: 0.05,
  /**
   * Share of a compound claim's weight its supported parts must carry (the main part always
   * among them) for the claim to be corroborated; the rest may be uncovered detail.
   */
  partSupportShare: 0.6,
  /**
   * How the sentences' probabilities combine into a part's: 0 = the strongest sentence decides
   * (max), 1 = any of them may (noisy-OR). Must match how the model was trained (npm run train).
   */
  aggregation: 0,
  /** Tolerance applied to figures stated without a bound ("two hours", "1,000"): reporters round. */
  exactTolerance: 0.05,
  /** Weight of a word the corpus never uses, as a multiple of the largest corpus IDF (a specific unknown detail). */
  unknownWeight: 1.0,
  /**
   * A term in more than this share of the corpus's sentences is setting (which talks, which
   * parties), not content: a supporting sentence must also cover the claim's other words.
   */
  commonShare: 0.1,
  /** Weight multiplier for names (people, places): a name pins what a claim is about. */
  nameWeight: 1.2,
} as const;

export type Tuning = { -readonly [K in keyof typeof TUNING]: number };
