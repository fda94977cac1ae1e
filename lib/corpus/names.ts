/**
 * Which names in the corpus a name stands for, by spelling: transliterations and noisy
 * translations of one name ("Kyiv", "Kiev", "Kief"; "Zelensky", "Zelenskiy", "Zelenskyy";
 * "Dolmabahce", "Dormabach") are one name. Nothing is listed: the corpus's own names are the
 * candidates, and similarity is measured on a transliteration skeleton with Jaro–Winkler.
 *
 * Two names WordNet knows as different proper names never merge ("Iran"/"Iraq",
 * "Austria"/"Australia"); neither do names that differ in their first letter, or short ones.
 * Trade-off: a lower threshold finds more noisy spellings and merges more distinct people; at
 * NAME_SIMILARITY the seeds' variants merge and no two WordNet names of the dev data do.
 */
import { countryOf, keysOf, properKind } from '../lexicon/wn';
import { jaroWinkler, levenshtein, skeleton } from '../lexicon/spelling';

export { jaroWinkler, levenshtein, skeleton };

/** Jaro–Winkler similarity on skeletons at or above which two names may be one. */
export const NAME_SIMILARITY = 0.84;
/** …and at most this share of the longer skeleton may differ (edits): "Lavrov" is not "Lavrentiev". */
export const MAX_EDIT_SHARE = 0.34;
/** Names shorter than this (skeleton letters) match only exactly: "Sumy" and "Samy" are not one. */
export const MIN_NAME_LENGTH = 5;

/**
 * Are two name keys spellings of one name? Names WordNet knows are established spellings: they
 * meet another name only on the same skeleton ("Kiev"/"Kyiv") or, both known, in one synset
 * ("Odessa"/"Odesa"); "Truman" is not a misspelt "Trump". Two unknown names meet when their
 * skeletons are close by both measures.
 */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  // WordNet's synonyms ("UN" / "United Nations"), and an acronym of the other's initials.
  if (sharesSense(a, b) || acronymOf(a, b) || acronymOf(b, a)) return true;
  const sa = skeleton(a);
  const sb = skeleton(b);
  const ka = !!(properKind(a) ?? countryOf(a));
  const kb = !!(properKind(b) ?? countryOf(b));
  if (ka && kb) return sharesSense(a, b);
  if (sa === sb) return sa.length >= 3;
  if (ka || kb) return false;
  if (sa[0] !== sb[0] || Math.min(sa.length, sb.length) < MIN_NAME_LENGTH) return false;
  if (levenshtein(sa, sb) > MAX_EDIT_SHARE * Math.max(sa.length, sb.length)) return false;
  return jaroWinkler(sa, sb) >= NAME_SIMILARITY;
}

/** Words an acronym leaves out ("Organization of the Petroleum Exporting Countries"). */
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', '&']);

/** "iaea" of "international atomic energy agency": the initials of the other's words. */
function acronymOf(short: string, long: string): boolean {
  if (!/^[a-z]{2,6}$/.test(short)) return false;
  const words = long.split(/[\s-]+/).filter((w) => w && !ACRONYM_SKIP.has(w));
  return words.length >= 2 && words.map((w) => w[0]).join('') === short;
}

function sharesSense(a: string, b: string): boolean {
  const kb = new Set(keysOf(b).s);
  return keysOf(a).s.some((k) => kb.has(k)) || (countryOf(a) !== undefined && countryOf(a) === countryOf(b) && countryOf(a) === a);
}

/**
 * The corpus's names, for finding the spellings of a name. Grows with the corpus; lookups are
 * memoised until it grows.
 */
export class NameTable {
  private byInitial = new Map<string, Set<string>>();
  private memo = new Map<string, string[]>();

  add(name: string): void {
    const k = skeleton(name)[0] ?? '';
    let set = this.byInitial.get(k);
    if (!set) this.byInitial.set(k, (set = new Set()));
    if (!set.has(name)) {
      set.add(name);
      this.memo.clear();
    }
  }

  has(name: string): boolean {
    return this.byInitial.get(skeleton(name)[0] ?? '')?.has(name) ?? false;
  }

  /** Corpus names that are spellings of `name` (itself included when the corpus has it). */
  variants(name: string): string[] {
    let hit = this.memo.get(name);
    if (hit) return hit;
    hit = [];
    for (const other of this.byInitial.get(skeleton(name)[0] ?? '') ?? []) if (sameName(name, other)) hit.push(other);
    this.memo.set(name, hit);
    return hit;
  }

  *all(): Iterable<string> {
    for (const set of this.byInitial.values()) yield* set;
  }
}
