/**
 * The corpus manager's in-memory state: the live index, the engine over it, and the lookups
 * kept beside it (positions of documents, the reader's sources without their text, text hashes
 * and page URLs for duplicate checks, tombstones of deleted sources still in the index).
 *
 * It owns the index version: a function of the state — documents in index order with their
 * metadata, and the set switched off — not of the history, so the same sources give the same
 * version after a service-worker restart and any change gives a new one. A rolling hash over
 * the documents (`docsKey`) lets an append re-hash only the new documents.
 *
 * No I/O: the parts that read and write the databases (startup, add, edit) change it through
 * these methods. Pure TypeScript.
 */
import { corpusVersion, hash, type CorpusIndex, type DocMeta } from '../corpus/index';
import { ENGINE_VERSION, type Engine } from '../engine';
import type { CorpusDoc } from '../types';
import { textHash } from './index';
import { SourceError } from './parse';
import type { UserSource } from './db';
import { quoted, sameUrlKey } from './types';

/** One of the reader's sources as kept in memory: its row without the text, and the text's length. */
export type UserMeta = Omit<UserSource, 'text'> & { chars: number };

export function withoutText(row: UserSource): UserMeta {
  const { text, ...rest } = row;
  return { ...rest, chars: text.length };
}

function docKey(d: DocMeta): string {
  return `${d.id}:${d.date ?? ''}:${d.event ?? ''}:${d.title}:${d.outlet ?? ''}`;
}

export class CorpusState {
  readonly seedIds: Set<string>;
  /** Hash of the engine and seed versions: the start of every index version. */
  private readonly base: string;
  index!: CorpusIndex;
  engine!: Engine;
  /** Rolling hash over the documents in index order (id + metadata). */
  private docsKey = '';
  private docPos = new Map<string, number>();
  readonly users = new Map<string, UserMeta>();
  readonly byHash = new Map<string, string>();
  readonly byUrl = new Map<string, string>();
  /** Deleted sources still in the index, switched off until the next rebuild. */
  readonly tombstones = new Set<string>();

  constructor(
    readonly seeds: CorpusDoc[],
    private readonly create: (index: CorpusIndex) => Engine,
  ) {
    this.seedIds = new Set(seeds.map((s) => s.id));
    this.base = hash(`${ENGINE_VERSION}|${corpusVersion(seeds)}`);
    for (const s of seeds) this.byHash.set(textHash(s.text), s.id);
  }

  /** Adds a reader's source to the lookups (not to the index). */
  rememberUser(row: UserSource): void {
    this.users.set(row.id, withoutText(row));
    this.byHash.set(row.contentHash, row.id);
    const u = sameUrlKey(row.url);
    if (u) this.byUrl.set(u, row.id);
  }

  /** Takes a deleted source out of the lookups (the index keeps it as a tombstone). */
  forgetUser(row: UserSource): void {
    const id = row.id;
    this.users.delete(id);
    if (this.byHash.get(row.contentHash) === id) this.byHash.delete(row.contentHash);
    const u = sameUrlKey(row.url);
    if (u && this.byUrl.get(u) === id) this.byUrl.delete(u);
  }

  /** Points the URL lookup at `id` for its new URL after an edit. */
  moveUrl(id: string, oldUrl: string | null, newUrl: string | null): void {
    const from = sameUrlKey(oldUrl);
    if (from && this.byUrl.get(from) === id) this.byUrl.delete(from);
    const to = sameUrlKey(newUrl);
    if (to) this.byUrl.set(to, id);
  }

  /** Takes `index` as the live index: positions, document hash and version from scratch. */
  adopt(index: CorpusIndex): void {
    this.index = index;
    this.docPos = new Map(index.docs.map((d, i) => [d.id, i]));
    this.rekey();
    this.restamp();
  }

  /** After documents were appended from position `before` on: their positions and the document hash. */
  appended(before: number): void {
    for (let i = before; i < this.index.docs.length; i++) this.docPos.set(this.index.docs[i]!.id, i);
    this.rekey(before);
  }

  /** Re-hashes the documents from position `from` (0: all, after metadata changed). */
  rekey(from = 0): void {
    if (from === 0) this.docsKey = this.base;
    for (let i = from; i < this.index.docs.length; i++) this.docsKey = hash(`${this.docsKey}|${docKey(this.index.docs[i]!)}`);
  }

  /** The version is a function of the state: documents (in order, with metadata) and the switched-off set. */
  restamp(): void {
    const off = [...this.index.disabled]
      .map((i) => this.index.docs[i]?.id ?? '')
      .sort()
      .join(',');
    this.index.version = hash(`${this.base}|${this.docsKey}|${off}`);
    this.engine = this.create(this.index);
  }

  position(id: string): number | undefined {
    return this.docPos.get(id);
  }

  /** In the index and not deleted. */
  has(id: string): boolean {
    return this.docPos.get(id) !== undefined && !this.tombstones.has(id);
  }

  /** The position of a source that exists, else the "no source" error. */
  require(id: string): number {
    const i = this.docPos.get(id);
    if (i === undefined || this.tombstones.has(id)) throw new SourceError(`There is no source “${id}”.`);
    return i;
  }

  /** The source's title as messages quote it, or its id. */
  quotedTitle(id: string): string {
    const d = this.index.docs[this.docPos.get(id) ?? -1];
    return d ? quoted(d.title) : id;
  }

  isEnabled(id: string): boolean {
    const i = this.docPos.get(id);
    return i !== undefined && !this.index.disabled.has(i);
  }

  /**
   * A page is never checked against its own text: when the analysed text is a source of the
   * corpus (the reader added this very page), that source is left out of this analysis — else
   * every claim of an added page would be "corroborated" by itself. Deterministic for a given
   * text and corpus, so the cache key (text hash + version) still says what the result is.
   */
  withoutItself<T>(text: string, fn: () => T): T {
    const id = this.byHash.get(textHash(text));
    const i = id === undefined ? undefined : this.docPos.get(id);
    if (i === undefined || this.index.disabled.has(i)) return fn();
    this.index.disabled.add(i);
    try {
      return fn();
    } finally {
      this.index.disabled.delete(i);
    }
  }
}

/** What the parts that change the corpus (add, edit) are given by the manager. */
export interface MutationContext {
  state: CorpusState;
  sdb: import('./db').SourcesDB;
  now(): number;
  log: (message: string, error?: unknown) => void;
  /** After a change of the index: a new version and engine, the change announced; `save` rewrites the cached row. */
  changed(opts: { save: boolean }): void;
}
