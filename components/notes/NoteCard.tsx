import { VerdictBadge } from '../VerdictBadge';
import type { Note } from '@/lib/notes/model';
import type { DamagedNote } from '@/lib/notes/db';
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

/** Problems shown for a damaged note before "and N more". */
const MAX_SHOWN_ISSUES = 5;

/**
 * A stored note that is no longer valid: what can still be read of it (page, claim, text, date)
 * and why it is not valid. Everything is rendered as text; nothing is a link.
 */
export function DamagedNoteCard({ note: d }: { note: DamagedNote }) {
  const shown = d.issues.slice(0, MAX_SHOWN_ISSUES);
  const more = d.issues.length - shown.length;
  return (
    <article className="cc-note-card cc-note-damaged" aria-label={`Damaged note ${d.id}`} data-note-id={d.id} data-damaged="true">
      <p className="cc-note-page">
        <span>{d.pageTitle || d.pageUrl || 'Page unknown'}</span>
        {d.pageTitle && d.pageUrl && <span className="cc-note-url"> · {d.pageUrl}</span>}
      </p>
      {d.claimText && <blockquote className="cc-quote cc-note-claim">{d.claimText}</blockquote>}
      {d.text?.trim() && <p className="cc-note-text">{d.text}</p>}
      <p className="cc-orphan" role="note">
        Damaged: this note is kept as stored but cannot be used. What is wrong:
      </p>
      <ul className="cc-note-issues">
        {shown.map((issue, i) => (
          <li key={i}>{issue}</li>
        ))}
        {more > 0 && <li>and {more} more</li>}
      </ul>
      <p className="cc-meta cc-note-dates">
        {d.createdAt ? `Created ${shortDateTime(d.createdAt)} · ` : ''}id {d.id}
      </p>
    </article>
  );
}
