/**
 * Plain data passed between the pipeline stages (text → claims → facts → corpus → verify).
 * Every stage takes and returns these shapes only, so each can be tested and run in Node
 * on its own. Offsets are UTF-16 code-unit indices into the ORIGINAL text given to the stage
 * that produced them (JavaScript string indices), end exclusive.
 */

/** One sentence of a text, with its place in the original string. */
export interface Sentence {
  /** The sentence exactly as it appears in the original text: original.slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (block separated by a blank line or a newline) it belongs to. */
  paragraph: number;
}

/** Result of claim detection for one sentence. */
export interface ClaimScore {
  /** 0..1: how check-worthy the sentence is. */
  score: number;
  /** true when score passes the detection threshold. */
  isClaim: boolean;
  /** Short human reasons, e.g. "figure: 1,000", "named actor: Medinsky", "opinion marker: 'is anyone's guess'". */
  reasons: string[];
}

/** How a number is bounded in the text. */
export type Bound =
  | 'exact' // "1,000 prisoners"
  | 'approx' // "about", "around", "some", "roughly", "close to"
  | 'at_least' // "at least", "no fewer than"
  | 'more_than' // "more than", "over", "just over", "slightly more than"
  | 'at_most' // "up to", "at most", "no more than"
  | 'less_than' // "less than", "under", "fewer than", "nearly", "almost", "inside"
  | 'range'; // "1,000 to 1,200", "between 2 and 3"

export type QuantityKind = 'count' | 'duration' | 'age' | 'percent' | 'ordinal' | 'money' | 'year';

/** A figure found in a sentence. */
export interface Quantity {
  kind: QuantityKind;
  /** Lower end of the stated value (exact value when bound is 'exact'); durations are in MINUTES. */
  value: number;
  /** Upper end for ranges; equals value otherwise. */
  high: number;
  bound: Bound;
  /**
   * Numeric interval the text allows, after applying the bound: e.g. "just over an hour" →
   * [60, 90], "less than two hours" → [0, 120), "at least 12" → [12, Infinity].
   * lo/hi are inclusive; loOpen/hiOpen mark strict bounds.
   */
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
  /** "1,000 prisoners each", "1,000-for-1,000", "6,000 for 6,000": a per-side figure. */
  perSide: boolean;
  /** Canonical singular noun of what is counted: 'prisoner', 'body', 'drone', 'day', 'hour', 'child', 'region' … or '' if unknown. */
  unit: string;
  /** The words of the sentence that state it, and their offsets in the sentence text. */
  text: string;
  start: number;
  end: number;
}

/** A reference to a point in time found in a sentence. */
export interface TimeRef {
  kind: 'weekday' | 'date' | 'month' | 'year' | 'relative';
  /** 0 = Sunday … 6 = Saturday, when a weekday is named or resolved. */
  weekday?: number;
  /** ISO date 'YYYY-MM-DD' when it could be resolved (against the document date if needed). */
  date?: string;
  /** For kind 'relative': signed offset in days from the anchor ("the day before" → -1, "a week after" → +7). */
  offsetDays?: number;
  /** For kind 'relative': what the offset is relative to, if stated ("the talks", "the raid"), else ''. */
  anchor?: string;
  text: string;
  start: number;
  end: number;
}

/**
 * Which event of the corpus a document or sentence is about: an id the corpus itself gives (a
 * source's label, or one found from the documents' dates: lib/corpus/events.ts). 'other' and
 * 'unknown' are the labels a reader may give a source that reports none of them.
 */
export type EventId = string;

export type Stance = 'supports' | 'conflicts' | 'related';
export type Verdict = 'corroborated' | 'contradicted' | 'mixed' | 'not_covered';

/** One piece of evidence: an exact corpus sentence and how it bears on the claim. */
export interface Evidence {
  /** Corpus document id (a seed's file name without .txt). */
  source: string;
  /** For a compound claim: the claim's words this evidence speaks to. */
  part?: string;
  /** The exact corpus sentence. */
  quote: string;
  stance: Stance;
  /** Short human explanation naming what was compared. */
  reason: string;
  /** Internal score used to order evidence (higher first). */
  score: number;
}

export interface ClaimResult {
  text: string;
  start: number;
  end: number;
  verdict: Verdict;
  evidence: Evidence[];
  /** Detection score and reasons (present for claims found in a text). */
  detection?: ClaimScore;
  /** For a compound claim: each part's words and what the sources say of it. */
  parts?: Array<{ words: string; status: 'supported' | 'disputed' | 'mixed' | 'not_covered' }>;
}

export interface AnalysisResult {
  claims: ClaimResult[];
}

/** A corpus document before indexing. */
export interface CorpusDoc {
  id: string;
  title: string;
  outlet: string | null;
  /** ISO date or null when the text does not show one. */
  date: string | null;
  event: EventId | null;
  text: string;
}
