/**
 * The notes page's decisions, kept out of React: the filter form → the library's NoteFilter,
 * the choices of the page and tag filters, building an export file, the words shown after an
 * import, and the "Delete all" question with its backup offer.
 *
 * Pure: no DOM, no extension API, no clock unless injected.
 */
import { VERDICTS } from '../labels';
import type { Verdict } from '../types';
import type { NoteFilter } from '../notes/db';
import type { ImportCounts } from '../notes/import';
import type { Note } from '../notes/model';
import { toCSV, toJSON, toMarkdown, toWebAnnotation } from '../notes/export';
import { EXPORT_FILES } from '../notes';
import type { AnchorStatus } from './anchor-store';
import { noteCountLabel } from './editor';

/** The filter form as typed: '' means "any". */
export interface NotesForm {
  search: string;
  /** A page URL (as stored on the notes), or ''. */
  page: string;
  /** Crosscheck's verdict. */
  verdict: Verdict | '';
  /** The reader's verdict; 'none' = notes without one. */
  readerVerdict: Verdict | 'none' | '';
  tag: string;
  /** YYYY-MM-DD (an <input type="date"> value), or ''. */
  from: string;
  to: string;
  /** Where the note was found when its page was last opened. */
  where: '' | 'found' | 'orphaned';
}

