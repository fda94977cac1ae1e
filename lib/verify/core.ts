/**
 * What a supporting sentence must carry of a claim: its core concepts and its required figures.
 *
 * Core content is what the claim is about, not who or where it is framed by: figures are
 * compared as intervals (figures.ts), not as words; parties and the setting ("talks",
 * "Istanbul") are shared by nearly every sentence of the corpus and so prove nothing. Persons
 * stay core, because "Lavrov said" and "Medinsky said" are different claims.
 *
 * Used by the single-sentence comparison (compare.ts and the conflict modules) and by the
 * union support in index.ts, which must ask the same question of several sentences together.
 */
import type { Quantity } from '../types';
import { PARTY, SETTING } from '../lexicon/lexicon';
import { isPerson } from '../lexicon/concepts';

/** Figure tokens are concept ids with this prefix ("#6000", "#2"), written by the lexicon and represent(). */
const NUMBER_PREFIX = '#';

export const isNumber = (c: string) => c.startsWith(NUMBER_PREFIX);

/** Figure tokens and the duration marker: compared as intervals, not as words. */
export const isFigure = (c: string) => isNumber(c) || c === 'duration';

/** Not core: figures (compared as intervals), parties and persons, and setting words. */
export const notCore = (c: string) => isFigure(c) || (!!PARTY[c] && !isPerson(c)) || SETTING.has(c);

/**
 * Every figure of the claim must be matched by the source for it to support. Long spans
 * ("a little over two weeks") are background, usually computed from dates, and not required.
 */
export function requiredFigure(q: Quantity): boolean {
  if (q.kind === 'ordinal' || q.kind === 'year') return false;
  return !(q.kind === 'duration' && /^(week|month|year)/.test(q.unit));
}
