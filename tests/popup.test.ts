import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PopupBody, type PopupBodyProps } from '../components/popup/PopupBody';
import { OptionsForm } from '../components/options/OptionsForm';
import { coverageCell, filterClaims, matrixSources, popupView, shorten, sourceLine, sourceShortLabel, verdictCounts } from '../lib/popup/model';
import { formatHostList, parseHostList } from '../lib/options/hosts';
import { DEFAULT_SETTINGS } from '../lib/settings';
import type { Analysis, TabState } from '../lib/messages';

const analysis: Analysis = {
  url: 'https://news.example/a',
  contentHash: 'h',
  engineVersion: 'v',
  analysedAt: 0,
  cached: false,
  ms: 12,
  sources: [
    { id: '000_d4403f64f46e493f', title: 'FT piece', outlet: 'Financial Times', date: '2025-06-02' },
    { id: '001_b42b158ef8421104', title: 'Wire piece', outlet: null, date: '2025-06-02' },
  ],
  claims: [
    {
      text: 'They swapped 1,000 prisoners each <script>alert(1)</script>.',
      start: 0,
      end: 10,
      verdict: 'corroborated',
      evidence: [
        {
          source: '000_d4403f64f46e493f',
          quote: 'Each side freed 1,000 <b>POWs</b>.',
          stance: 'supports',
          reason: 'same figure: 1,000 prisoners each',
          score: 1,
        },
      ],
    },
    {
      text: 'The talks lasted three hours.',
      start: 11,
      end: 20,
      verdict: 'mixed',
      evidence: [
        { source: '001_b42b158ef8421104', quote: 'The talks lasted just over an hour.', stance: 'conflicts', reason: 'different duration', score: 1 },
        { source: '001_b42b158ef8421104', quote: 'They talked for hours.', stance: 'supports', reason: 'same duration', score: 0.5 },
        { source: 'zzz', quote: 'Other.', stance: 'related', reason: 'same topic', score: 0.1 },
      ],
    },
    { text: 'Nobody covered this.', start: 21, end: 30, verdict: 'not_covered', evidence: [] },
  ],
};

const done: TabState = { tabId: 1, status: 'done', url: 'https://news.example/a', title: 'A', error: null, analysis, updatedAt: 0 };

function render(props: Partial<PopupBodyProps>): string {
  const noop = () => {};
  return renderToStaticMarkup(
    createElement(PopupBody, {
      view: 'done',
      state: done,
      showNotCovered: true,
      notice: null,
      busy: false,
      onCheck: noop,
      onChoose: noop,
      onOpenOptions: noop,
      ...props,
    }),
  );
}

describe('popup model', () => {
  it('chooses the screen from the tab state and the tab URL', () => {
    expect(popupView(done, 'https://news.example/a#section')).toBe('done');
    expect(popupView(done, undefined)).toBe('done');
    expect(popupView(done, 'https://news.example/b')).toBe('unknown'); // tab moved on
    expect(popupView(done, 'chrome://extensions/')).toBe('unsupported');
    expect(popupView(null, 'https://x.example/')).toBe('unknown');
    expect(popupView({ ...done, analysis: { ...analysis, claims: [] }, status: 'no_claims' })).toBe('no_claims');
    expect(popupView({ ...done, analysis: null })).toBe('unknown');
    for (const s of ['idle', 'analysing', 'not_article', 'blocked', 'error'] as const) expect(popupView({ ...done, status: s, analysis: null })).toBe(s);
  });

  it('counts verdicts, fills the matrix and filters', () => {
    expect(verdictCounts(analysis.claims)).toEqual({ corroborated: 1, contradicted: 0, mixed: 1, not_covered: 1 });
    expect(coverageCell(analysis.claims[0]!, '000_d4403f64f46e493f')).toBe('supports');
    expect(coverageCell(analysis.claims[0]!, '001_b42b158ef8421104')).toBe('silent');
    expect(coverageCell(analysis.claims[1]!, '001_b42b158ef8421104')).toBe('both');
    expect(coverageCell(analysis.claims[1]!, 'zzz')).toBe('silent'); // related only
    expect(matrixSources(analysis).map((s) => s.id)).toEqual(['000_d4403f64f46e493f', '001_b42b158ef8421104', 'zzz']);
    expect(filterClaims(analysis.claims, new Set(['mixed', 'not_covered'] as const)).map((x) => x.index)).toEqual([1, 2]);
    expect(sourceShortLabel(analysis.sources[0]!)).toBe('Financial Times');
    expect(sourceShortLabel(analysis.sources[1]!)).toBe('001');
    expect(sourceShortLabel({ id: 'my-source', outlet: null })).toBe('my-source');
    expect(sourceLine(analysis.sources[0], 'x')).toBe('Financial Times · 2025-06-02 · 000_d4403f64f46e493f');
    expect(sourceLine(undefined, 'zzz')).toBe('zzz');
    expect(shorten('alpha beta gamma delta epsilon', 20)).toBe('alpha beta gamma…');
    expect(shorten('short', 20)).toBe('short');
  });
});

