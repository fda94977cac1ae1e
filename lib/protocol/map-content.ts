/**
 * The content script's part of the protocol map (lib/protocol/map.ts, which composes it with the
 * extension pages' part): every message a content script answers, and every message it may send
 * (those whose `from` names `content`). The content script binds send and createHandler to this
 * part alone (lib/protocol/content.ts), so its bundle holds these schemas and none of the notes
 * list, note edits or your sources, which only extension pages send. Each entry is the one
 * definition of its message: the map holds these same objects. Only zod schemas are imported:
 * this part reaches every bundle, content script included.
 */
import { z } from '../zod';
import { AnalysisSchema, AnalyzeRequest, GetTabStateRequest, NoteDraftSchema, ReportStatusRequest, TabStateSchema } from '../messages';
import { NoteSchema } from '../notes/model';
import { PageNotesReplySchema } from '../notes-ui/page-notes';
import { PAGE_RESULT_REQUEST, PageResultSchema } from '../content/page-result';
import { PageArticleSchema } from '../sources/protocol';
import { ANY_EXTENSION, ClaimIndex, Id, msg, TO_PAGE, type Route } from './route';

/** A keyboard command answered once already: the key and the browser command both arrived (entrypoints/content/keyboard.ts). */
const Repeated = z.object({ repeated: z.literal(true) });

/** Messages answered by the background: the page's analysis and state (lib/background/service.ts). */
export const PAGE_MESSAGES = {
  analyze: { group: 'page', to: 'background', from: ANY_EXTENSION, request: AnalyzeRequest, reply: AnalysisSchema },
  status: { group: 'page', to: 'background', from: ANY_EXTENSION, request: ReportStatusRequest, reply: TabStateSchema },
  getTabState: { group: 'page', to: 'background', from: ANY_EXTENSION, request: GetTabStateRequest, reply: TabStateSchema, own: { tab: (m) => m.tabId } },
} as const satisfies Record<string, Route>;

/** The notes messages a content script may send: it cannot open the notes database itself (lib/notes/messages.ts). */
export const CONTENT_NOTE_MESSAGES = {
  saveNote: {
    group: 'notes',
    to: 'background',
    from: ANY_EXTENSION,
    request: msg('saveNote', { note: NoteSchema }),
    reply: NoteSchema,
    own: { page: (m) => (m.note as { pageUrl?: unknown } | null | undefined)?.pageUrl },
  },
  notesForPage: {
    group: 'notes',
    to: 'background',
    from: ANY_EXTENSION,
    request: msg('notesForPage', { pageUrl: z.string().check(z.minLength(1), z.maxLength(4096)) }),
    reply: z.array(NoteSchema),
    own: { page: (m) => m.pageUrl },
  },
} as const satisfies Record<string, Route>;

/** The sources message a content script may send (the tooltip's quote links). */
export const CONTENT_SOURCE_MESSAGES = {
  /** Tooltip: open the reader on `source` with `quote` highlighted (a page cannot open extension pages). */
  openReader: {
    group: 'sources',
    to: 'background',
    from: ANY_EXTENSION,
    request: msg('openReader', { source: Id, quote: z._default(z.string().check(z.maxLength(5000)), '') }),
    reply: z.object({ opened: z.literal(true) }),
  },
} as const satisfies Record<string, Route>;

/** Background / popup → a tab's content script. */
export const CONTENT_MESSAGES = {
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

/** Every message a content script answers or may send. */
export const CONTENT_SCRIPT_PROTOCOL = { ...PAGE_MESSAGES, ...CONTENT_NOTE_MESSAGES, ...CONTENT_SOURCE_MESSAGES, ...CONTENT_MESSAGES } as const;
export type ContentScriptType = keyof typeof CONTENT_SCRIPT_PROTOCOL;
