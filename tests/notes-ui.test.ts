/**
 * The notes UI's pure logic (lib/notes-ui, lib/background/notes-access): links back to a note,
 * which claim a note belongs to, the editor's checks, stored anchor statuses, the notes page's
 * filters and exports, and which note requests a web page may send.
 */
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { importNotesFile, listNotes, makeNote, openNotesDb, parseNotesImport, saveNote, type NewNoteInput, type Note } from '../lib/notes';
import { NOTE_FRAGMENT_KEY, isWebUrl, noteIdFromHash, noteLinkUrl } from '../lib/notes-ui/link';
import { uuidV4, newUuid } from '../lib/notes-ui/uuid';
import { claimForSpan, notesByClaim } from '../lib/notes-ui/claims';
import {
  EMPTY_DRAFT,
  READER_VERDICT_CHOICES,
  checkDraft,
  draftFromNote,
  draftToPatch,
  noteCountLabel,
  readerVerdictFrom,
  readerVerdictLine,
} from '../lib/notes-ui/editor';
import { anchorKey, anchorNotice, anchorUpdates, anchorsFromStorage } from '../lib/notes-ui/anchor-store';
import {
  EMPTY_FORM,
  buildExport,
  filterByPlace,
  filterFromForm,
  formProblem,
  importSummary,
  isFiltered,
  pageChoices,
  slug,
  tagChoices,
} from '../lib/notes-ui/page';
import { PageNotesReplySchema, sortPageNotes, type PageNote } from '../lib/notes-ui/page-notes';
import { noteRequestAllowed } from '../lib/background/notes-access';
import { NoteEditor } from '../components/notes/NoteEditor';
import { buildNote, SWAP_CLAIM, uuid } from './support/notes';
import { NoteCard } from '../components/notes/NoteCard';
import { OrphanedNotes } from '../components/notes/PageNotesSection';

let seq = 0;
function note({ at = '2025-06-02T10:00:00.000Z', id, ...over }: Partial<NewNoteInput> & { at?: string; id?: number } = {}): Note {
  const n = id ?? ++seq;
  return buildNote({ n, at, claim: SWAP_CLAIM, pageText: `Intro. ${SWAP_CLAIM} Outro.`, pageTitle: 'Talks in Istanbul', ...over });
}

describe('note links (#crosscheck-note=<id>)', () => {
  it('adds the fragment to http(s) page URLs, replacing any fragment', () => {
    expect(noteLinkUrl('https://news.example/a?x=1#top', uuid(1))).toBe(`https://news.example/a?x=1#${NOTE_FRAGMENT_KEY}=${uuid(1)}`);
    expect(noteLinkUrl('http://127.0.0.1:8080/round2.html', uuid(2))).toBe(`http://127.0.0.1:8080/round2.html#crosscheck-note=${uuid(2)}`);
  });
  it('never makes a link of a javascript:, data: or unparseable URL', () => {
    expect(noteLinkUrl('javascript:alert(1)', uuid(1))).toBeNull();
    expect(noteLinkUrl('data:text/html,<b>x</b>', uuid(1))).toBeNull();
    expect(noteLinkUrl('not a url', uuid(1))).toBeNull();
    expect(isWebUrl('https://a.example/')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
  });
  it('reads the id back from a hash, alone or among other parameters; ignores anything that is not a note id', () => {
    const link = noteLinkUrl('https://news.example/a', uuid(7))!;
    expect(noteIdFromHash(new URL(link).hash)).toBe(uuid(7));
    expect(noteIdFromHash(`#a=1&crosscheck-note=${uuid(7).toUpperCase()}`)).toBe(uuid(7));
    expect(noteIdFromHash('#crosscheck-note=<img src=x>')).toBeNull();
    expect(noteIdFromHash('#crosscheck-note=%E0%A4%A')).toBeNull();
    expect(noteIdFromHash('#top')).toBeNull();
    expect(noteIdFromHash('')).toBeNull();
  });
});

describe('uuid', () => {
  it('makes RFC 4122 version-4 ids without crypto.randomUUID (insecure pages)', () => {
    const id = uuidV4((a) => a.fill(0xff));
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newUuid()).not.toBe(newUuid());
  });
  it('an id made that way is a valid note id', () => {
    expect(() =>
      makeNote({ pageUrl: 'http://a.example/', pageText: 'abc def', start: 0, end: 3, claimVerdict: 'mixed' }, { now: () => new Date(), uuid: uuidV4 }),
    ).not.toThrow();
  });
});

