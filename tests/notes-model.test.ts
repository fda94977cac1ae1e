import { describe, expect, it } from 'vitest';
import {
  CONTEXT_CHARS,
  NoteSchema,
  NoteValidationError,
  buildTarget,
  canonicalNoteJson,
  makeNote,
  normalizePageUrl,
  normalizeTags,
  type NoteDeps,
} from '../lib/notes';
import { uuid } from './support/notes';

function fixedDeps(): NoteDeps {
  let i = 0;
  return { now: () => new Date('2025-06-02T10:00:00.000Z'), uuid: () => uuid(++i) };
}

const PAGE =
  'The second round of talks in Istanbul was short. ' + 'Russia and Ukraine agreed to swap 1,000 prisoners each, Medinsky said. ' + 'No ceasefire was agreed.';
const CLAIM = 'Russia and Ukraine agreed to swap 1,000 prisoners each, Medinsky said.';

describe('normalizeTags', () => {
  it('trims, lower-cases, collapses spaces, splits on , and ;, drops empties and duplicates in first-seen order', () => {
    expect(normalizeTags(['  Ceasefire ', 'POWs', 'ceasefire', 'prisoner   swap', '', 'a;b'])).toEqual(['ceasefire', 'pows', 'prisoner swap', 'a', 'b']);
    expect(normalizeTags('Ceasefire, POWs ,, ceasefire')).toEqual(['ceasefire', 'pows']);
    expect(normalizeTags(undefined)).toEqual([]);
  });
});

describe('makeNote', () => {
  it('builds a valid note with W3C selectors and up to 32 characters of context each side', () => {
    const start = PAGE.indexOf(CLAIM);
    const n = makeNote(
      {
        pageUrl: 'https://news.example/talks#comments',
        pageTitle: '  Talks \n in Istanbul ',
        pageText: PAGE,
        start,
        end: start + CLAIM.length,
        claimVerdict: 'corroborated',
        evidence: [
          {
            source: '001_b42b158ef8421104',
            quote: 'They agreed to swap 1,000 prisoners each.',
            stance: 'supports',
            reason: 'same figure: 1,000 each',
            score: 3,
          } as never,
        ],
        text: 'Check the numbers.',
        tags: ['Prisoners', ' prisoners ', 'Istanbul'],
      },
      fixedDeps(),
    );
    expect(NoteSchema.safeParse(n).success).toBe(true);
    expect(n).toMatchObject({
      id: uuid(1),
      pageUrl: 'https://news.example/talks',
      pageTitle: 'Talks in Istanbul',
      claimText: CLAIM,
      claimVerdict: 'corroborated',
      tags: ['prisoners', 'istanbul'],
      readerVerdict: null,
      readerReason: '',
      createdAt: '2025-06-02T10:00:00.000Z',
      updatedAt: '2025-06-02T10:00:00.000Z',
      schemaVersion: 2,
    });
    expect(n.evidence).toEqual([
      { source: '001_b42b158ef8421104', quote: 'They agreed to swap 1,000 prisoners each.', stance: 'supports', reason: 'same figure: 1,000 each' },
    ]);
    const [q, p] = n.target.selectors;
    expect(q).toEqual({
      type: 'TextQuoteSelector',
      exact: CLAIM,
      prefix: PAGE.slice(start - CONTEXT_CHARS, start),
      suffix: PAGE.slice(start + CLAIM.length, start + CLAIM.length + CONTEXT_CHARS),
    });
    expect(q.prefix).toHaveLength(32);
    expect(p).toEqual({ type: 'TextPositionSelector', start, end: start + CLAIM.length });
  });

  it('takes shorter context at the edges of the text', () => {
    const t = buildTarget('Short text.', 0, 5);
    expect(t.selectors[0]).toMatchObject({ exact: 'Short', prefix: '', suffix: ' text.' });
  });

  it('never cuts a surrogate pair in the context', () => {
    // 'x'/'y' make the 32-unit boundary fall inside a pair on both sides
    const text = '🇺🇦'.repeat(20) + 'x' + 'Kyiv said so.' + 'y' + '🇷🇺'.repeat(20);
    const start = text.indexOf('Kyiv');
    const t = buildTarget(text, start, start + 'Kyiv said so.'.length);
    for (const s of [t.selectors[0].prefix, t.selectors[0].suffix]) {
      expect(s.length).toBe(31);
      expect(() => encodeURIComponent(s)).not.toThrow(); // throws on a lone surrogate
    }
  });

  it('rejects bad offsets and invalid input with every issue listed, returning nothing', () => {
    expect(() => makeNote({ pageUrl: 'https://x.example/', pageText: 'abc', start: 2, end: 2, claimVerdict: 'mixed' }, fixedDeps())).toThrow(/cannot be empty/);
    expect(() => makeNote({ pageUrl: 'https://x.example/', pageText: 'abc', start: 0, end: 9, claimVerdict: 'mixed' }, fixedDeps())).toThrow(
      NoteValidationError,
    );
    try {
      makeNote({ pageUrl: '', pageText: 'abc', start: 0, end: 3, claimVerdict: 'maybe' as never }, fixedDeps());
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NoteValidationError);
      const issues = (e as NoteValidationError).issues.join('\n');
      expect(issues).toMatch(/pageUrl/);
      expect(issues).toMatch(/claimVerdict/);
    }
  });

  it('normalizePageUrl drops only the fragment and keeps non-URLs as given', () => {
    expect(normalizePageUrl(' https://a.example/x?y=1#top ')).toBe('https://a.example/x?y=1');
    expect(normalizePageUrl('not a url')).toBe('not a url');
  });

  it('canonicalNoteJson ignores key order', () => {
    const n = makeNote({ pageUrl: 'https://a.example/', pageText: PAGE, start: 0, end: 10, claimVerdict: 'mixed' }, fixedDeps());
    const reordered = Object.fromEntries(Object.entries(n).reverse()) as typeof n;
    expect(canonicalNoteJson(reordered)).toBe(canonicalNoteJson(n));
  });
});
