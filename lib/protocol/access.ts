/**
 * Who may send what, read from the protocol map (lib/protocol/map.ts). Extension pages may send
 * every message routed to the background; a web page's content script only those whose `from`
 * names `content`, and of those with an `own` field only about its own tab or its own page.
 *
 * Pure: the caller passes the sender's URL, tab and the extension's origin, and the routes
 * (the whole map, or the part the receiver answers).
 */
import { normalizePageUrl } from '../notes/model';
import { routeIn, type Group, type RouteTable, type SenderKind } from './route';

export type AccessDecision = { ok: true } | { ok: false; error: string };

/** Who sent a message, as the receiver's wiring knows it. */
export interface SenderInfo {
  kind: SenderKind;
  /** The sending tab (content scripts). */
  tabId?: number;
  /** The sending document's address. */
  url?: string;
}

const GROUP_NAMES: Record<Group, string> = { page: 'Crosscheck', notes: 'Notes', sources: 'Sources' };

/**
 * `extensionPage` when the sender's document is one of the extension's own (its URL starts with
 * `extensionOrigin`, e.g. "chrome-extension://<id>/"); otherwise a web page's content script —
 * the least trusted kind, also for a sender without an address.
 */
export function senderKind(senderUrl: string | undefined, extensionOrigin: string): SenderKind {
  return senderUrl && extensionOrigin && senderUrl.startsWith(extensionOrigin) ? 'extensionPage' : 'content';
}

/**
 * May `sender` send `message` (validated or not: only its `type` and `own` fields are read)?
 * `routes`: the map, or the part of it the receiver answers (lib/protocol/bind.ts).
 */
export function checkAccess(routes: RouteTable, message: unknown, sender: SenderInfo): AccessDecision {
  const m = (message && typeof message === 'object' ? message : {}) as Record<string, unknown>;
  const route = routeIn(routes, m.type);
  if (!route) return { ok: false, error: `malformed message: type: unknown message type "${String(m.type)}"` };
  const name = GROUP_NAMES[route.group];
  if (!route.from.includes(sender.kind)) return { ok: false, error: `${name}: a web page may not send "${String(m.type)}".` };
  if (sender.kind !== 'content' || !route.own) return { ok: true };
  if ('tab' in route.own) {
    return sender.tabId !== undefined && route.own.tab(m) === sender.tabId ? { ok: true } : { ok: false, error: "a page may only read its own tab's state" };
  }
  if (!sender.url) return { ok: false, error: `${name}: the sender has no page address.` };
  const asked = route.own.page(m);
  if (typeof asked !== 'string' || normalizePageUrl(asked) !== normalizePageUrl(sender.url)) {
    return { ok: false, error: `${name}: a page may only read and save its own notes.` };
  }
  return { ok: true };
}
