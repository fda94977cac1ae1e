import { describe, expect, it } from 'vitest';
import { findClaimAgain } from './tooltip-model';

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
    expect(findClaimAgain({ index: 1, text: 'B' }, [{ index: 0, text: 'A' }, { index: 2, text: 'C' }])).toBeNull();
  });
});
