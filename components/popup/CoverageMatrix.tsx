import { useId } from 'react';
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
  const captionId = useId();
  return (
    <div>
      <p className="cc-matrix-caption" id={captionId}>
        What each source says about each claim
        {items.length < total ? ` (${items.length} of ${total} claims shown)` : ''}
      </p>
      {/* A scrolling region: focusable so it can be scrolled with the keyboard. */}
      <div className="cc-matrix-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="cc-matrix" aria-labelledby={captionId}>
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
                  const kind = coverageCell(claim, s.id);
                  const cell = CELL[kind];
                  return (
                    <td key={s.id} className={`cc-cell cc-cell-${kind}`} title={`${sourceShortLabel(s)}: ${cell.word}`}>
                      <span aria-hidden="true">{cell.symbol}</span>
                      <span className="cc-sr-only">{cell.word}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="cc-legend" aria-label="Legend">
        <li className="cc-cell-supports">✓ supports</li>
        <li className="cc-cell-conflicts">✗ conflicts</li>
        <li className="cc-cell-both">± both</li>
        <li>· silent (nothing, or related context only)</li>
      </ul>
      <dl className="cc-source-key">
        {sources.map((s) => (
          <div key={s.id}>
            <dt>{sourceShortLabel(s)}</dt>
            <dd>
              {[s.outlet && s.outlet !== sourceShortLabel(s) ? s.outlet : null, s.date, s.id].filter(Boolean).join(' · ')}
              {s.title && s.title !== s.id ? ` — ${shorten(s.title, 90)}` : ''}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
