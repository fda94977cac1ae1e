/**
 * Notes in the hover tooltip: the "your notes" list under the evidence and the note editor the
 * "Add note" button opens. Plain DOM built with textContent (never innerHTML), inside the
 * tooltip's open shadow root. The words, choices and checks are lib/notes-ui/editor.ts's, shared
 * with the React editor of the popup and the notes page.
 *
 * Keyboard: the editor takes focus on its "Note" box; Tab moves through Note, Tags, Your verdict,
 * Because, Save note, Cancel; Ctrl/⌘+Enter saves; Escape cancels and gives focus back to
 * "Add note". Keys typed in the editor do not reach the page (a site's shortcuts stay quiet).
 */
import type { Note } from '@/lib/notes/model';
import {
  EDITOR_LABELS,
  READER_VERDICT_CHOICES,
  checkDraft,
  noteCountLabel,
  readerVerdictFrom,
  readerVerdictLine,
  type NoteDraft,
} from '@/lib/notes-ui/editor';

export const NOTE_EDITOR_CSS = `
.notes { margin-top: 10px; padding-top: 8px; border-top: 1px solid #eaeef2; }
.notes-head { font-weight: 700; font-size: 12px; color: #0969da; margin: 0 0 4px; }
.notes ul { list-style: none; margin: 0; padding: 0; }
.notes li { border: 0; margin: 4px 0 0; padding: 0 0 0 8px; border-left: 3px solid rgba(9,105,218,.35); }
.notes .ntext { white-space: pre-wrap; }
.notes .nmeta { color: #57606a; font-size: 12px; }
form.editor { display: flex; flex-direction: column; gap: 6px; margin-top: 10px; padding-top: 8px; border-top: 1px solid #eaeef2; min-width: min(340px, calc(100vw - 40px)); }
form.editor .field { display: flex; flex-direction: column; gap: 2px; }
form.editor label { font-size: 12px; font-weight: 600; }
form.editor .hint { font-weight: 400; color: #57606a; }
form.editor textarea, form.editor input, form.editor select {
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: inherit; background: #fff;
  border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 6px; box-sizing: border-box; width: 100%;
}
form.editor textarea { min-height: 64px; resize: vertical; }
form.editor :focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
form.editor .row { display: flex; gap: 8px; align-items: center; }
form.editor button { all: unset; cursor: pointer; font-size: 12px; font-weight: 600; padding: 3px 10px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328; }
form.editor button.save { background: #0969da; border-color: #0969da; color: #fff; }
form.editor button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
form.editor button[disabled] { opacity: .6; cursor: default; }
.error { color: #b3261e; font-size: 12px; white-space: pre-wrap; }
.ok { color: #0a7a52; font-size: 12px; font-weight: 600; }
@media (prefers-color-scheme: dark) {
  .notes, form.editor { border-color: #30363d; }
  .notes .nmeta, form.editor .hint { color: #8b949e; }
  form.editor textarea, form.editor input, form.editor select { background: #0d1117; border-color: #30363d; }
  form.editor button { background: #21262d; color: #e6edf3; border-color: #30363d; }
  form.editor button.save { background: #1f6feb; border-color: #1f6feb; color: #fff; }
}
`;

/** A new `tag` element with class `cls` and text `text` (used by the tooltip too). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const MAX_SHOWN_TEXT = 400;

/** "Your notes" for a claim (null when it has none). */
export function renderNoteList(notes: readonly Note[]): HTMLElement | null {
  if (!notes.length) return null;
  const box = el('section', 'notes');
  box.setAttribute('aria-label', 'Your notes on this claim');
  box.append(el('p', 'notes-head', noteCountLabel(notes.length)));
  const list = el('ul');
  for (const n of notes) {
    const li = el('li');
    if (n.text.trim()) {
      const t = n.text.trim();
      li.append(el('div', 'ntext', t.length > MAX_SHOWN_TEXT ? `${t.slice(0, MAX_SHOWN_TEXT)}…` : t));
    }
    const verdict = readerVerdictLine(n);
    if (verdict) li.append(el('div', 'nmeta', verdict));
    if (n.tags.length) li.append(el('div', 'nmeta', `Tags: ${n.tags.join(', ')}`));
    list.append(li);
  }
  box.append(list);
  return box;
}

let editorSeq = 0;