describe('which claim a note is on', () => {
  const claims = new Map([
    [0, { start: 0, end: 50 }],
    [1, { start: 51, end: 120 }],
    [2, { start: 200, end: 260 }],
  ]);
  it('picks the claim the note overlaps most; none when it overlaps no claim', () => {
    expect(claimForSpan(claims, { start: 0, end: 50 })).toBe(0);
    expect(claimForSpan(claims, { start: 40, end: 110 })).toBe(1);
    expect(claimForSpan(claims, { start: 130, end: 190 })).toBeNull();
    expect(claimForSpan(new Map(), { start: 0, end: 5 })).toBeNull();
  });
  it('groups note ids by claim, leaving out orphaned notes', () => {
    const m = notesByClaim(claims, [
      { id: 'a', span: { start: 0, end: 50 } },
      { id: 'b', span: null },
      { id: 'c', span: { start: 205, end: 250 } },
      { id: 'd', span: { start: 2, end: 40 } },
    ]);
    expect([...m]).toEqual([
      [0, ['a', 'd']],
      [2, ['c']],
    ]);
  });
});

describe('note editor', () => {
  it('refuses an empty draft and over-long fields, accepts a verdict or a tag alone', () => {
    expect(checkDraft(EMPTY_DRAFT)).toMatch(/Write a note/);
    expect(checkDraft({ ...EMPTY_DRAFT, text: '   ' })).toMatch(/Write a note/);
    expect(checkDraft({ ...EMPTY_DRAFT, readerVerdict: 'contradicted' })).toBeNull();
    expect(checkDraft({ ...EMPTY_DRAFT, tags: 'ceasefire' })).toBeNull();
    expect(checkDraft({ ...EMPTY_DRAFT, text: 'x'.repeat(50_001) })).toMatch(/too long/);
    expect(checkDraft({ ...EMPTY_DRAFT, tags: 'y'.repeat(65) })).toMatch(/too long/);
    expect(checkDraft({ ...EMPTY_DRAFT, tags: Array.from({ length: 51 }, (_, i) => `t${i}`).join(',') })).toMatch(/Too many tags/);
  });
  it('turns a draft into note fields (tags normalised, reason trimmed) and back', () => {
    const patch = draftToPatch({
      text: 'Checked it.\r\nTwice.  ',
      tags: 'Ceasefire, POWs;ceasefire',
      readerVerdict: 'contradicted',
      readerReason: '  the FT says 1 hour ',
    });
    expect(patch).toEqual({ text: 'Checked it.\nTwice.', tags: ['ceasefire', 'pows'], readerVerdict: 'contradicted', readerReason: 'the FT says 1 hour' });
    expect(draftFromNote({ ...patch })).toEqual({
      text: 'Checked it.\nTwice.',
      tags: 'ceasefire, pows',
      readerVerdict: 'contradicted',
      readerReason: 'the FT says 1 hour',
    });
  });
  it('offers "no verdict" and the four verdicts; words for counts and the reader verdict', () => {
    expect(READER_VERDICT_CHOICES.map((c) => c.value)).toEqual(['', 'corroborated', 'contradicted', 'mixed', 'not_covered']);
    expect(readerVerdictFrom('mixed')).toBe('mixed');
    expect(readerVerdictFrom('')).toBeNull();
    expect(readerVerdictFrom('bogus')).toBeNull();
    expect(noteCountLabel(1)).toBe('1 note');
    expect(noteCountLabel(2)).toBe('2 notes');
    expect(readerVerdictLine({ readerVerdict: 'contradicted', readerReason: 'the FT says 1 hour' })).toBe('You: Contradicted — the FT says 1 hour');
    expect(readerVerdictLine({ readerVerdict: null, readerReason: '' })).toBe('');
  });
});

