/**
 * Build-time switch for the test-signals channel (lib/content/privacy.ts): only builds made with
 * WXT_CROSSCHECK_SIGNALS=1 (the e2e suite and `npm run bench`) write state on <html>, answer the
 * probe, and open the tooltip's shadow root; release builds tell the page nothing.
 */
import { shadowModeFor } from '@/lib/content/privacy';

export const SIGNALS = (import.meta.env as Record<string, string | undefined>).WXT_CROSSCHECK_SIGNALS === '1';

/** Shadow root mode of the tooltip and the notice. */
export const UI_SHADOW_MODE: ShadowRootMode = shadowModeFor(SIGNALS);
