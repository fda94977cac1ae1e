/**
 * The reader's notes on this page, in the content script: asks the background for them (a
 * content script never opens IndexedDB: in a page it belongs to the site), re-anchors them on the
 * live text (lib/notes reanchor), washes the noted text (the painter's overlay), tells the tooltip and
 * the popup which claim has which notes and which notes are orphaned (their text is gone — they
 * are listed with their stored quote, never dropped), saves new notes through the background,
 * and follows a `#crosscheck-note=<id>` link from the notes page (scroll to the claim, flash it).
 *
 * Signals on <html>, for tests and debugging:
 *   data-crosscheck-notes           notes stored for this page
 *   data-crosscheck-notes-placed    of those, found on the page (exactly or fuzzily)
 *   data-crosscheck-notes-orphaned  of those, not found
 *   data-crosscheck-note-link       anchored | fuzzy | orphaned | missing: what a #crosscheck-note link found
 */
import { browser } from 'wxt/browser';
import type { AnchorRange } from '@/lib/anchor';
import { pageKey } from '@/lib/content/article';
import type { Analysis, Response } from '@/lib/messages';
import { NoteValidationError, makeNote, type Note } from '@/lib/notes/model';
import { NO_ANSWER, send } from '@/lib/protocol/content';
import { reanchorNotes, textPositionOf, type ReanchorResult } from '@/lib/notes/reanchor';
import { anchorUpdates, type AnchorStatus } from '@/lib/notes-ui/anchor-store';
import { notesByClaim, type Span } from '@/lib/notes-ui/claims';
import { draftToPatch, type NoteDraft } from '@/lib/notes-ui/editor';
import { noteIdFromHash } from '@/lib/notes-ui/link';
import type { PageNote, PageNotesReply } from '@/lib/notes-ui/page-notes';
import { newUuid } from '@/lib/notes-ui/uuid';
import type { Painter } from './painter';
import type { PageText } from './textnodes';

export interface NotesHost {
  readonly painter: Painter;
  /** The live page's text nodes now (Crosscheck's own UI left out). */
  collect(): PageText;
  /** The current analysis, or null. */
  analysis(): Analysis | null;
  /** Scroll to a placed note and flash it (its claim when it is on one). */
  reveal(range: Range, claimIndex: number | null): void;
  /** Say something to the reader (a short notice on the page). */
  notify(text: string): void;
  setSignal(name: string, value: string): void;
}

interface Placed {
  result: ReanchorResult;
  range: Range | null;
  claimIndex: number | null;
}

export class PageNotes {
  /** pageKey the notes were fetched for. */
  private key: string | null = null;
  private notes: Note[] = [];
  private loading: Promise<void> | null = null;
  private loadError: string | null = null;
  private placed = new Map<string, Placed>();
  /** Where each painted claim sits: offsets in the page text joined with ''. */
  private claimSpans = new Map<number, Span>();
  /** The page text (joined text nodes) the claim spans refer to. */
  private pageText = '';
  /** Statuses already written to storage.local (see lib/notes-ui/anchor-store.ts). */
  private written = new Map<string, AnchorStatus>();
  /** The #fragment last followed, so a re-render does not scroll again. */
  private followed: string | null = null;

  constructor(private host: NotesHost) {}

  /** After the claims were anchored: remember where they are (same segments the anchors index). */
  setClaims(strings: readonly string[], anchors: ReadonlyArray<AnchorRange | null>): void {
    this.pageText = strings.join('');
    this.claimSpans = new Map();
    anchors.forEach((a, i) => {
      if (a) this.claimSpans.set(i, textPositionOf(strings, a));
    });
  }

  /** A new page (SPA navigation): forget everything. */
  reset(): void {
    this.key = null;
    this.notes = [];
    this.loading = null;
    this.placed = new Map();
    this.claimSpans = new Map();
    this.pageText = '';
    this.followed = null;
    this.host.painter.setNoted([], new Set());
  }

  /** Fetch this page's notes (once per page) and place them on the live text. */
  async sync(): Promise<void> {
    const key = pageKey(location.href);
    if (this.key !== key) {
      this.key = key;
      this.loading = this.load(key);
    }
    await this.loading;
    if (this.key !== key) return; // navigated meanwhile
    this.place();
  }

  private async load(key: string): Promise<void> {
    try {
      const res = await send((m) => browser.runtime.sendMessage(m), 'notesForPage', { pageUrl: key.slice(0, 4096) });
      if (!res.ok) throw new Error(res.error);
      if (this.key !== key) return;
      this.notes = res.data;
      this.loadError = null;
    } catch (e) {
      // Without the notes the page still works; the popup says why they are missing.
      this.loadError = `Your notes for this page could not be read (${e instanceof Error ? e.message : String(e)}).`;
      this.notes = [];
    }
  }

