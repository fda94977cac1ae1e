/**
 * The one typed way to send a message of the protocol (lib/protocol/map.ts) and read its reply.
 * The reply is checked against the map's reply schema, never cast: a reply that fails it is an
 * error (`malformed reply to "type": …`), as is no reply at all.
 *
 * The extension API is passed in as a `Transport` (e.g. `(m) => browser.runtime.sendMessage(m)`
 * or `(m) => browser.tabs.sendMessage(tabId, m)`), so this runs in Node tests. A transport that
 * throws (no receiver, context gone) rejects the returned promise unchanged: callers classify it.
 * The routes whose reply schemas are read are passed in too: callers use the versions bound to
 * the whole map (lib/protocol/index.ts) or to the content script's part (content.ts).
 */
import { z } from '../zod';
import { fail, ok, type Response } from '../messages';
import type { MessageType, PayloadOf, Protocol, ReplyOf, RequestOf } from './map';
import type { RouteTable } from './route';

export type Transport = (message: unknown) => Promise<unknown>;

/** The error text when the receiver answered nothing (no listener, or it did not reply). */
export const NO_ANSWER = 'no answer';

const Envelope = z.union([z.object({ ok: z.literal(true), data: z.optional(z.unknown()) }), z.object({ ok: z.literal(false), error: z.string() })]);

/** The first problem of a zod error as "path: message". */
export function firstIssue(error: z.core.$ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || 'message'}: ${first.message}` : 'invalid';
}

/** The message `send` puts on the wire: the payload with its type. */
export function message<K extends MessageType>(type: K, payload: PayloadOf<K>): z.input<Protocol[K]['request']> & Pick<RequestOf<K>, 'type'> {
  return { ...payload, type } as never;
}

/** A raw reply to a `type` message, checked: the envelope, then `data` against the reply schema. */
export function checkReply<K extends MessageType>(routes: RouteTable, type: K, raw: unknown): Response<ReplyOf<K>> {
  if (raw === undefined || raw === null) return fail(NO_ANSWER);
  const env = Envelope.safeParse(raw);
  if (!env.success) return fail(`malformed reply to "${type}": not a reply`);
  if (!env.data.ok) return env.data;
  const data = routes[type]!.reply.safeParse(env.data.data);
  if (!data.success) return fail(`malformed reply to "${type}": ${firstIssue(data.error)}`);
  return ok(data.data as ReplyOf<K>);
}

/** Sends one message; resolves to the checked reply (`{ ok: false, error }` for a refusal or a bad reply). */
export async function send<K extends MessageType>(routes: RouteTable, transport: Transport, type: K, payload: PayloadOf<K>): Promise<Response<ReplyOf<K>>> {
  return checkReply(routes, type, await transport(message(type, payload)));
}

/** `send`, resolving to the reply's data and rejecting with an Error carrying the refusal. */
export async function call<K extends MessageType>(routes: RouteTable, transport: Transport, type: K, payload: PayloadOf<K>): Promise<ReplyOf<K>> {
  const r = await send(routes, transport, type, payload);
  if (!r.ok) throw new Error(r.error);
  return r.data;
}
