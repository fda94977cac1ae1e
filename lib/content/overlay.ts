/**
 * Geometry of the highlight overlay. Crosscheck does not mark the page's text in any way the page
 * can read (no CSS Custom Highlight API registry entry, no <mark>, no class, no stylesheet rule):
 * it draws boxes in its own element, inside a closed shadow root, over the lines of each claim.
 * These functions turn a claim's client rectangles into those boxes (one per line, in the
 * overlay's coordinates) and answer "is this point on the claim?". Pure: plain numbers in and out.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Two fragments are on the same line when they overlap vertically by at least this share of the smaller. */
const SAME_LINE_OVERLAP = 0.5;

/**
 * One box per line of text: the fragments a Range reports (one per text node and inline element
 * on each line) merged, empty ones dropped, moved into the overlay's coordinates (`origin` is the
 * overlay's own top-left corner in the same viewport coordinates as `rects`).
 */
export function lineBoxes(rects: ReadonlyArray<Box>, origin: { x: number; y: number } = { x: 0, y: 0 }): Box[] {
  const lines: Box[] = [];
  for (const r of rects) {
    if (!(r.width > 0.5 && r.height > 0.5)) continue;
    const last = lines.at(-1);
    if (last) {
      const overlap = Math.min(last.y + last.height, r.y + r.height) - Math.max(last.y, r.y);
      const horizontallyNear = r.x <= last.x + last.width + 2 && r.x + r.width >= last.x - 2;
      if (overlap >= SAME_LINE_OVERLAP * Math.min(last.height, r.height) && (horizontallyNear || r.x >= last.x)) {
        const x = Math.min(last.x, r.x);
        const y = Math.min(last.y, r.y);
        last.width = Math.max(last.x + last.width, r.x + r.width) - x;
        last.height = Math.max(last.y + last.height, r.y + r.height) - y;
        last.x = x;
        last.y = y;
        continue;
      }
    }
    lines.push({ x: r.x, y: r.y, width: r.width, height: r.height });
  }
  return lines.map((b) => ({
    x: round(b.x - origin.x),
    y: round(b.y - origin.y),
    width: round(b.width),
    height: round(b.height),
  }));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Is (x, y), in the overlay's coordinates, on one of these boxes (within `slop` pixels)? */
export function boxesAt(boxes: ReadonlyArray<Box>, x: number, y: number, slop = 0): boolean {
  for (const b of boxes) if (x >= b.x - slop && x <= b.x + b.width + slop && y >= b.y - slop && y <= b.y + b.height + slop) return true;
  return false;
}

/** Height of the strip an underline is drawn in (its style — wavy, double … — needs some room). */
export const UNDERLINE_STRIP = 11;
/** Where the strip starts, above the foot of the line (lib/content/style.ts draws its line 4–5 px into the strip). */
const STRIP_RISE = 6;

/**
 * Where a line's underline is drawn: a strip across the foot of the line, so that its decoration
 * falls where the text's own underline would (just below the baseline, inside the descent).
 */
export function underlineBox(line: Box): Box {
  return { x: line.x, y: round(line.y + line.height - STRIP_RISE), width: line.width, height: UNDERLINE_STRIP };
}
