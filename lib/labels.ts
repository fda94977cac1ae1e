import type { Verdict } from './types';

/** The words a reader sees for each verdict, shared by the CLI table and the React components. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  corroborated: 'Corroborated',
  contradicted: 'Contradicted',
  mixed: 'Mixed',
  not_covered: 'Not covered',
};

export const VERDICTS: readonly Verdict[] = ['corroborated', 'contradicted', 'mixed', 'not_covered'];
