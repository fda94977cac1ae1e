import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DamagedNote, NoteFilter, NoteList } from '@/lib/notes/db';
import type { ImportCounts, NotesImportSource } from '@/lib/notes/import';
import type { Note, NotePatch } from '@/lib/notes/model';
import { VERDICT_LABELS, VERDICTS } from '@/lib/labels';
import type { StoredAnchor } from '@/lib/notes-ui/anchor-store';
import { draftFromNote, draftToPatch, noteCountLabel } from '@/lib/notes-ui/editor';
import {
  EMPTY_FORM,
  EXPORT_FORMAT_CHOICES,
  backupBeforeDeleteAll,
  buildExport,
  deleteAllPrompt,
  filterByPlace,
  filterFromForm,
  formProblem,
  importSummary,
  isFiltered,
  pageChoices,
  tagChoices,
  type ExportFile,
  type ExportFormat,
  type NotesForm,
} from '@/lib/notes-ui/page';
import { DamagedNoteCard, NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';

/** What the notes page needs from storage (the notes database and storage.local), injected by main.tsx. */
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

type Message = { kind: 'ok' | 'error'; text: string; undo?: Note } | null;

/** Save a string as a file: Blob + <a download> (no downloads permission needed). */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** One <option> per verdict, labelled as everywhere else (for the two verdict filters). */
function VerdictOptions() {
  return (
    <>
      {VERDICTS.map((v) => (
        <option key={v} value={v}>
          {VERDICT_LABELS[v]}
        </option>
      ))}
    </>
  );
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The damaged rows a list carries (none when the store gives a plain array). */
function damagedOf(list: Note[] | NoteList): DamagedNote[] {
  return (list as Partial<NoteList>).damaged ?? [];
}

/** The notes page: every note, with search and filters, edit and delete, export and import. */
export function NotesPage({ store, now = () => new Date() }: { store: NotesStore; now?: () => Date }) {
  const id = useId();
  const [all, setAll] = useState<Note[] | null>(null);
  const [damaged, setDamaged] = useState<DamagedNote[]>([]);
  const [shown, setShown] = useState<Note[]>([]);
  const [anchors, setAnchors] = useState<Map<string, StoredAnchor>>(new Map());
  const [form, setForm] = useState<NotesForm>(EMPTY_FORM);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [scope, setScope] = useState<'shown' | 'all'>('shown');
  const [confirmAll, setConfirmAll] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  const problem = formProblem(form);
  const filter = useMemo(() => filterFromForm(form), [form]);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const [everything, filtered, places] = await Promise.all([store.list(), store.list(filter), store.anchors().catch(() => new Map())]);
      if (mine !== seq.current) return;
      setAll(everything);
      setDamaged(damagedOf(everything));
      setAnchors(places);
      setShown(filterByPlace(filtered, form.where, places));
      setLoadError(null);
    } catch (e) {
      if (mine === seq.current) setLoadError(`Your notes could not be read: ${errorText(e)}`);
    }
  }, [store, filter, form.where]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Notes saved in another tab appear when the reader comes back to this one.
  useEffect(() => {
    const again = () => document.visibilityState === 'visible' && void reload();
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [reload]);

  const pages = useMemo(() => pageChoices(all ?? []), [all]);
  const tags = useMemo(() => tagChoices(all ?? []), [all]);
  const set = (patch: Partial<NotesForm>) => setForm((f) => ({ ...f, ...patch }));
  const filtered = isFiltered(form);
  const exportNotes = scope === 'all' || !filtered ? (all ?? []) : shown;
  const onePage = filtered && scope === 'shown' && form.page ? pages.find((p) => p.url === form.page) : undefined;

  const onExport = () => {
    if (!exportNotes.length) {
      setMessage({ kind: 'error', text: 'There are no notes to export.' });
      return;
    }
    const file = buildExport(format, exportNotes, { now: now(), pageTitle: onePage?.label });
    download(file);
    setMessage({ kind: 'ok', text: `Exported ${noteCountLabel(exportNotes.length)} to ${file.fileName}.` });
  };

  const onImport = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setMessage({ kind: 'ok', text: `Importing ${file.name}…` });
    // The File itself: read as a stream and parsed in slices, so a large backup neither hits a size limit nor freezes the page.
    const r = await store.importFile(file).catch((e: unknown) => ({ ok: false as const, error: errorText(e) }));
    if (fileRef.current) fileRef.current.value = ''; // the same file can be chosen again
    if (!r.ok) setMessage({ kind: 'error', text: `${file.name}: ${r.error}` });
    else setMessage({ kind: 'ok', text: importSummary(r.counts) });
    await reload();
  };

  const onDelete = async (n: Note) => {
    try {
      await store.remove(n.id);
      await store.forgetAnchors([n.id]).catch(() => {});
      setMessage({ kind: 'ok', text: 'Note deleted.', undo: n });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
    await reload();
  };

  const onUndo = async (n: Note) => {
    try {
      await store.restore(n);
      setMessage({ kind: 'ok', text: 'Note restored.' });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
    await reload();
  };

  const onBackupFirst = () => {
    const notes = all ?? [];
    if (!notes.length) {
      setMessage({ kind: 'error', text: 'There are no valid notes to export.' });
      return;
    }
    const file = backupBeforeDeleteAll(notes, now());
    download(file);
    setMessage({ kind: 'ok', text: `Exported ${noteCountLabel(notes.length)} to ${file.fileName}. Keep that file: it can be imported back.` });
  };

  const onDeleteAll = async () => {
    setConfirmAll(false);
    try {
      const ids = [...(all ?? []).map((n) => n.id), ...damaged.map((d) => d.id)];
      const count = await store.removeAll();
      await store.forgetAnchors(ids).catch(() => {});
      setMessage({ kind: 'ok', text: `Deleted ${noteCountLabel(count)}.` });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
    await reload();
  };

  const total = all?.length ?? 0;
  const inAll = damaged.length ? `${noteCountLabel(total)} in all, and ${damaged.length} damaged (kept, shown below).` : `${noteCountLabel(total)} in all.`;
  return (
    <main className="cc-notes-page">
      <header className="cc-notes-header">
        <h1>Crosscheck notes</h1>
        <p className="cc-note">
          Your notes on claims, kept in this browser only (never sent anywhere). {all ? inAll : ''}
        </p>
      </header>

      {loadError && (
        <p className="cc-notice" role="alert">
          {loadError}
        </p>
      )}

      <section aria-labelledby={`${id}-find`} className="cc-panel">
        <h2 id={`${id}-find`}>Find notes</h2>
        <div className="cc-filters-grid">
          <div className="cc-field">
            <label htmlFor={`${id}-search`}>Search</label>
            <input id={`${id}-search`} type="search" value={form.search} onChange={(e) => set({ search: e.target.value })} placeholder="Words in the claim, note, tags…" />
          </div>
          <div className="cc-field">
            <label htmlFor={`${id}-page`}>Page</label>
            <select id={`${id}-page`} value={form.page} onChange={(e) => set({ page: e.target.value })}>
              <option value="">All pages</option>
              {pages.map((p) => (
                <option key={p.url} value={p.url}>
                  {p.label} ({p.count})
                </option>
              ))}
            </select>
          </div>
          <div className="cc-field">
            <label htmlFor={`${id}-crosscheck-s-verdict`}>Crosscheck's verdict</label>
            <select id={`${id}-crosscheck-s-verdict`} value={form.verdict} onChange={(e) => set({ verdict: e.target.value as NotesForm['verdict'] })}>
              <option value="">Any</option>
              <VerdictOptions />
            </select>
          </div>
          <div className="cc-field">
            <label htmlFor={`${id}-your-verdict`}>Your verdict</label>
            <select id={`${id}-your-verdict`} value={form.readerVerdict} onChange={(e) => set({ readerVerdict: e.target.value as NotesForm['readerVerdict'] })}>
              <option value="">Any</option>
              <option value="none">None given</option>
              <VerdictOptions />
            </select>
          </div>
          <div className="cc-field">
            <label htmlFor={`${id}-tag`}>Tag</label>
            <select id={`${id}-tag`} value={form.tag} onChange={(e) => set({ tag: e.target.value })}>
              <option value="">Any</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
          <div className="cc-field">
            <label htmlFor={`${id}-from`}>From</label>
            <input id={`${id}-from`} type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="cc-field">
            <label htmlFor={`${id}-to`}>To</label>
            <input id={`${id}-to`} type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} />
          </div>
          <div className="cc-field">
            <label htmlFor={`${id}-on-the-page`}>On the page</label>
            <select id={`${id}-on-the-page`} value={form.where} onChange={(e) => set({ where: e.target.value as NotesForm['where'] })}>
              <option value="">Found or not</option>
              <option value="found">Found when last opened</option>
              <option value="orphaned">Orphaned (text gone)</option>
            </select>
          </div>
        </div>
        {filtered && (
          <button type="button" onClick={() => setForm(EMPTY_FORM)}>
            Clear filters
          </button>
        )}
        {problem && <p className="cc-field-error">{problem}</p>}
      </section>

      <section aria-labelledby={`${id}-io`} className="cc-panel cc-io">
        <h2 id={`${id}-io`}>Export and import</h2>
        <div className="cc-io-row">
          <div className="cc-field">
            <label htmlFor={`${id}-export-format`}>Export format</label>
            <select id={`${id}-export-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              {EXPORT_FORMAT_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div className="cc-field">
            <label htmlFor={`${id}-notes-to-export`}>Notes to export</label>
            <select id={`${id}-notes-to-export`} value={filtered ? scope : 'all'} disabled={!filtered} onChange={(e) => setScope(e.target.value as 'shown' | 'all')}>
              <option value="all">All notes ({total})</option>
              {filtered && <option value="shown">The notes shown ({shown.length})</option>}
            </select>
          </div>
          <button type="button" className="cc-primary" onClick={onExport}>
            Export
          </button>
        </div>
        <div className="cc-io-row">
          <div className="cc-field">
            <label htmlFor={`${id}-import-notes-from-a-json-export`}>Import notes from a JSON export</label>
            <input id={`${id}-import-notes-from-a-json-export`} ref={fileRef} type="file" accept=".json,application/json" onChange={(e) => void onImport(e.target.files)} />
          </div>
        </div>
        <p className="cc-note">
          JSON is the complete backup and the only format that can be imported back; importing the same file twice adds nothing. CSV
          opens in a spreadsheet (UTF-8 with a byte order mark; fields that start like a formula get a leading apostrophe).
        </p>
      </section>

      <div aria-live="polite">
        {message && (
          <p className={message.kind === 'error' ? 'cc-notice cc-message-error' : 'cc-message-ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}{' '}
            {message.undo && (
              <button type="button" onClick={() => void onUndo(message.undo!)}>
                Undo
              </button>
            )}
          </p>
        )}
      </div>

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>
          {all === null ? 'Loading…' : filtered ? `${noteCountLabel(shown.length)} of ${total} shown` : noteCountLabel(total)}
        </h2>
        {all !== null && total === 0 && damaged.length === 0 && (
          <p className="cc-note">
            No notes yet. Hover a highlighted claim on an article and choose “Add note”, or import a JSON export above.
          </p>
        )}
        {all !== null && total > 0 && shown.length === 0 && <p className="cc-note">No note matches these filters.</p>}
        <ol className="cc-note-list">
          {shown.map((n) => (
            <li key={n.id}>
              {editing === n.id ? (
                <div className="cc-note-card">
                  <blockquote className="cc-quote cc-note-claim">{n.claimText}</blockquote>
                  <NoteEditor
                    label="Edit note"
                    initial={draftFromNote(n)}
                    onCancel={() => setEditing(null)}
                    onSave={async (draft) => {
                      try {
                        await store.update(n.id, draftToPatch(draft));
                      } catch (e) {
                        return errorText(e);
                      }
                      setEditing(null);
                      setMessage({ kind: 'ok', text: 'Note saved.' });
                      await reload();
                      return null;
                    }}
                  />
                </div>
              ) : (
                <NoteCard note={n} anchor={anchors.get(n.id)} onEdit={() => setEditing(n.id)} onDelete={() => void onDelete(n)} />
              )}
            </li>
          ))}
        </ol>
      </section>

      {damaged.length > 0 && (
        <section aria-labelledby={`${id}-damaged`} className="cc-panel">
          <h2 id={`${id}-damaged`}>Damaged notes ({damaged.length})</h2>
          <p className="cc-note">
            These stored notes are no longer valid notes (their data was changed or cut short), so they cannot be shown in full, searched
            or exported. They are kept as they are, never deleted on their own; what can still be read of each is below.
          </p>
          <ol className="cc-note-list">
            {damaged.map((d) => (
              <li key={d.id}>
                <DamagedNoteCard note={d} />
              </li>
            ))}
          </ol>
        </section>
      )}

      {(total > 0 || damaged.length > 0) && (
        <section aria-labelledby={`${id}-danger`} className="cc-panel cc-danger">
          <h2 id={`${id}-danger`}>Delete all notes</h2>
          {confirmAll ? (
            <div role="alertdialog" aria-labelledby={`${id}-confirm`} className="cc-confirm">
              <p id={`${id}-confirm`}>{deleteAllPrompt(total, damaged.length)}</p>
              <div className="cc-actions">
                {total > 0 && (
                  <button type="button" className="cc-primary" onClick={onBackupFirst}>
                    Export first (JSON)
                  </button>
                )}
                <button type="button" className="cc-danger-button" onClick={() => void onDeleteAll()}>
                  Yes, delete all notes
                </button>
                <button type="button" autoFocus onClick={() => setConfirmAll(false)}>
                  Keep them
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirmAll(true)}>
              Delete all notes…
            </button>
          )}
        </section>
      )}
    </main>
  );
}
