/**
 * Paints claim ranges in the page, where the page cannot see them: boxes drawn over each claim's
 * lines in an overlay element whose shadow root is CLOSED (lib/content/overlay.ts for the
 * geometry, lib/content/style.ts for the look). Nothing the page can read — no CSS Custom
 * Highlight API registry entry, no attribute, class or stylesheet rule, no text — says which
 * sentences were checked or what was found, and the page cannot restyle or clear the highlights:
 * if it removes or hides the overlay element, the element comes back.
 *
 * The `<mark>` fallback (a developer switch) wraps the text in <mark> elements instead.
 * Also answers "which claim is under this point?" for the hover tooltip.
 */
import type { Verdict } from '@/lib/types';
import {
  MARK_CLASS,
  OVERLAY_HOST_TAG,
  STYLE_ELEMENT_ID,
  VERDICT_PRIORITY,
  highlightCss,
  highlightName,
  overlayCss,
  paintedVerdicts,
  verdictClass,
} from '@/lib/content/style';
import { boxesAt, lineBoxes, underlineBox, type Box } from '@/lib/content/overlay';
import type { ProbeRange, ProbeSnapshot } from '@/lib/content/privacy';
import type { Settings } from '@/lib/settings';

export interface PaintedClaim {
  /** Index of the claim in analysis.claims. */
  index: number;
  verdict: Verdict;
  /** Ranges covering the claim's text (one in the overlay; one per <mark> in the fallback). */
  ranges: Range[];
}

export type PaintMode = 'overlay' | 'mark';

const FLASH_MS = 1600;
/** Re-attachments of the overlay allowed per second (a page that keeps removing it cannot make us spin). */
const MAX_REATTACH_PER_SECOND = 20;

/**
 * The overlay host's own inline style. `display: none` until the content script's stylesheet
 * (entrypoints/content/hosts.css, declared in the manifest) shows it: Firefox removes that
 * stylesheet when the extension is removed, and with it every highlight the unloaded script drew.
 */
export const HOST_STYLE =
  'all: initial; display: none; position: absolute !important; top: 0 !important; left: 0 !important; ' +
  'width: 0 !important; height: 0 !important; overflow: visible !important; pointer-events: none !important; ' +
  'z-index: auto !important; visibility: visible !important; opacity: 1 !important; transform: none !important; contain: none !important;';

function rectsOf(r: Range): DOMRect[] {
  try {
    return Array.from(r.getClientRects());
  } catch {
    return [];
  }
}

function probeRange(r: Range): ProbeRange {
  return {
    text: r.toString(),
    rects: rectsOf(r)
      .filter((b) => b.width > 0 && b.height > 0)
      .map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height })),
  };
}

export class Painter {
  readonly mode: PaintMode;
  private claims: PaintedClaim[] = [];
  private marks: HTMLElement[] = [];
  private visible = true;
  private settings: Pick<Settings, 'highlightStyle' | 'showNotCovered'>;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private flashRanges: Range[] = [];
  private flashMarks: HTMLElement[] = [];
  /** Text the reader has notes on (overlay) and the claims they are on (<mark> mode). */
  private notedRanges: Range[] = [];
  private notedClaims: ReadonlySet<number> = new Set();

  // The overlay.
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private styleEl: HTMLStyleElement | null = null;
  private layer: HTMLElement | null = null;
  /** Each painted claim's line boxes, in the overlay's coordinates (for hit testing). */
  private lines = new Map<PaintedClaim, Box[]>();
  private drawn = 0;
  private layoutFrame: number | undefined;
  /** Some claim sits in fixed or sticky content: the page's own scrolling moves it relative to the overlay. */
  private followsWindowScroll = false;
  private guard: MutationObserver | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private reattached: number[] = [];
  private unlisten: Array<() => void> = [];

  constructor(
    settings: Pick<Settings, 'highlightStyle' | 'showNotCovered'>,
    /** Called after this painter changed the page's DOM (the <mark> fallback), to drop the observer's records. */
    private afterDomChange: () => void = () => {},
    mode: PaintMode = 'overlay',
  ) {
    this.settings = settings;
    this.mode = mode;
  }

