import { VERDICT_LABELS, VERDICTS } from '@/lib/labels';
import type { Verdict } from '@/lib/types';
import { VERDICT_SYMBOLS } from '../verdict-style';

export interface FilterBarProps {
  counts: Record<Verdict, number>;
  on: ReadonlySet<Verdict>;
  onToggle(verdict: Verdict): void;
}

/** Toggle buttons (aria-pressed), one per verdict, that filter the claim list and the matrix. */
export function FilterBar({ counts, on, onToggle }: FilterBarProps) {
  return (
    <div className="cc-filters" role="group" aria-label="Show claims by verdict">
      {VERDICTS.map((v) => (
        <button key={v} type="button" className={`cc-filter verdict-${v}`} aria-pressed={on.has(v)} onClick={() => onToggle(v)}>
          <span className="cc-check" aria-hidden="true">
            {on.has(v) ? '☑' : '☐'}
          </span>{' '}
          <span aria-hidden="true">{VERDICT_SYMBOLS[v]}</span> {VERDICT_LABELS[v]} ({counts[v]})
        </button>
      ))}
    </div>
  );
}
