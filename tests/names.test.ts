/** Spelling variants of names (lib/corpus/names.ts): by transliteration skeleton, never by a list. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaroWinkler, NameTable, sameName, skeleton } from '../lib/corpus/names';

describe('sameName', () => {
  it('transliterations and noisy spellings of one name meet', () => {
    for (const [a, b] of [
      ['kyiv', 'kiev'],
      ['kief', 'kiev'],
      ['zelenskiy', 'zelensky'],
      ['zelenskyy', 'zelensky'],
      ['umierov', 'umerov'],
      ['medeski', 'medinsky'],
      ['dormabach', 'dolmabahce'],
      ['odesa', 'odessa'],
      ['shoigu', 'shoygu'],
    ]) {
      expect(sameName(a, b), `${a} ~ ${b}`).toBe(true);
    }
  });
  it('distinct names do not, even when close', () => {
    for (const [a, b] of [
      ['iran', 'iraq'],
      ['austria', 'australia'],
      ['trump', 'truman'],
      ['lavrov', 'lavrentiev'],
      ['medinsky', 'medvedev'],
      ['sumy', 'samy'],
      ['putin', 'pushkin'],
    ]) {
      expect(sameName(a, b), `${a} ≁ ${b}`).toBe(false);
    }
  });
  it('is symmetric and reflexive', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{3,9}$/), fc.stringMatching(/^[a-z]{3,9}$/), (a, b) => sameName(a, b) === sameName(b, a) && sameName(a, a)));
  });
  it('Jaro–Winkler is 1 for equal strings and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const j = jaroWinkler(a, b);
        return j >= 0 && j <= 1 && jaroWinkler(a, a) === 1;
      }),
    );
    expect(skeleton('Zelenskyy')).toBe(skeleton('Zelenskiy'));
  });
});

describe('NameTable', () => {
  it("finds a name's spellings among the corpus names only", () => {
    const t = new NameTable();
    for (const n of ['kiev', 'kief', 'moscow', 'zelenskiy']) t.add(n);
    expect(t.variants('kyiv').sort()).toEqual(['kief', 'kiev']);
    expect(t.variants('zelensky')).toEqual(['zelenskiy']);
    expect(t.variants('odesa')).toEqual([]);
    expect(t.has('moscow')).toBe(true);
  });
});
