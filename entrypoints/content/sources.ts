/**
 * The content script's part of "your own sources": it hands the page's article to the background
 * ("Add this page to my sources", from the popup or the context menu), shows the outcome of a
 * context-menu add on the page, and re-checks the page when the corpus changed.
 */
import { extractArticle } from '@/lib/extract/html';
import { fail, ok } from '@/lib/messages';
import { browser } from 'wxt/browser';
import { readerPath, type PageArticle } from '@/lib/sources/protocol';
import { send, type Handler } from '@/lib/protocol/content';

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

/** The content script's answers to the sources messages of the protocol (lib/protocol/map.ts). */
export function sourceContentHandlers(hooks: SourceHooks): { [K in 'sourceArticle' | 'sourceNotice' | 'corpusChanged']: Handler<K> } {
  return {
    sourceArticle: () => {
      try {
        return ok(pageArticle());
      } catch (e) {
        return fail(`could not read the page: ${String(e)}`);
      }
    },
    sourceNotice: (req) => {
      hooks.showNotice(`Crosscheck: ${req.message}`);
      return ok({ shown: true as const });
    },
    corpusChanged: () => {
      hooks.corpusChanged();
      return ok({});
    },
  };
}

/**
 * "Read in <outlet>" under an evidence quote in the tooltip: opens the reader on that source with
 * the quote highlighted. A web page cannot navigate to an extension page that is not
 * web-accessible, so the click asks the background to open it (tabs.create); the href only shows
 * where the link goes.
 */
export function readerLink(source: string, quote: string, outlet = 'source'): HTMLAnchorElement {
  const a = document.createElement('a');
  a.className = 'read';
  // Named by its outlet ("Read in Financial Times"): a screen reader's list of links tells them apart.
  a.textContent = `Read in ${outlet}`;
  a.href = browser.runtime.getURL(readerPath(source, quote) as '/reader.html');
  a.setAttribute('data-source', source);
  // Its colour comes from the tooltip's stylesheet (one for light, one for dark pages).
  a.style.cssText = 'display:inline-block;margin-top:2px;font-size:12px;text-decoration:underline;cursor:pointer;';
  const open = (ev: MouseEvent) => {
    ev.preventDefault();
    ev.stopPropagation();
    send((m) => browser.runtime.sendMessage(m), 'openReader', { source, quote: quote.slice(0, 5000) }).catch(() => {});
  };
  a.addEventListener('click', open);
  a.addEventListener('auxclick', open);
  return a;
}
