/**
 * Word alignment of a claim with a sentence: for each content word of the claim, the word of
 * the sentence that says the same (the same lemma, a WordNet synonym, a derived form, a more
 * specific or more general word; for a name, one of its spellings in the corpus or, for a
 * country, its capital or demonym) and how strongly.
 *
 * Per sentence, its words' WordNet keys are collected once (a map key → best word), so aligning a
 * claim costs a few lookups per claim word, not a comparison with every word of the sentence.
 */
import type { Facts } from '../facts/read';
import type { Mention } from '../facts/words';
import { countryOf, KeyIndex } from '../lexicon/wn';

const sourceIndexes = new WeakMap<Facts, KeyIndex<number>>();

/** The content words of a sentence indexed by their WordNet keys (names by their key only). */
export function sourceIndex(f: Facts): KeyIndex<number> {
  let x = sourceIndexes.get(f);
  if (x) return x;
  x = new KeyIndex<number>();
  const ix = x;
  f.words.forEach((w, i) => {
    if (w.content) ix.add(w.lemma, i, w.mention < 0);
  });
  sourceIndexes.set(f, x);
  return x;
}

export interface WordMatch {
  /** Word index in the source, or -1. */
  at: number;
  strength: number;
}

const NONE: WordMatch = { at: -1, strength: 0 };

/** The best match of one lemma (not a name) in a source. */
export function matchLemma(lemma: string, src: KeyIndex<number>): WordMatch {
  const b = src.best(lemma);
  return b ? { at: b.value, strength: b.strength } : NONE;
}

/** A claim name's spellings and country, read once per name and corpus (`variants` is the corpus's). */
const claimNames = new WeakMap<Mention, { variants: (key: string) => string[]; spellings: Set<string>; country: string | undefined }>();

function claimName(m: Mention, variants: (key: string) => string[]) {
  let n = claimNames.get(m);
  if (!n || n.variants !== variants)
    claimNames.set(m, (n = { variants, spellings: new Set([m.key, ...variants(m.key)]), country: m.country ?? countryOf(m.key) }));
  return n;
}

/** Strength with which a country-level name stands for another: "Kremlin"/"Moscow" for Russia. */
export const METONYMY = 0.8;

/**
 * The best match of a claim name in a source: the same name or one of its corpus spellings
 * (`variants`), or — when either is a country — a name in that country (its capital, its demonym).
 */
export function matchName(m: Mention, source: Facts, variants: (key: string) => string[]): WordMatch {
  const { spellings, country: mine } = claimName(m, variants);
  let best = NONE;
  for (const o of source.mentions) {
    const at = o.words[o.words.length - 1];
    if (spellings.has(o.key)) return { at, strength: 1 };
    const theirs = o.country ?? countryOf(o.key);
    if (mine && theirs && mine === theirs && (m.kind === 'country' || o.kind === 'country')) {
      if (METONYMY > best.strength) best = { at, strength: METONYMY };
    }
  }
  return best;
}
