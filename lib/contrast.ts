/**
 * WCAG 2.x contrast: relative luminance of sRGB colours, alpha compositing, and the contrast
 * ratio (1–21). Text needs 4.5:1 (AA, normal size), graphics that carry meaning 3:1. Used by the
 * tests that check Crosscheck's colours — the tooltip and overlay live in a closed shadow root
 * where axe-core cannot compute contrast — and by anything choosing a colour at run time. Pure.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0–1. */
  a: number;
}

/** WCAG AA minimum for normal-size text. */
export const TEXT_CONTRAST = 4.5;
/** WCAG AA minimum for graphical objects and UI component boundaries (non-text contrast). */
export const GRAPHIC_CONTRAST = 3;

/** Parses `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(r, g, b)` and `rgba(r, g, b, a)` (also space-separated); throws otherwise. */
export function parseColor(css: string): Rgba {
  const s = css.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) {
    const [r, g, b] = m[1]!.split('').map((h) => parseInt(h + h, 16));
    return { r: r!, g: g!, b: b!, a: 1 };
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(s);
  if (m) {
    const n = parseInt(m[1]!, 16);
    return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, a: m[2] ? parseInt(m[2], 16) / 255 : 1 };
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
  if (m) {
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: alpha };
  }
  throw new Error(`not a colour this parser knows: ${css}`);
}

/** `top` painted over an opaque `bottom` (source-over). */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** `top` over `bottom` with mix-blend-mode: multiply (how the overlay's tints are drawn). */
export function multiply(top: Rgba, bottom: Rgba): Rgba {
  const blended = { r: (top.r * bottom.r) / 255, g: (top.g * bottom.g) / 255, b: (top.b * bottom.b) / 255, a: top.a };
  return composite(blended, bottom);
}

function channel(c: number): number {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance (0 black – 1 white) of an opaque colour. */
export function luminance(c: Rgba): number {
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/**
 * Contrast ratio of `fg` on `bg` (each a CSS colour or Rgba). A translucent `fg` is first
 * composited over `bg`; a translucent `bg` over white unless `base` says what is beneath it.
 */
export function contrastRatio(fg: string | Rgba, bg: string | Rgba, base: string | Rgba = '#ffffff'): number {
  const under = typeof base === 'string' ? parseColor(base) : base;
  const b = composite(typeof bg === 'string' ? parseColor(bg) : bg, { ...under, a: 1 });
  const f = composite(typeof fg === 'string' ? parseColor(fg) : fg, b);
  const [hi, lo] = [luminance(f), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
