/**
 * The tooltip's colours, light and dark (it follows the reader's colour scheme), in one place so
 * their contrast is tested (lib/content/palette.test.ts, with lib/contrast.ts): axe-core cannot
 * see inside Crosscheck's closed shadow root. Text reaches 4.5:1 on its background, the verdict's
 * border 3:1. The verdict badge has white text on the verdict's deep colour (VERDICT_BADGES).
 */
import type { Verdict } from '../types';

export interface TooltipPalette {
  bg: string;
  text: string;
  /** Secondary text: outlet and date, status, the "Crosscheck" brand, "Related". */
  muted: string;
  border: string;
  link: string;
  conflicts: string;
  supports: string;
  /** The notes heading and the focus ring. */
  accent: string;
  button: string;
  buttonText: string;
}

export const TOOLTIP_LIGHT: TooltipPalette = {
  bg: '#ffffff',
  text: '#1f2328',
  muted: '#57606a',
  border: '#d0d7de',
  link: '#0969da',
  conflicts: '#b3261e',
  supports: '#0a7a52',
  accent: '#0969da',
  button: '#f6f8fa',
  buttonText: '#1f2328',
};

/** GitHub's dark palette: the light theme's reds, greens and blues fall to 2.7–3.3:1 on it. */
export const TOOLTIP_DARK: TooltipPalette = {
  bg: '#161b22',
  text: '#e6edf3',
  muted: '#8b949e',
  border: '#30363d',
  link: '#58a6ff',
  conflicts: '#ff7b72',
  supports: '#3fb950',
  accent: '#58a6ff',
  button: '#21262d',
  buttonText: '#e6edf3',
};

/**
 * Badge background per verdict, white text on it (5.2–5.7:1): the highlight colours
 * (lib/content/style.ts) darkened in the same hue; the Okabe–Ito originals give white text
 * 3.1–3.9:1 only. Also the tooltip's left border (3:1 against both tooltip backgrounds).
 */
export const VERDICT_BADGES: Record<Verdict, string> = {
  corroborated: '#00755a',
  contradicted: '#b34f00',
  mixed: '#a8437c',
  not_covered: '#6b6b6b',
};
