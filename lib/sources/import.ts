/**
 * Importing files and pasted text on the sources page: each file is read and parsed in the page
 * (HTML with the page's DOMParser — the MV3 background has none), and only its plain text and
 * metadata are sent to the background, one file per message, so the page can show progress
 * ("3 of 7 added…") and list every refused file with its reason.
 *
 * Batch semantics: the good files are added, the refused ones (empty, binary, over 5 MB, not
 * English, unsupported type, already in the corpus) are listed; a file is never half-added
 * (the background writes a source and indexes it, or does neither).
 *
 * Pure: reading, parsing HTML and sending are injected.
 */
import { MAX_SOURCE_BYTES, parseSource, SourceError, sourceType, type SourceMeta } from './parse';
import type { AddOutcome } from './manager';

export interface FileLike {
  name: string;
  size: number;
}

export interface ImportDeps<F extends FileLike> {
  read(file: F): Promise<Uint8Array>;
  parseHtml(html: string): Document;
  /** Sends one parsed file to the background; resolves to its outcome. */
  send(item: { name: string; text: string; meta: Partial<SourceMeta>; fileName: string }): Promise<AddOutcome>;
  onProgress?(p: ImportProgress): void;
}

export interface ImportProgress {
  total: number;
  /** Files handled so far (added, duplicate or refused). */
  done: number;
  added: number;
  /** The file being read, or null when finished. */
  current: string | null;
}

export interface ImportReport {
  total: number;
  added: Array<{ name: string; id: string; title: string }>;
  duplicates: Array<{ name: string; message: string }>;
  refused: Array<{ name: string; message: string }>;
}

/** "3 of 7 added…" while running; "7 of 7 added." / "5 of 7 added; 2 not added." at the end. */
export function progressText(p: ImportProgress): string {
  if (p.current !== null) return `${p.added} of ${p.total} added… (reading ${p.current})`;
  const not = p.total - p.added;
  return `${p.added} of ${p.total} added${not ? `; ${not} not added` : ''}.`;
}

function message(e: unknown, name: string): string {
  if (e instanceof SourceError) return e.message;
  return `${name}: ${e instanceof Error ? e.message : String(e)}`;
}

/** The address a saved page came from: its canonical link or og:url (http/https only). */
export function savedPageUrl(doc: Document): string | null {
  const candidates = [doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), doc.querySelector('meta[property="og:url"]')?.getAttribute('content')];
  for (const c of candidates) if (c && /^https?:\/\/\S+$/i.test(c.trim())) return c.trim();
  return null;
}

/** Reads and parses one file in the page; throws SourceError (naming the file) when it is refused. */
export async function prepareFile<F extends FileLike>(file: F, deps: Pick<ImportDeps<F>, 'read' | 'parseHtml'>) {
  if (!sourceType(file.name)) throw new SourceError(`${file.name}: unsupported file type (expected .txt, .html or .md)`);
  // Refuse before reading a huge file into memory.
  if (file.size > MAX_SOURCE_BYTES) {
    throw new SourceError(
      `${file.name}: too large (${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${(MAX_SOURCE_BYTES / 1024 / 1024).toFixed(1)} MB)`,
    );
  }
  const bytes = await deps.read(file);
  let pageUrl: string | null = null;
  const parseHtml = (html: string) => {
    const doc = deps.parseHtml(html);
    pageUrl = savedPageUrl(doc);
    return doc;
  };
  const parsed = parseSource({ name: file.name, content: bytes }, { parseHtml });
  const meta: Partial<SourceMeta> = { title: parsed.title };
  if (parsed.outlet) meta.outlet = parsed.outlet;
  if (parsed.date) meta.date = parsed.date;
  const url = parsed.url ?? pageUrl;
  if (url) meta.url = url;
  return { name: file.name, text: parsed.text, meta, fileName: file.name };
}

/** Imports `files` one after the other. Never throws: every file ends up in one list of the report. */
export async function importFiles<F extends FileLike>(files: readonly F[], deps: ImportDeps<F>): Promise<ImportReport> {
  const report: ImportReport = { total: files.length, added: [], duplicates: [], refused: [] };
  let done = 0;
  const progress = (current: string | null) => deps.onProgress?.({ total: files.length, done, added: report.added.length, current });
  for (const file of files) {
    progress(file.name);
    try {
      const item = await prepareFile(file, deps);
      const outcome = await deps.send(item);
      if (outcome.status === 'added') report.added.push({ name: file.name, id: outcome.source.id, title: outcome.source.title });
      else if (outcome.status === 'duplicate') report.duplicates.push({ name: file.name, message: outcome.message });
      else report.refused.push({ name: file.name, message: outcome.message });
    } catch (e) {
      report.refused.push({ name: file.name, message: message(e, file.name) });
    }
    done++;
  }
  progress(null);
  return report;
}
