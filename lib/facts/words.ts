/**
 * A tagged sentence as words the comparison can use: each word's lemma and part of speech, which
 * words are content (they count for coverage), which belong to a name, a figure or a time, and
 * the names themselves (mentions) with what WordNet says they are.
 *
 * Names: a run of proper nouns is one mention, keyed by its last word ("Vladimir Medinsky" →
 * medinsky, "Dolmabahce Palace" → dolmabahce with "palace" kept as a content word), titles before
 * it left out ("Foreign Minister Hakan Fidan" → fidan). A demonym ("Russian", "Ukrainian") is a
 * mention of its country, read through WordNet's pertainyms. Spelling variants of one name are
 * not resolved here but against the corpus's names (lib/corpus/names.ts), so a key is the
 * name as written, lowercased and without diacritics.
 */
import type { Quantity, TimeRef } from '../types';
import type { Pos, Tagged } from '../nlp/tag';
import { lemmatize } from '../lexicon/lemma';
import { countryOf, isKnownWord, isPhrase, mayStartPhrase, pertainymOf, properKind, wordnetSpelling } from '../lexicon/wn';
import { STOPWORDS, TITLE_WORDS } from '../lexicon/function-words';
import { foldLetters } from '../text/normalize';

export interface Word {
  text: string;
  lemma: string;
  pos: Pos;
  start: number;
  end: number;
  /** Counts for coverage (a noun, verb, adjective or adverb with content, or a name). */
  content: boolean;
  /** Index of the mention this word belongs to, or -1. */
  mention: number;
  /** Inside a figure ("1,000", "just over") or a time ("on Monday"). */
  figure: boolean;
  time: boolean;
}

export type MentionKind = 'country' | 'loc' | 'per' | 'grp' | 'name';

export interface Mention {
  /** The name as keyed: lowercase, no diacritics ("medinsky", "dolmabahce", "russia"). */
  key: string;
  surface: string;
  kind: MentionKind;
  /** The country WordNet puts it in (a capital stands for its government), when it knows. */
  country?: string;
  start: number;
  end: number;
  /** Word indices. */
  words: number[];
  /** A demonym used as an adjective ("the Russian delegation"): it qualifies, it does not act. */
  demonym: boolean;
}

/** Fold a name to its key: no diacritics, lowercase, letters only. */
export function nameKey(s: string): string {
  return foldLetters(s)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[^a-z0-9 ]+/g, '');
}

/**
 * A token lowercased, with a typographic apostrophe made plain and the full stop of a title
 * ("Mr.", "Gen.") dropped. Each regular expression runs only on a token it can change: this runs
 * for every word read.
 */
function lowerToken(text: string): string {
  let lower = text.toLowerCase();
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  if (lower.endsWith('.')) lower = lower.replace(/^(mr|mrs|ms|dr|st|gen|lt|col|sen|rep)\.$/, '$1');
  return lower;
}

