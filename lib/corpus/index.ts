/**
 * The reference corpus as a searchable index: every sentence of every document with its index
 * terms (lib/corpus/terms.ts), document frequencies, an inverted index (term → sentence numbers),
 * the corpus's names (for spelling variants) and who its people speak for.
 *
 * The facts of a sentence (tagged words, clauses, figures, times) are needed only for the few
 * sentences retrieved for a claim, so they are computed on first use and memoised (`sentenceFacts`)
 * rather than stored: the serialised index stays small (text + term ids), reloads fast after a
 * service-worker restart, and a 10,000-document corpus fits in memory. Trade-off: the first
 * check against a cold index pays for reading its candidates.
 *
 * Documents are added incrementally (`addToCorpus`): only the new sentences are processed and only
 * their postings appended; the events (lib/corpus/events.ts) are derived again on next use.
 *
 * The serialised index (`serializeCorpus`) is a cache in IndexedDB that a damaged disk or an old
 * bug may have changed: `loadCorpus` validates every part of it before indexing, and throws (the
 * caller rebuilds from the documents) rather than load a half-valid index.
 */
import { z } from '../zod';
import { splitSentences } from '../text/sentences';
import { readFacts, type Facts } from '../facts/read';
import type { CorpusDoc, EventId } from '../types';
import { indexTerms } from './terms';
import { NameTable } from './names';
import { deriveEvents, type CorpusEvent } from './events';
import { hash } from './hash';

/** Bump when the terms or the index layout change: cached indexes are then rebuilt. */
export const INDEX_FORMAT = 3;

export interface CorpusSentence {
  /** Document id. */
  doc: string;
  /** Index into `docs`. */
  docIndex: number;
  text: string;
  /** Unique index terms. */
  concepts: string[];
  /** The terms that are names. */
  names: string[];
}

export interface DocMeta {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
  event: EventId | null;
}

export interface CorpusIndex {
  format: number;
  /** Changes whenever the documents change (ids and texts hashed). */
  version: string;
  docs: DocMeta[];
  sentences: CorpusSentence[];
  /** Term → number of sentences containing it. */
  df: Map<string, number>;
  /** Term → sentence numbers. */
  postings: Map<string, number[]>;
  /** Memoised facts, by sentence number. */
  facts: Map<number, Facts>;
  /** Documents switched off by the reader (by index into `docs`): kept, but never retrieved. */
  disabled: Set<number>;
  names: NameTable;
  /** Name → country → how often the corpus puts that country's demonym or name right before it. */
  affiliation: Map<string, Map<string, number>>;
  /** Sentence numbers per document. */
  docSentences: number[][];
  /** Derived on first use after a change (see events.ts). */
  events: CorpusEvent[] | null;
}

function emptyIndex(): CorpusIndex {
  return {
    format: INDEX_FORMAT,
    version: corpusVersion([]),
    docs: [],
    sentences: [],
    df: new Map(),
    postings: new Map(),
    facts: new Map(),
    disabled: new Set(),
    names: new NameTable(),
    affiliation: new Map(),
    docSentences: [],
    events: null,
  };
}

export function buildCorpus(docs: CorpusDoc[]): CorpusIndex {
  return addToCorpus(emptyIndex(), docs, corpusVersion(docs));
}

/** Adds documents to an index in place and returns it. df and postings are extended, not rebuilt. */
export function addToCorpus(index: CorpusIndex, docs: CorpusDoc[], version?: string): CorpusIndex {
  for (const d of docs) {
    const docIndex = index.docs.length;
    index.docs.push({ id: d.id, title: d.title, outlet: d.outlet, date: d.date, event: d.event });
    index.docSentences.push([]);
    for (const s of splitSentences(d.text)) {
      if (!/\p{L}/u.test(s.text)) continue;
      const t = indexTerms(s.text);
      const i = index.sentences.length;
      index.sentences.push({ doc: d.id, docIndex, text: s.text, concepts: t.terms, names: t.names });
      index.docSentences[docIndex].push(i);
      for (const [name, country] of t.affiliations) bumpAffiliation(index, name, country);
      post(index, i);
    }
  }
  index.events = null;
  index.version = version ?? hash(index.version + corpusVersion(docs));
  return index;
}

function bumpAffiliation(index: CorpusIndex, name: string, country: string, n = 1): void {
  let m = index.affiliation.get(name);
  if (!m) index.affiliation.set(name, (m = new Map()));
  m.set(country, (m.get(country) ?? 0) + n);
}

function post(index: CorpusIndex, i: number): void {
  const s = index.sentences[i];
  for (const c of s.concepts) {
    index.df.set(c, (index.df.get(c) ?? 0) + 1);
    let list = index.postings.get(c);
    if (!list) index.postings.set(c, (list = []));
    list.push(i);
  }
  for (const n of s.names) index.names.add(n);
}

