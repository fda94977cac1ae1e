/**
 * Invisible format characters (soft hyphen, zero-width space and (non-)joiner, word joiner, BOM)
 * inside words must not change what the engine decides: the verdict and the evidence are those of
 * the clean text, and the offsets analyze() reports still index the ORIGINAL text, so highlights
 * land exactly where the sentence is, invisible characters included. The corpus side too: a
 * reader's source with soft hyphens matches as the clean source does.
 */
import { describe, expect, it } from 'vitest';
import { parseHtml } from './support/dom';
import { createEngine, type Engine } from '../lib/engine';
import { parseSource } from '../lib/sources';
import { findQuote } from '../lib/sources/reader';
import { extractArticle } from '../lib/extract/html';
import { anchorClaim } from '../lib/anchor';
import { stripFormatChars } from '../lib/text/normalize';
import { loadSeedDocsFromDisk } from '../scripts/seeds-node';
import type { ClaimResult } from '../lib/types';

const SHY = '\u00AD';
const ZWSP = '\u200B';
/** The invisible characters the issue names, each tried inside words. */
const FORMAT_CHARS: Array<[string, string]> = [
  ['zero-width space', ZWSP],
  ['zero-width non-joiner', '\u200C'],
  ['zero-width joiner', '\u200D'],
  ['word joiner', '\u2060'],
  ['byte order mark', '\uFEFF'],
  ['soft hyphen', SHY],
];

/** Put `c` into the middle of every word of five or more letters ("sol|diers"). */
function sprinkle(text: string, c: string): string {
  return text.replace(/\p{L}{5,}/gu, (w) => w.slice(0, Math.floor(w.length / 2)) + c + w.slice(Math.floor(w.length / 2)));
}

/** What a verdict rests on: the verdict and every evidence item, in order. */
function decision(r: ClaimResult) {
  return { verdict: r.verdict, evidence: r.evidence.map((e) => ({ source: e.source, quote: e.quote, stance: e.stance, reason: e.reason })) };
}

let seedEngine: Engine | undefined;
const engine = () => (seedEngine ??= createEngine(loadSeedDocsFromDisk()));

describe('stripFormatChars', () => {
  it('drops format characters and maps every offset back to the original text', () => {
    const original = `\uFEFFsol${ZWSP}diers ex${SHY}change`;
    const s = stripFormatChars(original);
    expect(s.text).toBe('soldiers exchange');
    const at = s.text.indexOf('soldiers');
    expect(original.slice(s.toOriginalStart(at), s.toOriginalEnd(at + 'soldiers'.length))).toBe(`sol${ZWSP}diers`);
    const ex = s.text.indexOf('exchange');
    expect(original.slice(s.toOriginalStart(ex), s.toOriginalEnd(ex + 'exchange'.length))).toBe(`ex${SHY}change`);
  });
  it('keeps text without format characters as it is', () => {
    const s = stripFormatChars('The talks lasted just over an hour.');
    expect(s.text).toBe('The talks lasted just over an hour.');
    expect(s.toOriginalStart(4)).toBe(4);
    expect(s.toOriginalEnd(9)).toBe(9);
  });
});

