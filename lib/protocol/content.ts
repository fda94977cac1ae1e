/**
 * The protocol as the content script uses it: `send` and `createHandler` bound to the content
 * script's part of the map (map-content.ts: the messages it answers or may send), so its bundle
 * leaves out the schemas of the messages only extension pages send. Same functions, same
 * validation as lib/protocol/index.ts; the types allow only the messages of that part.
 */
import { CONTENT_SCRIPT_PROTOCOL } from './map-content';
import { protocolOver } from './bind';

export type { ContentType, MessageType, PayloadOf, ReplyOf, RequestOf } from './map';
export type { SenderInfo } from './access';
export { NO_ANSWER, message, type Transport } from './send';
export type { Handler, Handlers } from './handle';

export const { createHandler, send } = protocolOver(CONTENT_SCRIPT_PROTOCOL);
