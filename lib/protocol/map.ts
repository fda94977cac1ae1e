/**
 * Crosscheck's one message protocol: every message type the extension sends, with
 * - `request`: the zod schema of the message (its `type` literal included; every field has a size
 *   limit, because a web page's content script can send anything),
 * - `reply`: the zod schema of the reply's `data` (the envelope is `{ ok, data } | { ok, error }`),
 * - `to`: who answers it (the background, or a tab's content script),
 * - `from`: who may send it. `content` is a web page's content script, `extensionPage` one of the
 *   extension's own pages (popup, notes, sources, reader, options), `background` the background,
 * - `own` (optional): what a content-script sender may only ask about its own: its tab's state
 *   (`tab`: the request's tab id) or its page's notes (`page`: the request's page URL),
 * - `group`: which part of the extension the message belongs to (named in refusals).
 *
 * Routing, permissions, the typed `send` (lib/protocol/send.ts) and the validating `handle`
 * (lib/protocol/handle.ts) are all derived from this map, so adding a message is adding an entry.
 * The map is composed of two parts: the messages a content script answers or may send
 * (map-content.ts; the content script binds to that part alone, lib/protocol/content.ts, so its
 * bundle holds only their schemas) and those only extension pages send (here). A new message
 * goes into the part of whoever sends or answers it; its entry is written once, in that part.
 * Only zod schemas are imported: the map reaches every bundle but the content script's.
 */
import { z } from '../zod';
import { VerdictSchema } from '../messages';
import { NotePatchSchema, NoteSchema } from '../notes/model';
import { AddOutcomeSchema, MAX_SOURCE_BYTES, MetaInputSchema, SourceInfoSchema, UserSourceSchema } from '../sources/schema';
import { CONTENT_MESSAGES, CONTENT_NOTE_MESSAGES, CONTENT_SOURCE_MESSAGES, PAGE_MESSAGES } from './map-content';
import { EXTENSION_PAGES, Id, msg, routeIn, type Group, type Party, type Route } from './route';

export type { Group, Party, Route, RouteTable, SenderKind } from './route';

/** What a list of notes may be filtered by (notes page, popup). */
export const NoteFilterSchema = z.object({
  pageUrl: z.optional(z.string().check(z.maxLength(4096))),
  verdict: z.optional(VerdictSchema),
  readerVerdict: z.optional(z.union([VerdictSchema, z.literal('none')])),
  tag: z.optional(z.string().check(z.maxLength(200))),
  from: z.optional(z.string().check(z.maxLength(64))),
  to: z.optional(z.string().check(z.maxLength(64))),
  search: z.optional(z.string().check(z.maxLength(1000))),
});

/** Notes (lib/notes/messages.ts): those a content script may send, then the extension pages' own. */
const NOTE_MESSAGES = {
  ...CONTENT_NOTE_MESSAGES,
  updateNote: { group: 'notes', to: 'background', from: EXTENSION_PAGES, request: msg('updateNote', { id: Id, patch: NotePatchSchema }), reply: NoteSchema },
  deleteNote: { group: 'notes', to: 'background', from: EXTENSION_PAGES, request: msg('deleteNote', { id: Id }), reply: z.object({ deleted: z.boolean() }) },
  listNotes: {
    group: 'notes',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('listNotes', { filter: z._default(NoteFilterSchema, {}) }),
    reply: z.array(NoteSchema),
  },
} as const satisfies Record<string, Route>;

