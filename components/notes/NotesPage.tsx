/**
 * The notes page: every note, with search and filters, edit and delete, export and import.
 * The panels are components of their own (NotesFilters, NotesExportImport, NotesList,
 * DeleteAllNotes); the data comes from useNotesData (a Dexie live query over the injected store).
 */
import { useId, useMemo, useState } from 'react';
import type { DamagedNote } from '@/lib/notes/db';
import type { Note } from '@/lib/notes/model';
import { noteCountLabel } from '@/lib/notes-ui/editor';
import { EMPTY_FORM, filterByPlace, filterFromForm, isFiltered, pageChoices, tagChoices, type NotesForm } from '@/lib/notes-ui/page';
import { DeleteAllNotes } from './DeleteAllNotes';
import { NotesExportImport } from './NotesExportImport';
import { NotesFilters } from './NotesFilters';
import { DamagedNotes, NotesList } from './NotesList';
import type { NotesMessage, NotesStore } from './store';
import { errorText, useAnchors, useNotes } from './useNotesData';

export type { NotesStore } from './store';
export { download } from './download';

const NO_NOTES: Note[] = [];
const NO_DAMAGED: DamagedNote[] = [];

/** The feedback line; a deleted note's message offers Undo. */
function MessageLine({ message, onUndo }: { message: NotesMessage; onUndo: (n: Note) => void }) {
  return (
    <div aria-live="polite">
      {message && (
        <p className={message.kind === 'error' ? 'cc-notice cc-message-error' : 'cc-message-ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}{' '}
          {message.undo && (
            <button type="button" onClick={() => onUndo(message.undo!)}>
              Undo
            </button>
          )}
        </p>
      )}
    </div>
  );
}

export function NotesPage({ store, now = () => new Date() }: { store: NotesStore; now?: () => Date }) {
  const id = useId();
  const [form, setForm] = useState<NotesForm>(EMPTY_FORM);
  const [message, say] = useState<NotesMessage>(null);
  const filter = useMemo(() => filterFromForm(form), [form]);
  const { data, error } = useNotes(store, filter);
  const anchors = useAnchors(store);

  const all = data?.all ?? null;
  const damaged = data?.damaged ?? NO_DAMAGED;
  const shown = useMemo(() => (data ? filterByPlace(data.filtered, form.where, anchors) : NO_NOTES), [data, form.where, anchors]);
  const pages = useMemo(() => pageChoices(all ?? []), [all]);
  const tags = useMemo(() => tagChoices(all ?? []), [all]);
  const filtered = isFiltered(form);
  const total = all?.length ?? 0;

  const act = async (run: () => Promise<unknown>, ok: NotesMessage) => {
    try {
      await run();
      say(ok);
    } catch (e) {
      say({ kind: 'error', text: errorText(e) });
    }
  };
  const onDelete = (n: Note) =>
    void act(
      async () => {
        await store.remove(n.id);
        await store.forgetAnchors([n.id]).catch(() => {});
      },
      { kind: 'ok', text: 'Note deleted.', undo: n },
    );
  const onUndo = (n: Note) => void act(() => store.restore(n), { kind: 'ok', text: 'Note restored.' });

  const inAll = damaged.length ? `${noteCountLabel(total)} in all, and ${damaged.length} damaged (kept, shown below).` : `${noteCountLabel(total)} in all.`;
  return (
    <main className="cc-notes-page">
      <header className="cc-notes-header">
        <h1>Crosscheck notes</h1>
        <p className="cc-note">Your notes on claims, kept in this browser only (never sent anywhere). {all ? inAll : ''}</p>
      </header>
      {error && (
        <p className="cc-notice" role="alert">
          {error}
        </p>
      )}
      <NotesFilters id={id} form={form} setForm={setForm} pages={pages} tags={tags} />
      <NotesExportImport
        id={id}
        store={store}
        all={all ?? NO_NOTES}
        shown={shown}
        filtered={filtered}
        pageTitle={form.page ? pages.find((p) => p.url === form.page)?.label : undefined}
        now={now}
        say={say}
      />
      <MessageLine message={message} onUndo={onUndo} />
      <NotesList
        id={id}
        store={store}
        all={all}
        shown={shown}
        damagedCount={damaged.length}
        filtered={filtered}
        anchors={anchors}
        say={say}
        onDelete={onDelete}
      />
      <DamagedNotes id={id} damaged={damaged} />
      <DeleteAllNotes id={id} store={store} all={all ?? NO_NOTES} damaged={damaged} now={now} say={say} />
    </main>
  );
}
