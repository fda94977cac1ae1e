/**
 * Hover intent for the claim tooltip: the pointer must rest on a claim a moment before its tooltip
 * opens, may cross a gap onto the tooltip without closing it, and is hit-tested at a throttled
 * rate (the last position always looked at). One state machine, so the open / close / follow rules
 * live in one place instead of in the mousemove handler.
 *
 * Pure: the painter's hit test, the tooltip and the timers are passed in (the content script
 * wires them to the page; tests to a fake clock).
 */

/** Pointer must rest on a claim this long before the tooltip opens. */
export const HOVER_OPEN_MS = 300;
/** Grace period to move the pointer from the claim onto the tooltip. */
export const HOVER_CLOSE_MS = 300;
/** mousemove hit-testing at most this often. */
export const HOVER_THROTTLE_MS = 50;

export interface Point {
  x: number;
  y: number;
}

export interface HoverTimers {
  setTimeout(fn: () => void, ms: number): number | undefined;
  clearTimeout(id: number | undefined): void;
  /** A monotonic clock in ms (performance.now()). */
  now(): number;
}

/** What hover intent needs to know of the tooltip (entrypoints/content/tooltip.ts). */
export interface HoverTooltip {
  readonly claimIndex: number | null;
  readonly isOpen: boolean;
  readonly isEditing: boolean;
  /** Focus is inside it (keyboard or screen reader): pointer moves and scrolling leave it open. */
  readonly hasFocus?: boolean;
  close(): void;
}

export interface HoverDeps<C extends { index: number }> {
  /** The painted claim under the point, if any. */
  claimAt(x: number, y: number): C | null;
  /** The tooltip, once one was made. */
  tooltip(): HoverTooltip | null;
  /** Open the tooltip on `claim` near `pointer`. */
  open(claim: C, pointer: Point): void;
  timers: HoverTimers;
}

export class HoverIntent<C extends { index: number }> {
  private hoverTimer: number | undefined;
  private closeTimer: number | undefined;
  /** The claim the pointer rests on, waiting for HOVER_OPEN_MS. */
  private candidate: number | null = null;
  private lastMove = 0;
  private trailingMove: number | undefined;
  private overTooltip = false;
  private pointer: Point | null = null;
  private stopped = false;

  constructor(private readonly deps: HoverDeps<C>) {}

  /** The pointer moved to `pointer` (over the tooltip or not). */
  move(pointer: Point, overTooltip: boolean): void {
    this.pointer = pointer;
    this.overTooltip = overTooltip;
    const wait = this.lastMove + HOVER_THROTTLE_MS - this.deps.timers.now();
    if (wait > 0) {
      // Throttled, but the last position always gets looked at (trailing edge).
      this.trailingMove ??= this.deps.timers.setTimeout(() => {
        this.trailingMove = undefined;
        this.hitTest();
      }, wait);
      return;
    }
    this.hitTest();
  }

  private hitTest(): void {
    this.lastMove = this.deps.timers.now();
    if (this.stopped || !this.pointer) return;
    if (this.overTooltip) return this.keepOpen();
    const claim = this.deps.claimAt(this.pointer.x, this.pointer.y);
    const idx = claim?.index ?? null;
    const tip = this.deps.tooltip();
    if (idx !== null && idx === tip?.claimIndex) return this.keepOpen();
    if (idx !== this.candidate) {
      this.deps.timers.clearTimeout(this.hoverTimer);
      this.candidate = idx;
      if (claim) {
        this.hoverTimer = this.deps.timers.setTimeout(() => {
          const p = this.pointer;
          const again = p ? this.deps.claimAt(p.x, p.y) : null;
          if (p && again?.index === claim.index) this.deps.open(again, p);
        }, HOVER_OPEN_MS);
      }
    }
    if (idx === null && tip?.isOpen) this.scheduleClose();
  }

  /** Cancel a pending close (the pointer is on the claim or the tooltip). */
  keepOpen(): void {
    this.deps.timers.clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  /** Close the tooltip after the grace period, unless a note is being typed in it or focus is in it. */
  scheduleClose(): void {
    const tip = this.deps.tooltip();
    if (this.closeTimer !== undefined || tip?.isEditing || tip?.hasFocus) return;
    this.closeTimer = this.deps.timers.setTimeout(() => {
      this.closeTimer = undefined;
      this.deps.tooltip()?.close();
    }, HOVER_CLOSE_MS);
  }

  /** Forget the claim the pointer was waiting on (the window lost focus, the tooltip closed). */
  cancel(): void {
    this.deps.timers.clearTimeout(this.hoverTimer);
    this.candidate = null;
  }

  /** The tooltip closed: no close pending, and the next claim under the pointer opens it again. */
  closed(): void {
    this.keepOpen();
    this.candidate = null;
  }

  /** The claims were repainted: look up the claim under the pointer again. */
  repainted(): void {
    this.cancel();
    if (this.pointer && !this.overTooltip) this.hitTest();
  }

  /** The content script stops: no timer fires any more. */
  stop(): void {
    this.stopped = true;
    this.deps.timers.clearTimeout(this.hoverTimer);
    this.deps.timers.clearTimeout(this.closeTimer);
  }
}