/** Your own sources (lib/sources/messages.ts): only extension pages may change them (a content script may open the reader). */
const SOURCE_MESSAGES = {
  /** Plain text + metadata (the sources page parses files itself; HTML needs its DOMParser). */
  addSource: {
    group: 'sources',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('addSource', {
      name: z.string().check(z.minLength(1), z.maxLength(500)),
      // Longer than a source may be, so an over-long text gets parseSource's "too large" message.
      text: z.string().check(z.maxLength(MAX_SOURCE_BYTES * 4)),
      meta: z._default(MetaInputSchema, {}),
      origin: z._default(z.enum(['paste', 'file']), 'paste'),
      fileName: z._default(z.nullable(z.string().check(z.maxLength(500))), null),
    }),
    reply: AddOutcomeSchema,
  },
  /** Popup: add the article of tab `tabId` (the background asks that tab's content script). */
  addPageSource: {
    group: 'sources',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('addPageSource', { tabId: z.number().check(z.int()) }),
    reply: AddOutcomeSchema,
  },
  /** Entries are checked one by one by the sources page: one damaged entry must not blank the list. */
  listSources: { group: 'sources', to: 'background', from: EXTENSION_PAGES, request: msg('listSources', {}), reply: z.array(z.unknown()) },
  getSource: {
    group: 'sources',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('getSource', { id: Id }),
    reply: z.object({ source: SourceInfoSchema, text: z.string() }),
  },
  updateSource: {
    group: 'sources',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('updateSource', { id: Id, meta: MetaInputSchema }),
    reply: SourceInfoSchema,
  },
  setSourceEnabled: {
    group: 'sources',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('setSourceEnabled', { id: Id, enabled: z.boolean() }),
    reply: SourceInfoSchema,
  },
  deleteSource: { group: 'sources', to: 'background', from: EXTENSION_PAGES, request: msg('deleteSource', { id: Id }), reply: UserSourceSchema },
  /** Sources page: remove a damaged stored source; the reply carries its stored row for the page to save. */
  discardDamagedSource: {
    group: 'sources',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('discardDamagedSource', { id: Id }),
    reply: z.object({ id: Id, raw: z.string().check(z.maxLength(MAX_SOURCE_BYTES * 8)) }),
  },
  restoreSource: {
    group: 'sources',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('restoreSource', { source: UserSourceSchema }),
    reply: AddOutcomeSchema,
  },
  ...CONTENT_SOURCE_MESSAGES,
  /** The current engine version (the popup compares it with its analysis's). */
  sourcesStatus: {
    group: 'sources',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('sourcesStatus', {}),
    reply: z.object({ engineVersion: z.string() }),
  },
} as const satisfies Record<string, Route>;

export const PROTOCOL = { ...PAGE_MESSAGES, ...NOTE_MESSAGES, ...SOURCE_MESSAGES, ...CONTENT_MESSAGES } as const;

export type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
/** The message types `party` answers. */
export type TypesTo<P extends Party> = { [K in MessageType]: Protocol[K]['to'] extends P ? K : never }[MessageType];
export type BackgroundType = TypesTo<'background'>;
/** The message types of `group` answered by `party`. */
export type TypesIn<G extends Group, P extends Party> = {
  [K in MessageType]: Protocol[K]['group'] extends G ? (Protocol[K]['to'] extends P ? K : never) : never;
}[MessageType];
export type ContentType = TypesTo<'content'>;

/** A message as validated (defaults filled). */
export type RequestOf<K extends MessageType> = z.output<Protocol[K]['request']>;
/** What a sender passes: the message's fields without `type` (defaults may be left out). */
export type PayloadOf<K extends MessageType> = Omit<z.input<Protocol[K]['request']>, 'type'>;
/** A reply's data as the receiver gets it (validated). */
export type ReplyOf<K extends MessageType> = z.output<Protocol[K]['reply']>;
/** A reply's data as a handler may give it. */
export type ReplyIn<K extends MessageType> = z.input<Protocol[K]['reply']>;

/** The route of `type`, or undefined for a type the protocol does not know. */
export function routeOf(type: unknown): Route | undefined {
  return routeIn(PROTOCOL, type);
}

/** The message types of `group` answered by `party` (routing lists derive from this). */
export function typesIn<G extends Group, P extends Party>(group: G, party: P): TypesIn<G, P>[] {
  return (Object.keys(PROTOCOL) as MessageType[]).filter((t) => PROTOCOL[t].group === group && PROTOCOL[t].to === party) as TypesIn<G, P>[];
}

/** Every message type, and those answered by `party`. */
export function messageTypes(party?: Party): MessageType[] {
  return (Object.keys(PROTOCOL) as MessageType[]).filter((t) => !party || PROTOCOL[t].to === party);
}
