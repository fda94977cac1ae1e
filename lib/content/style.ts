/**
 * The look of claim highlights. They are drawn as an overlay in a closed shadow root
 * (`overlayCss`, lib/content/overlay.ts), so the page can neither read nor restyle them; the
 * `<mark>` fallback (a developer switch) and its `highlightCss` <style> element in the page's
 * <head> remain for browsers and tests that need the page's own DOM marked.
 *
 * Every verdict has a colour AND a distinct underline style, so readers who cannot tell the
 * colours apart still can tell the verdicts: solid = corroborated, wavy = contradicted,
 * double = mixed, dotted = not covered (quiet grey).
 */
import type { Verdict } from '../types';
import type { Settings } from '../settings';
import { VERDICTS } from '../labels';

export const HIGHLIGHT_PREFIX = 'crosscheck-';
/** Tag of the element that holds the highlight overlay (in the page, after <body>; its shadow root is closed). */
export const OVERLAY_HOST_TAG = 'crosscheck-layer';
/** Name of the temporary highlight used to flash a claim the reader jumped to. */
export const FLASH_HIGHLIGHT = 'crosscheck-flash';
export const STYLE_ELEMENT_ID = 'crosscheck-highlight-style';
/** Name of the highlight under claims the reader has notes on (a light blue wash, no line). */
export const NOTED_HIGHLIGHT = 'crosscheck-noted';
/** The wash of noted text: a background only, so the verdict's underline style stays the cue for the verdict. */
export const NOTED_TINT = 'rgba(9, 105, 218, 0.16)';
/**
 * The ring drawn round a claim the reader jumped to: 3.8:1 on a white page and 4.9:1 on a
 * near-black one (WCAG's 3:1 for graphics on either). A ring, not a fill: a yellow wash
 * multiplied over a dark page lowered the text's own contrast to 3.2:1.
 */
export const FLASH_RING = '#a67c00';
/** Class of the <mark> fallback wrappers (browsers without CSS.highlights). */
export const MARK_CLASS = 'crosscheck-mark';

/**
 * The verdict's highlight label, e.g. `crosscheck-contradicted`: the name the `<mark>` fallback's
 * classes use, and the label test builds give each painted claim in their probe. Never registered
 * where a page can read it.
 */
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
    `text-decoration-thickness: ${st.thickness}`,
  ];
  // The tint adds to the line; the line stays at full thickness in both modes: the tints are too
  // light to carry the verdict alone (1.1–1.4:1 against the page), the line reaches 3:1.
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

/** Overlay class of a verdict (inside the closed shadow root only). */
export function verdictClass(v: Verdict): string {
  return `v-${v.replace('_', '-')}`;
}

/** Which verdict is drawn on top where claims overlap (higher wins): contradictions first. */
export const VERDICT_PRIORITY: Record<Verdict, number> = { not_covered: 1, corroborated: 2, mixed: 3, contradicted: 4 };

/** Spaces the underline strip's decoration is drawn under (a strip is clipped to its line's width). */
const STRIP_TEXT = '\\a0'.repeat(160);

/**
 * CSS of the overlay, inside its closed shadow root: per verdict a strip under each line carrying
 * the verdict's text decoration (the same colour, style and thickness the text itself would get),
 * and in background mode a tint over the line; the wash under noted text; the flash of a claim the
 * reader jumped to. `visible: false` draws nothing.
 */
export function overlayCss(s: Pick<Settings, 'highlightStyle' | 'showNotCovered'>, visible = true): string {
  const rules = [
    `.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; }`,
    `.layer > div { position: absolute; box-sizing: border-box; pointer-events: none; }`,
    `.sentinel { visibility: hidden; }`,
    `.u { overflow: hidden; }`,
    `.u::before { content: "${STRIP_TEXT}"; display: block; white-space: pre; color: transparent; font: 4px/4px monospace; letter-spacing: 10px;` +
      ` text-decoration-line: underline; text-decoration-skip-ink: none; text-underline-offset: 1px; }`,
    `.t, .n { mix-blend-mode: multiply; }`,
  ];
  if (visible) {
    for (const v of paintedVerdicts(s)) {
      const st = VERDICT_STYLES[v];
      // Full thickness in background mode too: the line, not the light tint, carries the verdict (3:1).
      rules.push(
        `.u.${verdictClass(v)}::before { text-decoration-style: ${st.decoration}; text-decoration-color: ${st.color}; text-decoration-thickness: ${st.thickness}; }`,
      );
      if (s.highlightStyle === 'background') rules.push(`.t.${verdictClass(v)} { background-color: ${st.tint}; }`);
    }
    rules.push(`.n { background-color: ${NOTED_TINT}; }`);
    rules.push(`.f { box-shadow: 0 0 0 2px ${FLASH_RING}; border-radius: 2px; }`);
  } else {
    rules.push(`.layer { display: none; }`);
  }
  return rules.join('\n');
}
