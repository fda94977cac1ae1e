/**
 * Text stage entry point: segment an article's text into sentences with offsets into the
 * original string, plus the character normalisers the other stages use for matching.
 */
import type { Sentence } from '../types';
import { splitSentences } from './sentences';

export { normalizeChars, normalizeForMatch } from './normalize';
export { splitSentences, SENTENCE_TUNING } from './sentences';

/** Split a text into sentences (see sentences.ts for the rules). */
export function segment(text: string): Sentence[] {
  return splitSentences(text);
}
