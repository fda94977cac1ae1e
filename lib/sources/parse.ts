/**
 * A reader's own source — a saved page, pasted text, a .txt/.html/.md file — turned into a
 * corpus document with its metadata (title, outlet, date, URL, optional event), or refused
 * with a clear message. Shared by the command line (`--sources DIR`) and the extension.
 *
 * Refused, with the reason: empty files, binary files, files over MAX_SOURCE_BYTES, unknown
 * types and text that is not English (the engine's vocabulary is English; lib/text/language.ts,
 * the test the content script and the command line use too, names the language). Parsing HTML
 * needs a DOM: the caller passes `parseHtml` (linkedom in Node, DOMParser in the browser), so
 * this module touches no globals.
 */
import { extractArticle } from '../extract/html';
import { hash } from '../corpus/hash';
import { stripFormatChars } from '../text/normalize';
import { detectLanguage, englishOnlyMessage } from '../text/language';
import type { CorpusDoc, EventId } from '../types';

import { MAX_SOURCE_BYTES } from './schema';
export { MAX_SOURCE_BYTES };
/** Share of control characters above which text is taken to be binary. */
const MAX_CONTROL_SHARE = 0.01;

export class SourceError extends Error {
  override name = 'SourceError';
}

export interface SourceInput {
  /** File name (its extension decides the type) or a label such as "pasted text". */
  name: string;
  content: string | Uint8Array;
  /** Type when there is no file name extension: 'txt' | 'html' | 'md'. */
  type?: SourceType;
  /** Metadata the caller already knows (from the page, or typed by the reader); wins over what the text says. */
  meta?: Partial<SourceMeta>;
}

export type SourceType = 'txt' | 'html' | 'md';

export interface SourceMeta {
  title: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
  event: EventId | null;
}

export interface ParsedSource extends CorpusDoc {
  url: string | null;
  /** Hash of the normalised text: the same article added twice has the same one. */
  contentHash: string;
}

export interface ParseOptions {
  parseHtml?: (html: string) => Document;
}

export function sourceType(name: string): SourceType | null {
  const ext = name.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  return null;
}

function decode(name: string, content: string | Uint8Array): string {
  if (typeof content === 'string') {
    if (content.length > MAX_SOURCE_BYTES) throw new SourceError(`${name}: too large (${mb(content.length)} MB; the limit is ${mb(MAX_SOURCE_BYTES)} MB)`);
    return content;
  }
  if (content.byteLength > MAX_SOURCE_BYTES)
    throw new SourceError(`${name}: too large (${mb(content.byteLength)} MB; the limit is ${mb(MAX_SOURCE_BYTES)} MB)`);
  if (content.includes(0)) throw new SourceError(`${name}: looks like a binary file, not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    throw new SourceError(`${name}: is not UTF-8 text`);
  }
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** The share of English function words, from the one language test (kept for callers of this module). */
export { englishShare } from '../text/language';

/** Front matter ("---\nkey: value\n---") and Markdown syntax out; metadata kept. */
function fromMarkdown(md: string): { text: string; meta: Partial<SourceMeta> } {
  const meta: Partial<SourceMeta> = {};
  let body = md;
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(md);
  if (fm) {
    body = md.slice(fm[0].length);
    for (const line of fm[1].split(/\r?\n/)) {
      const m = /^(\w+)\s*:\s*(.*)$/.exec(line);
      if (!m) continue;
      const v = m[2].trim().replace(/^["']|["']$/g, '');
      const k = m[1].toLowerCase();
      if (k === 'title') meta.title = v;
      else if (k === 'outlet' || k === 'source' || k === 'publisher') meta.outlet = v;
      else if (k === 'date') meta.date = isoDate(v);
      else if (k === 'url') meta.url = v;
    }
  }
  const heading = /^#\s+(.+)$/m.exec(body);
  if (heading && !meta.title) meta.title = heading[1].trim();
  const text = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+.*$/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '- ')
    .replace(/(\*\*|__|\*|_|`)(\S[^\n]*?)\1/g, '$2')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, meta };
}

function fromText(txt: string): { text: string; meta: Partial<SourceMeta> } {
  const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s*\n/.exec(txt);
  if (m) return { text: txt.slice(m[0].length).trim(), meta: { date: m[1] } };
  return { text: txt.trim(), meta: {} };
}

function isoDate(v: string): string | null {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}…` : line.trim();
}

/** Parses one source; throws SourceError with a message naming the source and the problem. */
export function parseSource(input: SourceInput, opts: ParseOptions = {}): ParsedSource {
  const type = input.type ?? sourceType(input.name);
  if (!type) throw new SourceError(`${input.name}: unsupported file type (expected .txt, .html or .md)`);
  const raw = decode(input.name, input.content);
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = raw.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (raw.length && controls / raw.length > MAX_CONTROL_SHARE) throw new SourceError(`${input.name}: looks like a binary file, not text`);
  let parsed: { text: string; meta: Partial<SourceMeta> };
  if (type === 'html') {
    if (!opts.parseHtml) throw new SourceError(`${input.name}: HTML sources need a parser here`);
    const a = extractArticle(opts.parseHtml(raw));
    parsed = { text: a.text, meta: { title: a.title || undefined, date: a.date, outlet: a.siteName } };
  } else if (type === 'md') {
    parsed = fromMarkdown(raw);
  } else {
    parsed = fromText(raw);
  }
  // Invisible format characters (soft hyphens …) out where the text enters the corpus: its
  // sentences are matched and quoted from the stored text, and the reader shows that text.
  const text = stripFormatChars(parsed.text).text;
  if (!/\p{L}{2,}/u.test(text)) throw new SourceError(`${input.name}: is empty (no article text found)`);
  const language = detectLanguage(text);
  if (!language.english) throw new SourceError(`${input.name}: does not look like English (${englishOnlyMessage('this text', language)})`);
  const meta = { ...parsed.meta, ...Object.fromEntries(Object.entries(input.meta ?? {}).filter(([, v]) => v !== undefined && v !== '')) };
  const contentHash = hash(text.replace(/\s+/g, ' ').toLowerCase());
  return {
    id: `user_${contentHash}`,
    title: (meta.title && stripFormatChars(meta.title).text) || firstLine(text),
    outlet: meta.outlet ?? null,
    date: meta.date ?? null,
    event: meta.event ?? null,
    url: meta.url ?? null,
    text,
    contentHash,
  };
}
