/**
 * What the notes page needs from storage (the notes database and storage.local), injected by
 * entrypoints/notes/main.tsx so the page's components never open a database themselves.
 */
import type { NoteFilter, NoteList } from '@/lib/notes/db';
import type { ImportCounts, NotesImportSource } from '@/lib/notes/import';
import type { Note, NotePatch } from '@/lib/notes/model';
import type { StoredAnchor } from '@/lib/notes-ui/anchor-store';

export interface NotesStore {
  /** The notes; `listNotes` also carries the damaged rows it met (NoteList.damaged), which the page shows. */
  list(filter?: NoteFilter): Promise<Note[] | NoteList>;
  update(id: string, patch: NotePatch): Promise<Note>;
  remove(id: string): Promise<boolean>;
  /** Put a deleted note back exactly as it was (undo). */
  restore(note: Note): Promise<Note>;
  /** Delete every note; resolves to how many there were. */
  removeAll(): Promise<number>;
  /** Import a JSON export: given the File itself, it is read as a stream (no size limit, the page stays responsive). */
  importFile(source: NotesImportSource): Promise<{ ok: true; counts: ImportCounts } | { ok: false; error: string }>;
  /** Where each note was found when its page was last opened. */
  anchors(): Promise<Map<string, StoredAnchor>>;
  forgetAnchors(ids: string[]): Promise<void>;
}

/** A line of feedback under the export/import panel; `undo` offers to put a deleted note back. */
export type NotesMessage = { kind: 'ok' | 'error'; text: string; undo?: Note } | null;
