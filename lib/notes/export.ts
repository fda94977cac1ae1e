/**
 * Exports of a reader's notes, as strings/objects ready to put in a file. Four formats, because
 * notes leave the extension for different reasons:
 * - Markdown (`toMarkdown`): a readable report to share or paste, grouped by page.
 * - CSV (`toCSV`): a spreadsheet, one row per note.
 * - JSON (`toJSON`): the complete, versioned backup; `parseNotesImport` (import.ts) reads it back.
 * - W3C Web Annotation (`toWebAnnotation`): JSON-LD other annotation tools understand; the
 *   collection and every annotation on its own meet the W3C test suite's MUST assertions
 *   (tests/notes-w3c.test.ts).
 *
 * Everything that comes from a web page (titles, claims, evidence) or from the reader is
 * treated as untrusted text: escaped in Markdown so it cannot become a link, an image or HTML,
 * and neutralised in CSV so a spreadsheet does not run it as a formula.
 *
 * Pure: no DOM, no download. The caller turns the string into a Blob and saves it (see index.ts
 * for the file names and MIME types).
 */
import { VERDICT_LABELS } from '../labels';
import type { Verdict } from '../types';
import { plainNote, type Note } from './model';

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * Characters escaped with a backslash wherever they occur. CommonMark lets any ASCII punctuation
 * be backslash-escaped, and an escaped character is always literal, so:
 * `[ ]` cannot open a link or image (which also disarms `!` and `(`), `<` cannot start raw HTML
 * or an autolink, `&` cannot start an entity, `*` `_` `~` cannot emphasise or strike, a backtick
 * cannot open code, `|` cannot make a table cell, `#` cannot start a heading or close one early,
 * `\` cannot escape our own escapes.
 */
const MD_INLINE = /[\\`*_[\]<>&|~#]/g;

/** Control characters other than tab/newline: dropped from exported text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Escape text for use inside a Markdown line: inline syntax, then block syntax at the start of
 * the line (`#` heading, `>` quote, `-`/`+`/`=` list or setext underline, `1.`/`1)` ordered list).
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
}

/** Escape text that sits in the middle of a line (after a list marker or a label): inline syntax only. */
export function escapeInline(text: string): string {
  return text.replace(CONTROL, '').replace(MD_INLINE, '\\$&');
}

/** Whitespace (incl. newlines) collapsed, then escaped for the start of a line. */
function mdLine(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/** Whitespace collapsed, then escaped for the middle of a line. */
function mdText(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ').trim());
}

/**
 * A multi-line text as Markdown paragraphs, every line escaped, line breaks kept as hard breaks
 * (a trailing backslash), blank lines as paragraph breaks, each output line prefixed (`> ` for
 * a blockquote). Leading indentation is dropped so it cannot turn into a code block.
 */
function mdBlock(text: string, prefix = ''): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => escapeMarkdown(l.trim()))
        .filter(Boolean),
    )
    .filter((p) => p.length);
  return paragraphs.map((lines) => lines.map((l, i) => prefix + l + (i < lines.length - 1 ? '\\' : '')).join('\n')).join(`\n${prefix.trimEnd()}\n`);
}

/**
 * A page URL as a Markdown autolink when it is http(s) — after WHATWG serialisation, which
 * percent-encodes spaces, `<`, `>` and quotes, so it cannot break out of `<…>` — otherwise as
 * escaped plain text (a `javascript:` or `data:` URL never becomes a link).
 */
function mdUrl(url: string): string {
  try {
    const u = new URL(url);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !/[\s<>]/.test(u.href)) return `<${u.href}>`;
  } catch {
    // not a URL: shown as text
  }
  return mdLine(url);
}

