import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, coverageOf, mergeAnalyses, splitForAnalysis } from './chunks';
import { MAX_TEXT_CHARS, type Analysis } from '../messages';

const para = (i: number, words = 20) => `Paragraph ${i} ${'word '.repeat(words).trim()}.`;

describe('splitForAnalysis (item 8: long pages are checked in full, in parts)', () => {
  it('keeps an ordinary article in one part, the text unchanged', () => {
    const text = [1, 2, 3].map((i) => para(i)).join('\n\n');
    const parts = splitForAnalysis(text);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ start: 0, end: text.length, text, paragraphs: [1, 3] });
  });

  it('cuts a long text at paragraph boundaries into parts no longer than the limit, covering every paragraph', () => {
    const paras = Array.from({ length: 876 }, (_, i) => para(i + 1, 100));
    const text = paras.join('\n\n');
    expect(text.length).toBeGreaterThan(MAX_TEXT_CHARS);
    const parts = splitForAnalysis(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(CHUNK_CHARS);
      expect(p.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
      expect(text.slice(p.start, p.end)).toBe(p.text);
      expect(p.text.startsWith('Paragraph ')).toBe(true);
      expect(p.text.endsWith('.')).toBe(true);
    }
    // In order, contiguous paragraph numbers, the last part ends with the last paragraph.
    expect(parts[0]!.paragraphs[0]).toBe(1);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.paragraphs[0]).toBe(parts[i - 1]!.paragraphs[1] + 1);
    expect(parts.at(-1)!.paragraphs[1]).toBe(876);
    expect(parts.at(-1)!.end).toBe(text.length);
  });

  it('splits a single paragraph longer than the limit between sentences', () => {
    const sentence = 'The delegations met in Istanbul on Monday for talks. ';
    const text = sentence.repeat(100).trim();
    const parts = splitForAnalysis(text, 1000);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(1000);
      expect(p.text.endsWith('.')).toBe(true);
      expect(text.slice(p.start, p.end)).toBe(p.text);
    }
    expect(parts.map((p) => p.text).join(' ')).toBe(text);
  });

  it('returns no part for empty text', () => {
    expect(splitForAnalysis('')).toEqual([]);
  });
});

function analysis(claims: Array<{ text: string; start: number }>, sources: string[], extra: Partial<Analysis> = {}): Analysis {
  return {
    url: 'https://news.example/long',
    contentHash: 'h',
    engineVersion: 'v1',
    analysedAt: 10,
    cached: true,
    ms: 5,
    sources: sources.map((id) => ({ id, title: id, outlet: null, date: null })),
    claims: claims.map((c) => ({ text: c.text, start: c.start, end: c.start + c.text.length, verdict: 'corroborated', evidence: [] })),
    ...extra,
  };
}

describe('mergeAnalyses and coverageOf', () => {
  it('puts the parts together: claims in page order with offsets in the whole text, sources once', () => {
    const text = ['A first claim here.', 'A second claim there.', 'A third claim too.'].join('\n\n');
    const parts = splitForAnalysis(text, 25);
    expect(parts).toHaveLength(3);
    const merged = mergeAnalyses(
      parts.map((chunk, i) => ({
        chunk,
        analysis: analysis([{ text: chunk.text, start: 0 }], ['s1', `s${i + 2}`], { cached: i !== 1, ms: 10 * (i + 1), analysedAt: 100 + i }),
      })),
    );
    expect(merged.claims.map((c) => text.slice(c.start, c.end))).toEqual(merged.claims.map((c) => c.text));
    expect(merged.claims.map((c) => c.text)).toEqual(parts.map((p) => p.text));
    expect(merged.sources.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
    expect(merged.cached).toBe(false);
    expect(merged.ms).toBe(60);
    expect(merged.analysedAt).toBe(102);
  });

  it('says how much was checked', () => {
    const text = Array.from({ length: 10 }, (_, i) => para(i + 1, 10)).join('\n\n');
    const parts = splitForAnalysis(text, 200);
    expect(coverageOf(parts, parts.length)).toMatchObject({
      parts: parts.length,
      checkedParts: parts.length,
      complete: true,
      paragraphs: 10,
      checkedParagraphs: 10,
      totalChars: text.length,
    });
    const partial = coverageOf(parts, 1);
    expect(partial.complete).toBe(false);
    expect(partial.checkedParagraphs).toBe(parts[0]!.paragraphs[1]);
    expect(partial.checkedChars).toBe(parts[0]!.end);
  });
});
