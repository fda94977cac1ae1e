/**
 * Typed messages for notes, for contexts that cannot open the notes database themselves.
 *
 * The tooltip runs in the content script, whose IndexedDB is the page's: it must ask the
 * background to save or read notes. These zod schemas and `handleNoteRequest` make that one line
 * of wiring in the background's message listener (validate, run, reply in the same
 * `{ ok, data } | { ok, error }` envelope as lib/messages.ts). Popup, options and a notes page
 * run in the extension's origin and may call db.ts directly instead.
 */
import { z } from 'zod';
import { VerdictSchema, fail, ok, parseRequest, type Response } from '../messages';
import { NoteWriteError, deleteNote, listNotes, notesForPage, saveNote, updateNote, type NoteFilter, type NotesDB } from './db';
import { systemDeps, type NoteDeps, type NotePatch } from './model';

export const NoteFilterSchema = z.object({
  pageUrl: z.string().max(4096).optional(),
  verdict: VerdictSchema.optional(),
  readerVerdict: z.union([VerdictSchema, z.literal('none')]).optional(),
  tag: z.string().max(200).optional(),
  from: z.string().max(64).optional(),
  to: z.string().max(64).optional(),
  search: z.string().max(1000).optional(),
});

export const SaveNoteRequest = z.object({ type: z.literal('saveNote'), note: z.unknown() });
export const UpdateNoteRequest = z.object({ type: z.literal('updateNote'), id: z.string().min(1), patch: z.record(z.string(), z.unknown()) });
export const DeleteNoteRequest = z.object({ type: z.literal('deleteNote'), id: z.string().min(1) });
export const NotesForPageRequest = z.object({ type: z.literal('notesForPage'), pageUrl: z.string().min(1).max(4096) });
export const ListNotesRequest = z.object({ type: z.literal('listNotes'), filter: NoteFilterSchema.default({}) });

export const NoteRequest = z.discriminatedUnion('type', [
  SaveNoteRequest,
  UpdateNoteRequest,
  DeleteNoteRequest,
  NotesForPageRequest,
  ListNotesRequest,
]);
export type NoteRequest = z.infer<typeof NoteRequest>;

/** The message types this module answers (so a listener can route before parsing). */
export const NOTE_REQUEST_TYPES: ReadonlySet<string> = new Set(['saveNote', 'updateNote', 'deleteNote', 'notesForPage', 'listNotes']);

export function isNoteRequest(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && NOTE_REQUEST_TYPES.has((raw as { type?: unknown }).type as string);
}

/**
 * Validate and run one note request. Replies: saveNote/updateNote → the stored Note;
 * deleteNote → { deleted: boolean }; notesForPage/listNotes → Note[]. Failures (malformed
 * message, invalid note, storage error) → `{ ok: false, error }` with a readable message.
 */
export async function handleNoteRequest(db: NotesDB, raw: unknown, deps: Pick<NoteDeps, 'now'> = systemDeps): Promise<Response<unknown>> {
  const parsed = parseRequest(NoteRequest, raw);
  if (!parsed.ok) return parsed;
  const req = parsed.data;
  try {
    switch (req.type) {
      case 'saveNote':
        return ok(await saveNote(db, req.note));
      case 'updateNote':
        return ok(await updateNote(db, req.id, req.patch as NotePatch, deps));
      case 'deleteNote':
        return ok({ deleted: await deleteNote(db, req.id) });
      case 'notesForPage':
        return ok(await notesForPage(db, req.pageUrl));
      case 'listNotes':
        return ok(await listNotes(db, req.filter as NoteFilter));
    }
  } catch (e) {
    if (e instanceof NoteWriteError) return fail(e.message);
    return fail(`Could not read the notes: ${e instanceof Error ? e.message : String(e)}`);
  }
}
