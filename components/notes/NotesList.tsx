/** The notes page's list of notes (each a card, or the editor while it is edited) and the damaged notes kept apart. */
import { useState } from 'react';
import type { DamagedNote } from '@/lib/notes/db';
import type { Note } from '@/lib/notes/model';
import type { StoredAnchor } from '@/lib/notes-ui/anchor-store';
import { draftFromNote, draftToPatch, noteCountLabel } from '@/lib/notes-ui/editor';
import { DamagedNoteCard, NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import type { NotesMessage, NotesStore } from './store';
import { errorText } from './useNotesData';

interface Props {
  id: string;
  store: NotesStore;
  /** Null while loading. */
  all: Note[] | null;
  shown: Note[];
  damagedCount: number;
  filtered: boolean;
  anchors: Map<string, StoredAnchor>;
  say: (m: NotesMessage) => void;
  onDelete: (n: Note) => void;
}

function heading(all: Note[] | null, shown: Note[], filtered: boolean): string {
  if (all === null) return 'Loading…';
  return filtered ? `${noteCountLabel(shown.length)} of ${all.length} shown` : noteCountLabel(all.length);
}

export function NotesList({ id, store, all, shown, damagedCount, filtered, anchors, say, onDelete }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const total = all?.length ?? 0;

  const save = (n: Note) => async (draft: Parameters<typeof draftToPatch>[0]) => {
    try {
      await store.update(n.id, draftToPatch(draft));
    } catch (e) {
      return errorText(e);
    }
    setEditing(null);
    say({ kind: 'ok', text: 'Note saved.' });
    return null;
  };

  return (
    <section aria-labelledby={`${id}-list`}>
      <h2 id={`${id}-list`}>{heading(all, shown, filtered)}</h2>
      {all !== null && total === 0 && damagedCount === 0 && (
        <p className="cc-note">No notes yet. Hover a highlighted claim on an article and choose “Add note”, or import a JSON export above.</p>
      )}
      {all !== null && total > 0 && shown.length === 0 && <p className="cc-note">No note matches these filters.</p>}
      <ol className="cc-note-list">
        {shown.map((n) => (
          <li key={n.id}>
            {editing === n.id ? (
              <div className="cc-note-card">
                <blockquote className="cc-quote cc-note-claim">{n.claimText}</blockquote>
                <NoteEditor label="Edit note" initial={draftFromNote(n)} onCancel={() => setEditing(null)} onSave={save(n)} />
              </div>
            ) : (
              <NoteCard note={n} anchor={anchors.get(n.id)} onEdit={() => setEditing(n.id)} onDelete={() => onDelete(n)} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function DamagedNotes({ id, damaged }: { id: string; damaged: DamagedNote[] }) {
  if (!damaged.length) return null;
  return (
    <section aria-labelledby={`${id}-damaged`} className="cc-panel">
      <h2 id={`${id}-damaged`}>Damaged notes ({damaged.length})</h2>
      <p className="cc-note">
        These stored notes are no longer valid notes (their data was changed or cut short), so they cannot be shown in full, searched or exported. They are kept
        as they are, never deleted on their own; what can still be read of each is below.
      </p>
      <ol className="cc-note-list">
        {damaged.map((d) => (
          <li key={d.id}>
            <DamagedNoteCard note={d} />
          </li>
        ))}
      </ol>
    </section>
  );
}
