import { describe, expect, it } from 'vitest';
import { isArticleText, pageKey } from './article';
import { highlightCss, highlightName, paintedVerdicts, VERDICT_STYLES } from './style';
import { formatDate, tooltipModel } from './tooltip-model';
import { DEFAULT_SETTINGS } from '../settings';
import { VERDICTS } from '../labels';

describe('isArticleText', () => {
  const sentence = 'Delegations from Moscow and Kyiv met in Istanbul on Monday for a second round of talks. ';
  it('accepts a few paragraphs of sentences', () => {
    expect(isArticleText(sentence.repeat(8))).toBe(true);
  });
  it('rejects short text and long text without sentences', () => {
    expect(isArticleText(sentence.repeat(3))).toBe(false);
    expect(isArticleText('Home World Europe Politics Business Opinion Sport '.repeat(20))).toBe(false);
    expect(isArticleText('')).toBe(false);
  });
});

describe('pageKey', () => {
  it('drops the fragment only', () => {
    expect(pageKey('https://a.example/x?y=1#top')).toBe('https://a.example/x?y=1');
    expect(pageKey('https://a.example/x')).toBe('https://a.example/x');
  });
});

describe('highlight styles', () => {
  it('names highlights per verdict', () => {
    expect(highlightName('corroborated')).toBe('crosscheck-corroborated');
    expect(highlightName('not_covered')).toBe('crosscheck-not-covered');
  });
  it('gives every verdict a different underline style (a cue that does not rely on colour)', () => {
    const styles = new Set(VERDICTS.map((v) => VERDICT_STYLES[v].decoration));
    expect(styles.size).toBe(VERDICTS.length);
  });
  it('writes one ::highlight rule per painted verdict, hiding not-covered when asked', () => {
    const css = highlightCss(DEFAULT_SETTINGS);
    for (const v of VERDICTS) expect(css).toContain(`::highlight(${highlightName(v)})`);
    const quiet = highlightCss({ ...DEFAULT_SETTINGS, showNotCovered: false });
    expect(quiet).not.toContain('::highlight(crosscheck-not-covered)');
    expect(paintedVerdicts({ showNotCovered: false })).not.toContain('not_covered');
  });
  it('tints the background in background mode, keeps the line style', () => {
    const css = highlightCss({ ...DEFAULT_SETTINGS, highlightStyle: 'background' });
    expect(css).toMatch(/::highlight\(crosscheck-contradicted\) \{[^}]*background-color/);
    expect(css).toMatch(/::highlight\(crosscheck-contradicted\) \{[^}]*wavy/);
    expect(highlightCss(DEFAULT_SETTINGS)).not.toMatch(/::highlight\(crosscheck-contradicted\) \{[^}]*background-color/);
  });
  it('has no highlight rules when toggled off', () => {
    expect(highlightCss(DEFAULT_SETTINGS, false)).not.toContain('::highlight(');
  });
});

describe('tooltipModel', () => {
  const sources = [
    { id: 's1', title: 'Talks end', outlet: 'Financial Times', date: '2025-06-02' },
    { id: 's2', title: 'A very long title of a source that has no outlet named anywhere in its text', outlet: null, date: null },
  ];
  const ev = (source: string, stance: 'supports' | 'conflicts' | 'related', quote = `q-${source}-${stance}`) => ({
    source,
    quote,
    stance,
    reason: `r-${stance}`,
    score: 1,
  });

  it('writes the verdict as a word and names outlet and date', () => {
    const m = tooltipModel({ text: 'c', verdict: 'contradicted', evidence: [ev('s1', 'conflicts')] }, sources);
    expect(m.label).toBe('Contradicted');
    expect(m.evidence[0]).toMatchObject({ outlet: 'Financial Times', date: '2 June 2025', stanceLabel: 'Conflicts', reason: 'r-conflicts' });
  });

  it('falls back to a shortened title, then the id; keeps at most three, deciding evidence first', () => {
    const m = tooltipModel(
      {
        text: 'c',
        verdict: 'mixed',
        evidence: [ev('s2', 'related'), ev('s1', 'supports'), ev('zz', 'conflicts'), ev('s1', 'conflicts', 'x')],
      },
      sources,
    );
    expect(m.evidence).toHaveLength(3);
    expect(m.evidence.map((e) => e.stance)).toEqual(['supports', 'conflicts', 'conflicts']);
    expect(m.evidence[1]!.outlet).toBe('zz');
    const r = tooltipModel({ text: 'c', verdict: 'not_covered', evidence: [ev('s2', 'related')] }, sources);
    expect(r.evidence[0]!.outlet.endsWith('…')).toBe(true);
    expect(r.evidence[0]!.date).toBe('');
  });

  it('says so when there is no evidence', () => {
    const m = tooltipModel({ text: 'c', verdict: 'not_covered', evidence: [] }, sources);
    expect(m.label).toBe('Not covered');
    expect(m.empty).not.toBe('');
  });

  it('formats ISO dates and leaves others alone', () => {
    expect(formatDate('2025-05-16')).toBe('16 May 2025');
    expect(formatDate(null)).toBe('');
    expect(formatDate('June 2025')).toBe('June 2025');
  });
});