describe('stored anchor statuses', () => {
  it('reads only well-formed noteAnchor: keys', () => {
    const m = anchorsFromStorage({
      settings: { x: 1 },
      [anchorKey('a')]: { status: 'orphaned', checkedAt: 1 },
      [anchorKey('b')]: { status: 'weird', checkedAt: 1 },
      [anchorKey('c')]: { status: 'anchored', checkedAt: 2 },
    });
    expect([...m.keys()]).toEqual(['a', 'c']);
  });
  it('writes only statuses that changed', () => {
    const u = anchorUpdates(
      new Map([
        ['a', 'orphaned'],
        ['b', 'anchored'],
      ]),
      new Map([['b', 'anchored']]),
      42,
    );
    expect(u).toEqual({ [anchorKey('a')]: { status: 'orphaned', checkedAt: 42 } });
  });
  it('words an orphaned note, says nothing for a found one', () => {
    expect(anchorNotice({ status: 'orphaned', checkedAt: Date.parse('2025-06-03T12:00:00Z') })).toMatch(/^Orphaned: .*\(2025-06-03\).*changed since/);
    expect(anchorNotice({ status: 'fuzzy', checkedAt: 0 })).toBeNull();
    expect(anchorNotice(undefined)).toBeNull();
  });
});

describe('notes page model', () => {
  it('turns the form into the library filter, leaving out empty fields and non-dates', () => {
    expect(filterFromForm(EMPTY_FORM)).toEqual({});
    expect(isFiltered(EMPTY_FORM)).toBe(false);
    const f = {
      ...EMPTY_FORM,
      search: ' swap ',
      page: 'https://news.example/a',
      verdict: 'mixed' as const,
      readerVerdict: 'none' as const,
      tag: 'POWs',
      from: '2025-06-01',
      to: 'junk',
    };
    expect(filterFromForm(f)).toEqual({
      search: 'swap',
      pageUrl: 'https://news.example/a',
      verdict: 'mixed',
      readerVerdict: 'none',
      tag: 'POWs',
      from: '2025-06-01',
    });
    expect(isFiltered(f)).toBe(true);
    expect(formProblem({ ...EMPTY_FORM, from: '2025-06-03', to: '2025-06-01' })).toMatch(/after/);
    expect(formProblem({ ...EMPTY_FORM, from: '2025-06-01', to: '2025-06-01' })).toBeNull();
  });
  it('the filter finds the right notes in the database (tag, reader verdict, whole "to" day)', async () => {
    const db = openNotesDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    await saveNote(db, note({ tags: ['POWs'], readerVerdict: 'contradicted', at: '2025-06-02T23:00:00.000Z' }));
    await saveNote(db, note({ tags: ['other'], at: '2025-06-03T01:00:00.000Z' }));
    expect(await listNotes(db, filterFromForm({ ...EMPTY_FORM, tag: 'pows' }))).toHaveLength(1);
    expect(await listNotes(db, filterFromForm({ ...EMPTY_FORM, readerVerdict: 'none' }))).toHaveLength(1);
    expect(await listNotes(db, filterFromForm({ ...EMPTY_FORM, to: '2025-06-02' }))).toHaveLength(1);
    db.close();
  });
  it('lists pages by title with counts, and the tags in use', () => {
    const a = note({ tags: ['b', 'a'] });
    const b = note({ pageUrl: 'https://news.example/b', pageTitle: '' });
    const c = note({ tags: ['a'], at: '2025-06-03T10:00:00.000Z', pageTitle: 'Talks (updated)' });
    expect(pageChoices([a, b, c])).toEqual([
      { url: 'https://news.example/b', label: 'https://news.example/b', count: 1 },
      { url: 'https://news.example/a', label: 'Talks (updated)', count: 2 },
    ]);
    expect(tagChoices([a, b, c])).toEqual(['a', 'b']);
  });
  it('filters by last known place', () => {
    const ns = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const st = new Map([
      ['a', { status: 'orphaned' as const }],
      ['b', { status: 'anchored' as const }],
    ]);
    expect(filterByPlace(ns, 'orphaned', st).map((n) => n.id)).toEqual(['a']);
    expect(filterByPlace(ns, 'found', st).map((n) => n.id)).toEqual(['b', 'c']);
    expect(filterByPlace(ns, '', st)).toHaveLength(3);
  });
  it('builds every export format with a dated file name and the right MIME type', () => {
    const ns = [note({ text: 'Checked.', tags: ['pows'], readerVerdict: 'contradicted', readerReason: 'FT' })];
    const now = new Date('2025-06-04T09:30:00.000Z');
    const md = buildExport('markdown', ns, { now, pageTitle: 'Talks in Istanbul' });
    expect(md.fileName).toBe('crosscheck-notes-talks-in-istanbul-2025-06-04.md');
    expect(md.mime).toMatch(/^text\/markdown/);
    expect(md.content).toMatch(/^# Crosscheck notes: Talks in Istanbul/);
    const csv = buildExport('csv', ns, { now });
    expect(csv.fileName).toBe('crosscheck-notes-2025-06-04.csv');
    expect(csv.content.startsWith('\uFEFFid,page_url')).toBe(true);
    const json = buildExport('json', ns, { now });
    expect(json.mime).toBe('application/json');
    expect(parseNotesImport(json.content).ok).toBe(true);
    const wa = buildExport('webAnnotation', ns, { now, uuid: () => uuid(99) });
    expect(wa.fileName.endsWith('.jsonld')).toBe(true);
    expect(JSON.parse(wa.content)).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    expect(slug('Ceasefire: “talks”, día 2 — Istanbul!')).toBe('ceasefire-talks-dia-2-istanbul');
  });
  it('export → import into an empty database → export gives the same file (but for exportedAt); importing twice adds nothing', async () => {
    const db1 = openNotesDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    for (const n of [note({ text: 'one' }), note({ text: 'two', at: '2025-06-03T10:00:00.000Z' })]) await saveNote(db1, n);
    const first = buildExport('json', await listNotes(db1), { now: new Date('2025-06-04T00:00:00Z') });
    const db2 = openNotesDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const r1 = await importNotesFile(db2, first.content);
    const r2 = await importNotesFile(db2, first.content);
    expect(r1.ok && importSummary(r1.counts)).toBe('Imported 2 notes: 2 added, 0 updated, 0 already there.');
    expect(r2.ok && importSummary(r2.counts)).toBe('Imported 2 notes: 0 added, 0 updated, 2 already there.');
    const second = buildExport('json', await listNotes(db2), { now: new Date('2025-06-05T00:00:00Z') });
    const strip = (s: string) => ({ ...JSON.parse(s), exportedAt: null });
    expect(strip(second.content)).toEqual(strip(first.content));
    expect(importSummary({ added: 0, updated: 0, skipped: 0 })).toMatch(/nothing was imported/);
    db1.close();
    db2.close();
  });
});

describe('page notes (content script → popup)', () => {
  it('validates the reply and sorts notes into per-claim, orphaned and elsewhere', () => {
    const a = note();
    const b = note();
    const c = note();
    const reply = PageNotesReplySchema.parse({
      pageUrl: 'https://news.example/a',
      notes: [
        { note: a, status: 'anchored', claimIndex: 3 },
        { note: b, status: 'orphaned', claimIndex: null },
        { note: c, status: 'fuzzy', claimIndex: null },
      ],
    });
    expect(reply.error).toBeNull();
    const s = sortPageNotes(reply.notes);
    expect(s.byClaim.get(3)?.map((n) => n.note.id)).toEqual([a.id]);
    expect(s.orphaned.map((n) => n.note.id)).toEqual([b.id]);
    expect(s.elsewhere.map((n) => n.note.id)).toEqual([c.id]);
    expect(PageNotesReplySchema.safeParse({ pageUrl: 'x', notes: [{ note: { id: 'nope' }, status: 'anchored', claimIndex: 0 }] }).success).toBe(false);
  });
});

describe('which note requests a web page may send (background)', () => {
  const ext = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
  const page = 'https://news.example/a?x=1#crosscheck-note=1';
  it('extension pages may send anything', () => {
    expect(noteRequestAllowed({ type: 'listNotes' }, `${ext}notes.html`, ext)).toEqual({ ok: true });
    expect(noteRequestAllowed({ type: 'deleteNote', id: 'x' }, `${ext}popup.html`, ext)).toEqual({ ok: true });
  });
  it('a page may read and save only its own notes', () => {
    expect(noteRequestAllowed({ type: 'notesForPage', pageUrl: 'https://news.example/a?x=1' }, page, ext)).toEqual({ ok: true });
    expect(noteRequestAllowed({ type: 'saveNote', note: { pageUrl: 'https://news.example/a?x=1' } }, page, ext)).toEqual({ ok: true });
    expect(noteRequestAllowed({ type: 'notesForPage', pageUrl: 'https://news.example/b' }, page, ext).ok).toBe(false);
    expect(noteRequestAllowed({ type: 'saveNote', note: { pageUrl: 'https://evil.example/' } }, page, ext).ok).toBe(false);
    expect(noteRequestAllowed({ type: 'saveNote', note: null }, page, ext).ok).toBe(false);
    for (const type of ['listNotes', 'deleteNote', 'updateNote']) expect(noteRequestAllowed({ type }, page, ext).ok).toBe(false);
    expect(noteRequestAllowed({ type: 'notesForPage', pageUrl: page }, undefined, ext).ok).toBe(false);
  });
});

describe('notes components (static render)', () => {
  const n = note({
    text: 'Checked <b>twice</b>.',
    tags: ['pows'],
    readerVerdict: 'contradicted',
    readerReason: 'FT says 1 hour',
    pageUrl: 'javascript:alert(1)',
  });
  it('the editor has a "Note" box, tags, the reader-verdict select and reason, "Save note"', () => {
    const html = renderToStaticMarkup(createElement(NoteEditor, { onSave: async () => null, onCancel: () => {} }));
    expect(html).toMatch(/<label[^>]*for="[^"]+"[^>]*>Note<\/label>/);
    expect(html).toContain('>Tags<');
    expect(html).toContain('>Your verdict<');
    expect(html).toContain('I checked this: contradicted');
    expect(html).toContain('>Because<');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Save note<\/button>/);
  });
  it('a note card shows page, quote, verdicts, text as text, tags, dates; no link for a javascript: page URL', () => {
    const html = renderToStaticMarkup(createElement(NoteCard, { note: n, anchor: { status: 'orphaned', checkedAt: 0 }, onEdit: () => {}, onDelete: () => {} }));
    expect(html).toContain('Russia and Ukraine agreed to swap 1,000 prisoners each.');
    expect(html).toContain('Corroborated');
    expect(html).toContain('You: Contradicted — FT says 1 hour');
    expect(html).toContain('Checked &lt;b&gt;twice&lt;/b&gt;.');
    expect(html).toContain('pows');
    expect(html).toContain('Orphaned');
    expect(html).not.toContain('href="javascript:');
  });
  it('orphaned notes are listed with their stored quote', () => {
    const items: PageNote[] = [{ note: n, status: 'orphaned', claimIndex: null }];
    const html = renderToStaticMarkup(createElement(OrphanedNotes, { items }));
    expect(html).toContain('Orphaned notes on this page: the article changed since');
    expect(html).toContain('Russia and Ukraine agreed to swap 1,000 prisoners each.');
    expect(renderToStaticMarkup(createElement(OrphanedNotes, { items: [] }))).toBe('');
  });
});