/** 'YYYY-MM-DD HH:MM UTC' (deterministic whatever the machine's time zone). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

export interface MarkdownOptions {
  /** Heading of the report. Default 'Crosscheck notes'. */
  title?: string;
  /** When given, an "Exported …" line (pass the time of the export; omitted keeps output pure). */
  exportedAt?: string | Date;
  /** Include the evidence copied with each note (default true). */
  evidence?: boolean;
}

const STANCE_WORDS: Record<string, string> = { supports: 'supports', conflicts: 'conflicts', related: 'related' };

/** Notes grouped by page: pages in the order of their first note, notes in page order. */
export function groupByPage(notes: readonly Note[]): Array<{ pageUrl: string; pageTitle: string; notes: Note[] }> {
  const groups = new Map<string, Note[]>();
  const sorted = [...notes].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  for (const n of sorted) {
    const g = groups.get(n.pageUrl);
    if (g) g.push(n);
    else groups.set(n.pageUrl, [n]);
  }
  return [...groups].map(([pageUrl, ns]) => ({
    pageUrl,
    // the most recently updated note knows the latest title
    pageTitle: [...ns].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt)).find((n) => n.pageTitle)?.pageTitle ?? '',
    notes: ns.sort((a, b) => a.target.selectors[1].start - b.target.selectors[1].start || Date.parse(a.createdAt) - Date.parse(b.createdAt)),
  }));
}

/**
 * A readable report: `#` title, then per page a `##` heading (title, or the URL when untitled)
 * and its link, then per note: the claim as a blockquote, Crosscheck's verdict (the word the UI
 * uses), the reader's verdict and reason, tags, dates, the note text, and the evidence (source
 * id, stance, reason, quote).
 */
