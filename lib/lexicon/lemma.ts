/**
 * Base form of an English word, WordNet's way (morphy): an irregular form's base (went → go),
 * else the word itself when WordNet knows it, else the first base form the detachment rules
 * give that WordNet knows ("agreed" → agree, "bodies" → body). Unknown words are returned as
 * they are, lowercased: a name is its own lemma.
 *
 * A plural WordNet lists as a word of its own ("hours", "talks") stays whole here; it meets its
 * singular through its WordNet keys (wn.ts pluralBase).
 *
 * One lemmatiser serves indexing, retrieval and comparison, so a word always meets itself.
 */
import { PLURAL_RULES, irregularBase, isKnownWord, isVerbLemma } from './wn';

/** WordNet's detachment rules, nouns first, then verbs, then adjectives. */
const RULES: ReadonlyArray<readonly [string, string]> = [
  ...PLURAL_RULES,
  ['ies', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['er', ''],
  ['est', ''],
  ['er', 'e'],
  ['est', 'e'],
];

/** Memo bound: lemmas are asked for every word of every sentence. */
const MEMO_MAX = 100_000;
const memo = new Map<string, string>();

export function lemmatize(word: string): string {
  const w = word.toLowerCase();
  let hit = memo.get(w);
  if (hit !== undefined) return hit;
  hit = compute(w);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(w, hit);
  return hit;
}

function verbBase(w: string): string | undefined {
  for (const [suffix, repl] of [
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
    ['ied', 'y'],
  ] as const) {
    if (w.length > suffix.length + 1 && w.endsWith(suffix)) {
      const base = w.slice(0, w.length - suffix.length) + repl;
      if (isVerbLemma(base)) return base;
    }
  }
  const doubled = /^(.*([bdgklmnprt]))\2(?:ed|ing)$/.exec(w);
  return doubled && isVerbLemma(doubled[1]) ? doubled[1] : undefined;
}

function compute(w: string): string {
  const irregular = irregularBase(w);
  if (irregular) return irregular;
  // A participle that WordNet also lists as an adjective ("agreed", "handed") is the verb's form.
  const participle = /(?:ed|ing)$/.test(w) ? verbBase(w) : undefined;
  if (participle) return participle;
  if (isKnownWord(w)) return w;
  for (const [suffix, repl] of RULES) {
    if (w.length > suffix.length + 1 && w.endsWith(suffix)) {
      const base = w.slice(0, w.length - suffix.length) + repl;
      if (isKnownWord(base)) return base;
    }
  }
  // Doubled consonant before -ed/-ing ("stopped", "planning").
  const doubled = /^(.*([bdgklmnprt]))\2(?:ed|ing)$/.exec(w);
  if (doubled && isKnownWord(doubled[1])) return doubled[1];
  // Possessive plural of a name ("Zelenskys'") and plain plural of an unknown name stay whole.
  return w;
}
