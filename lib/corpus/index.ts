/**
 * The reference corpus as a searchable index: every sentence of every document, its concepts
 * (for retrieval and weighting), document frequencies, and an inverted index (concept →
 * sentence numbers).
 *
 * The full representation of a sentence (clauses, figures, times, event) is needed only for the
 * few sentences retrieved for a claim, so it is computed on first use and memoised
 * (`sentenceRep`) rather than stored: the serialised index stays small (text + concept ids),
 * reloads fast after a service-worker restart, and a 10,000-document corpus fits in memory.
 * Trade-off: the first check against a cold index pays for representing its candidates.
 *
 * Documents are added incrementally (`addToCorpus`): only the new sentences are processed and
 * only their postings appended; nothing already indexed is rebuilt.
 */
import { splitSentences } from '../text/sentences';
import { represent, type Rep } from '../verify/represent';
import type { CorpusDoc, EventId } from '../types';
import { hash } from './hash';

/** Bump when the representation or the index layout changes: cached indexes are then rebuilt. */
export const INDEX_FORMAT = 2;

export interface CorpusSentence {
  /** Document id. */
  doc: string;
  /** Index into `docs`. */
  docIndex: number;
  text: string;
  /** Unique concepts (the same as the representation's `words.concepts`). */
  concepts: string[];
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
  /** Concept → number of sentences containing it. */
  df: Map<string, number>;
  /** Concept → sentence numbers. */
  postings: Map<string, number[]>;
  /** Memoised representations, by sentence number. */
  reps: Map<number, Rep>;
  /** Documents switched off by the reader (by index into `docs`): kept, but never retrieved. */
  disabled: Set<number>;
}

function emptyIndex(): CorpusIndex {
  return { format: INDEX_FORMAT, version: corpusVersion([]), docs: [], sentences: [], df: new Map(), postings: new Map(), reps: new Map(), disabled: new Set() };
}

export function buildCorpus(docs: CorpusDoc[]): CorpusIndex {
  return addToCorpus(emptyIndex(), docs, corpusVersion(docs));
}

/**
 * Adds documents to an index in place and returns it. Only the new sentences are represented;
 * df and postings are extended, not rebuilt.
 */
export function addToCorpus(index: CorpusIndex, docs: CorpusDoc[], version?: string): CorpusIndex {
  for (const d of docs) {
    const docIndex = index.docs.length;
    index.docs.push({ id: d.id, title: d.title, outlet: d.outlet, date: d.date, event: d.event });
    for (const s of splitSentences(d.text)) {
      if (!/[A-Za-z]/.test(s.text)) continue;
      const rep = represent(s.text, { docDate: d.date, docEvent: d.event });
      const i = index.sentences.length;
      index.sentences.push({ doc: d.id, docIndex, text: s.text, concepts: rep.words.concepts });
      remember(index, i, rep);
      post(index, i);
    }
  }
  index.version = version ?? hash(index.version + corpusVersion(docs));
  return index;
}

function post(index: CorpusIndex, i: number): void {
  for (const c of index.sentences[i].concepts) {
    index.df.set(c, (index.df.get(c) ?? 0) + 1);
    let list = index.postings.get(c);
    if (!list) index.postings.set(c, (list = []));
    list.push(i);
  }
}

/**
 * Representations kept in memory at most: a small corpus keeps all of them (the seeds: ~150),
 * a large one keeps the recently used (a claim's candidates are re-used across a page's claims)
 * instead of ~3 KB for each of 100,000 sentences.
 */
const MAX_CACHED_REPS = 20_000;

function remember(index: CorpusIndex, i: number, rep: Rep): void {
  if (index.reps.size >= MAX_CACHED_REPS) {
    // Drop the oldest half (Map keeps insertion order).
    let n = index.reps.size / 2;
    for (const k of index.reps.keys()) {
      if (n-- <= 0) break;
      index.reps.delete(k);
    }
  }
  index.reps.set(i, rep);
}

/**
 * Switches a document off or on without touching the index: retrieval skips disabled
 * documents. The version changes, so cached analyses made with the other state are redone.
 */
