import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF, MIN_RECHECK_INTERVAL_MS, MUTATION_DEBOUNCE_MS, RecheckPacer, sameTextAction, textFingerprint } from './recheck';

describe('RecheckPacer: a live page is looked at again, less often while its text stays the same', () => {
  it('waits the quiet period at least, and the interval since the last look', () => {
    let now = 10_000;
    const pacer = new RecheckPacer(() => now);
    pacer.looked();
    expect(pacer.delay()).toBe(MIN_RECHECK_INTERVAL_MS);
    now += MIN_RECHECK_INTERVAL_MS * 10;
    expect(pacer.delay()).toBe(MUTATION_DEBOUNCE_MS);
  });

  it('doubles the interval per unchanged burst, up to a limit, and resets on a change', () => {
    const now = 10_000;
    const pacer = new RecheckPacer(() => now);
    pacer.looked();
    pacer.unchanged();
    expect(pacer.delay()).toBe(MIN_RECHECK_INTERVAL_MS * 2);
    for (let i = 0; i < 10; i++) pacer.unchanged();
    expect(pacer.delay()).toBe(MIN_RECHECK_INTERVAL_MS * 2 ** MAX_BACKOFF);
    pacer.changed();
    expect(pacer.delay()).toBe(MIN_RECHECK_INTERVAL_MS);
  });
});

describe('textFingerprint', () => {
  it('changes when a word changes, not otherwise', () => {
    expect(textFingerprint('The talks lasted an hour.')).toBe(textFingerprint('The talks lasted an hour.'));
    expect(textFingerprint('The talks lasted an hour.')).not.toBe(textFingerprint('The talks lasted a day.'));
    expect(textFingerprint('abc')).toMatch(/^3:/);
  });
});

describe('sameTextAction', () => {
  const fresh = { hasAnalysis: true, stale: () => false };
  it('analyses unless a page change left the text as it was', () => {
    expect(sameTextAction('manual', 'a', 'a', fresh)).toBe('analyse');
    expect(sameTextAction('mutation', 'b', 'a', fresh)).toBe('analyse');
    expect(sameTextAction('mutation', 'a', 'a', fresh)).toBe('unchanged');
  });
  it('re-anchors when the page replaced the painted nodes', () => {
    expect(sameTextAction('mutation', 'a', 'a', { hasAnalysis: true, stale: () => true })).toBe('reanchor');
    expect(sameTextAction('mutation', 'a', 'a', { hasAnalysis: false, stale: () => true })).toBe('unchanged');
  });
});
