/**
 * The notes page's data (components/notes/useNotesData.ts): its querier, run as a Dexie live
 * query over the store main.tsx builds on the notes database, emits again when a note is saved,
 * edited or deleted — the page needs no reloads by hand — and reports a failed read as a value.
 */
import { describe, expect, it } from 'vitest';
import { Dexie, liveQuery } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { deleteNote, listNotes, saveNote, updateNote } from '../lib/notes';
import { readNotes, type NotesRead } from '../components/notes/useNotesData';
import { buildNote, notesDbs, SWAP_CLAIM } from './support/notes';

const freshDb = notesDbs();
// A live query only runs where Dexie sees a global IndexedDB (it has none in Node): give it one.
(Dexie.dependencies as { indexedDB?: unknown }).indexedDB ??= new IDBFactory();
const note = (n: number, tags: string[] = []) =>
  buildNote({ n, at: `2025-06-0${n}T10:00:00.000Z`, claim: SWAP_CLAIM, pageText: `Intro ${n}. ${SWAP_CLAIM} Outro.`, tags });

/** Subscribes to the live query; `next(ok)` waits for the next emission (after the last one matched) for which `ok` holds. */
function watch<T>(query: () => Promise<T>) {
  const seen: T[] = [];
  const waiters: Array<() => void> = [];
  const sub = liveQuery(query).subscribe({ next: (v) => (seen.push(v), waiters.splice(0).forEach((w) => w())) });
  let from = 0; // emissions before this one were matched or passed over already
  const next = async (ok: (v: T) => boolean): Promise<T> => {
    for (;;) {
      while (from < seen.length) {
        const v = seen[from++]!;
        if (ok(v)) return v;
      }
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return { next, stop: () => sub.unsubscribe() };
}

const counts = (v: NotesRead) => (v.ok ? `${v.all.length}/${v.filtered.length}` : v.error);

describe('the notes page live query', () => {
  it('emits again after a save, an edit and a delete, with the filtered list beside the full one', async () => {
    const db = freshDb();
    const store = { list: (f?: Parameters<typeof listNotes>[1]) => listNotes(db, f) };
    const w = watch(() => readNotes(store, { tag: 'swap' }));
    try {
      await w.next((v) => counts(v) === '0/0');
      await saveNote(db, note(1, ['swap']));
      await w.next((v) => counts(v) === '1/1');
      await saveNote(db, note(2));
      await w.next((v) => counts(v) === '2/1');
      await updateNote(db, note(2).id, { tags: ['swap'] });
      await w.next((v) => counts(v) === '2/2');
      await deleteNote(db, note(1).id);
      const last = await w.next((v) => counts(v) === '1/1');
      expect(last.ok && last.filtered.map((n) => n.id)).toEqual([note(2).id]);
    } finally {
      w.stop();
    }
  });

  it('turns a failed read into a message instead of throwing', async () => {
    const r = await readNotes({ list: async () => Promise.reject(new Error('disk gone')) }, {});
    expect(r).toEqual({ ok: false, error: 'Your notes could not be read: disk gone' });
  });
});
