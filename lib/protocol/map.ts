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
 * Only zod schemas are imported: the map reaches every bundle, content script included.
 */
import { z } from '../zod';
import { AnalysisSchema, AnalyzeRequest, GetTabStateRequest, NoteDraftSchema, ReportStatusRequest, TabStateSchema, VerdictSchema } from '../messages';
import { NotePatchSchema, NoteSchema } from '../notes/model';
import { PageNotesReplySchema } from '../notes-ui/page-notes';
import { PAGE_RESULT_REQUEST, PageResultSchema } from '../content/page-result';
import { PageArticleSchema } from '../sources/protocol';
import { AddOutcomeSchema, MAX_SOURCE_BYTES, MetaInputSchema, SourceInfoSchema, UserSourceSchema } from '../sources/schema';

export type Party = 'background' | 'content';
export type SenderKind = 'content' | 'extensionPage' | 'background';
export type Group = 'page' | 'notes' | 'sources';

/** One message type: its schemas, route and permissions. */
export interface Route {
  group: Group;
  to: Party;
  from: readonly SenderKind[];
  request: z.ZodMiniObject<{ type: z.ZodMiniLiteral<string> } & z.core.$ZodShape>;
  reply: z.ZodMiniType;
  /** For a content-script sender: the tab id or page URL in the message that must be its own. */
  own?: { tab: (message: Record<string, unknown>) => unknown } | { page: (message: Record<string, unknown>) => unknown };
}

const ANY_EXTENSION = ['content', 'extensionPage'] as const;
const EXTENSION_PAGES = ['extensionPage'] as const;
/** Messages to a content script come from the background or an extension page (tabs.sendMessage). */
const TO_PAGE = ['background', 'extensionPage'] as const;

const Id = z.string().check(z.minLength(1), z.maxLength(200));
const ClaimIndex = z.number().check(z.int(), z.nonnegative());
/** A keyboard command answered once already: the key and the browser command both arrived (entrypoints/content/keyboard.ts). */
const Repeated = z.object({ repeated: z.literal(true) });

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

const msg = <T extends string, S extends z.core.$ZodShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...shape });

/** Messages answered by the background: the page's analysis and state (lib/background/service.ts). */
const PAGE_MESSAGES = {
  analyze: { group: 'page', to: 'background', from: ANY_EXTENSION, request: AnalyzeRequest, reply: AnalysisSchema },
  status: { group: 'page', to: 'background', from: ANY_EXTENSION, request: ReportStatusRequest, reply: TabStateSchema },
  getTabState: { group: 'page', to: 'background', from: ANY_EXTENSION, request: GetTabStateRequest, reply: TabStateSchema, own: { tab: (m) => m.tabId } },
} as const satisfies Record<string, Route>;

/** Notes (lib/notes/messages.ts): the content script cannot open the notes database itself. */
const NOTE_MESSAGES = {
  saveNote: {
    group: 'notes',
    to: 'background',
    from: ANY_EXTENSION,
    request: msg('saveNote', { note: NoteSchema }),
    reply: NoteSchema,
    own: { page: (m) => (m.note as { pageUrl?: unknown } | null | undefined)?.pageUrl },
  },
  updateNote: { group: 'notes', to: 'background', from: EXTENSION_PAGES, request: msg('updateNote', { id: Id, patch: NotePatchSchema }), reply: NoteSchema },
  deleteNote: { group: 'notes', to: 'background', from: EXTENSION_PAGES, request: msg('deleteNote', { id: Id }), reply: z.object({ deleted: z.boolean() }) },
  notesForPage: {
    group: 'notes',
    to: 'background',
    from: ANY_EXTENSION,
    request: msg('notesForPage', { pageUrl: z.string().check(z.minLength(1), z.maxLength(4096)) }),
    reply: z.array(NoteSchema),
    own: { page: (m) => m.pageUrl },
  },
  listNotes: {
    group: 'notes',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('listNotes', { filter: z._default(NoteFilterSchema, {}) }),
    reply: z.array(NoteSchema),
  },
} as const satisfies Record<string, Route>;

