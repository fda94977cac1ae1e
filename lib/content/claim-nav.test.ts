import { describe, expect, it } from 'vitest';
import { announcement, claimToVisit } from './claim-nav';

// Painted out of order (index 2 is highest on the page), as a re-analysis can number them.
const claims = [
  { index: 0, top: 300, left: 10 },
  { index: 1, top: 500, left: 10 },
  { index: 2, top: 100, left: 10 },
  { index: 3, top: 300, left: 200 },
];

describe('claimToVisit', () => {
  it('goes in reading order (top, then left) from the current claim', () => {
    expect(claimToVisit(claims, 2, 'next')).toBe(0);
    expect(claimToVisit(claims, 0, 'next')).toBe(3);
    expect(claimToVisit(claims, 3, 'next')).toBe(1);
    expect(claimToVisit(claims, 3, 'previous')).toBe(0);
  });

  it('wraps round at both ends', () => {
    expect(claimToVisit(claims, 1, 'next')).toBe(2);
    expect(claimToVisit(claims, 2, 'previous')).toBe(1);
  });

  it('with no current claim, starts from the top of the screen', () => {
    expect(claimToVisit(claims, null, 'next', 0)).toBe(2);
    expect(claimToVisit(claims, null, 'next', 250)).toBe(0);
    expect(claimToVisit(claims, null, 'previous', 250)).toBe(2);
    expect(claimToVisit(claims, null, 'previous', 50)).toBe(1);
    expect(claimToVisit(claims, null, 'next', 900)).toBe(2);
  });

  it('treats a claim no longer painted as no current claim; null when nothing is painted', () => {
    expect(claimToVisit(claims, 9, 'next', 0)).toBe(2);
    expect(claimToVisit([], null, 'next')).toBeNull();
  });
});

describe('announcement', () => {
  it('says the verdict, then the claim, on one line and shortened', () => {
    expect(announcement('Contradicted', 'The talks\n lasted  four hours.')).toBe('Contradicted: The talks lasted four hours.');
    const long = announcement('Mixed', 'x'.repeat(500), 20);
    expect(long).toHaveLength('Mixed: '.length + 20);
    expect(long.endsWith('…')).toBe(true);
  });
});
