import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Response } from '@/lib/messages';
import { NO_ANSWER, send, type ReplyOf } from '@/lib/protocol';
import type { NoteDraft } from '@/lib/notes-ui/editor';
import type { PageNotesReply } from '@/lib/notes-ui/page-notes';
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
      const r = await send((m) => browser.tabs.sendMessage(tabId, m), 'pageNotes', {});
      if (r.ok && alive.current) setReply(r.data);
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
      let r: Response<ReplyOf<'addNote'>>;
      try {
        r = await send((m) => browser.tabs.sendMessage(tabId, m), 'addNote', { index, draft });
      } catch {
        return "Could not save the note: Crosscheck can't reach this page. Nothing was saved. Reload the page and try again.";
      }
      if (!r.ok && r.error === NO_ANSWER) return 'Could not save the note: the page gave no answer. Nothing was saved.';
      if (!r.ok) return r.error;
      await refresh();
      return null;
    },
    [tabId, refresh],
  );

  return { reply, addNote };
}
