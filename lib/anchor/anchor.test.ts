import { describe, expect, it } from 'vitest';
import { anchorClaim, anchorClaims, normalizeString, TextIndex, type AnchorRange } from './index';

/** The text an anchor covers, read back from the segments (what a DOM Range would contain). */
function covered(segments: string[], r: AnchorRange | null): string | null {
  if (!r) return null;
  if (r.startNode === r.endNode) return segments[r.startNode]!.slice(r.startOffset, r.endOffset);
  let s = segments[r.startNode]!.slice(r.startOffset);
  for (let i = r.startNode + 1; i < r.endNode; i++) s += segments[i]!;
  return s + segments[r.endNode]!.slice(0, r.endOffset);
}

describe('normalizeString', () => {
  it('collapses whitespace, unifies quotes and dashes, folds case', () => {
    expect(normalizeString('  The\u00a0“talks”\n\n lasted – ‘briefly’ ')).toBe(`the "talks" lasted - 'briefly'`);
  });
  it('drops soft hyphens and zero-width joiners', () => {
    expect(normalizeString('nego\u00adtiations\u200d')).toBe('negotiations');
  });
});

describe('anchorClaim: exact', () => {
  it('finds a claim inside one node', () => {
    const nodes = ['Intro. ', 'Moscow and Kyiv agreed to swap prisoners. More text.'];
    const r = anchorClaim(nodes, 'Moscow and Kyiv agreed to swap prisoners.');
    expect(r).toMatchObject({ startNode: 1, startOffset: 0, endNode: 1, endOffset: 41, errors: 0 });
    expect(covered(nodes, r)).toBe('Moscow and Kyiv agreed to swap prisoners.');
  });

  it('spans nodes split mid-word (inline markup) without inventing spaces', () => {
    const nodes = ['The delegations met in Ist', 'anbul', ' on ', 'Mon', 'day for talks.'];
    const r = anchorClaim(nodes, 'The delegations met in Istanbul on Monday for talks.');
    expect(r).toMatchObject({ startNode: 0, startOffset: 0, endNode: 4, endOffset: 14 });
    expect(covered(nodes, r)).toBe('The delegations met in Istanbul on Monday for talks.');
  });

  it('ignores extra whitespace and newlines in the page', () => {
    const nodes = ['\n    Talks lasted   just over\n      an hour,', '\n  officials said.\n  '];
    const r = anchorClaim(nodes, 'Talks lasted just over an hour, officials said.');
    expect(covered(nodes, r)).toBe('Talks lasted   just over\n      an hour,\n  officials said.');
  });

  it('matches curly quotes and dashes against straight ones, and the reverse', () => {
    const page = ['Zelensky said it was “a step forward” — not peace.'];
    expect(covered(page, anchorClaim(page, 'Zelensky said it was "a step forward" - not peace.'))).toBe(page[0]);
    const straight = [`Kyiv's team said "no".`];
    expect(covered(straight, anchorClaim(straight, 'Kyiv’s team said “no”.'))).toBe(straight[0]);
  });

  it('puts a space between blocks only where asked (breakBefore)', () => {
    const nodes = ['The first paragraph ends here.', 'A second one starts.'];
    expect(anchorClaim(nodes, 'here. A second')).toBeNull();
    const r = anchorClaim(nodes, 'A second one starts.', { breakBefore: new Set([1]) });
    expect(r).toMatchObject({ startNode: 1, startOffset: 0 });
    expect(anchorClaim(nodes, 'ends here. A second', { breakBefore: new Set([1]) })).not.toBeNull();
  });

  it('is case-insensitive (text-transform does not change textContent, but pages vary)', () => {
    const nodes = ['BREAKING: Russia and Ukraine agree prisoner swap.'];
    expect(covered(nodes, anchorClaim(nodes, 'Russia and Ukraine agree prisoner swap.'))).toBe('Russia and Ukraine agree prisoner swap.');
  });

  it('returns null for a claim that is not on the page, and for empty input', () => {
    const nodes = ['Talks in Istanbul ended after an hour.', ' No ceasefire was agreed.'];
    expect(anchorClaim(nodes, 'The Kremlin announced a summit in Geneva next week.')).toBeNull();
    expect(anchorClaim(nodes, '')).toBeNull();
    expect(anchorClaim([], 'anything at all here')).toBeNull();
  });

  it('keeps offsets right across astral characters and NBSP', () => {
    const nodes = ['🇺🇦 Kyiv\u00a0said 1,000 prisoners would be freed. 🇷🇺'];
    const r = anchorClaim(nodes, 'Kyiv said 1,000 prisoners would be freed.');
    expect(covered(nodes, r)).toBe('Kyiv\u00a0said 1,000 prisoners would be freed.');
  });
});