export function setDocEnabled(index: CorpusIndex, docId: string, enabled: boolean): boolean {
  const i = index.docs.findIndex((d) => d.id === docId);
  if (i < 0) return false;
  if (enabled === !index.disabled.has(i)) return true;
  if (enabled) index.disabled.delete(i);
  else index.disabled.add(i);
  index.version = hash(`${index.version}|${enabled ? '+' : '-'}${docId}`);
  return true;
}

/**
 * Changes a document's metadata (title, outlet, date, event) in place. The date and the event
 * feed the sentence representations, so the memoised ones of this document are dropped (they are
 * recomputed on first use); the concepts, and so the postings, do not depend on them. The
 * version changes, so cached analyses made with the old metadata are redone.
 */
export function setDocMeta(index: CorpusIndex, docId: string, meta: Partial<Omit<DocMeta, 'id'>>): boolean {
  const i = index.docs.findIndex((d) => d.id === docId);
  if (i < 0) return false;
  const next = { ...index.docs[i], ...meta, id: docId };
  index.docs[i] = next;
  for (const [n] of index.reps) if (index.sentences[n]?.docIndex === i) index.reps.delete(n);
  index.version = hash(`${index.version}|meta:${docId}:${next.title}:${next.outlet}:${next.date}:${next.event}`);
  return true;
}

/** The full representation of sentence `i`, computed on first use. */
export function sentenceRep(index: CorpusIndex, i: number): Rep {
  let rep = index.reps.get(i);
  if (!rep) {
    const s = index.sentences[i];
    const d = index.docs[s.docIndex];
    rep = represent(s.text, { docDate: d?.date ?? null, docEvent: d?.event ?? null });
    remember(index, i, rep);
  }
  return rep;
}

interface SerializedIndex {
  format: number;
  version: string;
  docs: DocMeta[];
  /** Concept vocabulary; sentences refer to concepts by position. */
  vocab: string[];
  /** [docIndex, text, concept ids] per sentence. */
  sentences: Array<[number, string, number[]]>;
}

export function serializeCorpus(index: CorpusIndex): string {
  const ids = new Map<string, number>();
  const vocab: string[] = [];
  const sentences = index.sentences.map((s): [number, string, number[]] => [
    s.docIndex,
    s.text,
    s.concepts.map((c) => {
      let id = ids.get(c);
      if (id === undefined) {
        id = vocab.length;
        ids.set(c, id);
        vocab.push(c);
      }
      return id;
    }),
  ]);
  const out: SerializedIndex = { format: INDEX_FORMAT, version: index.version, docs: index.docs, vocab, sentences };
  return JSON.stringify(out);
}

export function loadCorpus(json: string): CorpusIndex {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new Error(`corpus index is not valid JSON: ${(e as Error).message}`);
  }
  const o = raw as Partial<SerializedIndex>;
  if (!o || typeof o !== 'object' || o.format !== INDEX_FORMAT || !Array.isArray(o.sentences) || !Array.isArray(o.docs) || !Array.isArray(o.vocab)) {
    throw new Error(`corpus index has an unknown format (expected format ${INDEX_FORMAT}); rebuild it`);
  }
  const vocab = o.vocab;
  const docs = o.docs;
  const index: CorpusIndex = { ...emptyIndex(), version: String(o.version ?? ''), docs };
  for (const row of o.sentences) {
    if (!Array.isArray(row) || typeof row[1] !== 'string' || !Array.isArray(row[2]) || !docs[row[0]]) {
      throw new Error('corpus index has a malformed sentence row; rebuild it');
    }
    const concepts = row[2].map((id) => vocab[id]);
    if (concepts.some((c) => typeof c !== 'string')) throw new Error('corpus index refers to an unknown concept; rebuild it');
    index.sentences.push({ doc: docs[row[0]].id, docIndex: row[0], text: row[1], concepts });
    post(index, index.sentences.length - 1);
  }
  return index;
}

export function corpusVersion(docs: CorpusDoc[]): string {
  return hash(docs.map((d) => `${d.id}:${d.text.length}:${hash(d.text)}`).join('|'));
}

export { hash } from './hash';
