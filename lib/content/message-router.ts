/**
 * Which of the content script's handlers answers a runtime message (from the popup or the
 * background): the popup's page result, your-own-sources requests, and the content requests of
 * lib/messages.ts. Messages for other listeners get no answer; a malformed content request gets
 * the reason.
 *
 * Pure: the handlers and `sendResponse` are passed in (the controller wires the extension API).
 */
import { ContentRequest, fail, ok, parseRequest, type Response } from '../messages';
import { isSourceContentRequest } from '../sources/protocol';
import { isPageResultRequest, type PageResult } from './page-result';

export interface ContentMessageHandlers {
  /** The popup: what this page's run checked (a long page is checked in parts). */
  pageResult(): PageResult;
  /** Your own sources: the article for "Add this page", notices, corpus changes. */
  sources(msg: unknown): Promise<unknown>;
  /** A content request (analyse now, toggle highlights, scroll to a claim, notes). */
  handle(req: ContentRequest): Promise<Response<unknown>>;
}

/**
 * Answer `msg` through `sendResponse`. Returns true when the answer comes later (a runtime
 * listener must then return true to keep the channel open), undefined otherwise.
 */
export function routeContentMessage(msg: unknown, sendResponse: (r: unknown) => void, h: ContentMessageHandlers): true | undefined {
  if (isPageResultRequest(msg)) {
    sendResponse(ok(h.pageResult()));
    return undefined;
  }
  if (isSourceContentRequest(msg)) {
    void h.sources(msg).then(sendResponse, (e) => sendResponse(fail(String(e))));
    return true;
  }
  const req = parseRequest(ContentRequest, msg);
  if (!req.ok) {
    // Not for us (or malformed): answer only messages that look like content requests.
    if (msg && typeof msg === 'object' && 'type' in msg) sendResponse(req);
    return undefined;
  }
  void h.handle(req.data).then(sendResponse, (e) => sendResponse(fail(String(e))));
  return true;
}
