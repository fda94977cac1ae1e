/**
 * Build-time switch for the test-signals channel (lib/content/privacy.ts): only builds made with
 * WXT_CROSSCHECK_SIGNALS=1 (the e2e suite and `npm run bench`) write state on <html>, answer the
 * probe, and open the tooltip's shadow root; release builds tell the page nothing.
 */
import { PROBE_ATTRIBUTE, shadowModeFor } from '@/lib/content/privacy';

export const SIGNALS = (import.meta.env as Record<string, string | undefined>).WXT_CROSSCHECK_SIGNALS === '1';

/** Shadow root mode of the tooltip and the notice. */
export const UI_SHADOW_MODE: ShadowRootMode = shadowModeFor(SIGNALS);

/**
 * Test and benchmark signals on <html> (`data-crosscheck-status`, `-count`, `-ms` …). Only
 * builds made with WXT_CROSSCHECK_SIGNALS=1 (the e2e suite and `npm run bench`) write them: a
 * release build tells the page nothing about what Crosscheck found.
 */
export function setSignal(name: string, value: string): void {
  if (!SIGNALS) return;
  document.documentElement.setAttribute(`data-crosscheck-${name}`, value);
}

/** The test probe (test builds only): what is painted, written to <html> for the test to read. */
export function answerProbe(snapshot: unknown): void {
  document.documentElement.setAttribute(PROBE_ATTRIBUTE, JSON.stringify(snapshot));
}
