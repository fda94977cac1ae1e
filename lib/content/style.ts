/**
 * The look of claim highlights, as CSS text for a <style> element in the page's <head>
 * (`::highlight()` rules cannot live in a shadow root: they style the page's own text).
 *
 * Every verdict has a colour AND a distinct underline style, so readers who cannot tell the
 * colours apart still can tell the verdicts: solid = corroborated, wavy = contradicted,
 * double = mixed, dotted = not covered (quiet grey).
 */
import type { Verdict } from '../types';
import type { Settings } from '../settings';
import { VERDICTS } from '../labels';

export const HIGHLIGHT_PREFIX = 'crosscheck-';
/** Name of the temporary highlight used to flash a claim the reader jumped to. */
export const FLASH_HIGHLIGHT = 'crosscheck-flash';
export const STYLE_ELEMENT_ID = 'crosscheck-highlight-style';
/** Name of the highlight under claims the reader has notes on (a light blue wash, no line). */
export const NOTED_HIGHLIGHT = 'crosscheck-noted';
/** The wash of noted text: a background only, so the verdict's underline style stays the cue for the verdict. */
export const NOTED_TINT = 'rgba(9, 105, 218, 0.16)';
/** Class of the <mark> fallback wrappers (browsers without CSS.highlights). */
export const MARK_CLASS = 'crosscheck-mark';

export function highlightName(v: Verdict): string {
  return `${HIGHLIGHT_PREFIX}${v.replace('_', '-')}`;
}

export interface VerdictStyle {
  /** Underline colour (Okabe–Ito palette: distinguishable with the common colour-vision deficiencies). */
  color: string;
  /** Background tint for highlightStyle 'background'. */
  tint: string;
  /** The non-colour cue. */
  decoration: 'solid' | 'wavy' | 'double' | 'dotted';
  thickness: string;
}

export const VERDICT_STYLES: Record<Verdict, VerdictStyle> = {
  corroborated: { color: '#009e73', tint: 'rgba(0, 158, 115, 0.18)', decoration: 'solid', thickness: '2px' },
  contradicted: { color: '#d55e00', tint: 'rgba(213, 94, 0, 0.22)', decoration: 'wavy', thickness: '2px' },
  mixed: { color: '#cc79a7', tint: 'rgba(204, 121, 167, 0.22)', decoration: 'double', thickness: '3px' },
  not_covered: { color: '#8c8c8c', tint: 'rgba(140, 140, 140, 0.12)', decoration: 'dotted', thickness: '1px' },
};

/** Which verdicts are painted under these settings. */
export function paintedVerdicts(s: Pick<Settings, 'showNotCovered'>): Verdict[] {
  return VERDICTS.filter((v) => v !== 'not_covered' || s.showNotCovered);
}

function declarations(v: Verdict, mode: Settings['highlightStyle']): string {
  const st = VERDICT_STYLES[v];
  const line = [
    `text-decoration-line: underline`,
    `text-decoration-style: ${st.decoration}`,
    `text-decoration-color: ${st.color}`,
    `text-decoration-thickness: ${mode === 'background' ? '1px' : st.thickness}`,
  ];
  // The tint replaces the coloured underline as the main cue; the (thin) line style stays, so
  // the verdicts remain distinguishable without colour.
  if (mode === 'background') line.push(`background-color: ${st.tint}`);
  return line.join('; ');
}

/**
 * CSS for the page: one ::highlight() rule per painted verdict, the flash highlight, and the same
 * looks for the <mark> fallback. `visible: false` (highlights toggled off) yields rules that
 * leave the marks looking like plain text.
 */
export function highlightCss(s: Pick<Settings, 'highlightStyle' | 'showNotCovered'>, visible = true): string {
  const rules: string[] = [];
  if (visible) {
    for (const v of paintedVerdicts(s)) {
      const d = declarations(v, s.highlightStyle);
      rules.push(`::highlight(${highlightName(v)}) { ${d}; }`);
      rules.push(`mark.${MARK_CLASS}.${MARK_CLASS}--${v.replace('_', '-')} { color: inherit; background-color: transparent; ${d}; }`);
    }
    rules.push(`::highlight(${NOTED_HIGHLIGHT}) { background-color: ${NOTED_TINT}; }`);
    // A gradient layer, so a mark's verdict tint (background mode) still shows under it.
    rules.push(`mark.${MARK_CLASS}.${MARK_CLASS}--noted { background-image: linear-gradient(${NOTED_TINT}, ${NOTED_TINT}); }`);
    rules.push(`::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 214, 0, 0.55); color: inherit; }`);
    rules.push(`mark.${MARK_CLASS}.${MARK_CLASS}--flash { outline: 2px solid rgba(255, 214, 0, 0.9); }`);
  }
  // Marks not painted (hidden verdicts, or everything when toggled off) look like plain text.
  rules.unshift(`mark.${MARK_CLASS} { color: inherit; background: transparent; text-decoration: none; }`);
  return rules.join('\n');
}
