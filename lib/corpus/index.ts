/**
 * The reference corpus as a searchable index: every sentence of every document with its
 * representation, document frequencies for weighting, and an inverted index (concept →
 * sentence numbers) for retrieval. `serializeCorpus` / `loadCorpus` round-trip it through
 * JSON so the extension can cache it in IndexedDB and a service-worker restart does not
 * re-extract anything; postings are rebuilt on load (cheap) rather than stored.
 */
import { splitSentences } from '../text/sentences';
import { represent, type Rep } from '../verify/represent';
import type { CorpusDoc, EventId } from '../types';

/** Bump when the representation or the index layout changes: cached indexes are then rebuilt. */
export const INDEX_FORMAT = 1;

export interface CorpusSentence {
  doc: string;
  text: string;
  rep: Rep;
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
  /** Changes whenever the documents change (ids and text lengths hashed). */
  version: string;
  docs: DocMeta[];
  sentences: CorpusSentence[];
  /** Concept → number of sentences containing it. */
  df: Record<string, number>;
  /** Concept → sentence numbers (not serialised). */
  postings: Map<string, number[]>;
}

export function buildCorpus(docs: CorpusDoc[]): CorpusIndex {
  const sentences: CorpusSentence[] = [];
  for (const d of docs) {
    for (const s of splitSentences(d.text)) {
      if (!/[A-Za-z]/.test(s.text)) continue;
      sentences.push({ doc: d.id, text: s.text, rep: represent(s.text, { docDate: d.date, docEvent: d.event }) });
    }
  }
  const metas = docs.map(({ id, title, outlet, date, event }) => ({ id, title, outlet, date, event }));
  return finish({ format: INDEX_FORMAT, version: corpusVersion(docs), docs: metas, sentences, df: {}, postings: new Map() });
}

/** Adds documents to an existing index without re-representing the sentences already in it. */
export function addToCorpus(index: CorpusIndex, docs: CorpusDoc[]): CorpusIndex {
  const extra = buildCorpus(docs);
  return finish({
    ...index,
    version: hash(index.version + extra.version),
    docs: [...index.docs, ...extra.docs],
    sentences: [...index.sentences, ...extra.sentences],
  });
}

function finish(index: CorpusIndex): CorpusIndex {
  const df: Record<string, number> = Object.create(null);
  const postings = new Map<string, number[]>();
  index.sentences.forEach((s, i) => {
    for (const c of s.rep.words.concepts) {
      df[c] = (df[c] ?? 0) + 1;
      let list = postings.get(c);
      if (!list) postings.set(c, (list = []));
      list.push(i);
    }
  });
  return { ...index, df, postings };
}

export function serializeCorpus(index: CorpusIndex): string {
  const { postings: _p, df: _d, ...rest } = index;
  return JSON.stringify(rest, (_k, v) => (v === Infinity ? 'Infinity' : v));
}

export function loadCorpus(json: string): CorpusIndex {
  let raw: unknown;
  try {
    raw = JSON.parse(json, (_k, v) => (v === 'Infinity' ? Infinity : v));
  } catch (e) {
    throw new Error(`corpus index is not valid JSON: ${(e as Error).message}`);
  }
  const o = raw as Partial<CorpusIndex>;
  if (!o || typeof o !== 'object' || o.format !== INDEX_FORMAT || !Array.isArray(o.sentences) || !Array.isArray(o.docs)) {
    throw new Error(`corpus index has an unknown format (expected format ${INDEX_FORMAT}); rebuild it`);
  }
  return finish({ ...(o as CorpusIndex), df: {}, postings: new Map() });
}

export function corpusVersion(docs: CorpusDoc[]): string {
  return hash(docs.map((d) => `${d.id}:${d.text.length}:${hash(d.text)}`).join('|'));
}

/** FNV-1a, 32-bit, hex: a cache key, not security. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
