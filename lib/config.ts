/**
 * Every tunable number of the verifier, in one place. `npm run eval -- --sweep NAME=v1,v2,…`
 * shows what changing one does on the dev set. The guiding rule: a false "conflicts" tells a
 * reader that true reporting is wrong, so every gate on the way to "conflicts" is stricter
 * than the matching gate on the way to "supports".
 */
export const TUNING = {
  /** Candidates kept from retrieval per claim before the detailed comparison. More costs time, rarely changes verdicts. */
  candidates: 16,
  /**
   * Weighted share of the claim's concepts a single sentence must contain to support it.
   * Below ~0.5 topical neighbours ("Zelensky" + "prisoners") start to count as support.
   */
  supportCoverage: 0.4,
  /**
   * Share of the claim's core concepts (not the setting: which talks, which parties, where)
   * a supporting sentence must contain. Keeps "the delegations shook hands at the second
   * round in Istanbul" from being supported by any sentence about the second round.
   */
  coreCoverage: 0.35,
  /**
   * A claim may be supported by several sentences together (one has the venue, another the
   * figure). Their union must reach this share, and each contributing sentence must reach
   * `supportPartial` on its own.
   */
  unionCoverage: 0.6,
  supportPartial: 0.25,
  /** Share below which a sentence is not even shown as related context. */
  relatedCoverage: 0.22,
  /**
   * Alignment (coverage of the claim's words OTHER than the slot under comparison) needed
   * before a differing figure, date, place or polarity counts as a conflict. Higher than
   * `supportCoverage`: the two sentences must plainly be about the same thing.
   */
  conflictAlignment: 0.5,
  /** A polarity flip needs more: negation is easy to misread across clauses. */
  polarityAlignment: 0.5,
  /** An agent swap ("Ukraine proposed" vs "Russia offered") needs the most, plus a shared figure or place. */
  agentAlignment: 0.6,
  /**
   * Tolerance applied to figures stated without a bound ("two hours", "1,000"): reporters
   * round, so an exact figure is read as ±this share before intervals are compared.
   */
  exactTolerance: 0.05,
  /** Weight of a concept never seen in the corpus, as a multiple of the largest corpus IDF (specific unknown detail). */
  unknownWeight: 1.0,
  /** Weight multiplier for figures ("#1000") in coverage: a matching figure is strong evidence. */
  numberWeight: 1.2,
  /** Weight multiplier for named actors and places. */
  nameWeight: 1.3,
} as const;

export type Tuning = { -readonly [K in keyof typeof TUNING]: number };
