/**
 * Which note requests the background answers, and for whom. Extension pages (popup, notes page)
 * may do anything; they open the notes database themselves anyway. A content script runs in
 * every web page, so a page-side sender may only read and save the notes of the page it is on:
 * `notesForPage` for its own URL, `saveNote` of a note on its own URL. Nothing a page can reach
 * lists, changes or deletes the reader's other notes.
 *
 * Pure: the caller passes the sender's URL and the extension's origin.
 */
import { normalizePageUrl } from '../notes/model';

export type AccessDecision = { ok: true } | { ok: false; error: string };

const PAGE_TYPES = new Set(['notesForPage', 'saveNote']);

/**
 * @param extensionOrigin  e.g. browser.runtime.getURL('') ("chrome-extension://<id>/").
 */
export function noteRequestAllowed(message: unknown, senderUrl: string | undefined, extensionOrigin: string): AccessDecision {
  if (senderUrl && extensionOrigin && senderUrl.startsWith(extensionOrigin)) return { ok: true };
  const m = (message ?? {}) as { type?: unknown; pageUrl?: unknown; note?: unknown };
  const type = typeof m.type === 'string' ? m.type : '';
  if (!PAGE_TYPES.has(type)) return { ok: false, error: `Notes: a web page may not send "${type}".` };
  if (!senderUrl) return { ok: false, error: 'Notes: the sender has no page address.' };
  const own = normalizePageUrl(senderUrl);
  const asked = type === 'notesForPage' ? m.pageUrl : (m.note as { pageUrl?: unknown } | null | undefined)?.pageUrl;
  if (typeof asked !== 'string' || normalizePageUrl(asked) !== own) {
    return { ok: false, error: 'Notes: a page may only read and save its own notes.' };
  }
  return { ok: true };
}