/** Your own sources (lib/sources/messages.ts): only extension pages may change them. */
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
  restoreSource: {
    group: 'sources',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('restoreSource', { source: UserSourceSchema }),
    reply: AddOutcomeSchema,
  },
  /** Tooltip: open the reader on `source` with `quote` highlighted (a page cannot open extension pages). */
  openReader: {
    group: 'sources',
    to: 'background',
    from: ANY_EXTENSION,
    request: msg('openReader', { source: Id, quote: z._default(z.string().check(z.maxLength(5000)), '') }),
    reply: z.object({ opened: z.literal(true) }),
  },
  /** The current engine version (the popup compares it with its analysis's). */
  sourcesStatus: {
    group: 'sources',
    to: 'background',
    from: EXTENSION_PAGES,
    request: msg('sourcesStatus', {}),
    reply: z.object({ engineVersion: z.string() }),
  },
} as const satisfies Record<string, Route>;

/** Background / popup → a tab's content script. */
const CONTENT_MESSAGES = {
  analyzeNow: { group: 'page', to: 'content', from: TO_PAGE, request: msg('analyzeNow', {}), reply: z.object({ status: z.string() }) },
  scrollToClaim: { group: 'page', to: 'content', from: TO_PAGE, request: msg('scrollToClaim', { index: ClaimIndex }), reply: z.object({ index: ClaimIndex }) },
  /** Show or hide the highlights (popup control, Alt+Shift+H); `repeated` when the key already did it (entrypoints/content/keyboard.ts). */
  toggleHighlights: {
    group: 'page',
    to: 'content',
    from: TO_PAGE,
    request: msg('toggleHighlights', {}),
    reply: z.union([z.object({ visible: z.boolean() }), Repeated]),
  },
  /** Keyboard: go to the next / previous claim, open its details and focus them (lib/shortcuts.ts). */
  moveToClaim: {
    group: 'page',
    to: 'content',
    from: TO_PAGE,
    request: msg('moveToClaim', { direction: z.enum(['next', 'previous']) }),
    reply: z.union([z.object({ index: ClaimIndex }), Repeated]),
  },
  /** What this page's run checked (a long page is checked in parts; lib/content/page-result.ts). */
  [PAGE_RESULT_REQUEST]: { group: 'page', to: 'content', from: TO_PAGE, request: msg(PAGE_RESULT_REQUEST, {}), reply: PageResultSchema },
  /** The page's notes as placed on the live page. */
  pageNotes: { group: 'notes', to: 'content', from: TO_PAGE, request: msg('pageNotes', {}), reply: PageNotesReplySchema },
  /** A new note on claim `index` (the content script builds it from the live text). */
  addNote: { group: 'notes', to: 'content', from: TO_PAGE, request: msg('addNote', { index: ClaimIndex, draft: NoteDraftSchema }), reply: NoteSchema },
  /** The page's article, for "Add this page to my sources". */
  sourceArticle: { group: 'sources', to: 'content', from: TO_PAGE, request: msg('sourceArticle', {}), reply: PageArticleSchema },
  /** A short message to show on the page (after the context-menu item was used). */
  sourceNotice: {
    group: 'sources',
    to: 'content',
    from: TO_PAGE,
    request: msg('sourceNotice', { message: z.string().check(z.maxLength(500)), ok: z.boolean() }),
    reply: z.object({ shown: z.literal(true) }),
  },
  /** The corpus changed: re-check the page if it was checked. */
  corpusChanged: { group: 'sources', to: 'content', from: TO_PAGE, request: msg('corpusChanged', {}), reply: z.object({}) },
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
  return typeof type === 'string' && Object.hasOwn(PROTOCOL, type) ? (PROTOCOL as Record<string, Route>)[type] : undefined;
}

/** The message types of `group` answered by `party` (routing lists derive from this). */
export function typesIn<G extends Group, P extends Party>(group: G, party: P): TypesIn<G, P>[] {
  return (Object.keys(PROTOCOL) as MessageType[]).filter((t) => PROTOCOL[t].group === group && PROTOCOL[t].to === party) as TypesIn<G, P>[];
}

/** Every message type, and those answered by `party`. */
export function messageTypes(party?: Party): MessageType[] {
  return (Object.keys(PROTOCOL) as MessageType[]).filter((t) => !party || PROTOCOL[t].to === party);
}
