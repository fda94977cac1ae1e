/**
 * Content script: finds the article on the page, asks the background to analyse it, and paints
 * the claims in place (CSS Custom Highlight API, <mark> fallback) with a hover tooltip.
 * Wiring only: the decisions live in lib/ (anchor, content/*, extract, settings).
 *
 * Never opens IndexedDB (a content script's IndexedDB belongs to the page's origin): the
 * background owns the cache.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Controller } from './controller';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const controller = new Controller(ctx);
    void controller.start();
  },
});