export const EMPTY_FORM: NotesForm = { search: '', page: '', verdict: '', readerVerdict: '', tag: '', from: '', to: '', where: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The library filter for a form: empty fields left out, dates only when they are real days. */
export function filterFromForm(f: NotesForm): NoteFilter {
  const out: NoteFilter = {};
  if (f.search.trim()) out.search = f.search.trim();
  if (f.page) out.pageUrl = f.page;
  if ((VERDICTS as readonly string[]).includes(f.verdict)) out.verdict = f.verdict as Verdict;
  if (f.readerVerdict === 'none' || (VERDICTS as readonly string[]).includes(f.readerVerdict)) out.readerVerdict = f.readerVerdict as Verdict | 'none';
  if (f.tag.trim()) out.tag = f.tag;
  if (DAY.test(f.from) && !Number.isNaN(Date.parse(f.from))) out.from = f.from;
  if (DAY.test(f.to) && !Number.isNaN(Date.parse(f.to))) out.to = f.to;
  return out;
}

/** A problem with the form the reader should see (e.g. dates the wrong way round), or null. */
export function formProblem(f: NotesForm): string | null {
  if (DAY.test(f.from) && DAY.test(f.to) && f.from > f.to) return 'The "from" date is after the "to" date: no note can match.';
  return null;
}

/** Whether any filter is set. */
export function isFiltered(f: NotesForm): boolean {
  return Object.entries(f).some(([, v]) => v !== '');
}

/** Keep only notes whose last known place matches `where` (statuses from anchor-store). */
export function filterByPlace<T extends { id: string }>(
  notes: readonly T[],
  where: NotesForm['where'],
  statuses: ReadonlyMap<string, { status: AnchorStatus }>,
): T[] {
  if (!where) return [...notes];
  return notes.filter((n) => (statuses.get(n.id)?.status === 'orphaned') === (where === 'orphaned'));
}

export interface PageChoice {
  url: string;
  /** The page's title (the most recently updated note's), or its URL. */
  label: string;
  count: number;
}

/** The pages that have notes, by label, for the page filter. */
export function pageChoices(notes: readonly Note[]): PageChoice[] {
  const by = new Map<string, { title: string; updated: number; count: number }>();
  for (const n of notes) {
    const t = Date.parse(n.updatedAt);
    const cur = by.get(n.pageUrl);
    if (!cur) by.set(n.pageUrl, { title: n.pageTitle, updated: t, count: 1 });
    else {
      cur.count++;
      if (n.pageTitle && (t > cur.updated || !cur.title)) {
        cur.title = n.pageTitle;
        cur.updated = t;
      }
    }
  }
  return [...by]
    .map(([url, v]) => ({ url, label: v.title || url, count: v.count }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.url.localeCompare(b.url));
}

/** Every tag in use, sorted. */
export function tagChoices(notes: readonly Note[]): string[] {
  return [...new Set(notes.flatMap((n) => n.tags))].sort();
}

export type ExportFormat = 'markdown' | 'csv' | 'json' | 'webAnnotation';

export const EXPORT_FORMAT_CHOICES: ReadonlyArray<{ value: ExportFormat; label: string }> = [
  { value: 'markdown', label: 'Markdown report (.md)' },
  { value: 'csv', label: 'CSV spreadsheet (.csv)' },
  { value: 'json', label: 'JSON backup, re-importable (.json)' },
  { value: 'webAnnotation', label: 'W3C Web Annotation (.jsonld)' },
];

export interface ExportFile {
  fileName: string;
  mime: string;
  content: string;
}

export interface ExportOptions {
  /** Time of the export. */
  now: Date;
  /** Ids for the Web Annotation collection (default crypto.randomUUID). */
  uuid?: () => string;
  /** When the notes are one page's: its title, for the report heading and the file name. */
  pageTitle?: string;
}

/** A short, safe file-name part from a title: "Talks in Istanbul: day 2" → "talks-in-istanbul-day-2". */
export function slug(s: string, max = 40): string {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return out;
}

/** The file for an export: 'crosscheck-notes-2025-06-02.md' (or '…-<page slug>-2025-06-02.md' for one page). */
export function buildExport(format: ExportFormat, notes: readonly Note[], opts: ExportOptions): ExportFile {
  const day = opts.now.toISOString().slice(0, 10);
  const part = opts.pageTitle ? slug(opts.pageTitle) : '';
  const { extension, mime } = EXPORT_FILES[format];
  const fileName = `crosscheck-notes-${part ? `${part}-` : ''}${day}.${extension}`;
  let content: string;
  switch (format) {
    case 'markdown':
      content = toMarkdown(notes, { exportedAt: opts.now, title: opts.pageTitle ? `Crosscheck notes: ${opts.pageTitle}` : 'Crosscheck notes' });
      break;
    case 'csv':
      content = toCSV(notes);
      break;
    case 'json':
      content = toJSON(notes, { exportedAt: opts.now });
      break;
    case 'webAnnotation':
      content = JSON.stringify(toWebAnnotation(notes, opts.uuid ? { uuid: opts.uuid } : {}), null, 2) + '\n';
      break;
  }
  return { fileName, mime, content };
}

/**
 * The backup "Delete all" offers first: the complete JSON export (the one format that imports
 * back), of every note — not only the ones a filter shows.
 */
export function backupBeforeDeleteAll(notes: readonly Note[], now: Date): ExportFile {
  return buildExport('json', notes, { now });
}

/** The "Delete all" question: what will be lost, and that damaged notes (not valid notes) cannot be backed up. */
export function deleteAllPrompt(total: number, damaged: number): string {
  const what = damaged ? `${noteCountLabel(total)} and ${damaged} damaged ${damaged === 1 ? 'note' : 'notes'}` : noteCountLabel(total);
  const backup = 'Export them as JSON first if you may want them back';
  const lost = damaged ? ` (damaged notes cannot be exported: they are no longer valid notes, and are deleted too)` : '';
  return `Delete all ${what}? This cannot be undone. ${backup}${lost}.`;
}

/** The sentence shown after an import. */
export function importSummary(c: ImportCounts): string {
  const total = c.added + c.updated + c.skipped;
  if (total === 0) return 'The file holds no notes: nothing was imported.';
  const parts = [`${c.added} added`, `${c.updated} updated`, `${c.skipped} already there`];
  return `Imported ${total} ${total === 1 ? 'note' : 'notes'}: ${parts.join(', ')}.`;
}

/** 'YYYY-MM-DD HH:MM' in the reader's time zone (for lists; exports use UTC). */
export function shortDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
