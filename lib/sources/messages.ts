/**
 * Messages about the reader's sources, and the background's handler for them.
 *
 * Extension pages (popup, sources page, reader) and the content script's tooltip talk to the
 * background, which owns the sources database and the live index (lib/sources/manager.ts).
 * Every request is validated with zod; replies use the `{ ok, data } | { ok, error }` envelope
 * of lib/messages.ts.
 *
 * Background → content script requests (`SourceContentRequest`) live here too, so the shared
 * ContentRequest union stays as it is: the content script answers them next to its own.
 */
import { z } from 'zod';
import { fail, ok, parseRequest, type Response } from '../messages';
import { MAX_SOURCE_BYTES, SourceError } from './parse';
import { EventLabelSchema, UserSourceSchema, SourceWriteError } from './db';
import type { AddItem, AddOutcome, CorpusManager, MetaPatch } from './manager';
import { aboutSubject, PageArticleSchema, readerPath, type PageArticle } from './protocol';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
export const EventInputSchema = EventLabelSchema;

/** Metadata as a page or a form sends it (all optional; '' means "not given"). */
export const MetaInputSchema = z.object({
  title: z.string().max(1000).optional(),
  outlet: z.string().max(300).nullable().optional(),
  date: z.union([IsoDate, z.literal('')]).nullable().optional(),
  url: z.string().max(4096).nullable().optional(),
  event: EventInputSchema.nullable().optional(),
});
export type MetaInput = z.infer<typeof MetaInputSchema>;

/** Plain text + metadata (the sources page parses files and pasted text itself; HTML needs its DOMParser). */
export const AddSourceRequest = z.object({
  type: z.literal('addSource'),
  name: z.string().min(1).max(500),
  // Longer than a source may be, so that an over-long text gets parseSource's "too large" message, not a schema error.
  text: z.string().max(MAX_SOURCE_BYTES * 4),
  meta: MetaInputSchema.default({}),
  origin: z.enum(['paste', 'file']).default('paste'),
  fileName: z.string().max(500).nullable().default(null),
});
/** Popup: add the article of tab `tabId` (the background asks that tab's content script for it). */
export const AddPageSourceRequest = z.object({ type: z.literal('addPageSource'), tabId: z.number().int() });
export const ListSourcesRequest = z.object({ type: z.literal('listSources') });
export const GetSourceRequest = z.object({ type: z.literal('getSource'), id: z.string().min(1).max(200) });
export const UpdateSourceRequest = z.object({ type: z.literal('updateSource'), id: z.string().min(1).max(200), meta: MetaInputSchema });
export const SetSourceEnabledRequest = z.object({ type: z.literal('setSourceEnabled'), id: z.string().min(1).max(200), enabled: z.boolean() });
export const DeleteSourceRequest = z.object({ type: z.literal('deleteSource'), id: z.string().min(1).max(200) });
export const RestoreSourceRequest = z.object({ type: z.literal('restoreSource'), source: UserSourceSchema });
/** Tooltip: open the reader on `source` with `quote` highlighted (content scripts cannot open extension pages themselves). */
export const OpenReaderRequest = z.object({ type: z.literal('openReader'), source: z.string().min(1).max(200), quote: z.string().max(5000).default('') });
/** The current engine version (the popup compares it with its analysis's). */
export const SourcesStatusRequest = z.object({ type: z.literal('sourcesStatus') });

export const SourceRequest = z.discriminatedUnion('type', [
  AddSourceRequest,
  AddPageSourceRequest,
  ListSourcesRequest,
  GetSourceRequest,
  UpdateSourceRequest,
  SetSourceEnabledRequest,
  DeleteSourceRequest,
  RestoreSourceRequest,
  OpenReaderRequest,
  SourcesStatusRequest,
]);
export type SourceRequest = z.infer<typeof SourceRequest>;

export const SOURCE_REQUEST_TYPES: ReadonlySet<string> = new Set(SourceRequest.options.map((o) => o.shape.type.value));

export function isSourceRequest(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && SOURCE_REQUEST_TYPES.has((raw as { type?: unknown }).type as string);
}

/**
 * Extension pages (popup, sources page, reader) may send every sources request. A content script
 * runs in every web page, so a page-side sender may only ask to open the reader (the tooltip's
 * quote links): nothing a page can reach lists, reads, adds, changes or deletes sources.
 */
export function sourceRequestAllowed(message: unknown, senderUrl: string | undefined, extensionOrigin: string): { ok: true } | { ok: false; error: string } {
  if (senderUrl && extensionOrigin && senderUrl.startsWith(extensionOrigin)) return { ok: true };
  const type = (message as { type?: unknown } | null)?.type;
  if (type === 'openReader') return { ok: true };
  return { ok: false, error: `Sources: a web page may not send "${String(type)}".` };
}

