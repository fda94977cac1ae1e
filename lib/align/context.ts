/**
 * The types an alignment and the reading of its two sides share: what the corpus tells an
 * alignment (weights, spellings, sides, events), and a claim word as every alignment weighs it.
 * Their own module so that lib/align/sides.ts need not import lib/align/index.ts, which imports it.
 */
import type { Mention } from '../facts/words';
import type { EventRef } from '../facts/event';

export interface AlignContext {
  /** Weight of a lemma or name (rarer in the corpus: heavier). */
  weight(term: string): number;
  /** True when the corpus never uses the term. */
  unseen(term: string): boolean;
  /** True when a term is common in the corpus (setting, not content: the talks, the parties). */
  common(term: string): boolean;
  /** Corpus spellings of a name. */
  variants(name: string): string[];
  /** The side a mention speaks for: its country, or the corpus's affiliation of a person. */
  sideOf(m: Mention): string | undefined;
  claimEvent: EventRef;
  sourceEvent: EventRef;
  /** The day of the source's event, when known. */
  sourceEventDay: string | null;
  /** Tolerance for figures stated without a bound (reporters round). */
  tolerance: number;
  /** The setting of the source's event (lib/corpus/events.ts), which its sentences imply; empty when unknown. */
  setting: ReadonlySet<string>;
}

/** One content word of the claim as every alignment weighs it (the same for every sentence). */
export interface ClaimWord {
  i: number;
  w: number;
  core: boolean;
  name: boolean;
  unseen: boolean;
}
