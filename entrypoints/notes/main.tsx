/**
 * The notes page (notes.html, an extension page): wiring only. The notes database is opened
 * here, in the extension's origin (where it lives); where each note was last found comes from
 * storage.local (lib/notes-ui/anchor-store.ts). components/notes/NotesPage renders.
 */
import React from 'react';
import ReactDOM from 'react-dom/client';
import { browser } from 'wxt/browser';
import { z } from '@/lib/zod';
import { NotesPage, type NotesStore } from '@/components/notes/NotesPage';
import { deleteNote, importNotesFile, listNotes, openNotesDb, saveNote, toNoteWriteError, updateNote } from '@/lib/notes';
import { anchorKey, anchorsFromStorage } from '@/lib/notes-ui/anchor-store';
import '@/components/ui.css';
import '@/components/notes/notes.css';

// The extension's CSP forbids eval: tell zod up front instead of letting it probe.
z.config({ jitless: true });

const db = openNotesDb(globalThis);

const store: NotesStore = {
  list: (filter) =>
    listNotes(db, filter, { onInvalid: (row, issues) => console.warn('crosscheck: a stored note is not valid (kept, not shown)', row, issues) }),
  update: (id, patch) => updateNote(db, id, patch),
  remove: (id) => deleteNote(db, id),
  restore: (note) => saveNote(db, note),
  async removeAll() {
    try {
      return await db.transaction('rw', db.notes, async () => {
        const n = await db.notes.count();
        await db.notes.clear();
        return n;
      });
    } catch (e) {
      throw toNoteWriteError(e, 'delete the notes');
    }
  },
  importFile: (text) => importNotesFile(db, text),
  anchors: async () => anchorsFromStorage(await browser.storage.local.get(null)),
  forgetAnchors: async (ids) => {
    if (ids.length) await browser.storage.local.remove(ids.map(anchorKey));
  },
};

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <NotesPage store={store} />
  </React.StrictMode>,
);
