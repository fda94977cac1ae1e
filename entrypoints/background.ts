import { defineBackground } from 'wxt/utils/define-background';

/**
 * Background script. Deliberately minimal for now: a later version wires the engine
 * (lib/engine.ts) and the IndexedDB cache here. Crosscheck makes no network requests.
 */
export default defineBackground(() => {
  // Nothing to do yet.
});
