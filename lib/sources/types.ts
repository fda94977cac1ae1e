/**
 * The shapes the corpus manager (lib/sources/manager.ts) and its parts exchange with their
 * callers: what a source looks like on the sources page, what to add, what an add did, and a
 * metadata edit. Kept apart so the parts can share them without importing the manager.
 */
import type { EventId } from '../types';
import type { SourceMeta } from './parse';
import type { SourceOrigin } from './db';

/** What the sources page, the popup and the reader are told about one source. */
export interface SourceInfo {
  id: string;
  kind: 'seed' | 'user';
  title: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
  event: EventId | null;
  enabled: boolean;
  /** When the reader added it (ms since epoch); null for seeds. */
  addedAt: number | null;
  origin: SourceOrigin | null;
  fileName: string | null;
  /** Length of the text in characters. */
  chars: number;
  /** Claims this source supported / contradicted in the cached analyses (latest per page). */
  supported: number;
  contradicted: number;
  /** Set for a stored source that fails validation: why it is set aside (kept, not used). */
  damaged?: string;
}

/** One source to add: plain text (already extracted from HTML/Markdown by the sender) and metadata. */
export interface AddItem {
  /** File name or a label ("pasted text", the page title): names the source in messages. */
  name: string;
  text: string;
  meta?: Partial<SourceMeta>;
  origin: SourceOrigin;
  fileName?: string | null;
}

export type AddOutcome =
  | { status: 'added'; name: string; source: SourceInfo; message: string }
  | { status: 'duplicate'; name: string; sameAs: string; message: string }
  | { status: 'refused'; name: string; message: string };

export interface MetaPatch {
  title?: string;
  outlet?: string | null;
  date?: string | null;
  url?: string | null;
  event?: EventId | null;
}

/** Stance counts of one source over the cached analyses. */
export interface StanceCount {
  supported: number;
  contradicted: number;
}

export type Log = (message: string, error?: unknown) => void;

/** The page URL as compared for "already in your sources": without #fragment. */
export function sameUrlKey(url: string | null | undefined): string | null {
  if (!url) return null;
  const i = url.indexOf('#');
  return (i === -1 ? url : url.slice(0, i)).trim() || null;
}

/** A title as messages quote it, shortened past this many characters. */
const MAX_QUOTED_TITLE = 80;

export function quoted(title: string): string {
  const t = title.length > MAX_QUOTED_TITLE ? `${title.slice(0, MAX_QUOTED_TITLE - 3)}…` : title;
  return `“${t}”`;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