  /** Re-anchor every note on the live page, wash the noted text, report statuses, follow a note link. */
  place(): void {
    if (!this.notes.length && !this.placed.size) {
      // Nothing to place (the usual case): no walk over the page's text.
      this.host.setSignal('notes', '0');
      this.host.setSignal('notes-placed', '0');
      this.host.setSignal('notes-orphaned', '0');
      this.follow();
      return;
    }
    const page = this.host.collect();
    const results = reanchorNotes(this.notes, page.strings, { breakBefore: page.breakBefore });
    const placed = new Map<string, Placed>();
    for (const n of this.notes) {
      const result = results.get(n.id)!;
      let range: Range | null = null;
      if (result.range) {
        try {
          range = document.createRange();
          range.setStart(page.nodes[result.range.startNode]!, result.range.startOffset);
          range.setEnd(page.nodes[result.range.endNode]!, result.range.endOffset);
        } catch {
          range = null;
        }
      }
      placed.set(n.id, { result, range, claimIndex: null });
    }
    // Both sides are offsets into the same joined text (marks do not change it).
    const byClaim = notesByClaim(
      this.claimSpans,
      this.notes.map((n) => ({ id: n.id, span: placed.get(n.id)!.range ? placed.get(n.id)!.result.position : null })),
    );
    for (const [claim, ids] of byClaim) for (const id of ids) placed.get(id)!.claimIndex = claim;
    this.placed = placed;

    const ranges = [...placed.values()].flatMap((p) => (p.range ? [p.range] : []));
    this.host.painter.setNoted(ranges, new Set(byClaim.keys()));
    const orphaned = [...placed.values()].filter((p) => p.result.status === 'orphaned').length;
    this.host.setSignal('notes', String(this.notes.length));
    this.host.setSignal('notes-placed', String(ranges.length));
    this.host.setSignal('notes-orphaned', String(orphaned));
    this.report();
    this.follow();
  }

  /** Remember each note's status in storage.local for the notes page (only changes are written). */
  private report(): void {
    const statuses = new Map([...this.placed].map(([id, p]) => [id, p.result.status] as const));
    const updates = anchorUpdates(statuses, this.written, Date.now());
    if (!Object.keys(updates).length) return;
    try {
      browser.storage.local.set(updates).then(
        () => {
          for (const [id, s] of statuses) this.written.set(id, s);
        },
        () => {
          /* storage unavailable: the notes page just will not know */
        },
      );
    } catch {
      /* the extension was updated or removed meanwhile: nothing to record */
    }
  }

  /** A `#crosscheck-note=<id>` link: scroll to the note's claim and flash it, once per link. */
  private follow(): void {
    const hash = location.hash;
    const id = noteIdFromHash(hash);
    if (!id || this.followed === hash) return;
    const p = this.placed.get(id);
    this.followed = hash;
    if (!p) {
      this.host.setSignal('note-link', 'missing');
      this.host.notify('Crosscheck: that note is not stored for this page (it may have been deleted).');
      return;
    }
    this.host.setSignal('note-link', p.result.status);
    if (p.range) this.host.reveal(p.range, p.claimIndex);
    else this.host.notify(`Crosscheck: this note's text is no longer on the page (the article changed since). Its quote: “${p.result.quote}”`);
  }

  /** The notes on claim `index`, in page order. */
  notesFor(index: number): Note[] {
    return this.notes.filter((n) => this.placed.get(n.id)?.claimIndex === index);
  }

  /** Every note of the page with where it is now (for the popup). */
  list(): PageNotesReply {
    const notes: PageNote[] = this.notes.map((note) => {
      const p = this.placed.get(note.id);
      return { note, status: p?.result.status ?? 'orphaned', claimIndex: p?.claimIndex ?? null };
    });
    return { pageUrl: pageKey(location.href), notes, error: this.loadError };
  }

  get error(): string | null {
    return this.loadError;
  }

  /**
   * Build a note on claim `index` from the live page and have the background save it. Resolves to
   * the saved note or the error to show (the library's wording: "… Nothing was saved. …").
   */
  async add(index: number, draft: NoteDraft): Promise<Response<Note>> {
    const analysis = this.host.analysis();
    const claim = analysis?.claims[index];
    const span = this.claimSpans.get(index);
    if (!claim || !span) return { ok: false, error: 'Could not save the note: that claim is no longer on the page. Nothing was saved.' };
    let note: Note;
    try {
      const patch = draftToPatch(draft);
      note = makeNote(
        {
          pageUrl: location.href,
          pageTitle: document.title,
          pageText: this.pageText,
          start: span.start,
          end: span.end,
          claimText: claim.text,
          claimVerdict: claim.verdict,
          evidence: claim.evidence,
          ...patch,
        },
        { now: () => new Date(), uuid: newUuid },
      );
    } catch (e) {
      const msg = e instanceof NoteValidationError ? e.message : String(e);
      return { ok: false, error: `Could not save the note: ${msg}. Nothing was saved.` };
    }
    let res: Response<Note>;
    try {
      res = await send((m) => browser.runtime.sendMessage(m), 'saveNote', { note });
    } catch (e) {
      return {
        ok: false,
        error: `Could not save the note: Crosscheck did not answer (${e instanceof Error ? e.message : String(e)}). Nothing was saved. Reload the page and try again.`,
      };
    }
    if (!res.ok && res.error === NO_ANSWER)
      return { ok: false, error: 'Could not save the note: Crosscheck did not answer. Nothing was saved. Reload the page and try again.' };
    if (!res.ok) return res;
    const stored = res.data;
    this.notes = [...this.notes.filter((n) => n.id !== stored.id), stored];
    this.written.delete(stored.id);
    this.place();
    return { ok: true, data: stored };
  }
}
