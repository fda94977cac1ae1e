import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dateFromUrl, extractArticle, normalizeWhitespace } from '../lib/extract/html';

const DIR = join(__dirname, 'fixtures', 'dev', 'articles');

interface Sidecar {
  url_hint: string;
  claims: { text: string }[];
  non_claims: string[];
}

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function load(name: string) {
  const html = readFileSync(join(DIR, `${name}.html`), 'utf8');
  const sidecar = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Sidecar;
  return { html, sidecar, result: extractArticle(parse(html), sidecar.url_hint) };
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

const CASES = {
  r1_article_1: {
    date: '2025-05-16',
    title: 'Russia and Ukraine agree to swap 1,000 prisoners each as first direct talks in three years end without a truce',
    byline: 'By Elena Marsh in Istanbul and Tom Reddaway',
    siteName: 'The Northbridge Courier',
    absent: [
      'Members of the Ukrainian and Russian delegations take their seats', // figcaption
      'We use cookies', // cookie banner
      'Related stories',
      'Putin snubs Zelenskyy challenge', // related story link
      'Europe Today', // newsletter
      'in your inbox every weekday morning',
      'By signing up',
      'Elena Marsh', // byline
      'Share on Facebook',
      'All rights reserved',
      'Subscribe',
    ],
    // The pull quote repeats a body sentence: it must appear once (from the body), not twice.
    pullQuote: 'For a meeting that drew so much attention, it was a thin harvest.',
  },
  r2_article_1: {
    date: '2025-06-02',
    title: 'Prisoner swap agreed but no truce as Russia-Ukraine talks in Istanbul end quickly',
    byline: 'By Helena Marsh in Istanbul and Daniel Okafor',
    siteName: 'The Northgate Courier',
    absent: [
      'The palace on the Bosphorus that hosted', // figcaption
      'We use cookies',
      'Accept all',
      'Related stories',
      'Explainer: what Kyiv and Moscow want', // related story link
      'Morning Briefing', // newsletter
      "The day's essential world news",
      'Helena Marsh', // byline
      'Published 2 June 2025',
      'Additional reporting by Anna Kovalenko', // article credit
      'All rights reserved',
    ],
    pullQuote: 'The humanitarian steps matter, but they are not a ceasefire, and they are certainly not peace.',
  },
} as const;

describe.each(Object.entries(CASES))('extractArticle on %s', (name, want) => {
  const { sidecar, result } = load(name);
  const text = normalizeWhitespace(result.text);

  it('keeps every sidecar sentence (claims and non-claims)', () => {
    const sentences = [...sidecar.claims.map((c) => c.text), ...sidecar.non_claims];
    expect(sentences.length).toBeGreaterThan(10);
    const missing = sentences.filter((s) => !text.includes(normalizeWhitespace(s)));
    expect(missing).toEqual([]);
  });

  it('drops captions, pull quotes, cookie banners, related stories, newsletters and bylines', () => {
    const leaked = want.absent.filter((s) => result.text.includes(s));
    expect(leaked).toEqual([]);
    expect(count(result.text, want.pullQuote)).toBe(1);
  });

  it('returns one paragraph per block, whitespace collapsed, headline not repeated', () => {
    const paras = result.text.split('\n\n');
    expect(paras.length).toBeGreaterThanOrEqual(8);
    for (const p of paras) {
      expect(p).toBe(normalizeWhitespace(p));
      expect(p.length).toBeGreaterThan(0);
    }
    expect(result.text.includes(want.title)).toBe(false);
  });

  it('finds the metadata', () => {
    expect(result.date).toBe(want.date);
    expect(result.title).toBe(want.title);
    expect(result.byline).toBe(want.byline);
    expect(result.siteName).toBe(want.siteName);
  });
});

describe('extractArticle edge cases', () => {
  it('keeps inline link text inside a paragraph', () => {
    const { result } = load('r2_article_1');
    expect(result.text).toContain('The day before, Ukraine had struck Russian air bases with drones, and Kyiv said');
  });

  it('returns empty or very short text for a non-article page without throwing', () => {
    const doc = parse('<html><head><title>Home</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><p>Welcome.</p></body></html>');
    const r = extractArticle(doc);
    expect(r.text.length).toBeLessThan(40);
    expect(r.text).not.toContain('News');
    expect(r.date).toBeNull();
  });

  it('copes with an empty document', () => {
    const r = extractArticle(parse('<html><body></body></html>'));
    expect(r.text).toBe('');
    expect(r.byline).toBeNull();
  });

  it('removes "Opens in new window" links but keeps inline link text', () => {
    const body = Array.from(
      { length: 6 },
      (_, i) => `<p>Paragraph ${i} of the report says the delegations met in Istanbul and agreed to exchange prisoners of war, officials said.</p>`,
    ).join('');
    const doc = parse(`<html><head><title>Story</title></head><body><article>
      ${body}
      <p>Officials pointed to <a href="/x">an earlier statement<span class="sr-only"> Opens in new window</span></a> on the exchange.</p>
      <ul><li><a href="/y">Another story headline Opens in new window</a></li></ul>
      </article></body></html>`);
    const r = extractArticle(doc);
    expect(r.text).toContain('Officials pointed to an earlier statement on the exchange.');
    expect(r.text).not.toMatch(/opens in new window/i);
    expect(r.text).not.toContain('Another story headline');
  });

  it('does not delete the article when a wrapper has a boilerplate-like class or aria-hidden', () => {
    const paras = Array.from(
      { length: 5 },
      (_, i) =>
        `<p>Paragraph ${i}: the delegations met in Istanbul on Monday and agreed to exchange prisoners of war, officials from both sides said afterwards.</p>`,
    ).join('');
    const doc = parse(`<html><body class="cookies-accepted">
      <div class="cookie-banner" role="dialog"><p>We use cookies.</p></div>
      <div id="page" aria-hidden="true"><article class="story has-related-links">${paras}
        <aside class="related"><a href="/a">Another story</a></aside></article></div>
      </body></html>`);
    const r = extractArticle(doc);
    expect(r.text.split('\n\n')).toHaveLength(5);
    expect(r.text).not.toContain('We use cookies');
    expect(r.text).not.toContain('Another story');
  });

  it('takes the published time, not the updated time, and falls back to meta and URL', () => {
    const withTimes = parse(
      '<html><body><time datetime="2025-06-03T08:10:00+01:00">Updated 3 June</time><time datetime="2025-06-02T19:48:00+01:00">Published 2 June</time><p>x</p></body></html>',
    );
    expect(extractArticle(withTimes).date).toBe('2025-06-02');
    const withMeta = parse('<html><head><meta property="article:published_time" content="2025-05-16T10:00:00Z"></head><body><p>x</p></body></html>');
    expect(extractArticle(withMeta).date).toBe('2025-05-16');
    const withCanonical = parse('<html><head><link rel="canonical" href="https://n.example/world/2025/may/16/story"></head><body><p>x</p></body></html>');
    expect(extractArticle(withCanonical).date).toBe('2025-05-16');
    expect(extractArticle(parse('<html><body><p>x</p></body></html>'), 'https://n.example/2025/06/02/a').date).toBe('2025-06-02');
  });

  it("takes Readability's published time (JSON-LD datePublished) over the page's own markers; falls back when it is not a date", () => {
    const body =
      '<body><article><time datetime="2025-06-02T19:48:00+01:00">Published 2 June</time>' +
      '<p>Delegations from both countries met in Istanbul to discuss an exchange of prisoners, officials said on the day.</p></article></body>';
    const ld = (published: string) =>
      `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Talks', datePublished: published })}</script>`;
    const page = (published: string) => parse(`<html><head><title>Talks</title>${ld(published)}</head>${body}</html>`);
    // The hand parser alone would take the <time> element's 2 June.
    expect(extractArticle(page('2025-05-16T10:00:00Z'), 'https://n.example/2025/06/01/a').date).toBe('2025-05-16');
    expect(extractArticle(page('last Friday'), 'https://n.example/2025/06/01/a').date).toBe('2025-06-02');
    // JSON-LD is read for the date only: its text never reaches the article.
    expect(extractArticle(page('2025-05-16T10:00:00Z')).text).not.toContain('NewsArticle');
  });

  it('dateFromUrl reads numeric and month-name segments and rejects impossible dates', () => {
    expect(dateFromUrl('https://a.example/world/europe/2025/06/02/slug')).toBe('2025-06-02');
    expect(dateFromUrl('https://a.example/world/2025/may/16/slug')).toBe('2025-05-16');
    expect(dateFromUrl('https://a.example/world/2025/june/2/slug')).toBe('2025-06-02');
    expect(dateFromUrl('https://a.example/world/2025/xyz/2/slug')).toBeNull();
    expect(dateFromUrl('https://a.example/2025/02/30/slug')).toBeNull();
    expect(dateFromUrl('https://a.example/news/12345')).toBeNull();
    expect(dateFromUrl(undefined)).toBeNull();
  });
});
