/**
 * The hover tooltip: a small non-modal dialog in a CLOSED shadow root (the page's scripts and CSS
 * cannot reach it: the verdict and the evidence stay Crosscheck's; assistive technology reads it
 * as usual). Test builds open it, for the tests' role queries (entrypoints/content/signals.ts).
 * Plain DOM, text only (textContent, never innerHTML), so the content script stays small and
 * nothing from the analysis is ever parsed as markup.
 */
import type { TooltipModel } from '@/lib/content/tooltip-model';
import { TOOLTIP_DARK, TOOLTIP_LIGHT, VERDICT_BADGES } from '@/lib/content/palette';
import { announcement } from '@/lib/content/claim-nav';
import type { Note } from '@/lib/notes/model';
import type { NoteDraft } from '@/lib/notes-ui/editor';
import { NOTE_EDITOR_CSS, createNoteEditor, el, renderNoteList } from './note-editor';
import { readerLink } from './sources';
import { UI_SHADOW_MODE } from './signals';

export const UI_HOST_TAG = 'crosscheck-ui';

/** The claim as the tooltip names it: enough to recognise it, short enough not to push the evidence away. */
const CLAIM_SHOWN_CHARS = 160;

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

const L = TOOLTIP_LIGHT;
const D = TOOLTIP_DARK;
const CSS = `
:host { all: initial; }
.tip {
  position: fixed; top: 0; left: 0; box-sizing: border-box;
  width: max-content; max-width: min(420px, calc(100vw - 16px)); max-height: min(60vh, 520px); overflow: auto;
  background: ${L.bg}; color: ${L.text}; border: 1px solid ${L.border}; border-left-width: 6px; border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 10px 12px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
  pointer-events: auto;
}
.tip:focus { outline: 2px solid ${L.accent}; outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.badge { font-weight: 700; font-size: 13px; padding: 1px 8px; border-radius: 999px; color: #fff; }
.brand { color: ${L.muted}; font-size: 12px; flex: 1; }
.close { all: unset; cursor: pointer; font-size: 16px; line-height: 1; padding: 2px 6px; border-radius: 4px; color: ${L.muted}; }
.close:hover, .close:focus-visible { background: #eaeef2; outline: 2px solid ${L.accent}; }
.about { margin: 0 0 6px; font-size: 12px; }
.about-label { font-weight: 600; }
ol { list-style: none; margin: 0; padding: 0; }
li { margin: 8px 0 0; padding-top: 8px; border-top: 1px solid #eaeef2; }
li:first-child { margin-top: 0; padding-top: 0; border-top: 0; }
blockquote { margin: 0; font-style: italic; }
.meta { color: ${L.muted}; font-size: 12px; margin-top: 2px; }
.stance { font-weight: 600; font-style: normal; }
.stance-conflicts { color: ${L.conflicts}; } .stance-supports { color: ${L.supports}; } .stance-related { color: ${L.muted}; }
.reason { font-size: 12px; margin-top: 2px; }
.read { color: ${L.link}; }
.read:focus-visible { outline: 2px solid ${L.accent}; outline-offset: 1px; }
.parts { list-style: none; margin: 0 0 6px; padding: 0; font-size: 12px; }
.part-status { font-weight: 600; }
.on-part { font-size: 12px; margin-top: 2px; font-style: italic; }
.empty { color: ${L.muted}; margin: 4px 0; }
.actions { display: flex; align-items: center; gap: 8px; margin-top: 10px; }
.note { all: unset; cursor: pointer; font-size: 12px; font-weight: 600; padding: 3px 10px; border-radius: 6px; border: 1px solid ${L.border}; background: ${L.button}; color: ${L.buttonText}; }
.note:hover { background: #eaeef2; } .note:focus-visible { outline: 2px solid ${L.accent}; }
.status { color: ${L.muted}; font-size: 12px; }
@media (prefers-color-scheme: dark) {
  .tip { background: ${D.bg}; color: ${D.text}; border-color: ${D.border}; }
  .tip:focus, .close:focus-visible, .note:focus-visible, .read:focus-visible { outline-color: ${D.accent}; }
  .brand, .meta, .status, .empty, .stance-related, .close { color: ${D.muted}; }
  .close:hover, .close:focus-visible { background: ${D.button}; }
  .stance-conflicts { color: ${D.conflicts}; } .stance-supports { color: ${D.supports}; }
  .read { color: ${D.link}; }
  li { border-color: ${D.border}; }
  .note { background: ${D.button}; color: ${D.buttonText}; border-color: ${D.border}; }
}
${NOTE_EDITOR_CSS}
@media (prefers-color-scheme: dark) {
  .notes-head { color: ${D.accent}; } .error { color: ${D.conflicts}; } .ok { color: ${D.supports}; }
}`;

const GAP = 8;
const MARGIN = 8;
/** Announce a moment after the live region is in the page: screen readers skip a region's first words. */
const ANNOUNCE_DELAY_MS = 150;

/** Least height worth giving the tooltip beside the claim (a few lines of evidence) before it may cover the claim. */
const MIN_ROOM = 120;

