import './notes.css';
import { createContext, useContext, useRef, useState } from 'react';
import type { NoteDraft } from '@/lib/notes-ui/editor';
import { EDITOR_LABELS, noteCountLabel, readerVerdictLine } from '@/lib/notes-ui/editor';
import { sortPageNotes, type PageNote, type PageNotesReply } from '@/lib/notes-ui/page-notes';
import { NoteEditor } from './NoteEditor';

/** What the popup knows about the tab's notes (from its content script). */
export interface PopupNotes {
  /** null while loading or when the page cannot be asked. */
  reply: PageNotesReply | null;
  /** Save a new note on claim `index`: null when saved, or the error to show. */
  addNote(index: number, draft: NoteDraft): Promise<string | null>;
}

/**
 * Given by the popup's App around PopupBody; read by the claim list's note controls, so notes
 * need no props threaded through the popup's components. Absent (null) → no note controls.
 */
export const PopupNotesContext = createContext<PopupNotes | null>(null);

/** Under a claim in the popup's list: its notes ("1 note") and an "Add note" button opening the editor. */
export function ClaimNoteControls({ index }: { index: number }) {
  const ctx = useContext(PopupNotesContext);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  if (!ctx) return null;
  const notes = ctx.reply ? (sortPageNotes(ctx.reply.notes).byClaim.get(index) ?? []) : [];
  const close = () => {
    setOpen(false);
    // Give focus back to the button that opened the editor.
    setTimeout(() => addRef.current?.focus(), 0);
  };
  return (
    <div className="cc-claim-notes">
      {notes.length > 0 && (
        <div className="cc-claim-notes-list">
          <p className="cc-notes-count">{noteCountLabel(notes.length)}</p>
          <ul>
            {notes.map(({ note }) => (
              <li key={note.id}>
                {note.text.trim() && <span className="cc-note-text">{note.text}</span>}
                {readerVerdictLine(note) && <span className="cc-note-meta"> {readerVerdictLine(note)}</span>}
                {note.tags.length > 0 && <span className="cc-note-meta"> · {note.tags.join(', ')}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {open ? (
        <NoteEditor
          label={`New note on claim ${index + 1}`}
          onCancel={close}
          onSave={async (draft) => {
            const err = await ctx.addNote(index, draft);
            if (!err) {
              setSaved(true);
              close();
            }
            return err;
          }}
        />
      ) : (
        <div className="cc-actions">
          <button type="button" ref={addRef} className="cc-add-note" aria-expanded={false} onClick={() => (setSaved(false), setOpen(true))}>
            {EDITOR_LABELS.add}
          </button>
          {saved && (
            <span className="cc-saved" role="status">
              Note saved.
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** Notes whose text is no longer on the page: listed with their stored quote, never dropped. */
export function OrphanedNotes({ items }: { items: readonly PageNote[] }) {
  if (!items.length) return null;
  return (
    <section className="cc-orphans" aria-labelledby="cc-orphans-h">
      <h2 id="cc-orphans-h" className="cc-h">
        Orphaned notes on this page: the article changed since
      </h2>
      <p className="cc-note">Their text was not found on the page. They are kept as they were, with the quote they were made on.</p>
      <ul className="cc-orphan-list">
        {items.map(({ note }) => (
          <li key={note.id}>
            <blockquote className="cc-quote">{note.target.selectors[0].exact}</blockquote>
            {note.text.trim() && <p className="cc-note-text">{note.text}</p>}
            {readerVerdictLine(note) && <p className="cc-note-meta">{readerVerdictLine(note)}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The popup's notes area below the page's results: orphaned notes, and a problem reading notes. */
export function PopupNotesSection() {
  const ctx = useContext(PopupNotesContext);
  if (!ctx?.reply) return null;
  const { orphaned } = sortPageNotes(ctx.reply.notes);
  return (
    <>
      {ctx.reply.error && (
        <p className="cc-notice" role="alert">
          {ctx.reply.error}
        </p>
      )}
      <OrphanedNotes items={orphaned} />
    </>
  );
}
