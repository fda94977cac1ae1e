import { describe, expect, it, vi } from 'vitest';
import { importFiles, prepareFile, progressText, savedPageUrl, type ImportProgress } from '../lib/sources/import';
import { findQuote, splitAtQuote } from '../lib/sources/reader';
import { MAX_SOURCE_BYTES } from '../lib/sources';
import type { AddOutcome } from '../lib/sources/manager';
import { parseHtml } from './support/dom';

const ARTICLE =
  'Delegations from both countries met in Geneva on Tuesday to discuss the exchange of civilian detainees. ' +
  'Officials said that the Red Cross would supervise the transfer of 150 civilians from each side, and that the ' +
  'talks would continue in the coming weeks. The head of the Ukrainian delegation said that the meeting had been constructive.';
const enc = (s: string) => new TextEncoder().encode(s);

interface F {
  name: string;
  size: number;
  bytes: Uint8Array;
}
const file = (name: string, content: string | Uint8Array, size?: number): F => {
  const bytes = typeof content === 'string' ? enc(content) : content;
  return { name, bytes, size: size ?? bytes.byteLength };
};

describe('file import (sources page)', () => {
  it('parses .html in the page (DOMParser-like parser) and sends plain text with the page metadata', async () => {
    const html = `<html><head><title>Geneva talks | Ledger</title><meta property="og:site_name" content="Ledger"><link rel="canonical" href="https://ledger.example/geneva"><meta property="article:published_time" content="2025-07-03T10:00:00Z"></head><body><article><h1>Geneva talks</h1><p>${ARTICLE}</p><p>${ARTICLE}</p></article><script>alert(1)</script></body></html>`;
    const item = await prepareFile(file('geneva.html', html), { read: async (f) => f.bytes, parseHtml });
    expect(item.meta).toMatchObject({ outlet: 'Ledger', date: '2025-07-03', url: 'https://ledger.example/geneva' });
    expect(item.text).toContain('Red Cross');
    expect(item.text).not.toMatch(/<|alert/);
  });

  it('imports several files: progress "N of M added…", good files added, bad ones listed with reasons, nothing read for a huge file', async () => {
    const files = [
      file('a.txt', ARTICLE),
      file('empty.txt', '   '),
      file('b.md', `---\ntitle: B\n---\n${ARTICLE.replace('Geneva', 'Vienna')}`),
      file('bin.txt', new Uint8Array([80, 75, 3, 4, 0, 0])),
      file('huge.txt', 'x', MAX_SOURCE_BYTES + 1),
      file('doc.pdf', ARTICLE),
      file('dup.txt', ARTICLE),
    ];
    const read = vi.fn(async (f: F) => f.bytes);
    const seen = new Set<string>();
    const send = vi.fn(async (item: { name: string; text: string }): Promise<AddOutcome> => {
      if (seen.has(item.text))
        return { status: 'duplicate', name: item.name, sameAs: 'x', message: `${item.name}: This text is already in your sources (“a”).` };
      seen.add(item.text);
      return { status: 'added', name: item.name, message: 'Added', source: { id: `user_${seen.size}`, title: item.name } as never };
    });
    const progress: ImportProgress[] = [];
    const report = await importFiles(files, { read, parseHtml, send, onProgress: (p) => progress.push(p) });
    expect(report.added.map((a) => a.name)).toEqual(['a.txt', 'b.md']);
    expect(report.duplicates.map((a) => a.name)).toEqual(['dup.txt']);
    expect(report.refused.map((r) => [r.name, r.message])).toEqual([
      ['empty.txt', expect.stringMatching(/empty/)],
      ['bin.txt', expect.stringMatching(/binary/)],
      ['huge.txt', expect.stringMatching(/too large/)],
      ['doc.pdf', expect.stringMatching(/unsupported file type/)],
    ]);
    expect(read).not.toHaveBeenCalledWith(expect.objectContaining({ name: 'huge.txt' }));
    expect(send).toHaveBeenCalledTimes(3);
    expect(progressText(progress[3]!)).toBe('2 of 7 added… (reading bin.txt)');
    expect(progressText(progress.at(-1)!)).toBe('2 of 7 added; 5 not added.');
    expect(progressText({ total: 2, done: 2, added: 2, current: null })).toBe('2 of 2 added.');
  });

  it('savedPageUrl takes http(s) canonical or og:url only', () => {
    expect(savedPageUrl(parseHtml('<html><head><meta property="og:url" content="https://x.example/a"></head></html>'))).toBe('https://x.example/a');
    expect(savedPageUrl(parseHtml('<html><head><link rel="canonical" href="javascript:alert(1)"></head></html>'))).toBeNull();
  });
});

describe('reader: the quoted sentence in the source text', () => {
  it('finds it exactly, or across different whitespace', () => {
    const text = 'First sentence.\n\nThe talks lasted\njust over an hour.  Then more.';
    expect(findQuote(text, 'First sentence.')).toEqual({ start: 0, end: 15 });
    const r = findQuote(text, 'The talks lasted just over an hour.')!;
    expect(text.slice(r.start, r.end)).toBe('The talks lasted\njust over an hour.');
    expect(findQuote(text, 'Not there.')).toBeNull();
    expect(findQuote(text, '  ')).toBeNull();
    expect(splitAtQuote(text, 'Then more.')).toEqual({ before: 'First sentence.\n\nThe talks lasted\njust over an hour.  ', quote: 'Then more.', after: '' });
  });
});
