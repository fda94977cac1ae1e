import { describe, expect, it } from 'vitest';
import { addSources, dedupeSources, englishShare, MAX_SOURCE_BYTES, parseSource, SourceError } from '../lib/sources';
import { buildCorpus, setDocEnabled } from '../lib/corpus/index';
import { createEngineFromIndex } from '../lib/engine';
import { loadSeedDocsFromDisk } from '../scripts/seeds-node';
import { parseHtml } from './support/dom';

const ARTICLE =
  'Delegations from both countries met in Geneva on Tuesday to discuss the exchange of civilian detainees. ' +
  'Officials said that the Red Cross would supervise the transfer of 150 civilians from each side, and that the ' +
  'talks would continue in the coming weeks. The head of the Ukrainian delegation said that the meeting had been constructive.';

describe('parseSource', () => {
  it('reads text with a date line, markdown front matter and HTML metadata', () => {
    const t = parseSource({ name: 'a.txt', content: `date 2025-07-01\n${ARTICLE}` });
    expect(t.date).toBe('2025-07-01');
    expect(t.text.startsWith('Delegations')).toBe(true);
    const md = parseSource({
      name: 'b.md',
      content: `---\ntitle: Geneva talks\noutlet: Daily Ledger\ndate: 2025-07-02\n---\n# Heading\n\n**Delegations** met. [link](http://x) ${ARTICLE}`,
    });
    expect(md).toMatchObject({ title: 'Geneva talks', outlet: 'Daily Ledger', date: '2025-07-02' });
    expect(md.text).not.toMatch(/\*\*|\]\(|^#/m);
    const html = parseSource(
      {
        name: 'c.html',
        content: `<html><head><title>Geneva talks | Ledger</title><meta property="article:published_time" content="2025-07-03T10:00:00Z"></head><body><article><h1>Geneva talks</h1><p>${ARTICLE}</p><p>${ARTICLE}</p></article></body></html>`,
      },
      { parseHtml },
    );
    expect(html.date).toBe('2025-07-03');
    expect(html.text).toContain('Red Cross');
  });
  it('metadata given by the reader wins over what the text says', () => {
    const s = parseSource({ name: 'a.txt', content: `date 2025-07-01\n${ARTICLE}`, meta: { date: '2025-07-09', outlet: 'Mine' } });
    expect(s).toMatchObject({ date: '2025-07-09', outlet: 'Mine' });
  });
  it('refuses empty, binary, huge, unknown and non-English input with a clear message', () => {
    expect(() => parseSource({ name: 'e.txt', content: '   \n ' })).toThrow(/empty/);
    expect(() => parseSource({ name: 'b.txt', content: new Uint8Array([80, 75, 3, 4, 0, 0, 1]) })).toThrow(/binary/);
    expect(() => parseSource({ name: 'h.txt', content: 'a'.repeat(MAX_SOURCE_BYTES + 1) })).toThrow(/too large/);
    expect(() => parseSource({ name: 'x.pdf', content: ARTICLE })).toThrow(/unsupported/);
    const german = 'Die Delegationen beider Länder trafen sich am Dienstag in Genf, um über den Austausch von Gefangenen zu sprechen. '.repeat(4);
    expect(() => parseSource({ name: 'de.txt', content: german })).toThrow(SourceError);
    expect(englishShare(ARTICLE)).toBeGreaterThan(0.2);
  });
});

describe('adding sources', () => {
  it('detects the same article added twice', () => {
    const a = parseSource({ name: 'a.txt', content: ARTICLE });
    const b = parseSource({ name: 'b.txt', content: `${ARTICLE.toUpperCase()}  ` });
    const r = dedupeSources([], [a, b]);
    expect(r.added).toHaveLength(1);
    expect(r.duplicates[0].sameAs).toBe(a.id);
  });
  it('a source that supports an uncovered claim changes its verdict; the seeds alone do not cover it', () => {
    const seeds = loadSeedDocsFromDisk();
    const claim = 'The Red Cross will supervise the transfer of 150 civilians from each side after the Geneva meeting.';
    const before = createEngineFromIndex(buildCorpus(seeds)).checkClaim(claim);
    expect(before.verdict).toBe('not_covered');
    const index = buildCorpus(seeds);
    const size = index.sentences.length;
    const r = addSources(index, seeds, [parseSource({ name: 'geneva.txt', content: `date 2025-07-01\n${ARTICLE}` })]);
    expect(r.added).toHaveLength(1);
    expect(index.sentences.length).toBeGreaterThan(size);
    const after = createEngineFromIndex(index).checkClaim(claim);
    expect(after.verdict).toBe('corroborated');
    expect(after.evidence[0].source).toBe(r.added[0].id);
    expect(setDocEnabled(index, r.added[0].id, false)).toBe(true);
    expect(createEngineFromIndex(index).checkClaim(claim).verdict).toBe('not_covered');
    setDocEnabled(index, r.added[0].id, true);
    expect(createEngineFromIndex(index).checkClaim(claim).verdict).toBe('corroborated');
  });
});
