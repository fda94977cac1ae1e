/**
 * The background's answers to the notes messages of the protocol (lib/protocol/map.ts), for
 * contexts that cannot open the notes database themselves.
 *
 * The tooltip runs in the content script, whose IndexedDB is the page's: it must ask the
 * background to save or read notes. `noteHandlers(db)` gives one handler per notes message for
 * `createHandler` (lib/protocol/handle.ts), which validates the message and checks the sender
 * first. Popup, options and a notes page run in the extension's origin and may call db.ts
 * directly instead.
 */
import { fail, ok, type Response } from '../messages';
import { PROTOCOL, parseMessage, typesIn, type Handler, type ReplyIn, type TypesIn } from '../protocol';
import { NoteWriteError, deleteNote, listNotes, notesForPage, saveNote, updateNote, type NoteFilter, type NotesDB } from './db';
import { systemDeps, type NoteDeps } from './model';

export { NoteFilterSchema } from '../protocol/map';
// The request schemas under their earlier names (they live in the protocol map).
export const SaveNoteRequest = PROTOCOL.saveNote.request;
export const UpdateNoteRequest = PROTOCOL.updateNote.request;
export const DeleteNoteRequest = PROTOCOL.deleteNote.request;
export const NotesForPageRequest = PROTOCOL.notesForPage.request;
export const ListNotesRequest = PROTOCOL.listNotes.request;

/** The message types this module answers (the map's notes messages to the background). */
export type NoteType = TypesIn<'notes', 'background'>;
export const NOTE_TYPES: readonly NoteType[] = typesIn('notes', 'background');
export const NOTE_REQUEST_TYPES: ReadonlySet<string> = new Set(NOTE_TYPES);

export function isNoteRequest(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && NOTE_REQUEST_TYPES.has((raw as { type?: unknown }).type as string);
}

/** Runs one notes operation; a storage failure becomes `{ ok: false, error }` with a readable message. */
async function guarded<T>(run: () => Promise<T>): Promise<Response<T>> {
  try {
    return ok(await run());
  } catch (e) {
    if (e instanceof NoteWriteError) return fail(e.message);
    return fail(`Could not read the notes: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * One handler per notes message. Replies: saveNote/updateNote → the stored Note; deleteNote →
 * { deleted: boolean }; notesForPage/listNotes → Note[].
 */
export function noteHandlers(db: NotesDB, deps: Pick<NoteDeps, 'now'> = systemDeps): { [K in NoteType]: Handler<K> } {
  return {
    saveNote: (req) => guarded(() => saveNote(db, req.note)),
    updateNote: (req) => guarded(() => updateNote(db, req.id, req.patch, deps)),
    deleteNote: (req) => guarded(async () => ({ deleted: await deleteNote(db, req.id) })),
    notesForPage: (req) => guarded<ReplyIn<'notesForPage'>>(() => notesForPage(db, req.pageUrl)),
    listNotes: (req) => guarded<ReplyIn<'listNotes'>>(() => listNotes(db, req.filter as NoteFilter)),
  };
}

/** Validate and run one notes message, without a sender check (tests; the background uses createHandler). */
export async function handleNoteRequest(db: NotesDB, raw: unknown, deps: Pick<NoteDeps, 'now'> = systemDeps): Promise<Response<unknown>> {
  const parsed = parseMessage(NOTE_TYPES, raw);
  if (!parsed.ok) return parsed;
  const handlers = noteHandlers(db, deps);
  return (handlers[parsed.data.type] as Handler<NoteType>)(parsed.data, { kind: 'extensionPage' });
}
