/**
 * The hover tooltip: a small non-modal dialog in a CLOSED shadow root (the page's scripts and CSS
 * cannot reach it: the verdict and the evidence stay Crosscheck's; assistive technology reads it
 * as usual). Test builds open it, for the tests' role queries (entrypoints/content/signals.ts).
 * Plain DOM, text only (textContent, never innerHTML), so the content script stays small and
 * nothing from the analysis is ever parsed as markup.
 */
import type { TooltipModel } from '@/lib/content/tooltip-model';
import { VERDICT_STYLES } from '@/lib/content/style';
import type { Note } from '@/lib/notes/model';
import type { NoteDraft } from '@/lib/notes-ui/editor';
import { NOTE_EDITOR_CSS, createNoteEditor, el, renderNoteList } from './note-editor';
import { readerLink } from './sources';
import { UI_SHADOW_MODE } from './signals';

export const UI_HOST_TAG = 'crosscheck-ui';

const CSS = `
:host { all: initial; }
.tip {
  position: fixed; top: 0; left: 0; box-sizing: border-box;
  width: max-content; max-width: min(420px, calc(100vw - 16px)); max-height: min(60vh, 520px); overflow: auto;
  background: #fff; color: #1f2328; border: 1px solid #d0d7de; border-left-width: 6px; border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 10px 12px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
  pointer-events: auto;
}
.tip:focus { outline: 2px solid #0969da; outline-offset: 2px; }
.head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.badge { font-weight: 700; font-size: 13px; padding: 1px 8px; border-radius: 999px; color: #fff; }
.brand { color: #57606a; font-size: 12px; flex: 1; }
.close { all: unset; cursor: pointer; font-size: 16px; line-height: 1; padding: 2px 6px; border-radius: 4px; color: #57606a; }
.close:hover, .close:focus-visible { background: #eaeef2; outline: 2px solid #0969da; }
ol { list-style: none; margin: 0; padding: 0; }
li { margin: 8px 0 0; padding-top: 8px; border-top: 1px solid #eaeef2; }
li:first-child { margin-top: 0; padding-top: 0; border-top: 0; }
blockquote { margin: 0; font-style: italic; }
.meta { color: #57606a; font-size: 12px; margin-top: 2px; }
.stance { font-weight: 600; font-style: normal; }
.stance-conflicts { color: #b3261e; } .stance-supports { color: #0a7a52; } .stance-related { color: #57606a; }
.reason { font-size: 12px; margin-top: 2px; }
.parts { list-style: none; margin: 0 0 6px; padding: 0; font-size: 12px; }
.part-status { font-weight: 600; }
.on-part { font-size: 12px; margin-top: 2px; font-style: italic; }
.empty { color: #57606a; margin: 4px 0; }
.actions { display: flex; align-items: center; gap: 8px; margin-top: 10px; }
.note { all: unset; cursor: pointer; font-size: 12px; font-weight: 600; padding: 3px 10px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328; }
.note:hover { background: #eaeef2; } .note:focus-visible { outline: 2px solid #0969da; }
.status { color: #57606a; font-size: 12px; }
@media (prefers-color-scheme: dark) {
  .tip { background: #161b22; color: #e6edf3; border-color: #30363d; }
  .brand, .meta, .status, .empty, .stance-related { color: #8b949e; }
  li { border-color: #30363d; }
  .note { background: #21262d; color: #e6edf3; border-color: #30363d; }
}
${NOTE_EDITOR_CSS}`;

const GAP = 8;
const MARGIN = 8;

/**
 * Put the tooltip below the line of the claim under the pointer (above it when there is no room
 * below), starting near the pointer, kept inside the viewport.
 */
function placeTooltip(tip: HTMLElement, rects: DOMRect[], pointer: { x: number; y: number } | null): void {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  const line =
    (pointer && rects.find((r) => pointer.y >= r.top - 2 && pointer.y <= r.bottom + 2)) || rects[0]!;
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  let x = pointer ? pointer.x - 24 : line.left;
  x = Math.max(MARGIN, Math.min(x, vw - w - MARGIN));
  let y = line.bottom + GAP;
  if (y + h > vh - MARGIN && line.top - GAP - h >= MARGIN) y = line.top - GAP - h;
  y = Math.max(MARGIN, Math.min(y, vh - h - MARGIN));
  tip.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
}

