/**
 * Notes in the hover tooltip: the "your notes" list under the evidence and the note editor the
 * "Add note" button opens. Plain DOM built with textContent (never innerHTML), inside the
 * tooltip's open shadow root. The words, choices and checks are lib/notes-ui/editor.ts's, shared
 * with the React editor of the popup and the notes page.
 *
 * Keyboard: the editor takes focus on its "Note" box; Tab moves through Note, Tags, Your verdict,
 * Because, Save note, Cancel; Ctrl/⌘+Enter saves; Escape cancels and gives focus back to
 * "Add note". Keys typed in the editor do not reach the page (a site's shortcuts stay quiet).
 *
 * No form and no text input or textarea: nothing a browser's autofill service looks at (a note's
 * text must never prompt the browser to send anything anywhere).
 */
import type { Note } from '@/lib/notes/model';
import { EDITOR_LABELS, READER_VERDICT_CHOICES, checkDraft, noteCountLabel, readerVerdictFrom, readerVerdictLine, type NoteDraft } from '@/lib/notes-ui/editor';

export const NOTE_EDITOR_CSS = `
.notes { margin-top: 10px; padding-top: 8px; border-top: 1px solid #eaeef2; }
.notes-head { font-weight: 700; font-size: 12px; color: #0969da; margin: 0 0 4px; }
.notes ul { list-style: none; margin: 0; padding: 0; }
.notes li { border: 0; margin: 4px 0 0; padding: 0 0 0 8px; border-left: 3px solid rgba(9,105,218,.35); }
.notes .ntext { white-space: pre-wrap; }
.notes .nmeta { color: #57606a; font-size: 12px; }
.editor { display: flex; flex-direction: column; gap: 6px; margin-top: 10px; padding-top: 8px; border-top: 1px solid #eaeef2; min-width: min(340px, calc(100vw - 40px)); }
.editor .field { display: flex; flex-direction: column; gap: 2px; }
.editor .label { font-size: 12px; font-weight: 600; cursor: default; }
.editor .hint { font-weight: 400; color: #57606a; font-size: 12px; }
.editor .box, .editor select {
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: inherit; background: #fff; text-align: left;
  border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 6px; box-sizing: border-box; width: 100%;
}
.editor .box { min-height: 26px; max-height: 12em; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; cursor: text; -webkit-user-modify: read-write-plaintext-only; }
.editor .box.multi { min-height: 64px; resize: vertical; }
.editor .box:not(.multi) { white-space: nowrap; overflow-x: auto; overflow-y: hidden; }
.editor .box:empty::before { content: attr(data-placeholder); color: #6e7781; pointer-events: none; }
.editor :focus-visible, .editor .box:focus { outline: 2px solid #0969da; outline-offset: 1px; }
.editor .row { display: flex; gap: 8px; align-items: center; }
.editor button { all: unset; cursor: pointer; font-size: 12px; font-weight: 600; padding: 3px 10px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328; }
.editor button.save { background: #0969da; border-color: #0969da; color: #fff; }
.editor button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.editor button[disabled] { opacity: .6; cursor: default; }
.error { color: #b3261e; font-size: 12px; white-space: pre-wrap; }
.ok { color: #0a7a52; font-size: 12px; font-weight: 600; }
@media (prefers-color-scheme: dark) {
  .notes, .editor { border-color: #30363d; }
  .notes .nmeta, .editor .hint { color: #8b949e; }
  .editor .box, .editor select { background: #0d1117; border-color: #30363d; }
  .editor button { background: #21262d; color: #e6edf3; border-color: #30363d; }
  .editor button.save { background: #1f6feb; border-color: #1f6feb; color: #fff; }
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

let plainText: boolean | undefined;
/** Does this browser know contenteditable="plaintext-only"? (Setting an unknown value throws.) */
function plainTextEditing(): boolean {
  if (plainText === undefined) {
    try {
      document.createElement('div').contentEditable = 'plaintext-only';
      plainText = true;
    } catch {
      plainText = false;
    }
  }
  return plainText;
}

/**
 * A text box that is not a form control: an editable region (plain text only) with the textbox
 * role. Browsers' autofill services look at text inputs and textareas — Chromium asks Google's
 * servers about them as soon as a reader types, whatever autocomplete="off" says — never at
 * editable regions, so a note typed here prompts no traffic.
 */
function textbox(id: string, labelId: string, multiline: boolean, placeholder?: string): HTMLElement {
  const box = el('div', multiline ? 'box multi' : 'box');
  box.id = id;
  box.setAttribute('role', 'textbox');
  // Browsers without plain-text-only editing get an ordinary editable region (pasted formatting dropped below).
  box.setAttribute('contenteditable', plainTextEditing() ? 'plaintext-only' : 'true');
  box.setAttribute('aria-multiline', String(multiline));
  box.setAttribute('aria-labelledby', labelId);
  box.setAttribute('autocapitalize', 'sentences');
  box.tabIndex = 0;
  if (placeholder) {
    box.setAttribute('aria-placeholder', placeholder);
    box.dataset.placeholder = placeholder;
  }
  box.addEventListener('keydown', (ev) => {
    // One line only in the single-line boxes (Ctrl/⌘+Enter still saves: the editor handles it).
    if (!multiline && ev.key === 'Enter' && !ev.ctrlKey && !ev.metaKey) ev.preventDefault();
  });
  box.addEventListener('paste', (ev) => {
    if (box.getAttribute('contenteditable') === 'plaintext-only') return;
    ev.preventDefault();
    const t = ev.clipboardData?.getData('text/plain') ?? '';
    document.execCommand('insertText', false, multiline ? t : t.replace(/\s*\n\s*/g, ' '));
  });
  return box;
}

/** The text typed in a text box (line breaks kept in the note; none in single-line boxes). */
function valueOf(box: HTMLElement, multiline: boolean): string {
  const t = (box.innerText ?? box.textContent ?? '').replace(/\u00a0/g, ' ');
  return multiline ? t.replace(/\n$/, '') : t.replace(/\s*\n\s*/g, ' ');
}

interface EditorFields {
  /** The labelled fields, in tab order. */
  fields: HTMLElement[];
  text: HTMLElement;
  tags: HTMLElement;
  verdict: HTMLSelectElement;
  reason: HTMLElement;
}

/** The editor's four fields (Note, Tags, Your verdict, Because), each with exactly one label. */
function editorFields(id: string): EditorFields {
  const label = (for_: string, text: string) => {
    const l = el('span', 'label', text);
    l.id = `${for_}-label`;
    return l;
  };
  const textLabel = label(`${id}-text`, EDITOR_LABELS.text);
  const text = textbox(`${id}-text`, textLabel.id, true);

  const tagsLabel = label(`${id}-tags`, EDITOR_LABELS.tags);
  const tags = textbox(`${id}-tags`, tagsLabel.id, false);
  const tagsHint = el('span', 'hint', EDITOR_LABELS.tagsHint);
  tagsHint.id = `${id}-tags-hint`;
  tags.setAttribute('aria-describedby', tagsHint.id);

  const verdict = el('select');
  verdict.id = `${id}-verdict`;
  verdict.setAttribute('autocomplete', 'off');
  for (const c of READER_VERDICT_CHOICES) {
    const o = el('option', undefined, c.label);
    o.value = c.value;
    verdict.append(o);
  }
  const verdictLabel = el('label', 'label', EDITOR_LABELS.verdict);
  verdictLabel.htmlFor = verdict.id;

  const reasonLabel = label(`${id}-reason`, EDITOR_LABELS.reason);
  const reason = textbox(`${id}-reason`, reasonLabel.id, false, EDITOR_LABELS.reasonPlaceholder);

  // A click on a text box's label puts the caret in it (as a <label> does for a form control).
  for (const [l, box] of [
    [textLabel, text],
    [tagsLabel, tags],
    [reasonLabel, reason],
  ] as const) {
    l.addEventListener('click', () => box.focus());
  }

  // Each field has exactly one accessible name (its label, which wraps nothing).
  const field = (l: HTMLElement, input: HTMLElement, hint?: HTMLElement) => {
    const wrap = el('div', 'field');
    wrap.append(l, input);
    if (hint) wrap.append(hint);
    return wrap;
  };
  const fields = [field(textLabel, text), field(tagsLabel, tags, tagsHint), field(verdictLabel, verdict), field(reasonLabel, reason)];
  return { fields, text, tags, verdict, reason };
}

/**
 * "Save note": check the draft, save it (the button disabled meanwhile), and say what went wrong
 * in `status`; a message about the draft goes away as soon as the reader changes it.
 */
function wireSave(root: HTMLElement, f: EditorFields, save: HTMLButtonElement, status: HTMLElement, opts: NoteEditorOptions): () => Promise<void> {
  let busy = false;
  const showError = (msg: string) => {
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = msg;
  };
  const submit = async () => {
    if (busy) return;
    const draft: NoteDraft = {
      text: valueOf(f.text, true),
      tags: valueOf(f.tags, false),
      readerVerdict: readerVerdictFrom(f.verdict.value),
      readerReason: valueOf(f.reason, false),
    };
    const problem = checkDraft(draft);
    if (problem) {
      showError(problem);
      f.text.focus();
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
  save.addEventListener('click', () => void submit());
  // A message about the draft goes away as soon as the reader changes it.
  const changed = () => {
    if (!busy && status.className === 'error') {
      status.className = '';
      status.setAttribute('role', 'status');
      status.textContent = '';
    }
  };
  root.addEventListener('input', changed);
  root.addEventListener('change', changed);
  return submit;
}

/**
 * The note editor: a group of text boxes, a select and two buttons — no <form>, no text input or
 * textarea (see `textbox`). Insert `root`, then call `focus()` to put the caret in "Note".
 */
export function createNoteEditor(opts: NoteEditorOptions): { root: HTMLElement; focus(): void } {
  const id = `cc-note-${++editorSeq}`;
  const root = el('div', 'editor');
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', 'New note on this claim');
  const f = editorFields(id);

  const save = el('button', 'save', EDITOR_LABELS.save);
  save.type = 'button';
  const cancel = el('button', undefined, EDITOR_LABELS.cancel);
  cancel.type = 'button';
  const status = el('div');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const row = el('div', 'row');
  row.append(save, cancel);

  root.append(...f.fields, row, status);

  const submit = wireSave(root, f, save, status, opts);
  cancel.addEventListener('click', () => opts.onCancel());
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
  for (const type of ['keydown', 'keyup', 'keypress'] as const) root.addEventListener(type, keep);

  return { root, focus: () => f.text.focus({ preventScroll: true }) };
}