/**
 * Put the tooltip clear of the whole claim: below its last line on screen (above its first line
 * when there is no room below), starting near the pointer or the claim's start, inside the
 * viewport. When it fits on neither side it goes on the roomier one with its height cut to fit
 * (it scrolls), so it still does not cover the claim it explains.
 */
function placeTooltip(tip: HTMLElement, rects: DOMRect[], pointer: { x: number; y: number } | null): void {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  const top = Math.min(...rects.map((r) => r.top));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  tip.style.maxHeight = '';
  const w = tip.offsetWidth;
  let h = tip.offsetHeight;
  const below = vh - MARGIN - (bottom + GAP);
  const above = top - GAP - MARGIN;
  let x = pointer ? pointer.x - 24 : rects[0]!.left;
  x = Math.max(MARGIN, Math.min(x, vw - w - MARGIN));
  let y: number;
  if (h <= below || (h > above && below >= above && below >= MIN_ROOM)) {
    if (h > below) tip.style.maxHeight = `${Math.floor(below)}px`;
    y = bottom + GAP;
  } else if (h <= above || above >= MIN_ROOM) {
    if (h > above) tip.style.maxHeight = `${Math.floor(above)}px`;
    h = Math.min(h, Math.floor(above));
    y = top - GAP - h;
  } else {
    y = bottom + GAP; // no room either side (a tiny window): keep it on screen, over the claim
  }
  y = Math.max(MARGIN, Math.min(y, vh - tip.offsetHeight - MARGIN));
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
  /** Where focus was before a keyboard open moved it into the tooltip: it goes back there on close. */
  private returnFocus: Element | null = null;
  /** Polite live region (visually hidden, in the closed shadow root: the page cannot read it). */
  private readonly live: HTMLElement;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
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
    this.live = el('div', 'sr-only');
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('data-crosscheck-live', '');
    this.root.appendChild(this.live);
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

  /** Focus is inside the tooltip (a keyboard reader is in it): it does not close on scroll or pointer moves. */
  get hasFocus(): boolean {
    return this.tip !== null && this.root.activeElement !== null;
  }

  /** Say `text` through the live region (politely: after what the screen reader is saying). */
  announce(text: string): void {
    clearTimeout(this.announceTimer);
    this.live.textContent = '';
    this.announceTimer = setTimeout(() => {
      this.live.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  }

  /** true when the event happened inside the tooltip. */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  /**
   * Open on a claim. `focus` (keyboard and popup opens): move focus into the tooltip, and give it
   * back to where it was when the tooltip closes.
   */
  open(model: TooltipModel, claimIndex: number, ranges: Range[], pointer: { x: number; y: number } | null, focus = false): void {
    // Going from one claim's tooltip to the next keeps the first place focus came from.
    const returnTo = this.hasFocus ? this.returnFocus : document.activeElement;
    this.close(false);
    this.returnFocus = focus ? returnTo : null;
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
      // Scrolled away: close, unless the reader is typing a note or reading it from the keyboard.
      if (!onScreen.length) return this.isEditing || this.hasFocus ? undefined : this.close();
      placeTooltip(t, onScreen, this.pointer);
    };
    this.reposition = update;
    if (focus) tip.focus({ preventScroll: true });
    this.announce(announcement(model.label, model.claim));
    update();
    // Follow the claim when the page (or a scrolling container) scrolls or the window resizes.
    const onScroll = () => requestAnimationFrame(update);
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    this.stopTracking = () => {
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
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
    const back = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (hadFocus) {
      // Back where the reader was (a link, a field); else nowhere in particular, as before.
      if (back?.isConnected && back !== document.body && typeof back.focus === 'function') back.focus({ preventScroll: true });
      else (document.activeElement as HTMLElement | null)?.blur?.();
    }
    if (notify) this.cb.onClose();
  }

  destroy(): void {
    clearTimeout(this.announceTimer);
    this.close(false);
    this.host.remove();
  }

  private render(m: TooltipModel, claimIndex: number): HTMLElement {
    const color = VERDICT_BADGES[m.verdict];
    const tip = el('div', 'tip');
    tip.setAttribute('role', 'dialog');
    tip.setAttribute('aria-label', `Crosscheck: ${m.label}`);
    tip.setAttribute('aria-describedby', 'crosscheck-tip-body');
    tip.tabIndex = 0;
    tip.dataset.verdict = m.verdict;
    tip.style.borderLeftColor = color;

    tip.append(
      renderHead(m, color, () => this.close()),
      renderBody(m),
    );
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
  // Which claim this is about (a screen reader cannot see the highlight it was opened from).
  const about = el('p', 'about');
  about.append(el('span', 'about-label', 'Claim: '), document.createTextNode(`“${shorten(m.claim, CLAIM_SHOWN_CHARS)}”`));
  body.append(about);
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
      li.append(readerLink(e.source, e.quote, e.outlet));
      list.append(li);
    }
    body.append(list);
  } else {
    body.append(el('p', 'empty', m.empty));
  }
  return body;
}
