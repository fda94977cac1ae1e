/**
 * Mutually exclusive descriptors: a claim that the delegations sat "opposite" each other and a
 * sentence that has them "side by side" cannot both be true (EXCLUSIVE_SETS in the lexicon).
 *
 * A conflict needs the claim's word to be absent from the sentence: a sentence that uses both
 * members ("not side by side but opposite") is not a contradiction of either.
 */
import { EXCLUSIVE_SETS } from '../lexicon/lexicon';
import type { Rep } from './represent';
import type { Found } from './slots';
import { setOf } from './memo';

/**
 * Every word of every exclusive set. The alignment gate for this conflict leaves them out, or
 * the very words in dispute would lower the alignment of the two sentences they set apart.
 */
export const EXCLUSIVE_WORDS = new Set(EXCLUSIVE_SETS.flat());

/** A descriptor of the claim where the sentence uses another member of the same exclusive set. */
export function exclusiveConflict(claim: Rep, source: Rep): Found {
  const cs = setOf(claim);
  const ss = setOf(source);
  for (const set of EXCLUSIVE_SETS) {
    const c = set.find((x) => cs.has(x));
    const s = set.find((x) => ss.has(x));
    if (c && s && c !== s && !ss.has(c)) {
      return { reason: `different description: source says ${source.words.surface[s] ?? s}, claim says ${claim.words.surface[c] ?? c}`, slot: { kind: 'word', word: c } };
    }
  }
  return null;
}
