import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { EDITOR_LABELS, EMPTY_DRAFT, READER_VERDICT_CHOICES, checkDraft, readerVerdictFrom, type NoteDraft } from '@/lib/notes-ui/editor';

export interface NoteEditorProps {
  /** The draft to start from (editing an existing note); default empty. */
  initial?: NoteDraft;
  /** Save: resolves to null when saved, or the error message to show (the editor stays open). */
  onSave(draft: NoteDraft): Promise<string | null>;
  onCancel(): void;
  /** Accessible name of the form. */
  label?: string;
}

/**
 * The note editor of the popup and the notes page: the same fields and checks as the tooltip's
 * (lib/notes-ui/editor.ts). Takes focus on its "Note" box; Escape cancels; Ctrl/⌘+Enter saves.
 */
export function NoteEditor({ initial = EMPTY_DRAFT, onSave, onCancel, label = 'Note editor' }: NoteEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState<NoteDraft>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const set = (patch: Partial<NoteDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (!busy) setError(null); // a message about the draft goes away once it changes
  };

  const submit = async (ev?: FormEvent) => {
    ev?.preventDefault();
    if (busy) return;
    const problem = checkDraft(draft);
    if (problem) {
      setError(problem);
      textRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    let err: string | null;
    try {
      err = await onSave(draft);
    } catch (e) {
      err = `Could not save the note: ${e instanceof Error ? e.message : String(e)}. Nothing was saved.`;
    }
    setBusy(false);
    if (err) setError(err);
  };

  const onKeyDown = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      ev.stopPropagation();
      onCancel();
    } else if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      void submit();
    }
  };

  return (
    <form className="cc-note-editor" aria-label={label} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <label htmlFor={`${id}-text`}>{EDITOR_LABELS.text}</label>
      <textarea id={`${id}-text`} ref={textRef} rows={3} autoFocus value={draft.text} onChange={(e) => set({ text: e.target.value })} />
      <label htmlFor={`${id}-tags`}>{EDITOR_LABELS.tags}</label>
      <input
        id={`${id}-tags`}
        type="text"
        autoComplete="off"
        aria-describedby={`${id}-tags-hint`}
        value={draft.tags}
        onChange={(e) => set({ tags: e.target.value })}
      />
      <span id={`${id}-tags-hint`} className="cc-hint">
        {EDITOR_LABELS.tagsHint}
      </span>
      <label htmlFor={`${id}-verdict`}>{EDITOR_LABELS.verdict}</label>
      <select id={`${id}-verdict`} value={draft.readerVerdict ?? ''} onChange={(e) => set({ readerVerdict: readerVerdictFrom(e.target.value) })}>
        {READER_VERDICT_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reason`}>{EDITOR_LABELS.reason}</label>
      <input
        id={`${id}-reason`}
        type="text"
        placeholder={EDITOR_LABELS.reasonPlaceholder}
        value={draft.readerReason}
        onChange={(e) => set({ readerReason: e.target.value })}
      />
      <div className="cc-actions">
        <button type="submit" className="cc-primary" disabled={busy}>
          {EDITOR_LABELS.save}
        </button>
        <button type="button" onClick={onCancel}>
          {EDITOR_LABELS.cancel}
        </button>
      </div>
      <EditorStatus error={error} busy={busy} />
    </form>
  );
}

/** Under the buttons: why the note was not saved, or that it is being saved. */
function EditorStatus({ error, busy }: { error: string | null; busy: boolean }) {
  if (error)
    return (
      <p className="cc-field-error" role="alert">
        {error}
      </p>
    );
  return busy ? (
    <p className="cc-note" role="status">
      Saving…
    </p>
  ) : null;
}
