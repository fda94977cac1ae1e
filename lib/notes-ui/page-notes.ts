/**
 * A page's notes as the content script placed them (re-anchored against the live page), in the
 * shape it hands to the popup (`pageNotes` content request), and how the popup sorts them into
 * "on a claim" and "orphaned".
 *
 * Pure.
 */
import { z } from '../zod';
import { NoteSchema } from '../notes/model';
import { AnchorStatusSchema } from './anchor-store';

export const PageNoteSchema = z.object({
  note: NoteSchema,
  /** anchored / fuzzy (found, slightly changed) / orphaned (its text is gone from the page). */
  status: AnchorStatusSchema,
  /** The claim of the current analysis the note sits on, or null. */
  claimIndex: z.nullable(z.number().check(z.int(), z.nonnegative())),
});
export type PageNote = z.output<typeof PageNoteSchema>;

export const PageNotesReplySchema = z.object({
  /** The page the notes are for (without #fragment). */
  pageUrl: z.string(),
  notes: z.array(PageNoteSchema),
  /** Why the page's notes could not be read, or null. */
  error: z._default(z.nullable(z.string()), null),
});
export type PageNotesReply = z.output<typeof PageNotesReplySchema>;

export interface SortedPageNotes {
  /** Claim index → its notes. */
  byClaim: Map<number, PageNote[]>;
  /** Notes whose text is no longer on the page. */
  orphaned: PageNote[];
  /** Notes found on the page but on no claim of the current analysis. */
  elsewhere: PageNote[];
}

export function sortPageNotes(notes: readonly PageNote[]): SortedPageNotes {
  const byClaim = new Map<number, PageNote[]>();
  const orphaned: PageNote[] = [];
  const elsewhere: PageNote[] = [];
  for (const n of notes) {
    if (n.status === 'orphaned') orphaned.push(n);
    else if (n.claimIndex === null) elsewhere.push(n);
    else {
      const list = byClaim.get(n.claimIndex);
      if (list) list.push(n);
      else byClaim.set(n.claimIndex, [n]);
    }
  }
  return { byClaim, orphaned, elsewhere };
}
