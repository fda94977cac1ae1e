/**
 * The one way to answer messages of the protocol (lib/protocol/map.ts): `createHandler(party,
 * handlers)` takes one function per message type routed to `party` — the compiler checks none is
 * missing — and returns `handle(raw, sender)`, which
 * 1. refuses a message of a type the map does not route to `party` (`malformed message: type: …`),
 * 2. refuses a sender the route does not allow, or a content script asking about another tab or
 *    page (lib/protocol/access.ts),
 * 3. validates the message with the route's request schema (`malformed message: field: …`),
 * 4. runs the handler; a handler that throws gives `{ ok: false, error: "internal error: …" }`.
 * Every failure is an answer, never a crash. No extension API here: the wiring passes the sender,
 * and the routes read are passed in (callers use the bound versions: lib/protocol/bind.ts).
 */
import { fail, type Response } from '../messages';
import { checkAccess, type SenderInfo } from './access';
import type { MessageType, ReplyIn, RequestOf, TypesTo } from './map';
import { routeIn, type Party, type RouteTable } from './route';
import { firstIssue } from './send';

export type Handler<K extends MessageType> = (request: RequestOf<K>, sender: SenderInfo) => Promise<Response<ReplyIn<K>>> | Response<ReplyIn<K>>;
export type Handlers<P extends Party> = { [K in TypesTo<P>]: Handler<K> };

/** Validates `raw` as one of `types` (no sender check): the parsed message, or why it is malformed. */
export function parseMessage<K extends MessageType>(routes: RouteTable, types: readonly K[], raw: unknown): Response<RequestOf<K>> {
  const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
  const route = routeIn(routes, type);
  if (!route || !types.includes(type as K)) {
    return fail(`malformed message: type: ${typeof type === 'string' ? `unknown message type "${type}"` : 'missing'}`);
  }
  const r = route.request.safeParse(raw);
  return r.success ? { ok: true, data: r.data as RequestOf<K> } : fail(`malformed message: ${firstIssue(r.error)}`);
}

export function createHandler<P extends Party>(
  routes: RouteTable,
  party: P,
  handlers: Handlers<P>,
  log: (message: string, error?: unknown) => void = () => {},
): (raw: unknown, sender: SenderInfo) => Promise<Response<unknown>> {
  const types = Object.keys(handlers) as TypesTo<P>[];
  return async (raw, sender) => {
    const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
    if (routeIn(routes, type)?.to === party) {
      const access = checkAccess(routes, raw, sender);
      if (!access.ok) return fail(access.error);
    }
    const parsed = parseMessage(routes, types, raw);
    if (!parsed.ok) return parsed;
    const handler = handlers[parsed.data.type as TypesTo<P>] as Handler<TypesTo<P>>;
    try {
      return await handler(parsed.data, sender);
    } catch (e) {
      log(`${String(type)} failed`, e);
      return fail(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