export { PageArticleSchema, SourceContentRequest, SOURCE_CONTENT_TYPES, isSourceContentRequest, readerPath, parseReaderQuery } from './protocol';
export type { PageArticle } from './protocol';

// -------------------------------------------------------------------------------------------------
// Handler

export interface SourcesHandlerDeps {
  manager: CorpusManager;
  /** Asks tab `tabId`'s content script for its article. */
  getArticle(tabId: number): Promise<PageArticle>;
  /** Opens an extension page (path such as "/reader.html?…") in a new tab. */
  openPage(path: string): Promise<void>;
}

export interface SourcesHandler {
  handle(raw: unknown): Promise<Response<unknown>>;
  /** "Add this page to my sources" for tab `tabId` (popup button and context menu). */
  addPage(tabId: number, origin: 'page' | 'menu'): Promise<AddOutcome>;
}

function cleanMeta(m: MetaInput): AddItem['meta'] {
  const out: NonNullable<AddItem['meta']> = {};
  if (m.title?.trim()) out.title = m.title.trim();
  if (m.outlet?.trim()) out.outlet = m.outlet.trim();
  if (m.date) out.date = m.date;
  if (m.url?.trim()) out.url = m.url.trim();
  if (m.event) out.event = m.event;
  return out;
}

function patchOf(m: MetaInput): MetaPatch {
  const p: MetaPatch = {};
  if (m.title !== undefined) p.title = m.title;
  if (m.outlet !== undefined) p.outlet = m.outlet;
  if (m.date !== undefined) p.date = m.date || null;
  if (m.url !== undefined) p.url = m.url;
  if (m.event !== undefined) p.event = m.event;
  return p;
}

const PAGE = 'This page';

/** "This page: is empty (…)" → "This page is empty (…)"; "This page: This page is already …" → "This page is already …". */
export function pageMessage(m: string): string {
  return aboutSubject(PAGE, m);
}

const UNREACHABLE = "Crosscheck can't read this page. Reload the page and try again (pages open before Crosscheck was installed or updated need a reload).";

export function createSourcesHandler(deps: SourcesHandlerDeps): SourcesHandler {
  const { manager } = deps;

  async function addPage(tabId: number, origin: 'page' | 'menu'): Promise<AddOutcome> {
    let article: PageArticle;
    try {
      article = PageArticleSchema.parse(await deps.getArticle(tabId));
    } catch {
      return { status: 'refused', name: 'this page', message: UNREACHABLE };
    }
    if (!/^https?:/i.test(article.url)) return { status: 'refused', name: 'this page', message: 'Only web pages (http and https) can be added.' };
    if (!/\p{L}{2,}/u.test(article.text)) return { status: 'refused', name: 'this page', message: 'This page has no article text to add.' };
    const [outcome] = await manager.add([
      {
        name: PAGE,
        text: article.text,
        meta: cleanMeta({ title: article.title, outlet: article.siteName, date: article.date, url: article.url }),
        origin,
      },
    ]);
    return outcome!.status === 'added' ? outcome! : { ...outcome!, message: pageMessage(outcome!.message) };
  }

  async function handle(raw: unknown): Promise<Response<unknown>> {
    const parsed = parseRequest(SourceRequest, raw);
    if (!parsed.ok) return parsed;
    const req = parsed.data;
    try {
      switch (req.type) {
        case 'addSource': {
          const [outcome] = await manager.add([{ name: req.name, text: req.text, meta: cleanMeta(req.meta), origin: req.origin, fileName: req.fileName }]);
          return ok(outcome);
        }
        case 'addPageSource':
          return ok(await addPage(req.tabId, 'page'));
        case 'listSources':
          return ok(await manager.list());
        case 'getSource': {
          const got = await manager.get(req.id);
          return got ? ok(got) : fail(`There is no source “${req.id}” (it may have been deleted).`);
        }
        case 'updateSource':
          return ok(await manager.update(req.id, patchOf(req.meta)));
        case 'setSourceEnabled':
          return ok(await manager.setEnabled(req.id, req.enabled));
        case 'deleteSource':
          return ok(await manager.remove(req.id));
        case 'restoreSource':
          return ok(await manager.restore(req.source));
        case 'openReader':
          await deps.openPage(readerPath(req.source, req.quote));
          return ok({ opened: true });
        case 'sourcesStatus':
          return ok({ engineVersion: await manager.version() });
      }
    } catch (e) {
      if (e instanceof SourceError || e instanceof SourceWriteError) return fail(e.message);
      return fail(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return { handle, addPage };
}