/**
 * Facts kept in memory at most: a small corpus keeps all of them, a large one the recently used
 * (a claim's candidates are re-used across a page's claims) instead of several KB for each of
 * 100,000 sentences.
 */
const MAX_CACHED_FACTS = 20_000;

/** The facts of sentence `i`, read on first use. */
export function sentenceFacts(index: CorpusIndex, i: number): Facts {
  let f = index.facts.get(i);
  if (!f) {
    const s = index.sentences[i];
    const d = index.docs[s.docIndex];
    f = readFacts(s.text, { docDate: d?.date ?? null, defaultYear: corpusYear(index) });
    if (index.facts.size >= MAX_CACHED_FACTS) {
      let n = index.facts.size / 2;
      for (const k of index.facts.keys()) {
        if (n-- <= 0) break;
        index.facts.delete(k);
      }
    }
    index.facts.set(i, f);
  }
  return f;
}

/** The events of the corpus (derived once per change). */
export function corpusEvents(index: CorpusIndex): CorpusEvent[] {
  if (!index.events) {
    index.events = deriveEvents(
      index.docs.map((d, k) => ({
        date: d.date,
        event: d.event,
        terms: index.docSentences[k].map((i) => index.sentences[i].concepts),
        names: index.docSentences[k].map((i) => index.sentences[i].names),
        texts: index.docSentences[k].map((i) => index.sentences[i].text),
      })),
      index.names,
      index.disabled,
    );
  }
  return index.events;
}

/** The corpus year per index, read again when the index changes (version) or gains documents. */
const yearMemo = new WeakMap<CorpusIndex, { version: string; docs: number; year: number | undefined }>();

/**
 * The year most of the corpus's dated documents are from: the year of a date that names none.
 * Asked for every claim and every corpus sentence read, so it is counted once per index version.
 */
export function corpusYear(index: CorpusIndex): number | undefined {
  const hit = yearMemo.get(index);
  if (hit && hit.version === index.version && hit.docs === index.docs.length) return hit.year;
  const year = countYears(index);
  yearMemo.set(index, { version: index.version, docs: index.docs.length, year });
  return year;
}

function countYears(index: CorpusIndex): number | undefined {
  const years = new Map<number, number>();
  for (const d of index.docs) if (d.date) years.set(Number(d.date.slice(0, 4)), (years.get(Number(d.date.slice(0, 4))) ?? 0) + 1);
  let best: number | undefined;
  let n = 0;
  for (const [y, c] of years) if (c > n) [best, n] = [y, c];
  return best;
}

/** The country a name speaks for, by the corpus's own descriptions of it ("Russian aide X"). */
export function affiliationOf(index: CorpusIndex, name: string): string | undefined {
  const votes = new Map<string, number>();
  for (const v of [name, ...index.names.variants(name)]) for (const [c, n] of index.affiliation.get(v) ?? []) votes.set(c, (votes.get(c) ?? 0) + n);
  let best: string | undefined;
  let n = 0;
  for (const [c, k] of votes) if (k > n) [best, n] = [c, k];
  return best;
}

/**
 * Switches a document off or on without touching the index: retrieval skips disabled documents.
 * The version changes, so cached analyses made with the other state are redone.
 */
export function setDocEnabled(index: CorpusIndex, docId: string, enabled: boolean): boolean {
  const i = index.docs.findIndex((d) => d.id === docId);
  if (i < 0) return false;
  if (enabled === !index.disabled.has(i)) return true;
  if (enabled) index.disabled.delete(i);
  else index.disabled.add(i);
  index.events = null;
  index.version = hash(`${index.version}|${enabled ? '+' : '-'}${docId}`);
  return true;
}

/**
 * Changes a document's metadata (title, outlet, date, event) in place. The date and the event feed
 * the facts and the events, so those of this document are dropped (recomputed on first use); the
 * terms, and so the postings, do not depend on them.
 */
export function setDocMeta(index: CorpusIndex, docId: string, meta: Partial<Omit<DocMeta, 'id'>>): boolean {
  const i = index.docs.findIndex((d) => d.id === docId);
  if (i < 0) return false;
  const next = { ...index.docs[i], ...meta, id: docId };
  index.docs[i] = next;
  for (const n of index.docSentences[i] ?? []) index.facts.delete(n);
  index.events = null;
  index.version = hash(`${index.version}|meta:${docId}:${next.title}:${next.outlet}:${next.date}:${next.event}`);
  return true;
}

interface SerializedIndex {
  format: number;
  version: string;
  docs: DocMeta[];
  /** Term vocabulary; sentences refer to terms by position. */
  vocab: string[];
  /** [docIndex, text, term ids, name term ids] per sentence. */
  sentences: Array<[number, string, number[], number[]]>;
  /** [name, country, count]. */
  affiliation: Array<[string, string, number]>;
}