describe('anchorClaim: repeated sentences', () => {
  const s = 'The humanitarian steps matter, but they are not a ceasefire.';
  const nodes = [s, ' Other text in between here. ', s, ' And a last paragraph. ', s];

  it('takes the first occurrence by default', () => {
    expect(anchorClaim(nodes, s)).toMatchObject({ startNode: 0 });
  });

  it('takes the occurrence nearest the hint', () => {
    const index = new TextIndex(nodes);
    const second = index.text.indexOf('the humanitarian', 10);
    expect(index.locate(s, { hint: second + 5 })).toMatchObject({ startNode: 2 });
    expect(index.locate(s, { hint: index.text.length })).toMatchObject({ startNode: 4 });
  });

  it('prefers an occurrence after `after`, falls back to the one before', () => {
    const index = new TextIndex(nodes);
    const afterFirst = index.locate(s)!.end;
    expect(index.locate(s, { after: afterFirst })).toMatchObject({ startNode: 2 });
    expect(index.locate(s, { after: index.text.length })).toMatchObject({ startNode: 4 });
  });

  it('anchorClaims walks forward so a pull quote does not steal a later body sentence', () => {
    const page = [
      'Talks began in Istanbul on Monday.',
      ' Neither side shook hands.', // pull quote repeating a later sentence
      ' The meeting ended quickly.',
      ' Neither side shook hands.',
    ];
    const index = new TextIndex(page);
    const [a, b, c] = anchorClaims(index, ['Talks began in Istanbul on Monday.', 'The meeting ended quickly.', 'Neither side shook hands.']);
    expect(a).toMatchObject({ startNode: 0 });
    expect(b).toMatchObject({ startNode: 2 });
    expect(c).toMatchObject({ startNode: 3 });
  });
});

describe('anchorClaim: fuzzy fallback', () => {
  it('finds a sentence the page changed slightly', () => {
    const nodes = [
      'Intro paragraph that is not relevant. ',
      'Kremlin aide Vladimir Medinsky said the exchange would involve between 1,000 and 1,200 prisoners of war. ',
      'Outro.',
    ];
    const claim = 'Kremlin aide Vladimir Medinski said the exchange would involve between 1000 and 1,200 prisoners of war.';
    const r = anchorClaim(nodes, claim);
    expect(r).not.toBeNull();
    expect(r!.errors).toBeGreaterThan(0);
    expect(r!.startNode).toBe(1);
    expect(covered(nodes, r)).toContain('Medinsky said the exchange');
  });

  it('tolerates a word the extraction dropped (e.g. an "opens in new window" note)', () => {
    const nodes = ['Ukraine had ', 'struck air bases (opens in new window)', ' with drones, Kyiv said.'];
    const r = anchorClaim(nodes, 'Ukraine had struck air bases with drones, Kyiv said.');
    expect(r).not.toBeNull();
    expect(r!.startNode).toBe(0);
    expect(r!.endNode).toBe(2);
  });

  it('does not join a head and a tail that are too far apart', () => {
    const nodes = [
      'Ukraine had struck air bases on Sunday. ',
      'A long stretch of unrelated reporting sits here, about weather, markets and sport results. ',
      'Russia responded with drones, Kyiv said.',
    ];
    expect(anchorClaim(nodes, 'Ukraine had struck air bases with drones, Kyiv said.')).toBeNull();
  });

  it('refuses matches that need too many edits', () => {
    const nodes = ['Russia fired 472 drones at Ukrainian cities overnight, officials said.'];
    expect(anchorClaim(nodes, 'Germany sent 90 tanks to Polish towns last week, ministers claimed.')).toBeNull();
  });

  it('does not fuzzy-match short claims, and exactOnly turns fuzzy off', () => {
    expect(anchorClaim(['Talks ended.'], 'Talk ended.')).toBeNull();
    const nodes = ['The talks lasted just over an hour on Monday, officials said.'];
    const claim = 'The talks lasted just over one hour on Monday, officials said.';
    expect(anchorClaim(nodes, claim)).not.toBeNull();
    expect(anchorClaim(nodes, claim, { exactOnly: true })).toBeNull();
  });

  it('prefers the fuzzy match nearest the hint among equally good ones', () => {
    const t = 'Both delegations agreed to exchange six thousand bodies of fallen soldiers.';
    const nodes = [t, ' Filler sentence number one. ', t];
    const claim = 'Both delegations agreed to exchange 6 thousand bodies of fallen soldiers.';
    const index = new TextIndex(nodes);
    expect(index.locate(claim)).toMatchObject({ startNode: 0 });
    expect(index.locate(claim, { hint: index.text.length })).toMatchObject({ startNode: 2 });
  });
});
