import { download } from '../notes/download';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SourceInfo } from '@/lib/sources/manager';
import { SourceInfoSchema, type UserSource } from '@/lib/sources/schema';
import { importFiles, progressText, type ImportProgress, type ImportReport } from '@/lib/sources/import';
import type { MetaInput } from '@/lib/sources/messages';
import { aboutSubject, readerPath } from '@/lib/sources/protocol';
import { formatDate } from '@/lib/content/tooltip-model';
import { callSources, openExtensionPage } from './api';
import './sources.css';

/** How an event label reads on the page: the label itself (the corpus's own words), two generic ones aside. */
function eventWords(label: string): string {
  return label === 'other' ? 'Other event' : label === 'unknown' ? 'Unknown event' : `Event: ${label}`;
}

/** The event labels in use among the sources, offered when a source's event is set. */
const EVENT_LIST_ID = 'cc-event-labels';

function short(t: string, n = 90): string {
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** The entries that can be shown, and how many could not be read (reported on the page, not rendered). */
export function readSourceList(reply: unknown): { sources: SourceInfo[]; unreadable: number } {
  if (!Array.isArray(reply)) throw new Error('the background sent something that is not a list of sources. Reload this page.');
  const sources: SourceInfo[] = [];
  // Each entry checked before it is rendered (a malformed one must not blank the page).
  for (const entry of reply) {
    const p = SourceInfoSchema.safeParse(entry);
    if (p.success) sources.push(p.data);
  }
  return { sources, unreadable: reply.length - sources.length };
}

/** What the page shows after an action: its outcome, and the deleted row when it can be undone. */
type Notice = { text: string; ok: boolean; undo?: UserSource };

/** The background's list of sources, reloaded on demand and whenever the page comes back to the front. */
function useSourceList() {
  const [sources, setSources] = useState<SourceInfo[] | null>(null);
  const [unreadable, setUnreadable] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const list = readSourceList(await callSources({ type: 'listSources' }));
      setSources(list.sources);
      setUnreadable(list.unreadable);
      setLoadError(null);
    } catch (e) {
      setLoadError(`Your sources could not be loaded: ${(e as Error).message}`);
    }
  }, []);

  useEffect(() => {
    void reload();
    // Sources added from the popup or the context menu meanwhile show up when the page is back in front.
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  return { sources, unreadable, loadError, reload };
}

/** Switch off/on, delete and undo: each shows its outcome and reloads the list. */
function useSourceActions(reload: () => Promise<void>, setNotice: (n: Notice) => void) {
  /** Runs an action and shows its outcome; `deleter` (a delete) gets an Undo. */
  const act = async (what: () => Promise<string>, deleter?: () => Promise<UserSource>) => {
    try {
      if (deleter) {
        const row = await deleter();
        setNotice({ text: `Deleted “${short(row.title, 60)}”.`, ok: true, undo: row });
      } else {
        setNotice({ text: await what(), ok: true });
      }
    } catch (e) {
      setNotice({ text: (e as Error).message, ok: false });
    }
    await reload();
  };

  const toggle = (s: SourceInfo) =>
    act(async () => {
      await callSources({ type: 'setSourceEnabled', id: s.id, enabled: !s.enabled });
      return `${s.enabled ? 'Switched off' : 'Switched on'}: “${short(s.title, 60)}”. Pages are checked again with your sources as they are now.`;
    });

  const remove = (s: SourceInfo) =>
    act(
      async () => '',
      () => callSources({ type: 'deleteSource', id: s.id }),
    );

  const undo = (row: UserSource) =>
    act(async () => {
      const r = await callSources({ type: 'restoreSource', source: row });
      if (r.status !== 'added') throw new Error(r.message);
      return r.message;
    });

  /** Removes a damaged row; its stored data is saved as a file first thing (it cannot be restored). */
  const discard = (s: SourceInfo) =>
    act(async () => {
      const r = await callSources({ type: 'discardDamagedSource', id: s.id });
      const fileName = `crosscheck-damaged-source-${r.id.replace(/[^A-Za-z0-9_-]+/g, '_')}.json`;
      download({ fileName, mime: 'application/json', content: r.raw });
      return `Removed the damaged source “${short(s.title, 60)}”. A copy of what was stored was saved as ${fileName}.`;
    });

  return { toggle, remove, undo, discard };
}

/** The sources page: every source (bundled and the reader's), with add, import, edit, switch off, delete + Undo. */
export function SourcesPage() {
  const { sources, unreadable, loadError, reload } = useSourceList();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const { toggle, remove, undo, discard } = useSourceActions(reload, setNotice);

  const labels = [...new Set((sources ?? []).map((s) => s.event).filter((e): e is string => !!e))].sort();
  return (
    <main className="cc-page">
      <datalist id={EVENT_LIST_ID}>
        {labels.map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      <h1>Your sources</h1>
      <SourcesSummary sources={sources} unreadable={unreadable} loadError={loadError} />

      <section aria-labelledby="cc-add-h">
        <h2 id="cc-add-h">Add sources</h2>
        <div className="cc-add">
          <PasteForm onAdded={reload} />
          <FileImport onDone={reload} />
        </div>
        <p className="cc-note">
          On a web page, use <strong>Add this page to my sources</strong> in Crosscheck's popup or in the page's context menu (right click).
        </p>
      </section>

      <div aria-live="polite">
        {notice && (
          <div className={`cc-undo ${notice.ok ? 'cc-ok' : 'cc-err'}`} role={notice.ok ? 'status' : 'alert'}>
            <span>{notice.text}</span>
            {notice.undo && (
              <button type="button" onClick={() => void undo(notice.undo!)}>
                Undo
              </button>
            )}
          </div>
        )}
      </div>

      <section aria-labelledby="cc-list-h">
        <h2 id="cc-list-h">All sources</h2>
        <p className="cc-note">
          Supported / contradicted: claims this source supported or contradicted in the pages checked so far (the cached analyses). Switched-off sources are
          kept but not used; bundled sources can be switched off but not deleted.
        </p>
        {sources === null ? (
          <p role="status">Loading…</p>
        ) : (
          <SourcesTable
            sources={sources}
            editing={editing}
            onEdit={(id) => setEditing(editing === id ? null : id)}
            onSaved={async (text) => {
              setEditing(null);
              setNotice({ text, ok: true });
              await reload();
            }}
            onToggle={(s) => void toggle(s)}
            onDelete={(s) => void remove(s)}
            onDiscard={(s) => void discard(s)}
          />
        )}
      </section>
    </main>
  );
}

/** How many sources of each kind, and what could not be loaded or read. */
function SourcesSummary({ sources, unreadable, loadError }: { sources: SourceInfo[] | null; unreadable: number; loadError: string | null }) {
  const seeds = sources?.filter((s) => s.kind === 'seed').length ?? 0;
  const damaged = sources?.filter((s) => s.damaged).length ?? 0;
  const mine = (sources?.length ?? 0) - seeds - damaged;
  const off = sources?.filter((s) => !s.enabled && !s.damaged).length ?? 0;
  return (
    <>
      <p className="cc-note">
        Crosscheck checks claims against these texts, on your computer. {sources ? `${seeds + mine} sources: ${seeds} bundled, ${mine} yours` : ''}
        {off ? `, ${off} switched off` : ''}.
      </p>
      {loadError && (
        <p className="cc-notice" role="alert">
          {loadError}
        </p>
      )}
      {(damaged > 0 || unreadable > 0) && (
        <p className="cc-notice" role="note">
          {damaged > 0 && `${damaged} stored ${damaged === 1 ? 'source is' : 'sources are'} damaged: kept, but not used in checks (marked below). `}
          {unreadable > 0 &&
            `${unreadable} ${unreadable === 1 ? 'entry' : 'entries'} of the list could not be read and ${unreadable === 1 ? 'is' : 'are'} not shown.`}
        </p>
      )}
    </>
  );
}

/** The table of all sources: one row each (two while one is being edited), damaged ones marked. */
function SourcesTable(props: {
  sources: SourceInfo[];
  editing: string | null;
  onEdit: (id: string) => void;
  onSaved: (text: string) => Promise<void>;
  onToggle: (s: SourceInfo) => void;
  onDelete: (s: SourceInfo) => void;
  onDiscard: (s: SourceInfo) => void;
}) {
  return (
    <table className="cc-sources">
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Kind</th>
          <th scope="col" className="cc-num">
            Supported
          </th>
          <th scope="col" className="cc-num">
            Contradicted
          </th>
          <th scope="col">Used</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {props.sources.map((s) =>
          s.damaged ? (
            <DamagedRow key={`damaged:${s.id}`} s={s} onDiscard={() => props.onDiscard(s)} />
          ) : (
            <SourceRows
              key={s.id}
              s={s}
              editing={props.editing === s.id}
              onEdit={() => props.onEdit(s.id)}
              onSaved={props.onSaved}
              onToggle={() => props.onToggle(s)}
              onDelete={() => props.onDelete(s)}
            />
          ),
        )}
      </tbody>
    </table>
  );
}

/**
 * A stored source that fails validation: set aside by the background, shown with why. It can be
 * removed after a confirmation; a copy of what was stored is saved as a file, since it cannot be
 * restored.
 */
export function DamagedRow({ s, onDiscard }: { s: SourceInfo; onDiscard(): void }) {
  const [confirming, setConfirming] = useState(false);
  const label = short(s.title, 60);
  return (
    <tr data-source-id={s.id} data-damaged="true" className="cc-off">
      <td>
        <div className="cc-source-title">{s.title}</div>
        <div className="cc-source-meta">
          {s.id} · {s.chars.toLocaleString('en')} characters
        </div>
        <div className="cc-err" role="note">
          {s.damaged}
        </div>
        {confirming && (
          <div className="cc-confirm" role="group" aria-label={`Remove “${label}”`}>
            <p>Remove this damaged source for good? A copy of what was stored is saved as a file first.</p>
            <button type="button" onClick={onDiscard}>
              Remove and save a copy
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              Keep
            </button>
          </div>
        )}
      </td>
      <td>
        <span className="cc-kind cc-kind-user">Damaged</span>
      </td>
      <td className="cc-num">–</td>
      <td className="cc-num">–</td>
      <td>Off</td>
      <td className="cc-actions-cell">
        {!confirming && (
          <button type="button" onClick={() => setConfirming(true)} aria-label={`Remove damaged “${label}”…`}>
            Remove…
          </button>
        )}
      </td>
    </tr>
  );
}

function SourceRows(p: { s: SourceInfo; editing: boolean; onEdit(): void; onSaved(text: string): Promise<void>; onToggle(): void; onDelete(): void }) {
  const { s } = p;
  const meta = [s.outlet, formatDate(s.date), s.event ? eventWords(s.event) : null].filter(Boolean).join(' · ');
  return (
    <>
      <tr data-source-id={s.id} className={s.enabled ? '' : 'cc-off'}>
        <td>
          <div className="cc-source-title">{s.title}</div>
          {meta && <div className="cc-source-meta">{meta}</div>}
          {s.url && <div className="cc-source-meta">{s.url}</div>}
          <div className="cc-source-meta">
            {s.id}
            {s.fileName ? ` · ${s.fileName}` : ''} · {s.chars.toLocaleString('en')} characters
          </div>
        </td>
        <td>
          <span className={`cc-kind cc-kind-${s.kind}`}>{s.kind === 'seed' ? 'Bundled' : 'Yours'}</span>
        </td>
        <td className="cc-num" data-count="supported">
          {s.supported}
        </td>
        <td className="cc-num" data-count="contradicted">
          {s.contradicted}
        </td>
        <td>
          <label>
            <input type="checkbox" checked={s.enabled} onChange={p.onToggle} aria-label={`Use “${short(s.title, 60)}” in checks`} /> {s.enabled ? 'On' : 'Off'}
          </label>
        </td>
        <td className="cc-actions-cell">
          <button type="button" onClick={() => openExtensionPage(readerPath(s.id))}>
            Read
          </button>
          {s.kind === 'user' && (
            <>
              <button type="button" onClick={p.onEdit} aria-expanded={p.editing}>
                Edit
              </button>
              <button type="button" onClick={p.onDelete} aria-label={`Delete “${short(s.title, 60)}”`}>
                Delete
              </button>
            </>
          )}
        </td>
      </tr>
      {p.editing && (
        <tr className="cc-edit">
          <td colSpan={6}>
            <EditForm s={s} onSaved={p.onSaved} onCancel={p.onEdit} />
          </td>
        </tr>
      )}
    </>
  );
}

interface MetaFields {
  title: string;
  outlet: string;
  url: string;
  date: string;
  /** A label sources about one event share (free text); '' = let the engine group by date. */
  event: string;
}

function MetaInputs({ value, onChange, titleRequired }: { value: MetaFields; onChange(v: MetaFields): void; titleRequired?: boolean }) {
  const id = useId();
  const set = (k: keyof MetaFields) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <>
      <label htmlFor={`${id}-title`}>Title{titleRequired ? '' : ' (optional)'}</label>
      <input id={`${id}-title`} type="text" value={value.title} onChange={set('title')} required={titleRequired} maxLength={1000} />
      <div className="cc-row">
        <div>
          <label htmlFor={`${id}-outlet`}>Outlet</label>
          <input id={`${id}-outlet`} type="text" value={value.outlet} onChange={set('outlet')} maxLength={300} />
        </div>
        <div>
          <label htmlFor={`${id}-date`}>Date</label>
          <input id={`${id}-date`} type="date" value={value.date} onChange={set('date')} />
        </div>
      </div>
      <div className="cc-row">
        <div>
          <label htmlFor={`${id}-url`}>URL</label>
          <input id={`${id}-url`} type="url" value={value.url} onChange={set('url')} maxLength={4096} />
        </div>
        <div>
          <label htmlFor={`${id}-event`}>Event (optional: sources with the same label are one event; empty groups by date)</label>
          <input id={`${id}-event`} type="text" list={EVENT_LIST_ID} value={value.event} onChange={set('event')} maxLength={80} pattern="[\p{L}\p{N} ._:\-]*" />
        </div>
      </div>
    </>
  );
}

function toMeta(v: MetaFields, forEdit: boolean): MetaInput {
  if (forEdit) return { title: v.title, outlet: v.outlet || null, url: v.url || null, date: v.date || null, event: v.event.trim() || null };
  const m: MetaInput = {};
  if (v.title.trim()) m.title = v.title;
  if (v.outlet.trim()) m.outlet = v.outlet;
  if (v.url.trim()) m.url = v.url;
  if (v.date) m.date = v.date;
  if (v.event.trim()) m.event = v.event.trim();
  return m;
}

const EMPTY: MetaFields = { title: '', outlet: '', url: '', date: '', event: '' };

function EditForm({ s, onSaved, onCancel }: { s: SourceInfo; onSaved(text: string): Promise<void>; onCancel(): void }) {
  const [v, setV] = useState<MetaFields>({
    title: s.title,
    outlet: s.outlet ?? '',
    url: s.url ?? '',
    date: s.date ?? '',
    event: s.event ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await callSources({ type: 'updateSource', id: s.id, meta: toMeta(v, true) });
      await onSaved(`Saved “${short(v.title, 60)}”.`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="cc-form" onSubmit={(e) => void submit(e)} aria-label={`Edit “${short(s.title, 60)}”`}>
      <MetaInputs value={v} onChange={setV} titleRequired />
      <div className="cc-buttons">
        <button type="submit" className="cc-primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {error && (
          <span className="cc-err" role="alert">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}

function PasteForm({ onAdded }: { onAdded(): Promise<void> }) {
  const id = useId();
  const [text, setText] = useState('');
  const [v, setV] = useState<MetaFields>(EMPTY);
  const [result, setResult] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const r = await callSources({ type: 'addSource', name: 'The pasted text', text, meta: toMeta(v, false), origin: 'paste' });
      const ok = r.status === 'added';
      setResult({ text: ok ? r.message : aboutSubject('The pasted text', r.message), ok });
      if (ok) {
        setText('');
        setV(EMPTY);
      }
    } catch (err) {
      setResult({ text: (err as Error).message, ok: false });
    } finally {
      setBusy(false);
    }
    await onAdded();
  };
  return (
    <form className="cc-form cc-box" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Paste text</h3>
      <label htmlFor={`${id}-text`}>Text of the article</label>
      <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} required />
      <MetaInputs value={v} onChange={setV} />
      <div className="cc-buttons">
        <button type="submit" className="cc-primary" disabled={busy || !text.trim()}>
          {busy ? 'Adding…' : 'Add pasted text'}
        </button>
        <span role="status" className={result?.ok ? 'cc-ok' : 'cc-err'}>
          {result?.text}
        </span>
      </div>
    </form>
  );
}

function FileImport({ onDone }: { onDone(): Promise<void> }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const busy = progress !== null && progress.current !== null;

  const run = async (files: File[]) => {
    if (!files.length) return;
    setReport(null);
    const parser = new DOMParser();
    const r = await importFiles(files, {
      read: async (f) => new Uint8Array(await f.arrayBuffer()),
      parseHtml: (html) => parser.parseFromString(html, 'text/html'),
      send: (item) =>
        callSources({ type: 'addSource', name: item.name, text: item.text, meta: toMetaInput(item.meta), origin: 'file', fileName: item.fileName }),
      onProgress: setProgress,
    });
    setReport(r);
    if (input.current) input.current.value = '';
    await onDone();
  };

  return (
    <div className="cc-form cc-box">
      <h3 id={`${id}-h`}>Import files</h3>
      <label htmlFor={`${id}-files`}>Text, HTML or Markdown files (.txt, .html, .md; up to 5 MB each, in English)</label>
      <input
        id={`${id}-files`}
        ref={input}
        type="file"
        multiple
        accept=".txt,.text,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown"
        disabled={busy}
        onChange={(e) => void run(Array.from(e.target.files ?? []))}
      />
      <p role="status" aria-live="polite" className="cc-import-progress">
        {progress ? progressText(progress) : ''}
      </p>
      {report && (report.refused.length > 0 || report.duplicates.length > 0) && (
        <>
          <p className="cc-err">Not added:</p>
          <ul className="cc-report cc-import-errors">
            {[...report.refused, ...report.duplicates].map((r, i) => (
              <li key={i}>{r.message}</li>
            ))}
          </ul>
        </>
      )}
      {report && report.added.length > 0 && (
        <ul className="cc-report cc-ok">
          {report.added.map((a) => (
            <li key={a.id}>
              Added {a.name}: “{short(a.title, 70)}”
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function toMetaInput(m: { title?: string; outlet?: string | null; date?: string | null; url?: string | null }): MetaInput {
  const out: MetaInput = {};
  if (m.title) out.title = m.title.slice(0, 1000);
  if (m.outlet) out.outlet = m.outlet.slice(0, 300);
  if (m.date && /^\d{4}-\d{2}-\d{2}$/.test(m.date)) out.date = m.date;
  if (m.url) out.url = m.url.slice(0, 4096);
  return out;
}
