/**
 * How the content script answers a runtime message (from the popup or the background): every
 * message with a type goes to the protocol's content handler (lib/protocol: the page result,
 * your-own-sources requests, analyse now, highlights, notes), which checks it and answers
 * `{ ok: false, error }` for an unknown or malformed one. Anything without a type is not a
 * message of ours and gets no answer.
 *
 * Pure: the handler and `sendResponse` are passed in (the controller wires the extension API).
 */
import { fail, type Response } from '../messages';
import type { SenderInfo } from '../protocol/content';

/** The protocol's content-side handler (createHandler('content', …)). */
export type ContentHandler = (msg: unknown, sender: SenderInfo) => Promise<Response<unknown>>;

/** Who can reach a content script's onMessage: the extension's own contexts only. */
const FROM_EXTENSION: SenderInfo = { kind: 'background' };

/**
 * Answer `msg` through `sendResponse`. Returns true when the answer comes later (a runtime
 * listener must then return true to keep the channel open), undefined otherwise.
 */
export function routeContentMessage(msg: unknown, sendResponse: (r: unknown) => void, handle: ContentHandler): true | undefined {
  if (!msg || typeof msg !== 'object' || !('type' in msg)) return undefined;
  void handle(msg, FROM_EXTENSION).then(sendResponse, (e) => sendResponse(fail(String(e))));
  return true;
}
