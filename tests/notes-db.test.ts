import { describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import {
  NOTES_DB_NAME,
  NOTES_SCHEMA,
  NoteWriteError,
  deleteNote,
  getNote,
  handleNoteRequest,
  listNotes,
  listTags,
  notesForPage,
  saveNote,
  updateNote,
  type Note,
  type NotesDB,
  type NewNoteInput,
} from '../lib/notes';
import { buildNote, notesDbs, SWAP_CLAIM, uuid } from './support/notes';

const openNotes = notesDbs();
function fresh(factory = new IDBFactory()): { db: NotesDB; factory: IDBFactory } {
  return { db: openNotes(factory), factory };
}

let seq = 0;
function note({ at = '2025-06-02T10:00:00.000Z', ...over }: Partial<NewNoteInput> & { at?: string } = {}): Note {
  const n = ++seq;
  const pageText = over.pageText ?? `Intro ${n}. ${SWAP_CLAIM} Outro.`;
  const evidence = [{ source: '001_b42b158ef8421104', quote: 'Both sides will free 1,000 prisoners.', stance: 'supports' as const, reason: 'same figure' }];
  return buildNote({ n, at, claim: SWAP_CLAIM, evidence, ...over, pageText });
}

/** A v1 row as the first release stored it: tags a comma-separated string, no reader verdict. */
function v1Row(n: number, tags: string, extra: Record<string, unknown> = {}) {
  const full = note({ at: `2025-05-${String(10 + n).padStart(2, '0')}T08:00:00.000Z` });
  const { readerVerdict: _rv, readerReason: _rr, schemaVersion: _sv, tags: _t, ...rest } = full;
  return { ...rest, id: uuid(1000 + n), tags, ...extra };
}

describe('schema versions: v1 → v2 upgrade', () => {
  it('opens a v1 database with old rows: nothing lost, tags become normalised arrays, new fields filled, new indexes usable', async () => {
    const factory = new IDBFactory();
    const old = new Dexie(NOTES_DB_NAME, { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(NOTES_SCHEMA[1]);
    const rows = [
      v1Row(1, 'Ceasefire, POWs , ceasefire'),
      v1Row(2, ''),
      v1Row(3, 'Istanbul', { updatedAt: undefined }), // some v1 rows never had updatedAt
      { id: uuid(1004), pageUrl: 'https://broken.example/', createdAt: '2025-05-20T00:00:00.000Z', tags: 'kept anyway' }, // damaged row
    ];
    await old.table('notes').bulkAdd(rows);
    expect(await old.table('notes').count()).toBe(4);
    old.close();

    const { db } = fresh(factory);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.notes.count()).toBe(4); // nothing lost, not even the damaged row

    const invalid: unknown[] = [];
    const notes = await listNotes(db, {}, { onInvalid: (row) => invalid.push(row) });
    expect(notes.map((n) => n.id).sort()).toEqual([uuid(1001), uuid(1002), uuid(1003)]);
    const byId = new Map(notes.map((n) => [n.id, n]));
    expect(byId.get(uuid(1001))!.tags).toEqual(['ceasefire', 'pows']);
    expect(byId.get(uuid(1002))!.tags).toEqual([]);
    expect(byId.get(uuid(1003))).toMatchObject({ tags: ['istanbul'], readerVerdict: null, readerReason: '', schemaVersion: 2 });
    expect(byId.get(uuid(1003))!.updatedAt).toBe(byId.get(uuid(1003))!.createdAt);
    // every other field survived unchanged
    const { tags: _a, ...r1 } = rows[0]!;
    expect(byId.get(uuid(1001))).toMatchObject(r1);

    // the damaged row is kept, upgraded as far as possible, reported, never deleted
    expect(invalid).toHaveLength(1);
    expect(await db.notes.get(uuid(1004))).toMatchObject({ tags: ['kept anyway'], schemaVersion: 2 });

    // v2 indexes work on upgraded rows
    expect((await db.notes.where('tags').equals('pows').primaryKeys()).sort()).toEqual([uuid(1001)]);
    expect(await listNotes(db, { tag: 'Ceasefire' })).toHaveLength(1);
    expect(await listTags(db)).toEqual(['ceasefire', 'istanbul', 'kept anyway', 'pows']);
  });
});

describe('writes', () => {
  it('saveNote validates, stores and returns the note; getNote reads it back', async () => {
    const { db } = fresh();
    const n = note({ tags: ['A'] });
    await expect(saveNote(db, n)).resolves.toEqual(n);
    expect(await getNote(db, n.id)).toEqual(n);
    expect(await getNote(db, uuid(999))).toBeNull();
  });

  it('an invalid note is refused with a readable NoteWriteError and nothing is written', async () => {
    const { db } = fresh();
    const bad = { ...note(), claimVerdict: 'probably', target: { selectors: [] } };
    const err = await saveNote(db, bad).catch((e) => e);
    expect(err).toBeInstanceOf(NoteWriteError);
    expect(err.reason).toBe('invalid');
    expect(err.message).toMatch(/^Could not save the note: the note is not valid/);
    expect(err.issues.join('\n')).toMatch(/claimVerdict/);
    expect(await db.notes.count()).toBe(0);
  });

  it('a write to a closed database throws NoteWriteError (closed) and leaves no row', async () => {
    const { db, factory } = fresh();
    await db.open();
    db.close();
    const err = await saveNote(db, note()).catch((e) => e);
    expect(err).toBeInstanceOf(NoteWriteError);
    expect(err.reason).toBe('closed');
    expect(err.message).toMatch(/notes database is closed.*Nothing was saved/);
    const { db: again } = fresh(factory);
    expect(await again.notes.count()).toBe(0);
  });

  it('a quota error during the write throws NoteWriteError (quota) and rolls the row back', async () => {
    const { db } = fresh();
    const realPut = db.notes.put.bind(db.notes);
    // The row really is written inside the transaction, then the write fails: the abort must undo it.
    const failingPut = (async (...args: Parameters<typeof realPut>) => {
      await realPut(...args);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }) as unknown as typeof realPut;
    const spy = vi.spyOn(db.notes, 'put').mockImplementation(failingPut);
    const n = note();
    const err = await saveNote(db, n).catch((e) => e);
    spy.mockRestore();
    expect(err).toBeInstanceOf(NoteWriteError);
    expect(err.reason).toBe('quota');
    expect(err.message).toMatch(/no storage space left.*Nothing was saved/);
    expect(await db.notes.count()).toBe(0);
    expect(await db.notes.get(n.id)).toBeUndefined();
  });

  it('updateNote changes reader fields, normalises tags, bumps updatedAt, keeps the rest', async () => {
    const { db } = fresh();
    const n = await saveNote(db, note());
    const later = { now: () => new Date('2025-06-03T12:00:00.000Z') };
    const u = await updateNote(
      db,
      n.id,
      { text: 'Disputed.', tags: 'Dispute, POWs', readerVerdict: 'contradicted', readerReason: 'Other outlets say 1,200' },
      later,
    );
    expect(u).toMatchObject({
      text: 'Disputed.',
      tags: ['dispute', 'pows'],
      readerVerdict: 'contradicted',
      readerReason: 'Other outlets say 1,200',
      updatedAt: '2025-06-03T12:00:00.000Z',
      createdAt: n.createdAt,
      claimText: n.claimText,
    });
    expect(await getNote(db, n.id)).toEqual(u);
    // clearing the reader verdict
    expect((await updateNote(db, n.id, { readerVerdict: null }, later)).readerVerdict).toBeNull();
  });

  it('updateNote: unknown id → not_found; invalid patch → invalid, stored note unchanged', async () => {
    const { db } = fresh();
    const n = await saveNote(db, note());
    await expect(updateNote(db, uuid(4242), { text: 'x' })).rejects.toMatchObject({ name: 'NoteWriteError', reason: 'not_found' });
    await expect(updateNote(db, n.id, { readerVerdict: 'nonsense' as never })).rejects.toMatchObject({ reason: 'invalid' });
    await expect(updateNote(db, n.id, { text: 'x'.repeat(60_000) })).rejects.toMatchObject({ reason: 'invalid' });
    expect(await getNote(db, n.id)).toEqual(n);
  });

  it('deleteNote reports whether the note existed', async () => {
    const { db } = fresh();
    const n = await saveNote(db, note());
    expect(await deleteNote(db, n.id)).toBe(true);
    expect(await deleteNote(db, n.id)).toBe(false);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('listNotes filters and notesForPage', () => {
  async function seeded() {
    const { db } = fresh();
    const a1 = note({
      pageUrl: 'https://news.example/a',
      at: '2025-06-01T09:00:00.000Z',
      tags: ['POWs'],
      text: 'Medinsky’s figure',
      claimVerdict: 'corroborated',
    });
    const a2 = note({
      pageUrl: 'https://news.example/a#update',
      at: '2025-06-02T09:00:00.000Z',
      tags: ['ceasefire'],
      readerVerdict: 'contradicted',
      claimVerdict: 'not_covered',
      start: 0,
      end: 7,
    });
    const b1 = note({
      pageUrl: 'https://other.example/b',
      pageTitle: 'Zelenskyy in Türkiye',
      at: '2025-06-03T23:59:00.000Z',
      tags: ['pows', 'Turkey'],
      readerVerdict: 'mixed',
      claimVerdict: 'mixed',
    });
    const b2 = note({ pageUrl: 'https://other.example/b', at: '2025-06-04T00:00:00.000Z', claimVerdict: 'contradicted' });
    for (const n of [a1, a2, b1, b2]) await saveNote(db, n);
    return { db, a1, a2, b1, b2 };
  }
  const ids = (ns: Note[]) => ns.map((n) => n.id);

  it('no filter: all, newest first', async () => {
    const { db, a1, a2, b1, b2 } = await seeded();
    expect(ids(await listNotes(db))).toEqual(ids([b2, b1, a2, a1]));
  });

  it('pageUrl (fragment ignored), engine verdict, reader verdict and "none", tag', async () => {
    const { db, a1, a2, b1, b2 } = await seeded();
    expect(ids(await listNotes(db, { pageUrl: 'https://news.example/a#x' }))).toEqual(ids([a2, a1]));
    expect(ids(await listNotes(db, { verdict: 'mixed' }))).toEqual(ids([b1]));
    expect(ids(await listNotes(db, { readerVerdict: 'contradicted' }))).toEqual(ids([a2]));
    expect(ids(await listNotes(db, { readerVerdict: 'none' }))).toEqual(ids([b2, a1]));
    expect(ids(await listNotes(db, { tag: ' POWs ' }))).toEqual(ids([b1, a1]));
    expect(await listNotes(db, { tag: 'nothing' })).toEqual([]);
  });

  it('from/to (a date-only "to" includes the whole day), search (accent- and case-insensitive), combined', async () => {
    const { db, a1, a2, b1 } = await seeded();
    expect(ids(await listNotes(db, { from: '2025-06-02', to: '2025-06-03' }))).toEqual(ids([b1, a2]));
    expect(ids(await listNotes(db, { to: new Date('2025-06-01T09:00:00.000Z') }))).toEqual(ids([a1]));
    expect(ids(await listNotes(db, { search: 'turkiye ZELENSKYY' }))).toEqual(ids([b1]));
    expect(ids(await listNotes(db, { search: "medinsky's" }))).toEqual(ids([a1]));
    expect(ids(await listNotes(db, { search: '1,000 prisoners', tag: 'pows', verdict: 'corroborated' }))).toEqual(ids([a1]));
  });

  it('notesForPage returns a page’s notes in page order', async () => {
    const { db, a1, a2 } = await seeded();
    expect(ids(await notesForPage(db, 'https://news.example/a'))).toEqual(ids([a2, a1])); // a2 starts at 0
  });
});

describe('handleNoteRequest (background wiring for the content script)', () => {
  it('saves, lists, updates and deletes through validated messages', async () => {
    const { db } = fresh();
    const n = note();
    expect(await handleNoteRequest(db, { type: 'saveNote', note: n })).toEqual({ ok: true, data: n });
    expect(await handleNoteRequest(db, { type: 'notesForPage', pageUrl: n.pageUrl })).toEqual({ ok: true, data: [n] });
    const upd = await handleNoteRequest(db, { type: 'updateNote', id: n.id, patch: { text: 'hi' } }, { now: () => new Date('2025-07-01T00:00:00Z') });
    expect(upd).toMatchObject({ ok: true, data: { text: 'hi', updatedAt: '2025-07-01T00:00:00.000Z' } });
    expect(await handleNoteRequest(db, { type: 'listNotes', filter: { search: 'hi' } })).toMatchObject({ ok: true, data: [{ id: n.id }] });
    expect(await handleNoteRequest(db, { type: 'deleteNote', id: n.id })).toEqual({ ok: true, data: { deleted: true } });
  });

  it('answers malformed messages and invalid notes with { ok: false, error }', async () => {
    const { db } = fresh();
    expect(await handleNoteRequest(db, { type: 'notesForPage' })).toMatchObject({ ok: false, error: expect.stringMatching(/malformed message: pageUrl/) });
    expect(await handleNoteRequest(db, { type: 'saveNote', note: { id: 'x' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^malformed message: note\.id/),
    });
    expect(await db.notes.count()).toBe(0);
  });
});
