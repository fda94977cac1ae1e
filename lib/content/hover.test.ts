import { describe, expect, it } from 'vitest';
import { HOVER_CLOSE_MS, HOVER_OPEN_MS, HOVER_THROTTLE_MS, HoverIntent, type HoverTimers, type Point } from './hover';

/** A fake clock: timers fire only when the test advances time. */
class FakeTimers implements HoverTimers {
  private t = 1000;
  private next = 1;
  private due = new Map<number, { at: number; fn: () => void }>();
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.due.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (id: number | undefined) => {
    if (id !== undefined) this.due.delete(id);
  };
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const first = [...this.due.entries()].filter(([, d]) => d.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!first) break;
      this.due.delete(first[0]);
      this.t = first[1].at;
      first[1].fn();
    }
    this.t = end;
  }
}

/** Two claims side by side: x < 100 is claim 0, 100 ≤ x < 200 claim 1, beyond is no claim. */
function setup() {
  const timers = new FakeTimers();
  const tip = {
    claimIndex: null as number | null,
    isOpen: false,
    isEditing: false,
    closes: 0,
    close() {
      this.isOpen = false;
      this.claimIndex = null;
      this.closes++;
    },
  };
  const opened: Array<{ index: number; at: Point }> = [];
  const hover = new HoverIntent<{ index: number }>({
    claimAt: (x) => (x < 100 ? { index: 0 } : x < 200 ? { index: 1 } : null),
    tooltip: () => tip,
    open: (claim, at) => {
      opened.push({ index: claim.index, at });
      tip.isOpen = true;
      tip.claimIndex = claim.index;
    },
    timers,
  });
  return { timers, tip, opened, hover };
}

describe('HoverIntent: when the claim tooltip opens and closes', () => {
  it('opens only after the pointer rested on a claim', () => {
    const { timers, opened, hover } = setup();
    hover.move({ x: 10, y: 5 }, false);
    timers.advance(HOVER_OPEN_MS - 1);
    expect(opened).toHaveLength(0);
    timers.advance(1);
    expect(opened).toEqual([{ index: 0, at: { x: 10, y: 5 } }]);
  });

  it('does not open on a claim the pointer only passed over', () => {
    const { timers, opened, hover } = setup();
    hover.move({ x: 10, y: 5 }, false);
    timers.advance(HOVER_THROTTLE_MS);
    hover.move({ x: 300, y: 5 }, false);
    timers.advance(HOVER_OPEN_MS * 2);
    expect(opened).toHaveLength(0);
  });

  it('throttles hit tests but always looks at the last position', () => {
    const { timers, opened, hover } = setup();
    hover.move({ x: 300, y: 5 }, false);
    hover.move({ x: 150, y: 5 }, false); // inside the throttle window: looked at on its trailing edge
    timers.advance(HOVER_THROTTLE_MS + HOVER_OPEN_MS);
    expect(opened.map((o) => o.index)).toEqual([1]);
  });

  it('closes after a grace period when the pointer leaves, not when it reaches the tooltip', () => {
    const { timers, tip, hover } = setup();
    hover.move({ x: 10, y: 5 }, false);
    timers.advance(HOVER_OPEN_MS);
    hover.move({ x: 300, y: 5 }, false);
    timers.advance(HOVER_CLOSE_MS / 2);
    hover.move({ x: 310, y: 5 }, true); // onto the tooltip within the grace period
    timers.advance(HOVER_CLOSE_MS * 2);
    expect(tip.isOpen).toBe(true);
    hover.move({ x: 300, y: 5 }, false);
    timers.advance(HOVER_CLOSE_MS);
    expect(tip.closes).toBe(1);
  });

  it('never closes a tooltip with a note being typed', () => {
    const { timers, tip, hover } = setup();
    hover.move({ x: 10, y: 5 }, false);
    timers.advance(HOVER_OPEN_MS);
    tip.isEditing = true;
    hover.move({ x: 300, y: 5 }, false);
    timers.advance(HOVER_CLOSE_MS * 3);
    expect(tip.isOpen).toBe(true);
  });

  it('fires nothing once stopped', () => {
    const { timers, opened, hover } = setup();
    hover.move({ x: 10, y: 5 }, false);
    hover.stop();
    timers.advance(HOVER_OPEN_MS * 2);
    hover.move({ x: 150, y: 5 }, false);
    timers.advance(HOVER_OPEN_MS * 2);
    expect(opened).toHaveLength(0);
  });

  it('looks the claim under the pointer up again after a repaint', () => {
    const { timers, opened, hover } = setup();
    hover.move({ x: 10, y: 5 }, false);
    hover.cancel(); // e.g. the window lost focus
    timers.advance(HOVER_OPEN_MS);
    expect(opened).toHaveLength(0);
    hover.repainted();
    timers.advance(HOVER_OPEN_MS);
    expect(opened.map((o) => o.index)).toEqual([0]);
  });
});
