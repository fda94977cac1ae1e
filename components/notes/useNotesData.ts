/**
 * The notes page's data: the notes (all of them, and those the filters select) as a Dexie live
 * query, and where each note was last found, from storage.local.
 *
 * The notes page reads the notes database directly (main.tsx opens it in the extension's origin
 * and injects a store over it), so `useLiveQuery` keeps the lists current: a note saved, edited,
 * deleted or imported — on this page, or by the background for another tab — re-runs the query,
 * with no reloads to call by hand. The anchors are not in Dexie (storage.local, written by the
 * content script when it places notes on a page), so they are read on mount and again when the
 * reader comes back to this tab.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DamagedNote, NoteFilter, NoteList } from '@/lib/notes/db';
import type { Note } from '@/lib/notes/model';
import type { StoredAnchor } from '@/lib/notes-ui/anchor-store';
import type { NotesStore } from './store';

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The damaged rows a list carries (none when the store gives a plain array). */
function damagedOf(list: Note[] | NoteList): DamagedNote[] {
  return (list as Partial<NoteList>).damaged ?? [];
}

export type NotesRead = { ok: true; all: Note[]; damaged: DamagedNote[]; filtered: Note[] } | { ok: false; error: string };

/**
 * The live query's querier: both lists in one read, a failure as a value (so the page shows it
 * instead of React throwing it). Only Dexie is awaited inside, as a live query requires.
 */
export async function readNotes(store: Pick<NotesStore, 'list'>, filter: NoteFilter): Promise<NotesRead> {
  try {
    const [all, filtered] = await Promise.all([store.list(), store.list(filter)]);
    return { ok: true, all, damaged: damagedOf(all), filtered };
  } catch (e) {
    return { ok: false, error: `Your notes could not be read: ${errorText(e)}` };
  }
}

export type NotesData = Omit<Extract<NotesRead, { ok: true }>, 'ok'>;

/** The notes, kept current: `data` is the last good read (undefined until the first), `error` why the latest failed. */
export function useNotes(store: NotesStore, filter: NoteFilter): { data: NotesData | undefined; error: string | null } {
  const read = useLiveQuery(() => readNotes(store, filter), [store, filter]);
  const lastGood = useRef<NotesData | undefined>(undefined);
  if (read?.ok) lastGood.current = read;
  return { data: lastGood.current, error: read && !read.ok ? read.error : null };
}

/** Where each note was last found; read again whenever the reader comes back to this tab. */
export function useAnchors(store: NotesStore): Map<string, StoredAnchor> {
  const [anchors, setAnchors] = useState<Map<string, StoredAnchor>>(new Map());
  // The latest read wins: an older one that resolves late (or after unmount) is dropped.
  const latest = useRef(0);
  const read = useCallback(async () => {
    const mine = ++latest.current;
    const found = await store.anchors().catch(() => new Map<string, StoredAnchor>());
    if (mine === latest.current) setAnchors(found);
  }, [store]);

  useEffect(() => {
    void read();
    return () => {
      // A counter, not a DOM node: bumping it drops the reads still in flight.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      latest.current++;
    };
  }, [read]);

  // Another tab may have placed (or orphaned) notes since: look again on coming back.
  useEffect(() => {
    const again = () => document.visibilityState === 'visible' && void read();
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [read]);
  return anchors;
}
