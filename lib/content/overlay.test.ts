import { describe, expect, it } from 'vitest';
import { boxesAt, lineBoxes, underlineBox } from './overlay';
import { overlayCss, OVERLAY_HOST_TAG } from './style';
import { DEFAULT_SETTINGS } from '../settings';
import { shadowModeFor } from './privacy';

const r = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe('lineBoxes (item 6: highlights drawn as an overlay)', () => {
  it('merges the fragments of one line into one box, in the overlay’s coordinates', () => {
    // "The talks lasted <strong>roughly</strong> four hours" on one line, then the rest on the next.
    const rects = [r(100, 50, 80, 20), r(180, 51, 60, 18), r(240, 50, 120, 20), r(40, 75, 200, 20)];
    expect(lineBoxes(rects, { x: 10, y: -1000 })).toEqual([r(90, 1050, 260, 20), r(30, 1075, 200, 20)]);
  });
  it('drops empty rectangles (collapsed whitespace, hidden text)', () => {
    expect(lineBoxes([r(0, 0, 0, 20), r(5, 5, 30, 0), r(10, 10, 30, 20)])).toEqual([r(10, 10, 30, 20)]);
  });
});

describe('boxesAt and underlineBox', () => {
  it('finds the line under a point', () => {
    const boxes = [r(90, 1050, 260, 20), r(30, 1075, 200, 20)];
    expect(boxesAt(boxes, 100, 1060)).toBe(true);
    expect(boxesAt(boxes, 300, 1080)).toBe(false);
  });
  it('puts the underline at the foot of the line', () => {
    const u = underlineBox(r(90, 1050, 260, 20));
    expect(u.x).toBe(90);
    expect(u.width).toBe(260);
    expect(u.y).toBeGreaterThan(1050 + 10);
    expect(u.y + u.height).toBeLessThanOrEqual(1050 + 20 + 6);
  });
});

describe('the overlay’s look', () => {
  it('keeps a non-colour cue per verdict, and hides not-covered when asked', () => {
    const css = overlayCss(DEFAULT_SETTINGS);
    for (const s of ['solid', 'wavy', 'double', 'dotted']) expect(css).toContain(s);
    expect(overlayCss({ ...DEFAULT_SETTINGS, showNotCovered: false })).not.toMatch(/\.v-not-covered[^{]*\{[^}]*text-decoration/);
  });
  it('lives in a closed shadow root in release builds; test builds open the tooltip for inspection', () => {
    expect(OVERLAY_HOST_TAG).toBe('crosscheck-layer');
    expect(shadowModeFor(false)).toBe('closed');
    expect(shadowModeFor(true)).toBe('open');
  });
});
