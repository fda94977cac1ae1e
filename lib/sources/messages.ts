/**
 * The background's answers to the sources messages of the protocol (lib/protocol/map.ts).
 *
 * Extension pages (popup, sources page, reader) and the content script's tooltip talk to the
 * background, which owns the sources database and the live index (lib/sources/manager.ts).
 * `createSourcesHandler(deps).handlers` gives one handler per sources message for
 * `createHandler` (lib/protocol/handle.ts), which validates the message and checks the sender
 * (only `openReader` may come from a web page) first.
 */
import { fail, ok, type Response } from '../messages';
import {
  checkAccess,
  parseMessage,
  PROTOCOL,
  routeOf,
  senderKind,
  typesIn,
  type AccessDecision,
  type Handler,
  type RequestOf,
  type TypesIn,
} from '../protocol';
import { SourceError } from './parse';
import { SourceWriteError } from './db';
import type { AddItem, AddOutcome, CorpusManager, MetaPatch } from './manager';
import { aboutSubject, PageArticleSchema, readerPath, type PageArticle } from './protocol';
import { EventLabelSchema, MetaInputSchema, type MetaInput } from './schema';

export const EventInputSchema = EventLabelSchema;
export { MetaInputSchema, type MetaInput };

// The request schemas under their earlier names (they live in the protocol map).
export const AddSourceRequest = PROTOCOL.addSource.request;
export const AddPageSourceRequest = PROTOCOL.addPageSource.request;
export const ListSourcesRequest = PROTOCOL.listSources.request;
export const GetSourceRequest = PROTOCOL.getSource.request;
export const UpdateSourceRequest = PROTOCOL.updateSource.request;
export const SetSourceEnabledRequest = PROTOCOL.setSourceEnabled.request;
export const DeleteSourceRequest = PROTOCOL.deleteSource.request;
export const RestoreSourceRequest = PROTOCOL.restoreSource.request;
export const OpenReaderRequest = PROTOCOL.openReader.request;
export const SourcesStatusRequest = PROTOCOL.sourcesStatus.request;

/** The message types this module answers (the map's sources messages to the background). */
export type SourceType = TypesIn<'sources', 'background'>;
export const SOURCE_TYPES: readonly SourceType[] = typesIn('sources', 'background');
export const SOURCE_REQUEST_TYPES: ReadonlySet<string> = new Set(SOURCE_TYPES);

/** A sources message answered by the background (earlier name kept). */
export type SourceRequest = RequestOf<SourceType>;

/** A sources message answered by a tab's content script (`sourceArticle`, `sourceNotice`, `corpusChanged`). */
export function isSourceContentRequest(raw: unknown): boolean {
  const route = routeOf(raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined);
  return route?.to === 'content' && route.group === 'sources';
}

export function isSourceRequest(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && SOURCE_REQUEST_TYPES.has((raw as { type?: unknown }).type as string);
}

/**
 * Extension pages (popup, sources page, reader) may send every sources request. A content script
 * runs in every web page, so a page-side sender may only ask to open the reader (the tooltip's
 * quote links): nothing a page can reach lists, reads, adds, changes or deletes sources.
 * (The protocol map's `from`, read by checkAccess.)
 */
export function sourceRequestAllowed(message: unknown, senderUrl: string | undefined, extensionOrigin: string): AccessDecision {
  if (!isSourceRequest(message)) return { ok: false, error: `Sources: a web page may not send "${String((message as { type?: unknown } | null)?.type)}".` };
  return checkAccess(message, { kind: senderKind(senderUrl, extensionOrigin), url: senderUrl });
}

export { PageArticleSchema, readerPath, parseReaderQuery } from './protocol';
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
  /** Validates and answers one sources message, without a sender check (tests; the background wires `handlers`). */
  handle(raw: unknown): Promise<Response<unknown>>;
  /** One handler per sources message, for createHandler (lib/protocol/handle.ts). */
  handlers: { [K in SourceType]: Handler<K> };
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

  /** Runs one operation; a refusal or a storage failure becomes `{ ok: false, error }`. */
  async function guarded<T>(run: () => Promise<Response<T>>): Promise<Response<T>> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof SourceError || e instanceof SourceWriteError) return fail(e.message);
      return fail(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const answer = <T>(run: () => Promise<T>) => guarded(async () => ok(await run()));

  const handlers: SourcesHandler['handlers'] = {
    addSource: (req) =>
      answer(async () => {
        const [outcome] = await manager.add([{ name: req.name, text: req.text, meta: cleanMeta(req.meta), origin: req.origin, fileName: req.fileName }]);
        return outcome!;
      }),
    addPageSource: (req) => answer(() => addPage(req.tabId, 'page')),
    listSources: () => answer(() => manager.list()),
    getSource: (req) =>
      guarded(async () => {
        const got = await manager.get(req.id);
        return got ? ok(got) : fail(`There is no source “${req.id}” (it may have been deleted).`);
      }),
    updateSource: (req) => answer(() => manager.update(req.id, patchOf(req.meta))),
    setSourceEnabled: (req) => answer(() => manager.setEnabled(req.id, req.enabled)),
    deleteSource: (req) => answer(() => manager.remove(req.id)),
    discardDamagedSource: (req) => answer(() => manager.discardDamaged(req.id)),
    restoreSource: (req) => answer(() => manager.restore(req.source)),
    openReader: (req) =>
      answer(async () => {
        await deps.openPage(readerPath(req.source, req.quote));
        return { opened: true as const };
      }),
    sourcesStatus: () => answer(async () => ({ engineVersion: await manager.version() })),
  };

  async function handle(raw: unknown): Promise<Response<unknown>> {
    const parsed = parseMessage(SOURCE_TYPES, raw);
    if (!parsed.ok) return parsed;
    return (handlers[parsed.data.type] as Handler<SourceType>)(parsed.data, { kind: 'extensionPage' });
  }

  return { handle, handlers, addPage };
}
