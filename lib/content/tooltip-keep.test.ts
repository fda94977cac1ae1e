import { describe, expect, it } from 'vitest';
import { currentClaimIndex, findClaimAgain, followClaim } from './tooltip-model';

describe('findClaimAgain (item 10: a repaint keeps the open tooltip on its claim)', () => {
  const painted = (texts: string[]) => texts.map((text, index) => ({ index, text }));
  it('keeps the same claim when nothing moved', () => {
    expect(findClaimAgain({ index: 1, text: 'B' }, painted(['A', 'B', 'C']))).toBe(1);
  });
  it('follows the claim when a live update renumbered the claims', () => {
    expect(findClaimAgain({ index: 1, text: 'B' }, painted(['New', 'A', 'B', 'C']))).toBe(2);
  });
  it('chooses the nearest of repeated claims', () => {
    expect(findClaimAgain({ index: 4, text: 'R' }, painted(['R', 'x', 'y', 'z', 'w', 'R']))).toBe(5);
  });
  it('gives up when the claim is gone (or no longer painted)', () => {
    expect(findClaimAgain({ index: 1, text: 'B' }, painted(['A', 'C']))).toBeNull();
    expect(
      findClaimAgain({ index: 1, text: 'B' }, [
        { index: 0, text: 'A' },
        { index: 2, text: 'C' },
      ]),
    ).toBeNull();
  });
});

describe('followClaim and currentClaimIndex (a repaint or re-analysis renumbered the claims)', () => {
  const claims = [{ text: 'New' }, { text: 'A' }, { text: 'B' }];
  it('follows the open claim to its new painted place, or gives up', () => {
    const painted = [
      { index: 1, ranges: 'r1' },
      { index: 2, ranges: 'r2' },
    ];
    expect(followClaim({ index: 1, text: 'B' }, painted, claims)).toEqual({ index: 2, ranges: 'r2' });
    expect(followClaim({ index: 1, text: 'Gone' }, painted, claims)).toBeNull();
    expect(followClaim({ index: 0, text: 'New' }, painted, claims)).toBeNull(); // not painted
  });
  it('saves a note on the claim the tooltip was opened on', () => {
    expect(currentClaimIndex({ index: 1, text: 'B' }, 1, claims)).toBe(2);
    expect(currentClaimIndex({ index: 2, text: 'B' }, 2, claims)).toBe(2);
    expect(currentClaimIndex({ index: 1, text: 'Gone' }, 1, claims)).toBe(1);
    expect(currentClaimIndex(null, 1, claims)).toBe(1);
  });
});