  /** Replace everything painted with these claims (ranges already built on live text nodes). */
  paint(claims: Array<{ index: number; verdict: Verdict; range: Range }>): PaintedClaim[] {
    this.clear();
    const shown = new Set(paintedVerdicts(this.settings));
    const wanted = claims.filter((c) => shown.has(c.verdict));
    if (this.mode === 'overlay') {
      this.claims = wanted.map((c) => ({ index: c.index, verdict: c.verdict, ranges: [c.range] }));
      const seen = new Map<Element, boolean>();
      this.followsWindowScroll = this.claims.some((c) => inFixedContent(c.ranges[0]!, seen));
      this.ensureOverlay();
      this.layoutNow();
    } else {
      this.claims = this.wrapInMarks(wanted);
      this.ensureMarkStyle();
    }
    return this.claims;
  }

  get painted(): readonly PaintedClaim[] {
    return this.claims;
  }

  isVisible(): boolean {
    return this.visible;
  }

  setVisible(v: boolean): void {
    this.visible = v;
    this.refreshStyle();
    this.layoutNow();
  }

  updateSettings(s: Pick<Settings, 'highlightStyle' | 'showNotCovered'>): void {
    this.settings = s;
    this.refreshStyle();
    this.layoutNow();
  }

  /** Are all painted ranges still on live text (a re-render can replace the nodes)? */
  allConnected(): boolean {
    return this.claims.every((c) => c.ranges.every((r) => r.startContainer.isConnected && r.endContainer.isConnected));
  }

  /** Remove every highlight / mark; the page's text is left as it was (the overlay element stays, empty). */
  clear(): void {
    this.unflash(false);
    this.notedRanges = [];
    this.notedClaims = new Set();
    if (this.marks.length) {
      const parents = new Set<Node>();
      for (const m of this.marks) {
        const p = m.parentNode;
        if (!p) continue;
        while (m.firstChild) p.insertBefore(m.firstChild, m);
        p.removeChild(m);
        parents.add(p);
      }
      for (const p of parents) p.normalize();
      this.marks = [];
      this.afterDomChange();
    }
    this.claims = [];
    this.lines.clear();
    this.layoutNow();
  }

  /** Remove highlights, the overlay and the <style> element: the page is exactly as before. */
  destroy(): void {
    this.clear();
    if (this.layoutFrame !== undefined) cancelAnimationFrame(this.layoutFrame);
    this.layoutFrame = undefined;
    this.guard?.disconnect();
    this.guard = null;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    for (const off of this.unlisten) off();
    this.unlisten = [];
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.layer = null;
    this.styleEl = null;
    document.getElementById(STYLE_ELEMENT_ID)?.remove();
  }

  /** Briefly emphasise one claim (after scrolling to it). */
  flash(index: number): boolean {
    const c = this.claims.find((x) => x.index === index);
    if (!c) return false;
    this.unflash(false);
    if (this.mode === 'overlay') {
      this.flashRanges = [...c.ranges];
      this.layoutNow();
    } else {
      this.flashMarks = this.marks.filter((m) => m.dataset.crosscheckIndex === String(index));
      for (const m of this.flashMarks) m.classList.add(`${MARK_CLASS}--flash`);
      this.afterDomChange();
    }
    this.flashTimer = setTimeout(() => this.unflash(), FLASH_MS);
    return true;
  }

  /** Briefly emphasise any range (a note that is on no painted claim); overlay only. */
  flashRange(range: Range): boolean {
    if (this.mode !== 'overlay') return false;
    this.unflash(false);
    this.ensureOverlay();
    this.flashRanges = [range];
    this.layoutNow();
    this.flashTimer = setTimeout(() => this.unflash(), FLASH_MS);
    return true;
  }

