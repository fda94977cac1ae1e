/**
 * Builders shared by the notes unit tests: deterministic note ids, notes made with makeNote on a
 * claim inside a page text, and fresh notes databases on fake-indexeddb closed after each test.
 */
import { afterEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { makeNote, openNotesDb, type NewNoteInput, type Note, type NotesDB } from '../../lib/notes';

/** The n-th deterministic note id (a valid version-4 UUID). */
export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The claim most note tests use. */
export const SWAP_CLAIM = 'Russia and Ukraine agreed to swap 1,000 prisoners each.';

export interface NoteSpec extends Partial<NewNoteInput> {
  /** Which uuid() the note gets. */
  n: number;
  /** When it was created. */
  at: Date | string;
  /** The claim, found in `pageText` for start and end unless they are given. */
  claim: string;
  pageText: string;
}

/** A note made with makeNote (page https://news.example/a, verdict corroborated unless `over` says otherwise). */
export function buildNote({ n, at, claim, pageText, ...over }: NoteSpec): Note {
  const start = over.start ?? pageText.indexOf(claim);
  return makeNote(
    { pageUrl: 'https://news.example/a', pageTitle: 'Talks', pageText, start, end: over.end ?? start + claim.length, claimVerdict: 'corroborated', ...over },
    { now: () => new Date(at), uuid: () => uuid(n) },
  );
}

/**
 * Opens fresh notes databases for one test file (each on its own fake IndexedDB unless a
 * factory is given, to reopen the same one) and closes them after each test. Call at the top
 * level of the file.
 */
export function notesDbs(): (factory?: IDBFactory) => NotesDB {
  const open: NotesDB[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });
  return (factory = new IDBFactory()) => {
    const db = openNotesDb({ indexedDB: factory, IDBKeyRange });
    open.push(db);
    return db;
  };
}