export interface TooltipCallbacks {
  onPointerEnter(): void;
  onPointerLeave(): void;
  onClose(): void;
  /** The reader's notes on a claim (shown under the evidence). */
  notesFor(claimIndex: number): readonly Note[];
  /** Save a new note on a claim: resolves to null when saved, or the error message to show. */
  saveNote(claimIndex: number, draft: NoteDraft): Promise<string | null>;
}

export class Tooltip {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private tip: HTMLElement | null = null;
  private stopTracking: (() => void) | null = null;
  private reposition: (() => void) | null = null;
  private editor: HTMLElement | null = null;
  /** The claim's text the tooltip is placed against (changes when a repaint finds the claim again). */
  private range: Range | null = null;
  private model: TooltipModel | null = null;
  private pointer: { x: number; y: number } | null = null;
  claimIndex: number | null = null;

  constructor(private cb: TooltipCallbacks) {
    this.host = document.createElement(UI_HOST_TAG);
    this.host.setAttribute('data-crosscheck-ui', '');
    // Hidden until the content script's stylesheet shows it (entrypoints/content/hosts.css).
    this.host.style.cssText = 'all: initial; display: none; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
    this.root = this.host.attachShadow({ mode: UI_SHADOW_MODE });
    const style = document.createElement('style');
    style.textContent = CSS;
    this.root.appendChild(style);
    this.host.addEventListener('mouseenter', () => this.cb.onPointerEnter());
    this.host.addEventListener('mouseleave', () => this.cb.onPointerLeave());
  }

  get isOpen(): boolean {
    return this.tip !== null;
  }

  /** The note editor is open: the tooltip must not close on its own (the reader is typing). */
  get isEditing(): boolean {
    return this.editor !== null;
  }

  /** true when the event happened inside the tooltip. */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  open(model: TooltipModel, claimIndex: number, ranges: Range[], pointer: { x: number; y: number } | null, focus = false): void {
    this.close(false);
    if (!this.host.isConnected) document.documentElement.appendChild(this.host);
    this.claimIndex = claimIndex;
    this.model = model;
    this.pointer = pointer;
    this.range = ranges[0]!;
    const tip = this.render(model, claimIndex);
    this.root.appendChild(tip);
    this.tip = tip;
    const update = () => {
      const t = this.tip;
      if (!t || !this.range) return;
      let rects: DOMRect[] = [];
      try {
        rects = Array.from(this.range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
      } catch {
        rects = [];
      }
      const onScreen = rects.filter((r) => r.bottom > 0 && r.top < window.innerHeight);
      if (!onScreen.length) return this.isEditing ? undefined : this.close();
      placeTooltip(t, onScreen, this.pointer);
    };
    this.reposition = update;
    update();
    // Follow the claim when the page (or a scrolling container) scrolls or the window resizes.
    const onScroll = () => requestAnimationFrame(update);
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    this.stopTracking = () => {
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
    if (focus) tip.focus({ preventScroll: true });
  }

  /**
   * The page was repainted and the claim found again (maybe under another index, on new text
   * nodes): keep the tooltip open on it. Its content is rebuilt only when what it says changed,
   * and never while a note is being typed.
   */
  retarget(model: TooltipModel, claimIndex: number, ranges: Range[]): void {
    if (!this.tip) return;
    this.claimIndex = claimIndex;
    this.range = ranges[0] ?? this.range;
    if (!this.isEditing && JSON.stringify(model) !== JSON.stringify(this.model)) {
      const hadFocus = this.root.activeElement !== null;
      const fresh = this.render(model, claimIndex);
      this.tip.replaceWith(fresh);
      this.tip = fresh;
      if (hadFocus) fresh.focus({ preventScroll: true });
    }
    this.model = model;
    this.reposition?.();
  }

  close(notify = true): void {
    if (!this.tip) return;
    const hadFocus = this.root.activeElement !== null;
    this.stopTracking?.();
    this.stopTracking = null;
    this.reposition = null;
    this.editor = null;
    this.tip.remove();
    this.tip = null;
    this.claimIndex = null;
    this.range = null;
    this.model = null;
    if (hadFocus) (document.activeElement as HTMLElement | null)?.blur?.();
    if (notify) this.cb.onClose();
  }

  destroy(): void {
    this.close(false);
    this.host.remove();
  }

  private render(m: TooltipModel, claimIndex: number): HTMLElement {
    const color = VERDICT_STYLES[m.verdict].color;
    const tip = el('div', 'tip');
    tip.setAttribute('role', 'dialog');
    tip.setAttribute('aria-label', `Crosscheck: ${m.label}`);
    tip.setAttribute('aria-describedby', 'crosscheck-tip-body');
    tip.tabIndex = 0;
    tip.dataset.verdict = m.verdict;
    tip.style.borderLeftColor = color;

    tip.append(renderHead(m, color, () => this.close()), renderBody(m));
    const notes = renderNoteList(this.cb.notesFor(claimIndex));
    if (notes) tip.append(notes);
    tip.append(this.renderActions(claimIndex, notes));

    tip.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.stopPropagation();
        this.close();
      }
    });
    return tip;
  }

  /** "Add note" and its status line; the button opens the note editor below them. */
  private renderActions(claimIndex: number, shownNotes: HTMLElement | null): HTMLElement {
    let notes = shownNotes;
    const actions = el('div', 'actions');
    const note = el('button', 'note', 'Add note');
    note.type = 'button';
    note.setAttribute('aria-expanded', 'false');
    const status = el('span', 'status');
    status.setAttribute('role', 'status');
    const closeEditor = () => {
      this.editor?.remove();
      this.editor = null;
      note.setAttribute('aria-expanded', 'false');
      note.focus({ preventScroll: true });
      this.reposition?.();
    };
    note.addEventListener('click', () => {
      if (this.editor) return (this.editor.querySelector('[role="textbox"]') as HTMLElement | null)?.focus();
      status.textContent = '';
      const ed = createNoteEditor({
        save: (draft) => this.cb.saveNote(this.claimIndex ?? claimIndex, draft),
        onCancel: closeEditor,
        onSaved: () => {
          closeEditor();
          const fresh = renderNoteList(this.cb.notesFor(this.claimIndex ?? claimIndex));
          if (fresh) {
            if (notes) notes.replaceWith(fresh);
            else actions.before(fresh);
            notes = fresh;
          }
          status.textContent = 'Note saved.';
          this.reposition?.();
        },
      });
      this.editor = ed.root;
      note.setAttribute('aria-expanded', 'true');
      actions.after(ed.root);
      this.reposition?.();
      ed.focus();
    });
    actions.append(note, status);
    return actions;
  }
}

