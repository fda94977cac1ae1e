/**
 * The notes page's "Export and import" panel: export all notes or the ones shown, in a chosen
 * format, and import a JSON export. The list updates itself after an import (a live query).
 */
import { useRef, useState } from 'react';
import type { Note } from '@/lib/notes/model';
import { noteCountLabel } from '@/lib/notes-ui/editor';
import { EXPORT_FORMAT_CHOICES, buildExport, importSummary, type ExportFormat } from '@/lib/notes-ui/page';
import { download } from './download';
import type { NotesMessage, NotesStore } from './store';
import { errorText } from './useNotesData';

interface Props {
  id: string;
  store: NotesStore;
  all: Note[];
  shown: Note[];
  /** The filters select some notes (else only "all" can be exported). */
  filtered: boolean;
  /** The title of the one page the filters select, if they select one: names a report of that page. */
  pageTitle: string | undefined;
  now: () => Date;
  say: (m: NotesMessage) => void;
}

export function NotesExportImport({ id, store, all, shown, filtered, pageTitle, now, say }: Props) {
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [scope, setScope] = useState<'shown' | 'all'>('shown');
  const fileRef = useRef<HTMLInputElement>(null);
  const onlyShown = filtered && scope === 'shown';
  const exportNotes = onlyShown ? shown : all;

  const onExport = () => {
    if (!exportNotes.length) {
      say({ kind: 'error', text: 'There are no notes to export.' });
      return;
    }
    const file = buildExport(format, exportNotes, { now: now(), pageTitle: onlyShown ? pageTitle : undefined });
    download(file);
    say({ kind: 'ok', text: `Exported ${noteCountLabel(exportNotes.length)} to ${file.fileName}.` });
  };

  const onImport = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    say({ kind: 'ok', text: `Importing ${file.name}…` });
    // The File itself: read as a stream and parsed in slices, so a large backup neither hits a size limit nor freezes the page.
    const r = await store.importFile(file).catch((e: unknown) => ({ ok: false as const, error: errorText(e) }));
    if (fileRef.current) fileRef.current.value = ''; // the same file can be chosen again
    if (!r.ok) say({ kind: 'error', text: `${file.name}: ${r.error}` });
    else say({ kind: 'ok', text: importSummary(r.counts) });
  };

  return (
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
          <select
            id={`${id}-notes-to-export`}
            value={filtered ? scope : 'all'}
            disabled={!filtered}
            onChange={(e) => setScope(e.target.value as 'shown' | 'all')}
          >
            <option value="all">All notes ({all.length})</option>
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
          <input
            id={`${id}-import-notes-from-a-json-export`}
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            onChange={(e) => void onImport(e.target.files)}
          />
        </div>
      </div>
      <p className="cc-note">
        JSON is the complete backup and the only format that can be imported back; importing the same file twice adds nothing. CSV opens in a spreadsheet (UTF-8
        with a byte order mark; fields that start like a formula get a leading apostrophe).
      </p>
    </section>
  );
}
