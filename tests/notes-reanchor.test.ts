import { describe, expect, it } from 'vitest';
import { anchorClaim } from '../lib/anchor';
import { ReanchorPage, makeNote, reanchor, reanchorNotes, textPositionOf, type Note } from '../lib/notes';

const CLAIM = 'Russia and Ukraine agreed to swap 1,000 prisoners each, Medinsky said.';

/** Text nodes of an article, one per paragraph (with the whitespace a DOM keeps between blocks). */
const PAGE = [
  'Delegations met at the Ciragan Palace in Istanbul on Monday.\n',
  'The meeting lasted just over an hour. ',
  CLAIM,
  ' He added that talks would continue.\n',
  'No ceasefire was agreed.',
];

let n = 0;
/** A note made the way the tooltip makes one: anchored in the live nodes, offsets in nodes.join(''). */
function noteOn(segments: string[], claim: string): Note {
  const r = anchorClaim(segments, claim)!;
  const { start, end } = textPositionOf(segments, r);
  const i = ++n;
  return makeNote(
    { pageUrl: 'https://news.example/a', pageText: segments.join(''), start, end, claimText: claim, claimVerdict: 'corroborated' },
    { now: () => new Date('2025-06-02T10:00:00Z'), uuid: () => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
  );
}

describe('reanchor', () => {
  it('unchanged page: anchored exactly where the note was made', () => {
    const note = noteOn(PAGE, CLAIM);
    const r = reanchor(note, PAGE);
    expect(r.status).toBe('anchored');
    expect(r.matched).toBe(CLAIM);
    expect(r.position).toEqual({ start: note.target.selectors[1].start, end: note.target.selectors[1].end });
    expect(r.range).toMatchObject({ startNode: 2, startOffset: 0, endNode: 2, endOffset: CLAIM.length, errors: 0 });
  });

  it('shifted text (a paragraph inserted before): anchored at the new place', () => {
    const note = noteOn(PAGE, CLAIM);
    const inserted = 'UPDATE: This article has been updated with comments from Kyiv.\n';
    const page2 = [inserted, ...PAGE];
    const r = reanchor(note, page2);
    expect(r.status).toBe('anchored');
    expect(r.matched).toBe(CLAIM);
    expect(r.range).toMatchObject({ startNode: 3, startOffset: 0 });
    expect(r.position!.start).toBe(note.target.selectors[1].start + inserted.length);
  });

  it('repeated quote: the stored prefix/suffix pick the right copy even when another is nearer the old position', () => {
    const pull = 'Prisoners will be freed.';
    const page = ['Pull quote: ', pull, ' End of box.\n', 'Later the minister spoke. ', pull, ' Both sides confirmed it.'];
    const joined = page.join('');
    const start = joined.lastIndexOf(pull); // the note is on the second copy
    const second = makeNote(
      { pageUrl: 'https://news.example/a', pageText: joined, start, end: start + pull.length, claimVerdict: 'mixed' },
      { now: () => new Date('2025-06-02T10:00:00Z'), uuid: () => '00000000-0000-4000-8000-0000000000aa' },
    );
    // a longer box label moves the FIRST copy to about where the second one was
    const edited = [...page];
    edited[0] = 'Pull quote from an interview given to reporters in Istanbul earlier that day: ';
    const firstNow = edited[0].length;
    expect(Math.abs(firstNow - start)).toBeLessThan(10);
    const r = reanchor(second, edited);
    expect(r.status).toBe('anchored');
    expect(r.range!.startNode).toBe(4);
  });

  it('repeated quote with identical context: the copy nearest the stored position wins', () => {
    const s = 'Talks resumed.';
    const page = [`A. ${s} B.\n`, 'filler '.repeat(20), `A. ${s} B.\n`];
    const joined = page.join('');
    const start = joined.lastIndexOf(s);
    const note = makeNote(
      { pageUrl: 'https://x.example/', pageText: joined, start, end: start + s.length, claimVerdict: 'mixed' },
      { now: () => new Date(0), uuid: () => '00000000-0000-4000-8000-0000000000bb' },
    );
    expect(reanchor(note, page).range!.startNode).toBe(2);
  });

  it('slightly edited claim: found fuzzily, with the text as it now reads', () => {
    const note = noteOn(PAGE, CLAIM);
    const edited = 'Russia and Ukraine agreed to exchange 1,000 prisoners each, Medinsky said.';
    const page2 = PAGE.map((s) => (s === CLAIM ? edited : s));
    const r = reanchor(note, page2);
    expect(r.status).toBe('fuzzy');
    expect(r.matched).toBe(edited);
    expect(r.range!.errors).toBeGreaterThan(0);
    expect(r.quote).toBe(CLAIM);
  });

  it('removed text: orphaned, the quote kept so the note can still be listed', () => {
    const note = noteOn(PAGE, CLAIM);
    const page2 = PAGE.filter((s) => s !== CLAIM);
    const r = reanchor(note, page2);
    expect(r).toEqual({ status: 'orphaned', quote: CLAIM });
    expect(reanchor(note, [])).toEqual({ status: 'orphaned', quote: CLAIM });
  });

  it('a quote split across inline nodes (a link inside the sentence) still anchors', () => {
    const note = noteOn(PAGE, CLAIM);
    const split = [PAGE[0]!, PAGE[1]!, 'Russia and ', 'Ukraine', ' agreed to swap 1,000 prisoners each, Medinsky said.', PAGE[3]!, PAGE[4]!];
    const r = reanchor(note, split);
    expect(r.status).toBe('anchored');
    expect(r.range).toMatchObject({ startNode: 2, endNode: 4 });
    expect(r.matched).toBe(CLAIM);
  });

  it('reanchorNotes indexes the page once and answers per note id; accepts bare selectors too', () => {
    const a = noteOn(PAGE, CLAIM);
    const b = noteOn(PAGE, 'No ceasefire was agreed.');
    const page2 = PAGE.slice(0, 4); // last paragraph removed
    const m = reanchorNotes([a, b], page2);
    expect(m.get(a.id)!.status).toBe('anchored');
    expect(m.get(b.id)).toEqual({ status: 'orphaned', quote: 'No ceasefire was agreed.' });
    const page = new ReanchorPage(PAGE);
    expect(reanchor(b.target.selectors, page).status).toBe('anchored');
    expect(reanchor(b.target, page).status).toBe('anchored');
  });
});