  /**
   * Mark the text the reader has notes on: a light wash over `ranges` in the overlay; in <mark>
   * mode the marks of `claims` get the --noted class instead.
   */
  setNoted(ranges: Range[], claims: ReadonlySet<number>): void {
    this.notedRanges = ranges;
    this.notedClaims = claims;
    if (this.mode === 'overlay') {
      if (ranges.length) this.ensureOverlay();
      this.layoutNow();
      return;
    }
    let changed = false;
    for (const m of this.marks) {
      const on = claims.has(Number(m.dataset.crosscheckIndex));
      if (m.classList.contains(`${MARK_CLASS}--noted`) !== on) {
        m.classList.toggle(`${MARK_CLASS}--noted`, on);
        changed = true;
      }
    }
    if (changed) this.afterDomChange();
  }

  private unflash(redraw = true): void {
    clearTimeout(this.flashTimer);
    const had = this.flashRanges.length > 0;
    this.flashRanges = [];
    if (had && redraw) this.layoutNow();
    if (this.flashMarks.length) {
      for (const m of this.flashMarks) m.classList.remove(`${MARK_CLASS}--flash`);
      this.flashMarks = [];
      this.afterDomChange();
    }
  }

  /** The claim under viewport point (x, y), or null. */
  claimAt(x: number, y: number): PaintedClaim | null {
    if (!this.visible || !this.claims.length) return null;
    if (this.mode === 'overlay') {
      if (!this.host?.isConnected) return null;
      const o = this.host.getBoundingClientRect();
      // Contradictions first where claims overlap (they are drawn on top).
      let best: PaintedClaim | null = null;
      for (const [c, boxes] of this.lines) {
        if (!boxesAt(boxes, x - o.left, y - o.top)) continue;
        if (!best || VERDICT_PRIORITY[c.verdict] > VERDICT_PRIORITY[best.verdict]) best = c;
      }
      return best;
    }
    return this.claimAtByGeometry(x, y);
  }

  /** The page's layout changed (it was edited, a font arrived …): draw the boxes again soon. */
  scheduleLayout(): void {
    if (this.mode !== 'overlay' || !this.host || this.layoutFrame !== undefined) return;
    this.layoutFrame = requestAnimationFrame(() => {
      this.layoutFrame = undefined;
      this.layoutNow();
    });
  }

