import { VerdictBadge } from '../VerdictBadge';
import type { Note } from '@/lib/notes/model';
import { anchorNotice, type StoredAnchor } from '@/lib/notes-ui/anchor-store';
import { readerVerdictLine } from '@/lib/notes-ui/editor';
import { isWebUrl, noteLinkUrl } from '@/lib/notes-ui/link';
import { shortDateTime } from '@/lib/notes-ui/page';

export interface NoteCardProps {
  note: Note;
  /** Where the note was found when its page was last opened (storage.local), if known. */
  anchor?: StoredAnchor;
  onEdit(): void;
  onDelete(): void;
}

/**
 * One note on the notes page: its page, the claim quote, Crosscheck's verdict word, the reader's
 * verdict and reason, the text, tags and dates, where it was last found, and its actions.
 * Everything is rendered as text; only http(s) page URLs become links.
 */
export function NoteCard({ note: n, anchor, onEdit, onDelete }: NoteCardProps) {
  const link = noteLinkUrl(n.pageUrl, n.id);
  const orphan = anchorNotice(anchor);
  const verdictLine = readerVerdictLine(n);
  return (
    <article className={`cc-note-card verdict-${n.claimVerdict}`} aria-label={`Note on “${n.claimText.slice(0, 80)}”`} data-note-id={n.id}>
      <p className="cc-note-page">
        {isWebUrl(n.pageUrl) ? (
          <a href={n.pageUrl} target="_blank" rel="noopener noreferrer">
            {n.pageTitle || n.pageUrl}
          </a>
        ) : (
          <span>{n.pageTitle || n.pageUrl}</span>
        )}
        {n.pageTitle && <span className="cc-note-url"> · {n.pageUrl}</span>}
      </p>
      <blockquote className="cc-quote cc-note-claim">{n.claimText}</blockquote>
      <p className="cc-note-verdicts">
        <span>
          Crosscheck: <VerdictBadge verdict={n.claimVerdict} />
        </span>
        {verdictLine && <span className="cc-reader-verdict">{verdictLine}</span>}
      </p>
      {n.text.trim() && <p className="cc-note-text">{n.text}</p>}
      {n.tags.length > 0 && (
        <ul className="cc-tags" aria-label="Tags">
          {n.tags.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      {orphan && (
        <p className="cc-orphan" role="note">
          {orphan}
        </p>
      )}
      <p className="cc-meta cc-note-dates">
        Created {shortDateTime(n.createdAt)}
        {n.updatedAt !== n.createdAt && <> · updated {shortDateTime(n.updatedAt)}</>}
      </p>
      <div className="cc-actions">
        {link && (
          <a className="cc-button-link" href={link} target="_blank" rel="noopener noreferrer">
            Open at the claim
          </a>
        )}
        <button type="button" onClick={onEdit}>
          Edit
        </button>
        <button type="button" onClick={onDelete}>
          Delete
        </button>
      </div>
    </article>
  );
}
