/**
 * Bringing a claim or a note into view (from the popup's claim list or a #crosscheck-note link):
 * scrolled to the middle of the viewport, smoothly unless the reader asked for reduced motion, and
 * how long to wait before opening its tooltip so it opens where the claim came to rest.
 */

/** Wait after a smooth scroll before opening the tooltip (the scroll has settled by then). */
export const SMOOTH_SCROLL_SETTLE_MS = 450;
/** Wait after an instant scroll (reduced motion): one frame or so for the layout. */
export const INSTANT_SCROLL_SETTLE_MS = 50;

/** Scroll `range`'s start into view (`instant`: no smooth scroll, e.g. from the keyboard); returns the ms until the scroll has settled. */
export function scrollToRange(range: Range, instant = false): number {
  const el = range.startContainer.parentElement;
  const reduce = instant || window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  if (el) el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  return reduce ? INSTANT_SCROLL_SETTLE_MS : SMOOTH_SCROLL_SETTLE_MS;
}