  /** Test builds only: what is painted, for the probe (lib/content/privacy.ts). */
  snapshot(): ProbeSnapshot {
    return {
      mode: this.mode,
      visible: this.visible,
      boxes: this.drawn,
      claims: this.claims.map((c) => {
        const p = [...c.ranges].sort(inDocumentOrder).map(probeRange);
        return {
          index: c.index,
          name: highlightName(c.verdict),
          verdict: c.verdict,
          text: p.map((x) => x.text).join(''),
          rects: p.flatMap((x) => x.rects),
        };
      }),
      flash: this.mode === 'overlay' ? this.flashRanges.map(probeRange) : this.flashMarks.map((m) => probeRange(rangeOver(m))),
      noted:
        this.mode === 'overlay'
          ? this.notedRanges.map(probeRange)
          : this.marks.filter((m) => m.classList.contains(`${MARK_CLASS}--noted`)).map((m) => probeRange(rangeOver(m))),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // The overlay

  private ensureOverlay(): void {
    if (this.mode !== 'overlay') return;
    if (!this.host) {
      const host = document.createElement(OVERLAY_HOST_TAG);
      host.setAttribute('style', HOST_STYLE);
      // Closed: the page's scripts cannot reach in (host.shadowRoot is null for them).
      const root = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      const layer = document.createElement('div');
      layer.className = 'layer';
      root.append(style, layer);
      this.host = host;
      this.root = root;
      this.styleEl = style;
      this.layer = layer;
      this.refreshStyle();
      this.watch();
    }
    this.attach();
  }

  /** Put the overlay back in the page (after <body>, so it is drawn over the text but under the page's own raised layers). */
  private attach(): void {
    const host = this.host;
    if (!host) return;
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
    const parent = document.documentElement;
    if (host.parentNode !== parent) parent.appendChild(host);
  }

  /** The page removed or restyled the overlay: put it back (a few times a second at most). */
  private restore(): void {
    const now = Date.now();
    this.reattached = this.reattached.filter((t) => now - t < 1000);
    if (this.reattached.length >= MAX_REATTACH_PER_SECOND) {
      setTimeout(() => this.restore(), 1000);
      return;
    }
    this.reattached.push(now);
    this.attach();
    this.layoutNow();
  }

  private watch(): void {
    const host = this.host!;
    this.guard = new MutationObserver(() => {
      if (!this.host) return;
      if (!host.isConnected || host.parentNode !== document.documentElement || host.getAttribute('style') !== HOST_STYLE) this.restore();
    });
    this.guard.observe(document.documentElement, { childList: true });
    this.guard.observe(host, { attributes: true });
    // Layout changes that move the text: window size, the page's size, fonts, scrolling inside the page.
    const relayout = () => this.scheduleLayout();
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(relayout);
      this.resizeObserver.observe(document.documentElement);
      if (document.body) this.resizeObserver.observe(document.body);
    }
    const onScroll = (ev: Event) => {
      // The window's own scrolling moves the page and the overlay together, except fixed or sticky content.
      const t = ev.target;
      if (t === document || t === document.documentElement || t === window) {
        if (this.followsWindowScroll) relayout();
      } else relayout();
    };
    window.addEventListener('resize', relayout, { passive: true });
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    document.fonts?.addEventListener?.('loadingdone', relayout);
    this.unlisten.push(
      () => window.removeEventListener('resize', relayout),
      () => window.removeEventListener('scroll', onScroll, { capture: true }),
      () => document.fonts?.removeEventListener?.('loadingdone', relayout),
    );
  }

  private refreshStyle(): void {
    if (this.mode === 'mark') return this.ensureMarkStyle();
    if (!this.styleEl) return;
    const css = overlayCss(this.settings, this.visible);
    if (this.styleEl.textContent !== css) this.styleEl.textContent = css;
  }

  /** Draw every box now, from the ranges' current positions. */
  private layoutNow(): void {
    if (this.mode !== 'overlay' || !this.host || !this.layer) return;
    if (this.layoutFrame !== undefined) {
      cancelAnimationFrame(this.layoutFrame);
      this.layoutFrame = undefined;
    }
    this.lines.clear();
    // Empty first: the page's own size is measured without the previous boxes.
    this.layer.replaceChildren();
    const frag = document.createDocumentFragment();
    let drawn = 0;
    const add = (cls: string, b: Box) => {
      const d = document.createElement('div');
      d.className = cls;
      d.style.cssText = `left:${b.x}px;top:${b.y}px;width:${b.width}px;height:${b.height}px`;
      frag.append(d);
      drawn++;
    };
    if (this.host.isConnected) {
      const hr = this.host.getBoundingClientRect();
      const origin = { x: hr.left, y: hr.top };
      // The scroll size the page has anyway, so the overlay's own size tells the page nothing.
      const sentinel = {
        x: 0,
        y: 0,
        width: Math.max(document.documentElement.scrollWidth, document.body?.scrollWidth ?? 0),
        height: Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0),
      };
      const ordered = [...this.claims].sort((a, b) => VERDICT_PRIORITY[a.verdict] - VERDICT_PRIORITY[b.verdict]);
      for (const c of ordered)
        this.lines.set(
          c,
          c.ranges.flatMap((r) => lineBoxes(rectsOf(r), origin)),
        );
      if (this.visible) {
        for (const r of this.notedRanges) for (const b of lineBoxes(rectsOf(r), origin)) add('n', b);
        const background = this.settings.highlightStyle === 'background';
        for (const c of ordered) {
          const cls = verdictClass(c.verdict);
          for (const b of this.lines.get(c)!) {
            if (background) add(`t ${cls}`, b);
            add(`u ${cls}`, underlineBox(b));
          }
        }
        for (const r of this.flashRanges) for (const b of lineBoxes(rectsOf(r), origin)) add('f', b);
      }
      if (drawn) {
        const s = document.createElement('div');
        s.className = 'sentinel';
        s.style.cssText = `left:0;top:0;width:${Math.max(0, sentinel.width - origin.x - window.scrollX)}px;height:${Math.max(0, sentinel.height - origin.y - window.scrollY)}px`;
        frag.prepend(s);
      }
    }
    this.layer.replaceChildren(frag);
    this.drawn = drawn;
  }

