/**
 * Content script: finds the article on the page, asks the background to analyse it, and paints
 * the claims over the page in an overlay the page cannot read (closed shadow root; <mark>
 * fallback as a developer switch) with a hover tooltip.
 * Wiring only: the decisions live in lib/ (anchor, content/*, extract, settings).
 *
 * Never opens IndexedDB (a content script's IndexedDB belongs to the page's origin): the
 * background owns the cache.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Controller } from './controller';
// Declared in the manifest with the script: shows Crosscheck's elements while the extension is there.
import './hosts.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    const controller = new Controller(ctx);
    void controller.start();
  },
});
