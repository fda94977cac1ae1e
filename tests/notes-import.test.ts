import { describe, expect, it, vi } from 'vitest';
import { MAX_LISTED_ISSUES, NoteWriteError, importNotes, importNotesFile, listNotes, parseNotesImport, saveNote, toJSON, type Note } from '../lib/notes';
import { buildNote, notesDbs } from './support/notes';

const fresh = notesDbs();

function note(i: number, over: Partial<Note> = {}): Note {
  const claim = `Kyiv said ${i} prisoners were freed on Monday.`;
  const pageText = `Paragraph ${i}. ${claim} End.`;
  const n = buildNote({
    n: i,
    at: new Date(Date.UTC(2025, 5, 2, 10, i)),
    claim,
    pageText,
    pageUrl: `https://news.example/${i % 2}`,
    claimVerdict: 'not_covered',
    tags: ['t'],
  });
  return { ...n, ...over };
}
const NOTES = [note(1), note(2), note(3)];
const FILE = toJSON(NOTES, { exportedAt: '2025-06-04T00:00:00.000Z' });

describe('parseNotesImport: errors, nothing returned to write', () => {
  it('accepts a valid export (with or without a BOM)', () => {
    const r = parseNotesImport(FILE);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.notes).toEqual(NOTES);
    expect(parseNotesImport('\uFEFF' + FILE).ok).toBe(true);
  });

  it('malformed JSON', () => {
    const r = parseNotesImport(FILE.slice(0, -20));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^This file is not valid JSON/);
    expect(r).not.toHaveProperty('value');
  });

  it('a foreign file: another format, an array, a Web Annotation export, null', () => {
    for (const other of [
      { format: 'hypothesis-export', notes: [] },
      [],
      { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' },
      null,
    ]) {
      const r = parseNotesImport(JSON.stringify(other));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^This is not a Crosscheck notes file/);
    }
    const r = parseNotesImport(JSON.stringify({ format: 'hypothesis-export' }));
    if (!r.ok) expect(r.issues).toEqual(['format: expected "crosscheck-notes", got "hypothesis-export"']);
  });

  it('an unknown version (newer, or not a number)', () => {
    const obj = JSON.parse(FILE);
    const newer = parseNotesImport(JSON.stringify({ ...obj, version: 2 }));
    expect(newer).toMatchObject({ ok: false, error: expect.stringMatching(/newer version of Crosscheck \(format version 2\)/) });
    const odd = parseNotesImport(JSON.stringify({ ...obj, version: '1' }));
    expect(odd).toMatchObject({ ok: false, error: expect.stringMatching(/unknown format version/) });
  });

  it('any invalid note rejects the whole file, listing the first issues with their paths', () => {
    const obj = JSON.parse(FILE);
    obj.notes[1].claimVerdict = 'true';
    delete obj.notes[2].claimText;
    obj.notes[2].target.selectors[1].end = -1;
    const r = parseNotesImport(JSON.stringify(obj));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^Nothing was imported: 2 notes are not valid:\n- /);
    expect(r.error).toContain('notes[1].claimVerdict:');
    expect(r.error).toContain('notes[2].claimText:');
    expect(r.error).toContain('notes[2].target.selectors[1].end:');
    expect(r).not.toHaveProperty('value');
  });

  it('lists at most MAX_LISTED_ISSUES issues and counts the rest', () => {
    const obj = JSON.parse(FILE);
    obj.notes = Array.from({ length: 8 }, (_, i) => ({ ...note(10 + i), id: `bad-${i}` }));
    const r = parseNotesImport(JSON.stringify(obj));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(8);
    expect(r.error.split('\n- ')).toHaveLength(1 + MAX_LISTED_ISSUES + 1);
    expect(r.error).toMatch(/and 3 more$/);
  });

  it('the same id twice in one file', () => {
    // toJSON orders by createdAt, so the copy lands right after the original
    const r = parseNotesImport(toJSON([NOTES[0]!, NOTES[1]!, { ...NOTES[0]!, text: 'changed' }], { exportedAt: '2025-06-04T00:00:00Z' }));
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/same note more than once[\s\S]*notes\[1\]\.id: the same id as notes\[0\]/) });
  });
});

describe('importNotes', () => {
  it('adds all notes; importing the same file again adds nothing', async () => {
    const db = fresh();
    const parsed = parseNotesImport(FILE);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await importNotes(db, parsed.value)).toEqual({ added: 3, skipped: 0, updated: 0 });
    expect(await importNotes(db, parsed.value)).toEqual({ added: 0, skipped: 3, updated: 0 });
    expect(await db.notes.count()).toBe(3);
    expect((await listNotes(db)).map((n) => n.id).sort()).toEqual(NOTES.map((n) => n.id).sort());
  });

  it('the newer copy of a changed note wins: a newer import updates, an older one is skipped', async () => {
    const db = fresh();
    await saveNote(db, NOTES[0]!);
    await saveNote(db, { ...NOTES[1]!, text: 'edited here later', updatedAt: '2025-06-10T00:00:00.000Z' });
    const incoming = [
      { ...NOTES[0]!, text: 'edited elsewhere', updatedAt: '2025-06-05T00:00:00.000Z' }, // newer than stored → updated
      NOTES[1]!, // older than the stored edit → skipped, local kept
      NOTES[2]!, // new → added
    ];
    expect(await importNotes(db, incoming)).toEqual({ added: 1, skipped: 1, updated: 1 });
    expect((await db.notes.get(NOTES[0]!.id))!.text).toBe('edited elsewhere');
    expect((await db.notes.get(NOTES[1]!.id))!.text).toBe('edited here later');
  });

  it('replaces a stored row that is no longer valid', async () => {
    const db = fresh();
    await db.notes.put({ id: NOTES[0]!.id, pageUrl: 'x' } as unknown as Note);
    expect(await importNotes(db, [NOTES[0]!])).toEqual({ added: 0, skipped: 0, updated: 1 });
    expect(await db.notes.get(NOTES[0]!.id)).toEqual(NOTES[0]);
  });

  it('all or nothing: a failure part-way through leaves the database exactly as before', async () => {
    const db = fresh();
    const existing = note(50);
    await saveNote(db, existing);
    const before = await db.notes.toArray();
    const realPut = db.notes.put.bind(db.notes);
    let calls = 0;
    const failingPut = (async (...args: Parameters<typeof realPut>) => {
      if (++calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut(...args);
    }) as unknown as typeof realPut;
    const spy = vi.spyOn(db.notes, 'put').mockImplementation(failingPut);
    const err = await importNotes(db, [...NOTES, note(4)]).catch((e) => e);
    spy.mockRestore();
    expect(calls).toBe(3); // two notes really were written inside the transaction before the failure
    expect(err).toBeInstanceOf(NoteWriteError);
    expect(err).toMatchObject({ reason: 'quota', message: expect.stringMatching(/^Could not import the notes: .*Nothing was saved/) });
    expect(await db.notes.toArray()).toEqual(before);
  });

  it('importNotesFile: one call for the UI; a bad file writes nothing', async () => {
    const db = fresh();
    expect(await importNotesFile(db, '{"format":"crosscheck-notes","version":1,"exportedAt":"2025-06-04T00:00:00Z","notes":[{}]}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/1 note is not valid/),
    });
    expect(await db.notes.count()).toBe(0);
    expect(await importNotesFile(db, FILE)).toEqual({ ok: true, counts: { added: 3, skipped: 0, updated: 0 } });
    db.close();
    expect(await importNotesFile(db, FILE)).toMatchObject({ ok: false, error: expect.stringMatching(/database is closed/) });
  });
});
