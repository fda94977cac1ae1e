import type { Analysis } from '@/lib/messages';
import { coverageCell, shorten, sourceLine, sourceShortLabel, type Cell } from '@/lib/popup/model';

type Claim = Analysis['claims'][number];
type Source = Analysis['sources'][number];

const CELL: Record<Cell, { symbol: string; word: string }> = {
  supports: { symbol: '✓', word: 'supports' },
  conflicts: { symbol: '✗', word: 'conflicts' },
  both: { symbol: '±', word: 'supports and conflicts' },
  silent: { symbol: '·', word: 'silent' },
};

export interface CoverageMatrixProps {
  items: Array<{ claim: Claim; index: number }>;
  sources: Source[];
  total: number;
}

/** Claims × sources: does each source support (✓), conflict with (✗), both (±), or say nothing (·)? */
export function CoverageMatrix({ items, sources, total }: CoverageMatrixProps) {
  return (
    <div className="cc-matrix-wrap">
      <table className="cc-matrix">
        <caption>
          What each source says about each claim
          {items.length < total ? ` (${items.length} of ${total} claims shown)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="cc-matrix-corner">
              Claim
            </th>
            {sources.map((s) => (
              <th key={s.id} scope="col" title={`${sourceLine(s, s.id)}\n${s.title}`}>
                <span className="cc-colhead">{sourceShortLabel(s)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map(({ claim, index }) => (
            <tr key={index}>
              <th scope="row" title={claim.text} className="cc-rowhead">
                <span className="cc-rownum">{index + 1}</span> <span className="cc-rowtext">{shorten(claim.text, 60)}</span>
              </th>
              {sources.map((s) => {
                const cell = CELL[coverageCell(claim, s.id)];
                return (
                  <td key={s.id} className={`cc-cell cc-cell-${coverageCell(claim, s.id)}`} title={`${sourceShortLabel(s)} ${cell.word}`}>
                    <span aria-hidden="true">{cell.symbol}</span>
                    <span className="cc-sr-only">{cell.word}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="cc-legend">
        <span className="cc-cell-supports">✓ supports</span> · <span className="cc-cell-conflicts">✗ conflicts</span> ·{' '}
        <span className="cc-cell-both">± both</span> · <span>· silent (nothing, or related context only)</span>
      </p>
      <dl className="cc-source-key">
        {sources.map((s) => (
          <div key={s.id}>
            <dt>{sourceShortLabel(s)}</dt>
            <dd>
              {sourceLine(s, s.id)}
              {s.title && s.title !== s.id ? ` — ${shorten(s.title, 90)}` : ''}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
