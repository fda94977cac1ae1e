/**
 * The extension's IndexedDB databases, in one list: their names and current schema versions.
 * Each is a Dexie database of its own (ReopeningDexie, lib/store/db.ts), kept apart because
 * each is cleared for a different reason:
 *
 *   cache    — analyses and the serialised corpus index: cleared on every extension update
 *              (they may come from older code) and rebuilt at will (lib/store/db.ts);
 *   notes    — the reader's notes: never cleared by Crosscheck (lib/notes/db.ts);
 *   sources  — the reader's own sources: never cleared by Crosscheck (lib/sources/db.ts).
 *
 * All live in the background's and the extension pages' origin, never in a web page's.
 */
export const DATABASES = {
  cache: { name: 'crosscheck', version: 1 },
  notes: { name: 'crosscheck-notes', version: 2 },
  sources: { name: 'crosscheck-sources', version: 1 },
} as const;