describe('popup rendering', () => {
  it('renders the summary, an accessible matrix with a legend, filters and the claims as text', () => {
    const html = render({});
    for (const w of ['Corroborated', 'Contradicted', 'Mixed', 'Not covered']) expect(html).toContain(w);
    expect(html).toContain('<table');
    expect(html).toContain('cc-matrix-caption');
    expect(html).toContain('scope="col"');
    expect(html).toContain('scope="row"');
    expect(html).toContain('✓ supports</li>');
    expect(html).toContain('aria-pressed="true"');
    expect(html).toContain('aria-expanded="false"');
    // Page and corpus text is escaped, never markup.
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;b&gt;POWs&lt;/b&gt;');
    expect(html).toContain('Supports');
    expect(html).toContain('same figure: 1,000 prisoners each');
    expect(html).toContain('Financial Times · 2025-06-02 · 000_d4403f64f46e493f');
  });

  it('hides not-covered claims at first when the setting says so', () => {
    const html = render({ showNotCovered: false });
    expect(html).not.toContain('Nobody covered this.');
    expect(html).toContain('(2 of 3 claims shown)');
  });

  it('has a clear message and action for every state', () => {
    expect(render({ view: 'blocked', state: { ...done, status: 'blocked', analysis: null } })).toContain('Check this page anyway');
    expect(render({ view: 'idle' })).toContain('Check this page');
    expect(render({ view: 'unknown' })).toContain('Check this page');
    expect(render({ view: 'analysing' })).toContain('Checking the claims');
    expect(render({ view: 'no_claims' })).toContain('Nothing check-worthy found');
    expect(render({ view: 'not_article' })).toContain('Not a news article');
    expect(render({ view: 'unsupported' })).toContain('can&#x27;t be checked');
    const err = render({ view: 'error', state: { ...done, status: 'error', error: 'The analysis failed: <boom>', analysis: null } });
    expect(err).toContain('The analysis failed: &lt;boom&gt;');
    expect(err).toContain('Reload the page');
    expect(render({ view: 'idle', busy: true })).toContain('disabled');
    expect(render({ view: 'done', notice: "Crosscheck can't reach this page." })).toContain('role="alert"');
  });
});

describe('options', () => {
  it('validates host lists', () => {
    const r = parseHostList(
      'example.com\n\n*.News.Example.org\nhttps://www.bbc.co.uk/news/world\nexample.com\nnot a host\nlocalhost # dev\nfoo..bar\n-bad.com\nbücher.de',
    );
    expect(r.hosts).toEqual(['example.com', 'news.example.org', 'www.bbc.co.uk', 'localhost', 'xn--bcher-kva.de']);
    expect(r.errors.map((e) => e.line)).toEqual([6, 8, 9]);
    expect(r.errors[0]!.message).toContain('"not a host"');
    expect(parseHostList('').hosts).toEqual([]);
    expect(formatHostList(['a.com', 'b.org'])).toBe('a.com\nb.org');
  });

  it('renders the form with the current settings', () => {
    const html = renderToStaticMarkup(
      createElement(OptionsForm, { initial: { ...DEFAULT_SETTINGS, neverSites: ['x.example'], highlightStyle: 'background' }, onSave: async () => {} }),
    );
    expect(html).toContain('x.example</textarea>');
    expect(html).toContain('Tinted background');
    expect(html).toContain('<label');
    expect(html).toContain('role="status"');
  });
});
