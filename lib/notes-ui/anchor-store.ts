/**
 * Where each note was found the last time its page was open, kept in storage.local under one key
 * per note (`noteAnchor:<id>`; one key each so two tabs never overwrite each other's results).
 * The content script writes it after re-anchoring; the notes page reads it to show a note as
 * orphaned ("not found on the page when last opened") — the note itself is never changed or
 * dropped. A cache of a fact about the page, not part of the note: exports leave it out.
 *
 * Pure.
 */
import { z } from '../zod';

export const NOTE_ANCHOR_PREFIX = 'noteAnchor:';

export const AnchorStatusSchema = z.enum(['anchored', 'fuzzy', 'orphaned']);
export type AnchorStatus = z.infer<typeof AnchorStatusSchema>;

export const StoredAnchorSchema = z.object({
  status: AnchorStatusSchema,
  /** When the page was checked (ms since the epoch). */
  checkedAt: z.number(),
});
export type StoredAnchor = z.infer<typeof StoredAnchorSchema>;

export function anchorKey(noteId: string): string {
  return `${NOTE_ANCHOR_PREFIX}${noteId}`;
}

/** Note id → its stored anchor, from everything in storage.local (other keys and bad values ignored). */
export function anchorsFromStorage(all: Record<string, unknown>): Map<string, StoredAnchor> {
  const out = new Map<string, StoredAnchor>();
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith(NOTE_ANCHOR_PREFIX)) continue;
    const r = StoredAnchorSchema.safeParse(v);
    if (r.success) out.set(k.slice(NOTE_ANCHOR_PREFIX.length), r.data);
  }
  return out;
}

/**
 * The storage.local items to write for these results: only statuses that changed from what is
 * stored (`known`), so revisiting a page does not rewrite anything.
 */
export function anchorUpdates(results: ReadonlyMap<string, AnchorStatus>, known: ReadonlyMap<string, AnchorStatus>, now: number): Record<string, StoredAnchor> {
  const out: Record<string, StoredAnchor> = {};
  for (const [id, status] of results) {
    if (known.get(id) !== status) out[anchorKey(id)] = { status, checkedAt: now };
  }
  return out;
}

/** The line a list shows for a note's last known place, or null when it was found (or never checked). */
export function anchorNotice(a: StoredAnchor | undefined): string | null {
  if (!a || a.status !== 'orphaned') return null;
  const d = new Date(a.checkedAt);
  const day = Number.isNaN(d.getTime()) ? '' : ` (${d.toISOString().slice(0, 10)})`;
  return `Orphaned: this claim was not found on the page when it was last opened${day} — the article changed since. The note keeps its quote.`;
}