describe('format characters inside words do not change a verdict', { timeout: 120_000 }, () => {
  const CLAIMS: Array<{ claim: string; docDate: string | null; verdict: string }> = [
    { claim: 'The talks lasted just over an hour.', docDate: '2025-06-03', verdict: 'corroborated' },
    { claim: 'The two delegations agreed to exchange 500 prisoners of war each.', docDate: '2025-05-17', verdict: 'contradicted' },
    { claim: 'The sides agreed to exchange 6,000 bodies of killed soldiers each.', docDate: null, verdict: 'corroborated' },
    { claim: 'Russia and Ukraine agreed to exchange 1,000 prisoners each at the Istanbul talks.', docDate: null, verdict: 'corroborated' },
  ];

  for (const { claim, docDate, verdict } of CLAIMS) {
    it(`checkClaim: "${claim}" (${verdict})`, () => {
      const clean = engine().checkClaim(claim, { docDate });
      expect(clean.verdict).toBe(verdict);
      for (const [name, c] of FORMAT_CHARS) {
        const dirty = sprinkle(claim, c);
        expect(dirty, name).not.toBe(claim);
        expect(decision(engine().checkClaim(dirty, { docDate })), `${name} inside words`).toEqual(decision(clean));
      }
    });
  }

  it('explain() reads the claim without its format characters', () => {
    const claim = CLAIMS[2]!.claim;
    const clean = engine().explain(claim);
    const dirty = engine().explain(sprinkle(claim, SHY));
    expect(decision(dirty.result)).toEqual(decision(clean.result));
    expect(dirty.parts.map((p) => p.text)).toEqual(clean.parts.map((p) => p.text));
  });

  it('analyze(): same claims and verdicts, offsets index the original text (invisible characters included)', () => {
    const article = [
      'The second round of talks took place in Istanbul on Monday.',
      CLAIMS[0]!.claim,
      'The sides agreed to exchange 6,000 bodies of killed soldiers each, the Ukrainian defence minister said.',
    ].join('\n');
    const clean = engine().analyze(article, { docDate: '2025-06-02' });
    expect(clean.claims.length).toBeGreaterThan(0);
    for (const [name, c] of FORMAT_CHARS) {
      const text = `${c}${sprinkle(article, c)}`;
      const dirty = engine().analyze(text, { docDate: '2025-06-02' });
      expect(
        dirty.claims.map((x) => decision(x)),
        name,
      ).toEqual(clean.claims.map((x) => decision(x)));
      dirty.claims.forEach((x, i) => {
        expect(text.slice(x.start, x.end), name).toBe(x.text);
        // The original sentence, its invisible characters included; nothing but them differs.
        expect(x.text.split(c).join(''), name).toBe(clean.claims[i]!.text);
        expect(x.text, name).toContain(c);
      });
    }
  });
});

describe('a source with soft hyphens matches as the clean source does', { timeout: 60_000 }, () => {
  const SOURCE =
    'Delegations from both countries met in Geneva on Tuesday to discuss the exchange of civilian detainees. ' +
    'Officials said that the Red Cross would supervise the transfer of 150 civilians from each side.';
  const CLAIM = 'The Red Cross will supervise the transfer of 150 civilians from each side.';

  it('as a .txt file and as an HTML page with &shy;', () => {
    const clean = createEngine([parseSource({ name: 'clean.txt', content: SOURCE })]).checkClaim(CLAIM);
    expect(clean.verdict).toBe('corroborated');
    const txt = parseSource({ name: 'shy.txt', content: sprinkle(SOURCE, SHY) });
    const html = parseSource(
      {
        name: 'shy.html',
        content: `<html><head><title>Geneva</title></head><body><article><p>${sprinkle(SOURCE, '&shy;')}</p><p>${sprinkle(SOURCE, '&shy;')}</p></article></body></html>`,
      },
      { parseHtml },
    );
    for (const doc of [txt, html]) {
      const r = createEngine([doc]).checkClaim(CLAIM);
      expect(r.verdict, doc.title).toBe('corroborated');
      expect(r.evidence.map((e) => [e.stance, e.quote, e.reason])).toEqual(clean.evidence.map((e) => [e.stance, e.quote, e.reason]));
      // The reader page finds every quote in the stored text.
      for (const e of r.evidence) expect(findQuote(doc.text, e.quote), e.quote).not.toBeNull();
    }
  });
});

describe('an article page with invisible characters is checked as the clean page', { timeout: 60_000 }, () => {
  const BODY = [
    'Delegations from Russia and Ukraine met in Istanbul on Monday for a second round of direct talks.',
    'The talks lasted just over an hour, officials said.',
    'The two sides agreed to exchange 6,000 bodies of killed soldiers each.',
  ];
  const page = (sep: string) =>
    `<html><head><title>Talks</title></head><body><article><h1>Second round</h1>${BODY.map((p) => `<p>${sprinkle(p, sep)}</p>`).join('')}</article></body></html>`;
  const extract = (h: string) => extractArticle(parseHtml(h)).text;

  it('zero-width spaces and BOMs inside words reach the engine as no character, not a space', () => {
    const clean = engine().analyze(extract(page('')), { docDate: '2025-06-02' });
    expect(clean.claims.length).toBeGreaterThan(0);
    for (const entity of ['&#8203;', '&#65279;', '&shy;']) {
      const text = extract(page(entity));
      const dirty = engine().analyze(text, { docDate: '2025-06-02' });
      expect(
        dirty.claims.map((x) => x.verdict),
        entity,
      ).toEqual(clean.claims.map((x) => x.verdict));
      expect(dirty.claims.length, entity).toBe(clean.claims.length);
    }
  });

  it('the claim still anchors in the page text that holds the invisible characters', () => {
    const nodes = [sprinkle(BODY[1]!, '\u200b')];
    const r = anchorClaim(nodes, BODY[1]!);
    expect(r).not.toBeNull();
  });
});
