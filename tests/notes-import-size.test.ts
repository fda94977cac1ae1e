/**
 * Whatever the JSON export writes, the import reads (issue item 3): a backup of ~2,000 long notes
 * is larger than the old fixed limit (50,000,000 characters) and must import; the parse runs in
 * slices from a stream (a File's `stream()`), yielding to the page between slices, so the limit
 * is the browser's memory and the page stays responsive. Broken and foreign files still get clear
 * errors; and "Delete all" offers a JSON backup first.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { importNotesFile, makeNote, openNotesDb, parseNotesImport, parseNotesImportStream, toJSON, LIMITS, type Note, type NotesDB } from '../lib/notes';
import { deleteAllPrompt, backupBeforeDeleteAll } from '../lib/notes-ui/page';
import { uuid } from './support/notes';

/** The fixed limit the import had before: an export bigger than this was refused. */
const OLD_LIMIT = 50_000_000;
const COUNT = 2_000;

const dbs: NotesDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

/** A long note (the reader's text near the limit; quotes, "escapes" and non-ASCII included). */
function bigNote(i: number, textChars: number): Note {
  const pageText = `Intro ${i}. Kyiv said ${i} prisoners were freed on Monday. End.`;
  const claim = `Kyiv said ${i} prisoners were freed on Monday.`;
  const start = pageText.indexOf(claim);
  const para = `Note ${i}: "quoted" words, a back\\slash, Zelenskyy’s café, a tab\tand a line\n. `;
  const text = para.repeat(Math.ceil(textChars / para.length)).slice(0, textChars);
  return makeNote(
    {
      pageUrl: `https://news.example/${i % 40}`,
      pageTitle: `Talks ${i % 40}`,
      pageText,
      start,
      end: start + claim.length,
      claimVerdict: 'corroborated',
      evidence: [{ source: '001_b42b158ef8421104', quote: 'Both sides will free 1,000 prisoners.', stance: 'supports', reason: 'same figure' }],
      text,
      tags: ['pows', `batch ${i % 7}`],
    },
    { now: () => new Date(Date.UTC(2025, 5, 2, 0, 0, i)), uuid: () => uuid(i) },
  );
}

/** A Blob-like file whose stream() hands out the bytes in slices, as a browser's File does. */
function fileOf(text: string, sliceBytes = 1 << 20) {
  const bytes = new TextEncoder().encode(text);
  return {
    size: bytes.byteLength,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.byteLength; at += sliceBytes) controller.enqueue(bytes.subarray(at, at + sliceBytes));
          controller.close();
        },
      }),
  };
}

describe('a JSON export larger than the old fixed limit', () => {
  // ~38,000 characters of text per note: 2,000 notes make an export of ~78 MB.
  const notes = Array.from({ length: COUNT }, (_, i) => bigNote(i + 1, Math.min(LIMITS.text, 38_000)));
  const exported = toJSON(notes, { exportedAt: '2025-06-04T00:00:00.000Z' });

  it('is over the old limit (the point of the test)', () => {
    expect(exported.length).toBeGreaterThan(OLD_LIMIT);
  });

  it('parses from text: every note back, in order, equal to what was exported', () => {
    const r = parseNotesImport(exported);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.notes).toHaveLength(COUNT);
    expect(r.value.notes[0]).toEqual(notes[0]);
    expect(r.value.notes[COUNT - 1]).toEqual(notes[COUNT - 1]);
  }, 60_000);

  it('imports from a file stream in slices, yielding to the page between them, and writes all notes once', async () => {
    const db = openNotesDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    dbs.push(db);
    const yieldNow = vi.fn(async () => {});
    const r = await importNotesFile(db, fileOf(exported), { yieldNow, budgetMs: 0 });
    expect(r).toEqual({ ok: true, counts: { added: COUNT, skipped: 0, updated: 0 } });
    // One yield per slice at least: ~75 slices of 1 MB.
    expect(yieldNow.mock.calls.length).toBeGreaterThan(50);
    expect(await db.notes.count()).toBe(COUNT);
    expect(await db.notes.get(uuid(1234))).toEqual(notes[1233]);
  }, 120_000);
});