export function toMarkdown(notes: readonly Note[], opts: MarkdownOptions = {}): string {
  const out: string[] = [];
  const pages = groupByPage(notes);
  out.push(`# ${mdText(opts.title ?? 'Crosscheck notes')}`, '');
  const count = `${notes.length} ${notes.length === 1 ? 'note' : 'notes'} on ${pages.length} ${pages.length === 1 ? 'page' : 'pages'}`;
  const at =
    opts.exportedAt === undefined ? '' : `Exported ${formatDateTime(opts.exportedAt instanceof Date ? opts.exportedAt.toISOString() : opts.exportedAt)} · `;
  out.push(`${at}${count}.`, '');
  for (const page of pages) {
    out.push(`## ${mdText(page.pageTitle || page.pageUrl) || 'Untitled page'}`, '', mdUrl(page.pageUrl), '');
    page.notes.forEach((n, i) => {
      out.push(`### Note ${i + 1}`, '');
      out.push(mdBlock(n.claimText, '> '), '');
      out.push(`- **Crosscheck's verdict:** ${VERDICT_LABELS[n.claimVerdict]}`);
      out.push(
        `- **Your verdict:** ${n.readerVerdict ? VERDICT_LABELS[n.readerVerdict as Verdict] : 'none given'}${n.readerReason.trim() ? ` — ${mdText(n.readerReason)}` : ''}`,
      );
      out.push(`- **Tags:** ${n.tags.length ? n.tags.map(mdText).join(', ') : 'none'}`);
      out.push(`- **Created:** ${formatDateTime(n.createdAt)}${n.updatedAt !== n.createdAt ? ` · **updated:** ${formatDateTime(n.updatedAt)}` : ''}`);
      out.push('');
      if (n.text.trim()) out.push('**Note:**', '', mdBlock(n.text), '');
      if (opts.evidence !== false) {
        if (n.evidence.length) {
          out.push('**Evidence** (as it was when the note was made):', '');
          for (const e of n.evidence) {
            out.push(`- **${mdText(e.source)}** — ${STANCE_WORDS[e.stance] ?? mdText(e.stance)}${e.reason.trim() ? `: ${mdText(e.reason)}` : ''}\\`);
            out.push(`  “${mdText(e.quote)}”`);
          }
          out.push('');
        } else out.push('*No evidence in the corpus at the time.*', '');
      }
    });
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * UTF-8 byte order mark put before the CSV header. Excel (Windows and Mac) reads a CSV without
 * a BOM in the system's legacy code page, which garbles every non-ASCII character (Zelenskyy’s,
 * Türkiye, “quotes”); with the BOM it reads UTF-8. LibreOffice, Google Sheets, Python's csv
 * (encoding='utf-8-sig') and most parsers skip it. Save the string as UTF-8 (a Blob does).
 */
export const CSV_BOM = '\uFEFF';

/** Record separator required by RFC 4180. */
export const CSV_EOL = '\r\n';

export const CSV_COLUMNS = [
  'id',
  'page_url',
  'page_title',
  'claim',
  'engine_verdict',
  'reader_verdict',
  'reader_reason',
  'note',
  'tags',
  'created_at',
  'updated_at',
  'evidence',
] as const;

/**
 * Spreadsheet formula injection ("CSV injection"): Excel, LibreOffice and Sheets evaluate a cell
 * that starts with `=`, `+`, `-` or `@` (and, through them, tab or CR) as a formula — text
 * copied from a web page could then run `=HYPERLINK(…)` or worse. Such a field is prefixed with a
 * single quote, which spreadsheets show as a text marker (OWASP's recommendation). The cost: a
 * note starting with "-" reads "'-…" in a plain text editor. `unneutralizeCsvField` undoes it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCsvField(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Reverse of neutralizeCsvField, for a program reading the CSV back. */
export function unneutralizeCsvField(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** One RFC 4180 field: neutralised, then quoted (quotes doubled) when it holds , " CR or LF. */
export function csvField(value: string): string {
  const v = neutralizeCsvField(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Evidence in one cell: "source (stance)" per item, joined with "; ". */
function evidenceCell(n: Note): string {
  return n.evidence.map((e) => `${e.source} (${e.stance})`).join('; ');
}

export interface CsvOptions {
  /** Put CSV_BOM first (default true). */
  bom?: boolean;
}

/**
 * One row per note (oldest first), columns CSV_COLUMNS. Verdicts are the machine values
 * (corroborated, contradicted, mixed, not_covered; empty when the reader gave none) so a
 * spreadsheet can filter on them; tags are joined with ';' (a tag never contains ';').
 * CRLF after every record, including the last.
 */
export function toCSV(notes: readonly Note[], opts: CsvOptions = {}): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const sorted = [...notes].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  for (const n of sorted) {
    rows.push([
      n.id,
      n.pageUrl,
      n.pageTitle,
      n.claimText,
      n.claimVerdict,
      n.readerVerdict ?? '',
      n.readerReason,
      n.text,
      n.tags.join(';'),
      n.createdAt,
      n.updatedAt,
      evidenceCell(n),
    ]);
  }
  const body = rows.map((r) => r.map(csvField).join(',') + CSV_EOL).join('');
  return (opts.bom === false ? '' : CSV_BOM) + body;
}

// ---------------------------------------------------------------------------------------------
// JSON

export const EXPORT_FORMAT = 'crosscheck-notes';
export const EXPORT_VERSION = 1;

export interface NotesExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  notes: Note[];
}

export interface JsonOptions {
  /** Time of the export (default: now). */
  exportedAt?: string | Date;
}

/** The JSON envelope as an object: every field of every note, oldest first. */
export function toExportEnvelope(notes: readonly Note[], opts: JsonOptions = {}): NotesExport {
  const at = opts.exportedAt ?? new Date();
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: at instanceof Date ? at.toISOString() : at,
    notes: [...notes].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)).map(plainNote),
  };
}

