/** The notes page's "Delete all notes" panel: asks first, and offers a JSON backup before deleting. */
import { useState } from 'react';
import type { DamagedNote } from '@/lib/notes/db';
import type { Note } from '@/lib/notes/model';
import { noteCountLabel } from '@/lib/notes-ui/editor';
import { backupBeforeDeleteAll, deleteAllPrompt } from '@/lib/notes-ui/page';
import { download } from './download';
import type { NotesMessage, NotesStore } from './store';
import { errorText } from './useNotesData';

interface Props {
  id: string;
  store: NotesStore;
  all: Note[];
  damaged: DamagedNote[];
  now: () => Date;
  say: (m: NotesMessage) => void;
}

export function DeleteAllNotes({ id, store, all, damaged, now, say }: Props) {
  const [confirming, setConfirming] = useState(false);
  if (!all.length && !damaged.length) return null;

  const onBackupFirst = () => {
    if (!all.length) {
      say({ kind: 'error', text: 'There are no valid notes to export.' });
      return;
    }
    const file = backupBeforeDeleteAll(all, now());
    download(file);
    say({ kind: 'ok', text: `Exported ${noteCountLabel(all.length)} to ${file.fileName}. Keep that file: it can be imported back.` });
  };

  const onDeleteAll = async () => {
    setConfirming(false);
    try {
      const ids = [...all.map((n) => n.id), ...damaged.map((d) => d.id)];
      const count = await store.removeAll();
      await store.forgetAnchors(ids).catch(() => {});
      say({ kind: 'ok', text: `Deleted ${noteCountLabel(count)}.` });
    } catch (e) {
      say({ kind: 'error', text: errorText(e) });
    }
  };

  return (
    <section aria-labelledby={`${id}-danger`} className="cc-panel cc-danger">
      <h2 id={`${id}-danger`}>Delete all notes</h2>
      {confirming ? (
        <div role="alertdialog" aria-labelledby={`${id}-confirm`} className="cc-confirm">
          <p id={`${id}-confirm`}>{deleteAllPrompt(all.length, damaged.length)}</p>
          <div className="cc-actions">
            {all.length > 0 && (
              <button type="button" className="cc-primary" onClick={onBackupFirst}>
                Export first (JSON)
              </button>
            )}
            <button type="button" className="cc-danger-button" onClick={() => void onDeleteAll()}>
              Yes, delete all notes
            </button>
            <button type="button" autoFocus onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Delete all notes…
        </button>
      )}
    </section>
  );
}
