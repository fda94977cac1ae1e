import type { Verdict } from '@/lib/types';

/** A symbol per verdict, shown next to the word so colour is never the only cue. */
export const VERDICT_SYMBOLS: Record<Verdict, string> = {
  corroborated: '✓',
  contradicted: '✗',
  mixed: '±',
  not_covered: '–',
};