/** The verdict badge, the brand and the close button. */
function renderHead(m: TooltipModel, color: string, close: () => void): HTMLElement {
  const head = el('div', 'head');
  const badge = el('span', 'badge', m.label);
  badge.style.background = color;
  head.append(badge, el('span', 'brand', 'Crosscheck'));
  const button = el('button', 'close', '×');
  button.type = 'button';
  button.setAttribute('aria-label', 'Close');
  button.addEventListener('click', close);
  head.append(button);
  return head;
}

/** What the sources say: each part of a compound claim, then the evidence (or why there is none). */
function renderBody(m: TooltipModel): HTMLElement {
  const body = el('div');
  body.id = 'crosscheck-tip-body';
  if (m.parts.length) {
    // A compound claim: what the sources say of each of its parts.
    const parts = el('ul', 'parts');
    parts.setAttribute('aria-label', 'Parts of the claim');
    for (const p of m.parts) {
      const li = el('li', `part part-${p.status}`);
      li.append(el('span', 'part-status', `${p.label}: `), document.createTextNode(`“${p.words}”`));
      parts.append(li);
    }
    body.append(parts);
  }
  if (m.evidence.length) {
    const list = el('ol');
    for (const e of m.evidence) {
      const li = el('li');
      li.append(el('blockquote', 'quote', `“${e.quote}”`));
      const meta = el('div', 'meta');
      meta.append(el('span', `stance stance-${e.stance}`, e.stanceLabel), document.createTextNode(` · ${[e.outlet, e.date].filter(Boolean).join(', ')}`));
      li.append(meta);
      if (e.part) li.append(el('div', 'on-part', `On: “${e.part}”`));
      if (e.reason) li.append(el('div', 'reason', e.reason));
      li.append(readerLink(e.source, e.quote));
      list.append(li);
    }
    body.append(list);
  } else {
    body.append(el('p', 'empty', m.empty));
  }
  return body;
}