describe('the streaming parse keeps every check of the import', () => {
  const small = [bigNote(1, 100), bigNote(2, 100), bigNote(3, 100)];
  const FILE = toJSON(small, { exportedAt: '2025-06-04T00:00:00.000Z' });
  const stream = (text: string, slice = 7) => parseNotesImportStream(fileOf(text, slice), { yieldNow: async () => {}, budgetMs: 0 });

  it('the same result from a stream cut anywhere (even inside strings, escapes and multi-byte characters) as from the text', async () => {
    const whole = parseNotesImport(FILE);
    for (const slice of [1, 3, 7, 64, 1000]) expect(await stream(FILE, slice)).toEqual(whole);
    expect(await stream('\uFEFF' + FILE)).toEqual(whole);
  });

  it('broken JSON, truncated files and trailing garbage are "not valid JSON"', async () => {
    const mismatched = FILE.replace('"selectors": [', '"selectors": {');
    for (const bad of [
      FILE.slice(0, -20),
      FILE.slice(0, FILE.length / 2),
      `${FILE}}`,
      '',
      '{"format": "crosscheck-notes",, "version": 1}',
      '{"notes": [1 2]}',
      '{"notes": [{"a": 1]}]}',
      mismatched,
    ]) {
      const r = await stream(bad);
      expect(r, JSON.stringify(bad.slice(-30))).toMatchObject({ ok: false, error: expect.stringMatching(/^This file is not valid JSON/) });
    }
  });

  it('a foreign file is refused as soon as its format is known, without reading the rest', async () => {
    const huge = `{"format": "hypothesis-export", "rows": [${'{"a": 1},'.repeat(1000)}{"a": 1}]}`;
    let pulled = 0;
    const file = fileOf(huge, 64);
    const counted = { stream: () => file.stream().pipeThrough(new TransformStream({ transform: (c, ctl) => (pulled++, ctl.enqueue(c)) })) };
    const r = await parseNotesImportStream(counted, { yieldNow: async () => {}, budgetMs: 0 });
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^This is not a Crosscheck notes file/),
      issues: ['format: expected "crosscheck-notes", got "hypothesis-export"'],
    });
    expect(pulled).toBeLessThan(10);
    for (const other of [[], null, 12, { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' }]) {
      expect(await stream(JSON.stringify(other))).toMatchObject({ ok: false, error: expect.stringMatching(/^This is not a Crosscheck notes file/) });
    }
  });

  it('fields it does not know are skipped, as before (keys in any order)', async () => {
    const obj = JSON.parse(FILE);
    const reordered = { notes: obj.notes, generator: { name: 'x', list: [1, '}]"'] }, exportedAt: obj.exportedAt, version: 1, format: 'crosscheck-notes' };
    const r = await stream(JSON.stringify(reordered));
    expect(r.ok && r.value.notes).toEqual(small);
  });

  it('invalid notes are listed with their paths; nothing is returned to write', async () => {
    const obj = JSON.parse(FILE);
    obj.notes[1].claimVerdict = 'true';
    delete obj.notes[2].claimText;
    const r = await stream(JSON.stringify(obj));
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^Nothing was imported: 2 notes are not valid/) });
    if (!r.ok) expect(r.issues.join('\n')).toMatch(/notes\[1\]\.claimVerdict:[\s\S]*notes\[2\]\.claimText:/);
  });

  it('a note larger than any note Crosscheck writes is refused as not ours, without holding it', async () => {
    const obj = JSON.parse(FILE);
    obj.notes[0].text = 'x'.repeat(20_000_000);
    const r = await stream(JSON.stringify(obj), 1 << 20);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/notes\[0\] is larger than any note Crosscheck writes/) });
  });

  it('a file that cannot be read says so, and nothing is written', async () => {
    const db = openNotesDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    dbs.push(db);
    const broken = { stream: () => new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error('NotReadableError: the file changed on disk')) }) };
    expect(await importNotesFile(db, broken)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Could not read the file: .*the file changed on disk/),
    });
    expect(await db.notes.count()).toBe(0);
  });
});

describe('"Delete all" offers a JSON backup first', () => {
  it('the backup is the complete JSON export, and it imports back', () => {
    const notes = [bigNote(1, 50), bigNote(2, 50)];
    const file = backupBeforeDeleteAll(notes, new Date('2025-06-05T10:00:00Z'));
    expect(file.fileName).toBe('crosscheck-notes-2025-06-05.json');
    expect(file.mime).toBe('application/json');
    const back = parseNotesImport(file.content);
    expect(back.ok && back.value.notes).toEqual(notes);
  });

  it('the question names what will be lost, damaged notes included', () => {
    expect(deleteAllPrompt(3, 0)).toBe('Delete all 3 notes? This cannot be undone. Export them as JSON first if you may want them back.');
    expect(deleteAllPrompt(1, 2)).toMatch(/^Delete all 1 note and 2 damaged notes\? .*damaged notes cannot be exported/);
  });
});
