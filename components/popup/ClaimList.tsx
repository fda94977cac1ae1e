import { useId, useState } from 'react';
import type { Analysis } from '@/lib/messages';
import { STANCE_WORDS, shorten, sourceLine } from '@/lib/popup/model';
import { VerdictBadge } from '../VerdictBadge';
import { ClaimNoteControls } from '../notes/PageNotesSection';
import { ReadSourceLink } from '../sources/PopupSources';

type Claim = Analysis['claims'][number];
type Source = Analysis['sources'][number];

/** A source title is cut to this in a "Read in …" link (outlets are short; titles can be long). */
const READ_NAME_CHARS = 40;

export interface ClaimListProps {
  items: Array<{ claim: Claim; index: number }>;
  sources: Source[];
  /**
   * The reader chose a claim: show it in the page. `byKeyboard`: chosen with Enter or Space (the
   * popup then closes, so focus can go to the page).
   */
  onChoose(index: number, byKeyboard?: boolean): void;
}

/** The claims, each with a "show in page" button and expandable evidence. */
export function ClaimList({ items, sources, onChoose }: ClaimListProps) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  if (items.length === 0) return <p className="cc-note">No claims match the selected verdicts.</p>;
  return (
    <ol className="cc-claims">
      {items.map(({ claim, index }) => (
        <ClaimItem key={index} claim={claim} index={index} byId={byId} onChoose={onChoose} />
      ))}
    </ol>
  );
}

const PART_WORDS = { supported: 'Supported', disputed: 'Disputed', mixed: 'Mixed', not_covered: 'Not covered' } as const;

function ClaimItem({
  claim,
  index,
  byId,
  onChoose,
}: {
  claim: Claim;
  index: number;
  byId: Map<string, Source>;
  onChoose(i: number, byKeyboard?: boolean): void;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const n = claim.evidence.length;
  return (
    <li className={`cc-claim verdict-${claim.verdict}`} data-index={index}>
      <button type="button" className="cc-claim-go" onClick={(e) => onChoose(index, e.detail === 0)} title="Show this claim in the page">
        <span className="cc-claim-head">
          <span className="cc-claim-num">{index + 1}</span> <VerdictBadge verdict={claim.verdict} />
        </span>
        <span className="cc-claim-text">{claim.text}</span>
      </button>
      {(claim.parts?.length ?? 0) > 1 && (
        <ul className="cc-parts" aria-label="Parts of the claim">
          {claim.parts!.map((p, i) => (
            <li key={i} className={`cc-part cc-part-${p.status}`}>
              <strong>{PART_WORDS[p.status]}:</strong> “{p.words}”
            </li>
          ))}
        </ul>
      )}
      {n > 0 ? (
        <button type="button" className="cc-disclosure" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Evidence ({n})
        </button>
      ) : (
        <p className="cc-note">No source sentence found.</p>
      )}
      {n > 0 && (
        <ul id={panelId} className="cc-evidence" hidden={!open}>
          {claim.evidence.map((e, i) => (
            <li key={i} className={`cc-ev cc-ev-${e.stance}`}>
              <p className="cc-ev-meta">
                <strong className="cc-stance">{STANCE_WORDS[e.stance]}</strong> — {e.reason}
              </p>
              {e.part ? <p className="cc-ev-part">On: “{e.part}”</p> : null}
              <blockquote className="cc-quote">{e.quote}</blockquote>
              <p className="cc-ev-source">{sourceLine(byId.get(e.source), e.source)}</p>
              <ReadSourceLink source={e.source} quote={e.quote} name={readName(byId.get(e.source))} />
            </li>
          ))}
        </ul>
      )}
      <ClaimNoteControls index={index} />
    </li>
  );
}

/** The name a "Read in …" link gives its source: the outlet, else the (shortened) title. */
function readName(s: Source | undefined): string {
  return s?.outlet || (s?.title ? shorten(s.title, READ_NAME_CHARS) : '');
}