/** The complete, re-importable backup: {format:'crosscheck-notes', version:1, exportedAt, notes}. */
export function toJSON(notes: readonly Note[], opts: JsonOptions = {}): string {
  return JSON.stringify(toExportEnvelope(notes, opts), null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// W3C Web Annotation

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'assessing';
  format?: 'text/plain';
}

/**
 * One note as a Web Annotation. It carries its own `@context`, so it stays a valid JSON-LD
 * annotation when taken out of the collection (copied alone, posted to an annotation server).
 * `body` is absent, never `[]`, when the note has no text, tags or verdict: the model allows an
 * annotation without a body (a highlight), but a body list must hold at least one body.
 */
export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'tagging' | 'assessing' | 'highlighting';
  body?: TextualBody[];
  target: {
    source: string;
    selector: [{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }, { type: 'TextPositionSelector'; start: number; end: number }];
  };
  created: string;
  modified: string;
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; partOf: string; startIndex: 0; items: WebAnnotation[] };
}

export interface WebAnnotationOptions {
  /** Makes the collection's and page's urn:uuid ids (default crypto.randomUUID). */
  uuid?: () => string;
  label?: string;
}

/** Motivation of a note with neither text, tags nor verdict: it only marks the quote. */
const BARE_MOTIVATION = 'highlighting';

/** The note's bodies: its text (commenting), one per tag (tagging), the reader's verdict and reason (assessing). */
function noteBodies(n: Note): TextualBody[] {
  const body: TextualBody[] = [];
  if (n.text.trim()) body.push({ type: 'TextualBody', value: n.text, purpose: 'commenting', format: 'text/plain' });
  for (const t of n.tags) body.push({ type: 'TextualBody', value: t, purpose: 'tagging' });
  if (n.readerVerdict) {
    const label = VERDICT_LABELS[n.readerVerdict as Verdict];
    body.push({ type: 'TextualBody', value: n.readerReason.trim() ? `${label}: ${n.readerReason.trim()}` : label, purpose: 'assessing', format: 'text/plain' });
  }
  return body;
}

/** Why the reader annotated: the first of text, verdict, tags they gave, else a bare highlight. */
function noteMotivation(n: Note): WebAnnotation['motivation'] {
  return n.text.trim() ? 'commenting' : n.readerVerdict ? 'assessing' : n.tags.length ? 'tagging' : BARE_MOTIVATION;
}

/** The page with the note's two selectors (alternatives, per the model). */
function noteTarget(n: Note): WebAnnotation['target'] {
  const [q, p] = n.target.selectors;
  return {
    source: n.pageUrl,
    selector: [
      { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
      { type: 'TextPositionSelector', start: p.start, end: p.end },
    ],
  };
}

/** One note as a complete Web Annotation, valid on its own (own @context; no body when bare). */
export function noteToAnnotation(n: Note): WebAnnotation {
  const body = noteBodies(n);
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${n.id}`,
    type: 'Annotation',
    motivation: noteMotivation(n),
    ...(body.length ? { body } : {}),
    target: noteTarget(n),
    created: n.createdAt,
    modified: n.updatedAt,
  };
}

/**
 * The notes as one W3C AnnotationCollection (JSON-LD, "@context": anno.jsonld) with every
 * annotation embedded in its first and only AnnotationPage. Each annotation repeats the
 * @context, so any one of them is a valid annotation by itself; id urn:uuid:<note id>; bodies:
 * the note text (purpose commenting), one per tag (tagging), the reader's verdict and reason
 * (assessing) — no body at all for a bare note, whose motivation is then 'highlighting';
 * target: the page URL with the two selectors (alternatives, per the model). The engine's
 * verdict and evidence have no standard place here — use JSON for them.
 */
export function toWebAnnotation(notes: readonly Note[], opts: WebAnnotationOptions = {}): AnnotationCollection {
  const uuid = opts.uuid ?? (() => globalThis.crypto.randomUUID());
  const id = `urn:uuid:${uuid()}`;
  const items = [...notes].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)).map(noteToAnnotation);
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: opts.label ?? 'Crosscheck notes',
    total: items.length,
    first: { id: `urn:uuid:${uuid()}`, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
  };
}
