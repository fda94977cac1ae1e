import { VERDICT_LABELS } from '@/lib/labels';
import type { Verdict } from '@/lib/types';

export { VERDICT_LABELS };

export const VERDICT_COLORS: Record<Verdict, { fg: string; bg: string }> = {
  corroborated: { fg: '#14532d', bg: '#dcfce7' },
  contradicted: { fg: '#7f1d1d', bg: '#fee2e2' },
  mixed: { fg: '#78350f', bg: '#fef3c7' },
  not_covered: { fg: '#374151', bg: '#f3f4f6' },
};

export interface VerdictBadgeProps {
  verdict: Verdict;
}

/** A small pill showing a verdict word, e.g. "Corroborated". Shared by popup, options and tooltip. */
export function VerdictBadge({ verdict }: VerdictBadgeProps) {
  const { fg, bg } = VERDICT_COLORS[verdict];
  return (
    <span
      className={`verdict-badge verdict-${verdict}`}
      data-verdict={verdict}
      style={{
        color: fg,
        background: bg,
        borderRadius: '999px',
        padding: '1px 8px',
        fontSize: '12px',
        fontWeight: 600,
        whiteSpace: 'nowrap',
      }}
    >
      {VERDICT_LABELS[verdict]}
    </span>
  );
}

export default VerdictBadge;