  // ---------------------------------------------------------------------------------------------
  // The <mark> fallback

  private ensureMarkStyle(): void {
    let el = document.getElementById(STYLE_ELEMENT_ID) as HTMLStyleElement | null;
    if (!el) {
      el = document.createElement('style');
      el.id = STYLE_ELEMENT_ID;
      (document.head ?? document.documentElement).appendChild(el);
    }
    const css = highlightCss(this.settings, this.visible);
    if (el.textContent !== css) el.textContent = css;
  }

  private claimAtByGeometry(x: number, y: number): PaintedClaim | null {
    const caret = caretAt(x, y);
    for (const c of this.claims) {
      for (const r of c.ranges) {
        if (caret) {
          try {
            if (!r.isPointInRange(caret.node, caret.offset)) continue;
          } catch {
            continue;
          }
        }
        for (const rect of rectsOf(r)) {
          if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return c;
        }
      }
    }
    return null;
  }

  /** <mark> fallback: wrap each text-node piece of every claim; returns ranges over the marks. */
  private wrapInMarks(claims: Array<{ index: number; verdict: Verdict; range: Range }>): PaintedClaim[] {
    type Piece = { node: Text; start: number; end: number; claim: PaintedClaim };
    const pieces: Piece[] = [];
    const out: PaintedClaim[] = [];
    for (const c of claims) {
      const pc: PaintedClaim = { index: c.index, verdict: c.verdict, ranges: [] };
      out.push(pc);
      for (const node of textNodesIn(c.range)) {
        const start = node === c.range.startContainer ? c.range.startOffset : 0;
        const end = node === c.range.endContainer ? c.range.endOffset : node.data.length;
        if (end > start && node.data.slice(start, end).trim()) pieces.push({ node, start, end, claim: pc });
      }
    }
    // Wrap from the end of each node backwards so earlier offsets in the same node stay valid.
    const byNode = new Map<Text, Piece[]>();
    for (const p of pieces) byNode.set(p.node, [...(byNode.get(p.node) ?? []), p]);
    for (const [node, ps] of byNode) {
      ps.sort((a, b) => b.start - a.start);
      let lastStart = Infinity;
      for (const p of ps) {
        if (p.end > lastStart) continue; // overlapping claims: the later one keeps its mark
        let target: Text = node;
        if (p.end < target.data.length) target.splitText(p.end);
        if (p.start > 0) target = target.splitText(p.start);
        const mark = document.createElement('mark');
        mark.className = `${MARK_CLASS} ${MARK_CLASS}--${p.claim.verdict.replace('_', '-')}`;
        mark.dataset.crosscheckIndex = String(p.claim.index);
        mark.dataset.crosscheckVerdict = p.claim.verdict;
        target.parentNode!.insertBefore(mark, target);
        mark.appendChild(target);
        this.marks.push(mark);
        p.claim.ranges.unshift(rangeOver(mark));
        lastStart = p.start;
      }
    }
    this.afterDomChange();
    return out.filter((c) => c.ranges.length);
  }
}

function inDocumentOrder(a: Range, b: Range): number {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b);
  } catch {
    return 0;
  }
}

function rangeOver(el: Element): Range {
  const r = document.createRange();
  r.selectNodeContents(el);
  return r;
}

/** Is the range's text inside fixed or sticky content (which moves against the document when the window scrolls)? */
function inFixedContent(range: Range, seen: Map<Element, boolean>): boolean {
  const walk = (el: Element | null): boolean => {
    if (!el || el === document.body || el === document.documentElement) return false;
    const known = seen.get(el);
    if (known !== undefined) return known;
    const pos = getComputedStyle(el).position;
    const v = pos === 'fixed' || pos === 'sticky' || walk(el.parentElement);
    seen.set(el, v);
    return v;
  };
  return walk(range.startContainer.parentElement);
}

function textNodesIn(range: Range): Text[] {
  const root = range.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) return [root as Text];
  const out: Text[] = [];
  const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) if (range.intersectsNode(n)) out.push(n as Text);
  return out;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const d = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (d.caretRangeFromPoint) {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}
