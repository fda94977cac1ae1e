/**
 * The background's one message listener: every message routed to the background by the protocol
 * map (lib/protocol/map.ts) is checked (type, sender, fields) by createHandler and answered by the
 * part that owns it — the page service (analysis, tab state), the notes database, the sources.
 * The compiler checks that every background message has its handler here.
 */
import { fail, type Response } from '../messages';
import { createHandler, senderKind, type Handlers } from '../protocol';
import type { Service } from './service';
import { noteHandlers } from '../notes/messages';
import type { NotesDB } from '../notes/db';
import type { SourcesHandler } from '../sources/messages';

export interface RouterDeps {
  service: Pick<Service, 'handlers'>;
  notesDb: NotesDB;
  sources: Pick<SourcesHandler, 'handlers'>;
  /** browser.runtime.getURL('/'): a sender whose URL starts with it is an extension page. */
  extensionOrigin: string;
  log?(message: string, error?: unknown): void;
}

/** The sender as runtime.onMessage reports it. */
export interface RuntimeSender {
  tab?: { id?: number };
  url?: string;
}

export type Router = (message: unknown, sender: RuntimeSender) => Promise<Response<unknown>>;

export function createBackgroundRouter(deps: RouterDeps): Router {
  const handlers: Handlers<'background'> = { ...deps.service.handlers, ...noteHandlers(deps.notesDb), ...deps.sources.handlers };
  const handle = createHandler('background', handlers, deps.log);
  return (message, sender) => handle(message, { kind: senderKind(sender.url, deps.extensionOrigin), tabId: sender.tab?.id, url: sender.url });
}

/**
 * A runtime.onMessage listener answering through `route`. sendResponse + `return true` works the
 * same in Chrome and Firefox (no polyfill in WXT 0.20); every message gets an answer.
 */
export function messageListener(route: Router) {
  return (message: unknown, sender: RuntimeSender, sendResponse: (reply: unknown) => void): true => {
    route(message, sender).then(sendResponse, (e: unknown) => sendResponse(fail(`internal error: ${String(e)}`)));
    return true;
  };
}