const CONTENT_POS = new Set<Pos>(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN']);
/** Auxiliary and light verbs: never the content of a clause. */
const LIGHT_VERBS = new Set(['be', 'have', 'do', 'get', 'make', 'take', 'go', 'come', 'become', 'seem', 'let']);

/** True when a token is written like a name (capitalised, or an all-caps acronym). */
function capitalised(t: Tagged): boolean {
  return /^\p{Lu}/u.test(t.text);
}

function inSpans(spans: Array<{ start: number; end: number }>, s: number, e: number): boolean {
  for (const x of spans) if (s < x.end && e > x.start) return true;
  return false;
}

export function readWords(tagged: Tagged[], quantities: Quantity[], times: TimeRef[]): { words: Word[]; mentions: Mention[] } {
  const figureSpans = quantities.map((q) => ({ start: q.start, end: q.end }));
  const timeSpans = times.map((t) => ({ start: t.start, end: t.end }));
  // The counted noun of a figure is content: "6,000 bodies" keeps "bodies".
  const unitSpans: Array<{ start: number; end: number }> = [];
  for (const q of quantities) {
    if (!q.unit) continue;
    const rel = q.text.toLowerCase().lastIndexOf(q.unit.slice(0, Math.max(3, q.unit.length - 2)));
    if (rel >= 0) unitSpans.push({ start: q.start + rel, end: q.end });
  }
  const words: Word[] = [];
  for (const t of tagged) {
    if (t.pos === 'PUNCT' || t.pos === 'SPACE' || t.pos === 'SYM') {
      words.push({ text: t.text, lemma: t.text, pos: t.pos, start: t.start, end: t.end, content: false, mention: -1, figure: false, time: false });
      continue;
    }
    const lower = lowerToken(t.text);
    const acronym = /^\p{Lu}{2,}$/u.test(t.text);
    const lemma = acronym ? nameKey(t.text) : lemmatize(lower.endsWith("'s") ? lower.slice(0, -2) : lower);
    const figure = inSpans(figureSpans, t.start, t.end) && !inSpans(unitSpans, t.start, t.end);
    const time = inSpans(timeSpans, t.start, t.end);
    const stop = !acronym && (STOPWORDS.has(lower) || STOPWORDS.has(lemma));
    const content = CONTENT_POS.has(t.pos) && !stop && !figure && !time && !LIGHT_VERBS.has(lemma) && /\p{L}/u.test(lemma);
    words.push({ text: t.text, lemma, pos: t.pos, start: t.start, end: t.end, content, mention: -1, figure, time });
  }
  joinPhrases(words);
  const mentions = findMentions(words, tagged);
  return { words, mentions };
}

/** Particles that make a phrasal verb with the verb before them ("turned down", "hand over"). */
const PARTICLES = new Set(['down', 'up', 'over', 'back', 'out', 'off', 'aside', 'away', 'in', 'on']);

/**
 * Two or three content words that WordNet lists as one expression ("prisoner of war") become
 * one; so does a verb with its particle when WordNet lists the pair ("turn down", "hand over").
 */
function joinPhrases(words: Word[]): void {
  for (let i = 0; i < words.length; i++) {
    const a = words[i];
    if (!a.content || a.pos === 'PROPN') continue;
    const p = words[i + 1];
    if (a.pos === 'VERB' && p && PARTICLES.has(p.text.toLowerCase()) && isPhrase(`${a.lemma} ${p.text.toLowerCase()}`)) {
      a.lemma = `${a.lemma} ${p.text.toLowerCase()}`;
      p.content = false;
      continue;
    }
    if (!mayStartPhrase(a.lemma)) continue;
    for (const n of [3, 2]) {
      const span = words.slice(i, i + n);
      if (span.length < n || !span[n - 1].content) continue;
      const phrase = span.map((w) => w.lemma).join(' ');
      if (!isPhrase(phrase)) continue;
      a.lemma = phrase;
      a.end = span[n - 1].end;
      for (const w of span.slice(1)) w.content = false;
      break;
    }
  }
}

function findMentions(words: Word[], tagged: Tagged[]): Mention[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const demonym = (w.pos === 'ADJ' || w.pos === 'PROPN' || w.pos === 'NOUN') && capitalised(tagged[i]) ? pertainymOf(w.text.toLowerCase()) : undefined;
    if (demonym && !w.figure && !w.time) {
      const country = countryOf(demonym) ?? demonym;
      w.mention = mentions.length;
      w.content = true;
      w.lemma = country;
      mentions.push({
        key: country,
        surface: w.text,
        kind: 'country',
        country,
        start: w.start,
        end: w.end,
        words: [i],
        demonym: w.pos === 'ADJ' || nextIsNoun(words, i),
      });
      continue;
    }
    if (w.pos !== 'PROPN' || !capitalised(tagged[i]) || w.figure || w.time) continue;
    let j = i;
    while (j + 1 < words.length && words[j + 1].pos === 'PROPN' && capitalised(tagged[j + 1]) && !words[j + 1].figure && !words[j + 1].time) j++;
    const run = words.slice(i, j + 1).map((x, k) => ({ x, k: i + k }));
    // Titles before the name are roles, not the name.
    while (run.length > 1 && TITLE_WORDS.has(run[0].x.text.toLowerCase().replace(/\.$/, ''))) {
      run[0].x.mention = -1;
      run[0].x.content = true;
      run.shift();
    }
    // A common noun closing the run is what the name names ("Dolmabahce Palace"): kept as a word.
    let tail: { x: Word; k: number } | undefined;
    if (run.length > 1 && isKnownWord(run[run.length - 1].x.text.toLowerCase()) && !properKind(nameKey(run[run.length - 1].x.text))) {
      tail = run.pop();
      tail!.x.lemma = lemmatize(tail!.x.text.toLowerCase());
      tail!.x.content = true;
    }
    const joined = nameKey(run.map((r) => r.x.text).join(' '));
    const key = isPhrase(joined) || properKind(joined) ? joined : nameKey(run[run.length - 1].x.text);
    if (!key) {
      i = j;
      continue;
    }
    const idx = mentions.length;
    for (const r of run) {
      r.x.mention = idx;
      r.x.content = false;
    }
    const head = run[run.length - 1].x;
    head.content = true;
    head.lemma = key;
    // A spelling WordNet does not list may be one of its places in another transliteration ("Kyiv").
    const known = wordnetSpelling(key) ?? key;
    const kindWn = properKind(known);
    const country = countryOf(known);
    const titled = (i > 0 && TITLE_WORDS.has(words[run[0].k - 1]?.lemma ?? '')) || run[0].k > i;
    const kind: MentionKind =
      country === known ? 'country' : kindWn === 'loc' ? 'loc' : kindWn === 'per' || titled || run.length > 1 ? 'per' : kindWn === 'grp' ? 'grp' : 'name';
    mentions.push({
      key,
      surface: run.map((r) => r.x.text).join(' '),
      kind,
      country,
      start: run[0].x.start,
      end: head.end,
      words: run.map((r) => r.k),
      demonym: false,
    });
    void tail;
    i = j;
  }
  return mentions;
}

function nextIsNoun(words: Word[], i: number): boolean {
  const n = words[i + 1];
  return !!n && (n.pos === 'NOUN' || n.pos === 'ADJ');
}
