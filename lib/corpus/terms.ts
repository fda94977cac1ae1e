/**
 * The index terms of a sentence, read without a tagger so that indexing 100,000 sentences stays
 * cheap: lemmas of its content words (WordNet's lemmatiser), names as written (a capitalised word
 * that is not just the sentence's first word, or an acronym), demonyms as their country
 * ("Russian" → russia), WordNet multi-word expressions as one term ("prisoner of war") and
 * figures written in digits as `#1000`.
 *
 * Claims get the same terms for retrieval, so a word always meets itself; the finer comparison
 * (lib/align) reads tagged facts instead.
 */
import { lemmatize } from '../lexicon/lemma';
import { countryOf, isKnownWord, isPhrase, mayStartPhrase, pertainymOf } from '../lexicon/wn';
import { STOPWORDS, TITLE_WORDS } from '../lexicon/function-words';
import { nameKey } from '../facts/words';

export interface Terms {
  /** Unique terms in order of first appearance. */
  terms: string[];
  /** The subset that are names (written capitalised mid-sentence, or acronyms). */
  names: string[];
  /** Names preceded by a demonym or a country's possessive: who a person speaks for ("Russian aide X"). */
  affiliations: Array<[name: string, country: string]>;
}

const TOKEN = /(\d[\d,.]*\d|\d)|([\p{L}][\p{L}\p{M}'’.-]*[\p{L}\p{M}]|[\p{L}])|([.;:!?,()"“”])/gu;

/** Words between an affiliation and the name it qualifies ("Russian presidential aide Vladimir X"). */
const AFFILIATION_REACH = 5;

/** A word without a possessive 's and a final full stop (it runs for every word indexed: no regex). */
function bareWord(w: string): string {
  const n = w.length;
  if (n >= 2 && w[n - 1] === 's' && (w[n - 2] === "'" || w[n - 2] === '’')) w = w.slice(0, n - 2);
  return w.endsWith('.') ? w.slice(0, -1) : w;
}

export function indexTerms(sentence: string): Terms {
  const terms: string[] = [];
  const names: string[] = [];
  const affiliations: Array<[string, string]> = [];
  const seen = new Set<string>();
  const add = (t: string, name = false) => {
    if (!t) return;
    if (!seen.has(t)) {
      seen.add(t);
      terms.push(t);
    }
    if (name && !names.includes(t)) names.push(t);
  };
  const words: Array<{ low: string; raw: string; cap: boolean; first: boolean }> = [];
  let first = true;
  let lastCountry = '';
  let sinceCountry = 99;
  for (const m of sentence.matchAll(TOKEN)) {
    if (m[3]) {
      first = /[.;:!?"“”(]/.test(m[3]);
      sinceCountry = 99;
      words.push({ low: m[3], raw: m[3], cap: false, first: false });
      continue;
    }
    if (m[1]) {
      const v = Number(m[1].replace(/,/g, ''));
      if (Number.isFinite(v) && !/^(19|20)\d\d$/.test(m[1])) add(`#${v}`);
      first = false;
      continue;
    }
    const raw = bareWord(m[2]);
    const acronym = /^\p{Lu}{2,}$/u.test(raw.includes('.') ? raw.replace(/\./g, '') : raw);
    const cap = /^\p{Lu}/u.test(raw);
    const low = raw.toLowerCase();
    words.push({ low, raw, cap, first });
    const wasFirst = first;
    first = false;
    sinceCountry++;
    if (!acronym && STOPWORDS.has(low)) continue;
    const demonym = cap ? pertainymOf(low) : undefined;
    if (demonym) {
      const country = countryOf(demonym) ?? demonym;
      add(country, true);
      lastCountry = country;
      sinceCountry = 0;
      continue;
    }
    if (acronym || (cap && !(wasFirst && isKnownWord(low)))) {
      const key = nameKey(acronym ? raw.replace(/\./g, '') : raw);
      if (!key) continue;
      if (TITLE_WORDS.has(key)) {
        add(lemmatize(low));
        continue;
      }
      const country = countryOf(key);
      add(key, true);
      if (country && country === key) {
        lastCountry = country;
        sinceCountry = 0;
      } else if (lastCountry && sinceCountry <= AFFILIATION_REACH && !country) {
        affiliations.push([key, lastCountry]);
      }
      continue;
    }
    add(lemmatize(low));
  }
  // WordNet multi-word expressions ("prisoner of war", "cease fire").
  for (let i = 0; i < words.length; i++) {
    if (STOPWORDS.has(words[i].low) || !mayStartPhrase(lemmatize(words[i].low))) continue;
    for (const n of [3, 2]) {
      if (i + n > words.length) continue;
      const phrase = words
        .slice(i, i + n)
        .map((w) => lemmatize(w.low))
        .join(' ');
      if (phrase.includes(' ') && isPhrase(phrase)) add(phrase);
    }
  }
  return { terms, names, affiliations };
}
