/**
 * Retrieval stage: the corpus sentences most worth comparing with a claim. A weighted
 * bag-of-terms ranking over the inverted index, with the claim's terms widened to what the
 * corpus actually says: a word to its WordNet synonyms and derived forms that occur in the corpus
 * ("truce" finds "ceasefire", "agreement" finds "agreed"), a name to its spellings in the corpus
 * ("Kyiv" finds "Kiev" and "Kief"). Terms in too many sentences are skipped (they rank nothing).
 *
 * Typed-array scratch space (scores, and the sentences scored) keeps the cost linear in the
 * postings read, at a few nanoseconds each: a claim reads tens of thousands of postings at
 * 10,000 documents.
 */
import type { CorpusIndex } from '../corpus/index';
import { indexTerms } from '../corpus/terms';
import { countryOf, keysOf, RELATION } from '../lexicon/wn';
import { TUNING } from '../config';
import { extractQuantities } from '../facts/quantities';
import type { Quantity } from '../types';

/** A term in more than this share of the corpus's sentences is too common to rank by. */
const MAX_DF_SHARE = 0.25;
/** …but a term in this few sentences is always ranked by, however small the corpus. */
const MIN_DF_CAP = 50;
/** Weight of a claim name's country ("Kremlin" → Russia) as a retrieval term: a weak hint. */
const COUNTRY_HINT = 0.4;

export interface Query {
  /** term → weight multiplier (1 for the claim's own terms, less for expansions), best per term. */
  terms: Map<string, number>;
  /** The claim's own terms, for reasons and coverage. */
  own: string[];
}

/** Expansions of distinct words kept per vocabulary at most (cleared when full): words recur across claims. */
const EXPANSIONS_MAX = 20_000;

/** The corpus's vocabulary seen through WordNet, per index (rebuilt when the vocabulary grows). */
interface KeyVocab {
  size: number;
  /** WordNet key → corpus terms having it as a sense (`s`) or derived form (`d`). */
  s: Map<number, string[]>;
  d: Map<number, string[]>;
  /** A word → its synonyms and derived forms in the corpus, with their weights, in the order found. */
  expansions: Map<string, Array<[string, number]>>;
}

const keyVocab = new WeakMap<CorpusIndex, KeyVocab>();

function vocabKeys(index: CorpusIndex): KeyVocab {
  let kv = keyVocab.get(index);
  if (kv && kv.size === index.df.size) return kv;
  kv = { size: index.df.size, s: new Map(), d: new Map(), expansions: new Map() };
  for (const term of index.df.keys()) {
    if (term.startsWith('#')) continue;
    const k = keysOf(term);
    for (const x of k.s) push(kv.s, x, term);
    for (const x of k.d) push(kv.d, x, term);
  }
  keyVocab.set(index, kv);
  return kv;
}

function push(m: Map<number, string[]>, k: number, v: string): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** A word's synonyms and derived forms that the corpus uses, with their weights, in the order found. */
function expansionsOf(kv: KeyVocab, term: string): Array<[string, number]> {
  let out = kv.expansions.get(term);
  if (out) return out;
  out = [];
  const k = keysOf(term);
  for (const x of k.s) {
    for (const v of kv.s.get(x) ?? []) out.push([v, RELATION.synonym]);
    for (const v of kv.d.get(x) ?? []) out.push([v, RELATION.derived]);
  }
  for (const x of k.d) for (const v of kv.s.get(x) ?? []) out.push([v, RELATION.derived]);
  if (kv.expansions.size >= EXPANSIONS_MAX) kv.expansions.clear();
  kv.expansions.set(term, out);
  return out;
}

/**
 * The claim's terms and their expansions into the corpus's vocabulary. `figures` are the claim's
 * figures when already read (lib/facts/read.ts `allFigures`), else they are read here.
 */
export function buildQuery(index: CorpusIndex, claim: string, figures?: Quantity[]): Query {
  const t = indexTerms(claim);
  // Figures written in words ("a thousand-for-a-thousand", "six thousand") find the corpus's digits.
  for (const q of figures ?? safeQuantities(claim))
    if (q.kind === 'count' && Number.isFinite(q.value) && !t.terms.includes(`#${q.value}`)) t.terms.push(`#${q.value}`);
  const terms = new Map<string, number>();
  const put = (term: string, w: number) => {
    if ((terms.get(term) ?? 0) < w) terms.set(term, w);
  };
  const names = new Set(t.names);
  const kv = vocabKeys(index);
  for (const term of t.terms) {
    put(term, 1);
    if (names.has(term)) {
      for (const v of index.names.variants(term)) put(v, 1);
      const c = countryOf(term);
      if (c && c !== term) put(c, COUNTRY_HINT);
      continue;
    }
    if (term.startsWith('#')) continue;
    for (const [v, w] of expansionsOf(kv, term)) put(v, w);
  }
  return { terms, own: t.terms };
}

function safeQuantities(text: string) {
  try {
    return extractQuantities(text);
  } catch {
    return [];
  }
}

/**
 * Scratch space reused across retrievals, one slot per corpus sentence: the scores, and the
 * sentences scored so far in the order first scored. Typed arrays, not a growing JS array: a
 * claim scores tens of thousands of sentences on a large corpus, and pushing them one by one
 * cost more than the scoring.
 */
const scratch = new WeakMap<CorpusIndex, { acc: Float64Array; touched: Int32Array }>();

function scratchOf(index: CorpusIndex): { acc: Float64Array; touched: Int32Array } {
  let s = scratch.get(index);
  if (!s || s.acc.length < index.sentences.length) {
    const size = Math.max(1024, index.sentences.length * 2);
    scratch.set(index, (s = { acc: new Float64Array(size), touched: new Int32Array(size) }));
  }
  return s;
}

/** Sentence numbers sharing the most weighted terms with the claim, best first. */
export function retrieve(index: CorpusIndex, query: Query, k: number = TUNING.candidates): number[] {
  const { postings, sentences, disabled } = index;
  const { acc, touched } = scratchOf(index);
  let seen = 0;
  const n = sentences.length || 1;
  const maxDf = Math.max(MIN_DF_CAP, n * MAX_DF_SHARE);
  for (const [term, mult] of query.terms) {
    const list = postings.get(term);
    if (!list || list.length > maxDf) continue;
    const w = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)) * mult;
    for (let p = 0; p < list.length; p++) {
      const i = list[p];
      if (acc[i] === 0) {
        if (disabled.size && disabled.has(sentences[i].docIndex)) continue;
        touched[seen++] = i;
      }
      acc[i] += w;
    }
  }
  // The k best, best first; among equal scores, the first scored.
  const best: number[] = [];
  for (let t = 0; t < seen; t++) {
    const i = touched[t];
    const v = acc[i];
    if (best.length < k || v > acc[best[best.length - 1]]) {
      if (best.length === k) best.pop();
      let at = best.length;
      while (at > 0 && acc[best[at - 1]] < v) at--;
      best.splice(at, 0, i);
    }
  }
  for (let t = 0; t < seen; t++) acc[touched[t]] = 0;
  return best;
}
