/**
 * The message protocol: one map of every message type (map.ts), who may send what (access.ts),
 * the typed `send`/`call` (send.ts) and `createHandler` (handle.ts), bound to the whole map
 * (bind.ts) for the background and the extension pages. The content script imports
 * lib/protocol/content.ts instead, bound to its part of the map. The envelope (`Response`, `ok`,
 * `fail`) and the data schemas stay in lib/messages.ts.
 */
import { PROTOCOL } from './map';
import { protocolOver } from './bind';

export * from './map';
export { senderKind, type AccessDecision, type SenderInfo } from './access';
export { NO_ANSWER, firstIssue, message, type Transport } from './send';
export type { Handler, Handlers } from './handle';

export const { checkAccess, parseMessage, createHandler, checkReply, send, call } = protocolOver(PROTOCOL);
