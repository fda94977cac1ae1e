/**
 * Memoised concept sets of a representation or a clause.
 *
 * Comparisons run claims × candidate sentences, and rebuilding the same sets for every pair
 * was most of the engine's time (profiled). The caches are WeakMaps keyed on the Rep or Clause
 * object itself, so an entry lives exactly as long as the representation it describes and a
 * stale entry cannot be read back for another sentence.
 */
import { EVENT_CONTEXT } from '../lexicon/lexicon';
import type { Clause } from '../lexicon/concepts';
import type { Rep } from './represent';

const setCache = new WeakMap<object, Set<string>>();

/** The concepts of a sentence (all its words) or of one of its clauses, as a set. */
export function setOf(owner: Rep | Clause): Set<string> {
  let s = setCache.get(owner);
  if (!s) {
    s = new Set('words' in owner ? owner.words.concepts : owner.concepts);
    setCache.set(owner, s);
  }
  return s;
}

const contextCache = new WeakMap<Rep, Set<string>>();

/**
 * A sentence's concepts plus the setting its meeting implies (EVENT_CONTEXT): a sentence from
 * a report on the Istanbul talks is about the talks in Istanbul even when it does not say so.
 */
export function withContext(rep: Rep): Set<string> {
  let s = contextCache.get(rep);
  if (!s) {
    s = new Set([...rep.words.concepts, ...(EVENT_CONTEXT[rep.event] ?? [])]);
    contextCache.set(rep, s);
  }
  return s;
}
