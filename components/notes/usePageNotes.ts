import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ContentReplySchema } from '@/lib/messages';
import type { NoteDraft } from '@/lib/notes-ui/editor';
import { PageNotesReplySchema, type PageNotesReply } from '@/lib/notes-ui/page-notes';
import type { PopupNotes } from './PageNotesSection';

/**
 * The popup's view of the tab's notes: asks the tab's content script (which has placed them on
 * the live page) with `pageNotes`, and saves new ones with `addNote` (the content script builds
 * the note from the live text and has the background store it). `refreshKey` changes → ask again.
 */
export function usePageNotes(tabId: number | undefined, refreshKey: unknown): PopupNotes {
  const [reply, setReply] = useState<PageNotesReply | null>(null);
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    if (tabId === undefined) return;
    try {
      const raw = ContentReplySchema.safeParse(await browser.tabs.sendMessage(tabId, { type: 'pageNotes' }));
      if (!raw.success || !raw.data.ok) return;
      const r = PageNotesReplySchema.safeParse(raw.data.data);
      if (r.success && alive.current) setReply(r.data);
    } catch {
      // No content script on this tab: no notes to show.
    }
  }, [tabId]);

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh, refreshKey]);

  const addNote = useCallback(
    async (index: number, draft: NoteDraft): Promise<string | null> => {
      if (tabId === undefined) return 'Could not save the note: there is no page. Nothing was saved.';
      let raw: unknown;
      try {
        raw = await browser.tabs.sendMessage(tabId, { type: 'addNote', index, draft });
      } catch {
        return "Could not save the note: Crosscheck can't reach this page. Nothing was saved. Reload the page and try again.";
      }
      const r = ContentReplySchema.safeParse(raw);
      if (!r.success) return 'Could not save the note: the page gave no answer. Nothing was saved.';
      if (!r.data.ok) return r.data.error;
      await refresh();
      return null;
    },
    [tabId, refresh],
  );

  return { reply, addNote };
}
