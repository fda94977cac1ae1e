import { VERDICT_LABELS, VERDICTS } from '@/lib/labels';
import type { Verdict } from '@/lib/types';
import { VERDICT_SYMBOLS } from '../verdict-style';
import { VERDICT_COLORS } from '../VerdictBadge';

/** Claims per verdict: symbol + word + count, in the verdict's colour. */
export function VerdictSummary({ counts }: { counts: Record<Verdict, number> }) {
  return (
    <ul className="cc-summary" aria-label="Claims by verdict">
      {VERDICTS.map((v) => (
        <li
          key={v}
          className={`cc-summary-item verdict-${v}${counts[v] === 0 ? ' cc-zero' : ''}`}
          data-verdict={v}
          // A verdict with no claim: the same dark text on the page's white, a dashed frame (no faded text).
          style={{ color: VERDICT_COLORS[v].fg, background: counts[v] === 0 ? 'transparent' : VERDICT_COLORS[v].bg }}
        >
          <span className="cc-symbol" aria-hidden="true">
            {VERDICT_SYMBOLS[v]}
          </span>
          <span className="cc-summary-word">{VERDICT_LABELS[v]}</span>
          <span className="cc-summary-count">{counts[v]}</span>
        </li>
      ))}
    </ul>
  );
}