export interface NoteEditorOptions {
  /** Save the draft; resolves to null on success or the error message to show. */
  save(draft: NoteDraft): Promise<string | null>;
  /** Saved: the tooltip shows the result and gives focus back. */
  onSaved(): void;
  /** Cancelled (button or Escape). */
  onCancel(): void;
}

/** The note editor form. Call `focus()` on the returned element's first field after inserting it. */
export function createNoteEditor(opts: NoteEditorOptions): { form: HTMLFormElement; focus(): void } {
  const id = `cc-note-${++editorSeq}`;
  const form = el('form', 'editor');
  form.setAttribute('aria-label', 'New note on this claim');
  form.noValidate = true;

  const text = el('textarea');
  text.id = `${id}-text`;
  text.rows = 3;
  const textLabel = el('label', undefined, EDITOR_LABELS.text);
  textLabel.htmlFor = text.id;

  const tags = el('input');
  tags.type = 'text';
  tags.id = `${id}-tags`;
  tags.autocomplete = 'off';
  const tagsHint = el('span', 'hint', EDITOR_LABELS.tagsHint);
  tagsHint.id = `${id}-tags-hint`;
  tags.setAttribute('aria-describedby', tagsHint.id);
  const tagsLabel = el('label', undefined, EDITOR_LABELS.tags);
  tagsLabel.htmlFor = tags.id;

  const verdict = el('select');
  verdict.id = `${id}-verdict`;
  for (const c of READER_VERDICT_CHOICES) {
    const o = el('option', undefined, c.label);
    o.value = c.value;
    verdict.append(o);
  }
  const verdictLabel = el('label', undefined, EDITOR_LABELS.verdict);
  verdictLabel.htmlFor = verdict.id;

  const reason = el('input');
  reason.type = 'text';
  reason.id = `${id}-reason`;
  reason.placeholder = EDITOR_LABELS.reasonPlaceholder;
  const reasonLabel = el('label', undefined, EDITOR_LABELS.reason);
  reasonLabel.htmlFor = reason.id;

  // Labels wrap nothing (the fields follow them) so each field has exactly one accessible name.
  const field = (label: HTMLLabelElement, input: HTMLElement, hint?: HTMLElement) => {
    const wrap = el('div', 'field');
    wrap.append(label, input);
    if (hint) wrap.append(hint);
    return wrap;
  };

  const save = el('button', 'save', EDITOR_LABELS.save);
  save.type = 'submit';
  const cancel = el('button', undefined, EDITOR_LABELS.cancel);
  cancel.type = 'button';
  const status = el('div');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const row = el('div', 'row');
  row.append(save, cancel);

  form.append(field(textLabel, text), field(tagsLabel, tags, tagsHint), field(verdictLabel, verdict), field(reasonLabel, reason), row, status);

  let busy = false;
  const showError = (msg: string) => {
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = msg;
  };
  const submit = async () => {
    if (busy) return;
    const draft: NoteDraft = { text: text.value, tags: tags.value, readerVerdict: readerVerdictFrom(verdict.value), readerReason: reason.value };
    const problem = checkDraft(draft);
    if (problem) {
      showError(problem);
      text.focus();
      return;
    }
    busy = true;
    save.disabled = true;
    status.className = '';
    status.setAttribute('role', 'status');
    status.textContent = 'Saving…';
    let error: string | null;
    try {
      error = await opts.save(draft);
    } catch (e) {
      error = `Could not save the note: ${e instanceof Error ? e.message : String(e)}. Nothing was saved.`;
    }
    busy = false;
    save.disabled = false;
    if (error) showError(error);
    else opts.onSaved();
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submit();
  });
  cancel.addEventListener('click', () => opts.onCancel());
  // A message about the draft goes away as soon as the reader changes it.
  form.addEventListener('input', () => {
    if (!busy && status.className === 'error') {
      status.className = '';
      status.setAttribute('role', 'status');
      status.textContent = '';
    }
  });
  // Keys stay in the editor: Escape cancels, Ctrl/⌘+Enter saves, nothing reaches the page's own shortcuts.
  const keep = (ev: KeyboardEvent) => {
    ev.stopPropagation();
    if (ev.type !== 'keydown') return;
    if (ev.key === 'Escape') {
      ev.preventDefault();
      opts.onCancel();
    } else if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      void submit();
    }
  };
  for (const type of ['keydown', 'keyup', 'keypress'] as const) form.addEventListener(type, keep);

  return { form, focus: () => text.focus({ preventScroll: true }) };
}
