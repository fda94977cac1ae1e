/**
 * The content script's part of "your own sources": it hands the page's article to the background
 * ("Add this page to my sources", from the popup or the context menu), shows the outcome of a
 * context-menu add on the page, and re-checks the page when the corpus changed.
 */
import { extractArticle } from '@/lib/extract/html';
import { fail, ok, type Response } from '@/lib/messages';
import { SourceContentRequest, type PageArticle } from '@/lib/sources/protocol';
import { parseRequest } from '@/lib/messages';

export interface SourceHooks {
  showNotice(text: string): void;
  /** The corpus changed: re-check the page if it was checked. */
  corpusChanged(): void;
}

/** The article of the live page, from a copy of the document (the page is not touched). */
export function pageArticle(): PageArticle {
  const a = extractArticle(document.cloneNode(true) as Document, location.href);
  const hash = location.href.indexOf('#');
  return {
    url: hash === -1 ? location.href : location.href.slice(0, hash),
    title: (a.title || document.title || '').trim().slice(0, 1000),
    text: a.text,
    date: a.date,
    siteName: a.siteName ? a.siteName.slice(0, 300) : null,
  };
}

export async function handleSourceContentRequest(raw: unknown, hooks: SourceHooks): Promise<Response<unknown>> {
  const req = parseRequest(SourceContentRequest, raw);
  if (!req.ok) return req;
  switch (req.data.type) {
    case 'sourceArticle':
      try {
        return ok(pageArticle());
      } catch (e) {
        return fail(`could not read the page: ${String(e)}`);
      }
    case 'sourceNotice':
      hooks.showNotice(`Crosscheck: ${req.data.message}`);
      return ok({ shown: true });
    case 'corpusChanged':
      hooks.corpusChanged();
      return ok({});
  }
}
