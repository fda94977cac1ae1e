import { describe, expect, it } from 'vitest';
import { GRAPHIC_CONTRAST, TEXT_CONTRAST, contrastRatio } from '../contrast';
import { TOOLTIP_DARK, TOOLTIP_LIGHT, VERDICT_BADGES } from './palette';
import { VERDICT_STYLES } from './style';
import { VERDICTS } from '../labels';

describe('tooltip colours (WCAG AA)', () => {
  for (const [name, p] of [
    ['light', TOOLTIP_LIGHT],
    ['dark', TOOLTIP_DARK],
  ] as const) {
    it(`${name}: every text colour reaches 4.5:1 on the tooltip and on its buttons`, () => {
      for (const fg of [p.text, p.muted, p.link, p.conflicts, p.supports, p.accent]) {
        expect(contrastRatio(fg, p.bg), `${fg} on ${p.bg}`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      }
      expect(contrastRatio(p.buttonText, p.button)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    });

    it(`${name}: the verdict border and the focus ring reach 3:1 against the tooltip`, () => {
      for (const v of VERDICTS) expect(contrastRatio(VERDICT_BADGES[v], p.bg), v).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
      expect(contrastRatio(p.accent, p.bg)).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
    });
  }

  it('badges: white text reaches 4.5:1 on every verdict (the underline colours do not)', () => {
    for (const v of VERDICTS) expect(contrastRatio('#ffffff', VERDICT_BADGES[v]), v).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(VERDICTS.some((v) => contrastRatio('#ffffff', VERDICT_STYLES[v].color) < TEXT_CONTRAST)).toBe(true);
  });

  it('underlines: every verdict line reaches 3:1 on a white page and on a near-black one', () => {
    for (const v of VERDICTS) {
      expect(contrastRatio(VERDICT_STYLES[v].color, '#ffffff'), v).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
      expect(contrastRatio(VERDICT_STYLES[v].color, '#121212'), v).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
    }
  });
});

describe('highlight overlay (WCAG AA)', () => {
  it('background mode keeps the full-thickness line: its tints alone stay under 3:1', async () => {
    const { overlayCss, FLASH_RING } = await import('./style');
    const css = overlayCss({ highlightStyle: 'background', showNotCovered: true });
    for (const v of VERDICTS) {
      const cls = `v-${v.replace('_', '-')}`;
      expect(css).toContain(
        `.u.${cls}::before { text-decoration-style: ${VERDICT_STYLES[v].decoration}; text-decoration-color: ${VERDICT_STYLES[v].color}; text-decoration-thickness: ${VERDICT_STYLES[v].thickness}; }`,
      );
      expect(contrastRatio(VERDICT_STYLES[v].tint, '#ffffff')).toBeLessThan(GRAPHIC_CONTRAST);
    }
    // The flash is a ring that reaches 3:1 on light and dark pages, and no fill over the text.
    expect(css).toContain(`.f { box-shadow: 0 0 0 2px ${FLASH_RING}`);
    expect(css).not.toMatch(/\.f \{[^}]*background/);
    expect(contrastRatio(FLASH_RING, '#ffffff')).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
    expect(contrastRatio(FLASH_RING, '#121212')).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
  });
});
