/**
 * What a web page may learn from Crosscheck: nothing of what it found. Its elements in the page
 * keep their content in CLOSED shadow roots (the page's scripts cannot reach in; `host.shadowRoot`
 * is null), draw the highlights as an overlay there instead of in the page's CSS Custom Highlight
 * API registry (whose names and ranges any script can read, restyle and clear), and write no
 * attribute, class or stylesheet rule that names a verdict or holds a claim's text.
 *
 * Builds for the tests (WXT_CROSSCHECK_SIGNALS=1) add a test-signals channel that release builds
 * do not have: state attributes on <html>, the tooltip's shadow root open (so tests and their role
 * queries can reach it), and a probe — the page dispatches PROBE_EVENT on `document` and the
 * content script writes a JSON snapshot of what it painted to PROBE_ATTRIBUTE on <html>.
 *
 * Pure constants and decisions.
 */

/** Shadow root mode of Crosscheck's tooltip and notice: closed, except in test builds. */
export function shadowModeFor(testSignals: boolean): ShadowRootMode {
  return testSignals ? 'open' : 'closed';
}

/** Test builds only: the event a test dispatches on `document` to ask what is painted. */
export const PROBE_EVENT = 'crosscheck-test-probe';
/** Test builds only: where the answer goes (on <html>). */
export const PROBE_ATTRIBUTE = 'data-crosscheck-probe';

/** One painted range in a probe answer: its text and its client rectangles (viewport coordinates). */
export interface ProbeRange {
  text: string;
  rects: Array<{ x: number; y: number; width: number; height: number }>;
}

/** A probe answer (test builds only). `name` is the verdict's test label, e.g. crosscheck-contradicted. */
export interface ProbeSnapshot {
  mode: 'overlay' | 'mark';
  visible: boolean;
  /** Boxes drawn in the overlay now (0 when hidden or removed). */
  boxes: number;
  claims: Array<ProbeRange & { index: number; name: string; verdict: string }>;
  flash: ProbeRange[];
  noted: ProbeRange[];
}
