/**
 * Which note requests the background answers, and for whom — read from the protocol map
 * (lib/protocol/map.ts, `from` and `own`). Extension pages (popup, notes page) may do anything;
 * they open the notes database themselves anyway. A content script runs in every web page, so a
 * page-side sender may only read and save the notes of the page it is on: `notesForPage` for its
 * own URL, `saveNote` of a note on its own URL. Nothing a page can reach lists, changes or deletes
 * the reader's other notes.
 *
 * Pure: the caller passes the sender's URL and the extension's origin.
 */
import { checkAccess, routeOf, senderKind, type AccessDecision } from '../protocol';

export type { AccessDecision };

/**
 * @param extensionOrigin  e.g. browser.runtime.getURL('') ("chrome-extension://<id>/").
 */
export function noteRequestAllowed(message: unknown, senderUrl: string | undefined, extensionOrigin: string): AccessDecision {
  const type = (message as { type?: unknown } | null | undefined)?.type;
  const route = routeOf(type);
  if (!route || route.group !== 'notes' || route.to !== 'background')
    return { ok: false, error: `Notes: a web page may not send "${typeof type === 'string' ? type : ''}".` };
  return checkAccess(message, { kind: senderKind(senderUrl, extensionOrigin), url: senderUrl });
}
