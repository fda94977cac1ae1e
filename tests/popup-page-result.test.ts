/**
 * The popup's words for a page checked in parts (item 8) and for a background that stopped in the
 * middle of an analysis (item 11).
 */
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PopupBody, type PopupBodyProps } from '../components/popup/PopupBody';
import { coverageText, plainError, withPageResult } from '../lib/popup/model';
import type { Analysis, TabState } from '../lib/messages';
import type { PageResult } from '../lib/content/page-result';

const claim = (text: string) => ({ text, start: 0, end: text.length, verdict: 'corroborated' as const, evidence: [] });
const analysis = (texts: string[]): Analysis => ({
  url: 'https://news.example/long',
  contentHash: 'h',
  engineVersion: 'v',
  analysedAt: 0,
  cached: false,
  ms: 1,
  sources: [],
  claims: texts.map(claim),
});
const state = (a: Analysis | null, status: TabState['status'] = 'done', error: string | null = null): TabState => ({
  tabId: 1,
  status,
  url: 'https://news.example/long',
  title: 'Long',
  error,
  analysis: a,
  updatedAt: 0,
});
const full = { parts: 6, checkedParts: 6, complete: true, totalChars: 612_340, checkedChars: 612_340, paragraphs: 876, checkedParagraphs: 876 };

function render(props: Partial<PopupBodyProps>): string {
  const noop = () => {};
  return renderToStaticMarkup(
    createElement(PopupBody, {
      view: 'done',
      state: state(analysis(['A.'])),
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

describe('coverageText: what part of the page was checked', () => {
  it('says nothing for an ordinary article', () => {
    expect(coverageText({ ...full, parts: 1, checkedParts: 1 }, false)).toBeNull();
  });
  it('says a long page was checked in full, in parts', () => {
    expect(coverageText(full, false)).toBe('This long page was checked in full, in 6 parts (612,340 characters).');
  });
  it('says plainly which part was checked when the rest could not be', () => {
    const t = coverageText({ ...full, checkedParts: 4, complete: false, checkedChars: 400_000, checkedParagraphs: 561 }, false)!;
    expect(t).toBe('Only part of this long page was checked: paragraphs 1–561 of 876 (400,000 of 612,340 characters). Check the page again to try the rest.');
  });
  it('shows progress while the parts are being checked', () => {
    expect(coverageText({ ...full, checkedParts: 2, complete: false, checkedChars: 200_000, checkedParagraphs: 290 }, true)).toBe(
      'Checking this long page in 6 parts: 2 done (paragraphs 1–290 of 876)…',
    );
  });
});

describe('withPageResult: the popup shows the whole page the content script checked', () => {
  it('replaces the last part’s analysis with the merged one', () => {
    const merged = analysis(['A.', 'B.', 'C.']);
    const result: PageResult = { url: 'https://news.example/long', checking: false, coverage: full, analysis: merged };
    const s = withPageResult(state(analysis(['C.'])), result);
    expect(s!.analysis!.claims.map((c) => c.text)).toEqual(['A.', 'B.', 'C.']);
    expect(s!.status).toBe('done');
    // The last part alone had no claims: the page still has some.
    expect(withPageResult(state(analysis([]), 'no_claims'), result)!.status).toBe('done');
  });
  it('ignores a result for another page, or one still being checked before any part is done', () => {
    const result: PageResult = { url: 'https://news.example/other', checking: false, coverage: full, analysis: analysis(['X.']) };
    expect(withPageResult(state(analysis(['C.'])), result)!.analysis!.claims.map((c) => c.text)).toEqual(['C.']);
    expect(withPageResult(state(analysis(['C.'])), null)!.analysis!.claims.map((c) => c.text)).toEqual(['C.']);
  });
  it('a page that failed before checking anything wins over a late "done" the background heard', () => {
    const none = { ...full, checkedParts: 0, checkedChars: 0, checkedParagraphs: 0, complete: false };
    const failed: PageResult = {
      url: 'https://news.example/long',
      checking: false,
      coverage: none,
      analysis: null,
      status: 'error',
      error: 'Crosscheck stopped while checking this page. Try again.',
    };
    const s = withPageResult(state(analysis(['C.'])), failed)!;
    expect(s.status).toBe('error');
    expect(s.analysis).toBeNull();
    expect(s.error).toBe('Crosscheck stopped while checking this page. Try again.');
    // Another page's failure, or a page that checked some parts, does not.
    expect(withPageResult(state(analysis(['C.'])), { ...failed, url: 'https://news.example/other' })!.status).toBe('done');
    expect(withPageResult(state(analysis(['C.'])), { ...failed, coverage: full, analysis: analysis(['A.', 'C.']) })!.status).toBe('done');
  });
});

describe('plainError and the error screen (item 11)', () => {
  const raw =
    'the extension did not answer: Error: A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
  it('never shows the browser’s own error text', () => {
    expect(plainError(raw)).toBe('Crosscheck stopped while checking this page. Try again.');
    expect(plainError('Could not establish connection. Receiving end does not exist.')).toBe('Crosscheck stopped while checking this page. Try again.');
    expect(plainError('The analysis failed: out of memory')).toBe('The analysis failed: out of memory');
  });
  it('renders the plain message with a "Try again" button', () => {
    const html = render({ view: 'error', state: state(null, 'error', raw) });
    expect(html).not.toMatch(/listener|message channel/i);
    expect(html).toContain('Crosscheck stopped while checking this page. Try again.');
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
  });
  it('renders the coverage line under the summary', () => {
    const html = render({ coverage: 'This long page was checked in full, in 6 parts (612,340 characters).' });
    expect(html).toContain('cc-coverage');
    expect(html).toContain('checked in full, in 6 parts');
  });
});
