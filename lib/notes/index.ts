/**
 * Notes: the reader's notes on claims — model, storage, re-anchoring, export and import.
 * This is the public API; UI code imports from 'lib/notes' only.
 *
 * Where each piece runs:
 * - content script (tooltip): `makeNote` (pure; build the note there, from the live text nodes,
 *   with `textPositionOf` for the offsets), then send `{ type: 'saveNote', note }` to the
 *   background; `{ type: 'notesForPage', pageUrl }` to get a page's notes, then `reanchorNotes`
 *   to place them. Never open the notes database in a content script.
 * - background: `openNotesDb(globalThis)` once, and `noteHandlers(db)` in its message router
 *   (lib/background/router.ts; the messages are in lib/protocol/map.ts).
 * - popup / options / a notes page: `openNotesDb(globalThis)` and call `listNotes`,
 *   `notesForPage`, `updateNote`, `deleteNote`, the exporters and `importNotesFile` directly.
 *
 * Exports are strings: save them with a Blob and an <a download> in an extension page (no
 * permission needed), using EXPORT_FILES for the name and MIME type.
 */
export * from './model';
export * from './db';
export * from './reanchor';
export * from './export';
export * from './import';
export * from './messages';

/** File name suffix and MIME type per export format (CSV and Markdown as UTF-8). */
export const EXPORT_FILES = {
  markdown: { extension: 'md', mime: 'text/markdown;charset=utf-8' },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  json: { extension: 'json', mime: 'application/json' },
  webAnnotation: { extension: 'jsonld', mime: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"' },
} as const;

/** 'crosscheck-notes-2025-06-02.csv' for an export made on that (UTC) day. */
export function exportFileName(format: keyof typeof EXPORT_FILES, at: Date): string {
  return `crosscheck-notes-${at.toISOString().slice(0, 10)}.${EXPORT_FILES[format].extension}`;
}