export function serializeCorpus(index: CorpusIndex): string {
  const ids = new Map<string, number>();
  const vocab: string[] = [];
  const id = (c: string) => {
    let k = ids.get(c);
    if (k === undefined) {
      k = vocab.length;
      ids.set(c, k);
      vocab.push(c);
    }
    return k;
  };
  const sentences = index.sentences.map((s): [number, string, number[], number[]] => [s.docIndex, s.text, s.concepts.map(id), s.names.map(id)]);
  const affiliation: Array<[string, string, number]> = [];
  for (const [n, m] of index.affiliation) for (const [c, k] of m) affiliation.push([n, c, k]);
  const out: SerializedIndex = { format: INDEX_FORMAT, version: index.version, docs: index.docs, vocab, sentences, affiliation };
  return JSON.stringify(out);
}

/** Problems quoted in a load error before "and N more". */
const MAX_LISTED_PROBLEMS = 3;

const DocMetaSchema = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  outlet: z.nullable(z.string()),
  date: z.nullable(z.string()),
  event: z.nullable(z.string()),
});

/**
 * The serialised index, checked in full before anything is indexed: a row that is valid JSON but
 * has the wrong shape (documents reduced to `{id}`, a missing outlet) would otherwise load and hand
 * out malformed analyses on every page. The sentence rows are checked by `sentenceRowProblem`, a
 * plain loop, not a zod tuple: they are ~100,000 rows for 10,000 sources, and zod takes ~0.3 s
 * for them (measured in Node; more in the extension, where zod runs without JIT) against a restart
 * budget of 1.5 s, while the loop takes ~25 ms and checks the same things.
 */
const SerializedIndexSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  version: z.string(),
  docs: z.array(DocMetaSchema).check(z.refine((docs) => new Set(docs.map((d) => d.id)).size === docs.length, 'two documents have the same id')),
  vocab: z.array(z.string()),
  sentences: z.array(z.unknown()),
  affiliation: z.array(z.tuple([z.string(), z.string(), z.number().check(z.int(), z.positive())])),
});

function isTermIds(v: unknown, vocab: number): v is number[] {
  return Array.isArray(v) && v.every((k) => Number.isInteger(k) && k >= 0 && k < vocab);
}

/** Why sentence row `row` is malformed, or null: [document index, text, term ids, name term ids]. */
function sentenceRowProblem(row: unknown, docs: number, vocab: number): string | null {
  if (!Array.isArray(row) || row.length !== 4) return 'is not a [document, text, terms, names] row';
  const [docIndex, text, terms, names] = row as unknown[];
  if (!Number.isInteger(docIndex) || (docIndex as number) < 0 || (docIndex as number) >= docs) return 'names no document of the index';
  if (typeof text !== 'string') return 'has no text';
  if (!isTermIds(terms, vocab) || !isTermIds(names, vocab)) return 'refers to an unknown term';
  return null;
}

function damaged(problems: string[]): Error {
  const more = problems.length > MAX_LISTED_PROBLEMS ? `; and ${problems.length - MAX_LISTED_PROBLEMS} more` : '';
  return new Error(`corpus index is damaged (${problems.slice(0, MAX_LISTED_PROBLEMS).join('; ')}${more}); rebuild it`);
}

/** Parses and validates a serialised index in full; throws an Error naming what is wrong (the caller rebuilds). */
function parseSerialized(json: string): SerializedIndex {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new Error(`corpus index is not valid JSON: ${(e as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== INDEX_FORMAT) {
    throw new Error(`corpus index has an unknown format (expected format ${INDEX_FORMAT}); rebuild it`);
  }
  const r = SerializedIndexSchema.safeParse(raw);
  if (!r.success) throw damaged(r.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`));
  const { docs, vocab, sentences } = r.data;
  for (let n = 0; n < sentences.length; n++) {
    const problem = sentenceRowProblem(sentences[n], docs.length, vocab.length);
    if (problem) throw damaged([`sentences.${n} ${problem}`]);
  }
  return r.data as SerializedIndex;
}

export function loadCorpus(json: string): CorpusIndex {
  const o = parseSerialized(json);
  const { vocab, docs } = o;
  const index: CorpusIndex = { ...emptyIndex(), version: o.version, docs };
  index.docSentences = docs.map(() => []);
  for (const [docIndex, text, terms, names] of o.sentences) {
    const i = index.sentences.length;
    index.sentences.push({ doc: docs[docIndex]!.id, docIndex, text, concepts: terms.map((k) => vocab[k]!), names: names.map((k) => vocab[k]!) });
    index.docSentences[docIndex]!.push(i);
    post(index, i);
  }
  for (const [name, country, n] of o.affiliation) bumpAffiliation(index, name, country, n);
  return index;
}

export function corpusVersion(docs: CorpusDoc[]): string {
  return hash(docs.map((d) => `${d.id}:${d.text.length}:${hash(d.text)}`).join('|'));
}

export { hash } from './hash';
