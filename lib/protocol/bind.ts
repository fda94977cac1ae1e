/**
 * The protocol's functions bound to one table of routes: `protocolOver(PROTOCOL)` for the
 * background and the extension pages (lib/protocol/index.ts), `protocolOver(CONTENT_SCRIPT_PROTOCOL)`
 * for the content script (lib/protocol/content.ts). send.ts, handle.ts and access.ts take the
 * routes they read as an argument, so a bundle holds only the schemas of the table it binds;
 * here they get it once, and the types allow only the messages the table holds.
 */
import { checkAccess, type SenderInfo } from './access';
import { createHandler, parseMessage, type Handlers } from './handle';
import type { MessageType, Party, PayloadOf, Protocol } from './map';
import type { RouteTable } from './route';
import { call, checkReply, send, type Transport } from './send';

export function protocolOver<M extends MessageType>(table: { readonly [K in M]: Protocol[K] }) {
  const routes: RouteTable = table;
  return {
    /** May `sender` send `message`? (access.ts) */
    checkAccess: (message: unknown, sender: SenderInfo) => checkAccess(routes, message, sender),
    /** Validates `raw` as one of `types`, without a sender check (handle.ts). */
    parseMessage: <K extends M>(types: readonly K[], raw: unknown) => parseMessage(routes, types, raw),
    /** The validating handler of the messages routed to `party` (handle.ts). */
    createHandler: <P extends Party>(party: P, handlers: Handlers<P>, log?: (message: string, error?: unknown) => void) =>
      createHandler(routes, party, handlers, log),
    /** A raw reply to a `type` message, checked (send.ts). */
    checkReply: <K extends M>(type: K, raw: unknown) => checkReply(routes, type, raw),
    /** Sends one message; resolves to the checked reply (send.ts). */
    send: <K extends M>(transport: Transport, type: K, payload: PayloadOf<K>) => send(routes, transport, type, payload),
    /** `send`, resolving to the reply's data and rejecting with the refusal (send.ts). */
    call: <K extends M>(transport: Transport, type: K, payload: PayloadOf<K>) => call(routes, transport, type, payload),
  };
}
