/**
 * The reader's own sources: parsing (parse.ts) and adding them to a corpus without duplicates.
 * A source whose normalised text equals one already in the corpus (or earlier in the same batch)
 * is reported as a duplicate and not added.
 */
import { addToCorpus, hash, type CorpusIndex } from '../corpus/index';
import type { CorpusDoc } from '../types';
import type { ParsedSource } from './parse';

export * from './parse';

export interface AddResult {
  added: ParsedSource[];
  duplicates: Array<{ source: ParsedSource; sameAs: string }>;
}

/** Content hash used for duplicate detection, the same for seeds and reader sources. */
export function textHash(text: string): string {
  return hash(text.trim().replace(/\s+/g, ' ').toLowerCase());
}

/** Splits `sources` into the new and the duplicates of `existing` documents (or of each other). */
export function dedupeSources(existing: CorpusDoc[], sources: ParsedSource[]): AddResult {
  const seen = new Map<string, string>();
  for (const d of existing) seen.set(textHash(d.text), d.id);
  const out: AddResult = { added: [], duplicates: [] };
  for (const s of sources) {
    const prior = seen.get(s.contentHash) ?? seen.get(textHash(s.text));
    if (prior) out.duplicates.push({ source: s, sameAs: prior });
    else {
      seen.set(s.contentHash, s.id);
      out.added.push(s);
    }
  }
  return out;
}

/** Adds the non-duplicate sources to `index` incrementally (nothing already indexed is rebuilt). */
export function addSources(index: CorpusIndex, existing: CorpusDoc[], sources: ParsedSource[]): AddResult {
  const r = dedupeSources(existing, sources);
  if (r.added.length) addToCorpus(index, r.added);
  return r;
}
