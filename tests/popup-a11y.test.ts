import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { HighlightsControl } from '../components/popup/HighlightsControl';
import { VerdictSummary } from '../components/popup/VerdictSummary';
import { VERDICT_COLORS } from '../components/VerdictBadge';
import { TEXT_CONTRAST, contrastRatio } from '../lib/contrast';
import { VERDICTS } from '../lib/labels';

describe('popup accessibility (issue 13)', () => {
  it('the show/hide control says what it will do and announces the change in a status', () => {
    const shown = renderToStaticMarkup(createElement(HighlightsControl, { visible: true, said: null, onToggle: () => {} }));
    expect(shown).toContain('>Hide highlights</button>');
    expect(shown).toContain('role="status"');
    const hidden = renderToStaticMarkup(createElement(HighlightsControl, { visible: false, said: 'Highlights hidden on the page.', onToggle: () => {} }));
    expect(hidden).toContain('>Show highlights</button>');
    expect(hidden).toMatch(/role="status"[^>]*>Highlights hidden on the page\.</);
  });

  it('a verdict with no claim keeps full-contrast text (no fading), on the page background', () => {
    const html = renderToStaticMarkup(createElement(VerdictSummary, { counts: { corroborated: 2, contradicted: 0, mixed: 0, not_covered: 1 } }));
    const zero = /<li class="[^"]*verdict-contradicted cc-zero"[^>]*style="([^"]*)"/.exec(html);
    expect(zero).not.toBeNull();
    expect(zero![1]).toContain('background:transparent');
    expect(html).not.toContain('opacity');
    for (const v of VERDICTS) {
      expect(contrastRatio(VERDICT_COLORS[v].fg, VERDICT_COLORS[v].bg), v).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      expect(contrastRatio(VERDICT_COLORS[v].fg, '#ffffff'), v).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });
});

describe('popup stylesheet contrast', () => {
  it('the matrix "·" reaches 4.5:1 and zero tiles are not faded', async () => {
    const { readFileSync } = await import('node:fs');
    const css = readFileSync(new URL('../components/ui.css', import.meta.url), 'utf8');
    const dot = /\.cc-cell-silent\s*\{\s*color:\s*(#[0-9a-f]{6});\s*\}/i.exec(css);
    expect(dot).not.toBeNull();
    expect(contrastRatio(dot![1]!, '#ffffff')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(css).not.toMatch(/\.cc-zero\s*\{[^}]*opacity/);
  });
});

describe('popup evidence links', () => {
  it('are named by their source: the outlet, else the title; never three times "Read in source"', async () => {
    const { ClaimList } = await import('../components/popup/ClaimList');
    const claim = {
      text: 'A claim.',
      start: 0,
      end: 8,
      verdict: 'corroborated' as const,
      evidence: [
        { source: 'ft', quote: 'One.', stance: 'supports' as const, reason: 'r', score: 1 },
        { source: 'wire', quote: 'Two.', stance: 'related' as const, reason: 'r', score: 0.5 },
      ],
    };
    const sources = [
      { id: 'ft', title: 'FT piece', outlet: 'Financial Times', date: null },
      { id: 'wire', title: 'Prisoner swap goes ahead in Istanbul', outlet: null, date: null },
    ];
    const html = renderToStaticMarkup(createElement(ClaimList, { items: [{ claim, index: 0 }], sources, onChoose: () => {} }));
    expect(html).toContain('>Read in Financial Times</a>');
    expect(html).toContain('>Read in Prisoner swap goes ahead in Istanbul</a>');
    expect(html).not.toContain('Read in source');
  });
});
