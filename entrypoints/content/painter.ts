/**
 * Paints claim ranges in the page: CSS Custom Highlight API where the browser has it (no DOM
 * change at all: one Highlight per verdict in CSS.highlights), <mark> wrappers otherwise.
 * Also answers "which claim is under this point?" for the hover tooltip.
 */
import type { Verdict } from '@/lib/types';
import {
  FLASH_HIGHLIGHT,
  HIGHLIGHT_PREFIX,
  MARK_CLASS,
  NOTED_HIGHLIGHT,
  STYLE_ELEMENT_ID,
  highlightCss,
  highlightName,
  paintedVerdicts,
} from '@/lib/content/style';
import type { Settings } from '@/lib/settings';

export interface PaintedClaim {
  /** Index of the claim in analysis.claims. */
  index: number;
  verdict: Verdict;
  /** Ranges covering the claim's text (one for highlights; one per <mark> in the fallback). */
  ranges: Range[];
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

interface HighlightRegistryLike {
  set(name: string, h: Highlight): unknown;
  delete(name: string): boolean;
  highlightsFromPoint?: (x: number, y: number) => unknown[];
}

function registry(): HighlightRegistryLike | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
  const H = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && typeof H === 'function' ? css.highlights : null;
}

export const supportsHighlights = (): boolean => registry() !== null;

const FLASH_MS = 1600;

export class Painter {
  readonly mode: 'highlight' | 'mark';
  private claims: PaintedClaim[] = [];
  private rangeToClaim = new Map<AbstractRange, PaintedClaim>();
  private marks: HTMLElement[] = [];
  private visible = true;
  private settings: Pick<Settings, 'highlightStyle' | 'showNotCovered'>;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private flashMarks: HTMLElement[] = [];
  /** Text the reader has notes on (highlight mode) and the claims they are on (<mark> mode). */
  private notedRanges: Range[] = [];
  private notedClaims: ReadonlySet<number> = new Set();

  constructor(
    settings: Pick<Settings, 'highlightStyle' | 'showNotCovered'>,
    /** Called after this painter changed the page's DOM (the <mark> fallback), to drop the observer's records. */
    private afterDomChange: () => void = () => {},
    mode: 'highlight' | 'mark' = supportsHighlights() ? 'highlight' : 'mark',
  ) {
    this.settings = settings;
    this.mode = mode;
  }

  /** Replace everything painted with these claims (ranges already built on live text nodes). */
  paint(claims: Array<{ index: number; verdict: Verdict; range: Range }>): PaintedClaim[] {
    this.clear();
    const shown = new Set(paintedVerdicts(this.settings));
    const wanted = claims.filter((c) => shown.has(c.verdict));
    if (this.mode === 'highlight') {
      this.claims = wanted.map((c) => ({ index: c.index, verdict: c.verdict, ranges: [c.range] }));
    } else {
      this.claims = this.wrapInMarks(wanted);
    }
    for (const c of this.claims) for (const r of c.ranges) this.rangeToClaim.set(r, c);
    this.ensureStyle();
    this.register();
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
    this.ensureStyle();
    this.register();
  }

  updateSettings(s: Pick<Settings, 'highlightStyle' | 'showNotCovered'>): void {
    this.settings = s;
    this.ensureStyle();
  }

  /** Are all painted ranges still on live text (a re-render can replace the nodes)? */
  allConnected(): boolean {
    return this.claims.every((c) => c.ranges.every((r) => r.startContainer.isConnected && r.endContainer.isConnected));
  }

  /** Remove every highlight / mark; the page is left as it was. */
  clear(): void {
    this.unflash();
    this.notedRanges = [];
    this.notedClaims = new Set();
    const reg = registry();
    if (reg) for (const v of ['corroborated', 'contradicted', 'mixed', 'not_covered'] as Verdict[]) reg.delete(highlightName(v));
    reg?.delete(NOTED_HIGHLIGHT);
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
    this.rangeToClaim.clear();
  }

  /** Remove highlights and the <style> element: the page is exactly as before. */
  destroy(): void {
    this.clear();
    document.getElementById(STYLE_ELEMENT_ID)?.remove();
  }

  /** Briefly emphasise one claim (after scrolling to it). */
  flash(index: number): boolean {
    const c = this.claims.find((x) => x.index === index);
    if (!c) return false;
    this.unflash();
    const reg = registry();
    if (this.mode === 'highlight' && reg) {
      const H = (globalThis as unknown as { Highlight: HighlightCtor }).Highlight;
      const h = new H(...c.ranges);
      h.priority = 10;
      reg.set(FLASH_HIGHLIGHT, h);
    } else {
      this.flashMarks = this.marks.filter((m) => m.dataset.crosscheckIndex === String(index));
      for (const m of this.flashMarks) m.classList.add(`${MARK_CLASS}--flash`);
      this.afterDomChange();
    }
    this.flashTimer = setTimeout(() => this.unflash(), FLASH_MS);
    return true;
  }

  /** Briefly emphasise any range (a note that is on no painted claim); highlight mode only. */
  flashRange(range: Range): boolean {
    const reg = registry();
    if (this.mode !== 'highlight' || !reg) return false;
    this.unflash();
    const H = (globalThis as unknown as { Highlight: HighlightCtor }).Highlight;
    const h = new H(range);
    h.priority = 10;
    reg.set(FLASH_HIGHLIGHT, h);
    this.flashTimer = setTimeout(() => this.unflash(), FLASH_MS);
    return true;
  }

  /**
   * Mark the text the reader has notes on: `ranges` become the NOTED_HIGHLIGHT (highlight mode);
   * in <mark> mode the marks of `claims` get the --noted class instead.
   */
  setNoted(ranges: Range[], claims: ReadonlySet<number>): void {
    this.notedRanges = ranges;
    this.notedClaims = claims;
    if (this.mode === 'highlight') {
      this.register();
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

  private unflash(): void {
    clearTimeout(this.flashTimer);
    registry()?.delete(FLASH_HIGHLIGHT);
    if (this.flashMarks.length) {
      for (const m of this.flashMarks) m.classList.remove(`${MARK_CLASS}--flash`);
      this.flashMarks = [];
      this.afterDomChange();
    }
  }

  /** The claim under viewport point (x, y), or null. */
  claimAt(x: number, y: number): PaintedClaim | null {
    if (!this.visible || !this.claims.length) return null;
    const reg = registry();
    if (this.mode === 'highlight' && reg?.highlightsFromPoint) {
      let hits: unknown[] = [];
      try {
        hits = reg.highlightsFromPoint(x, y);
      } catch {
        hits = [];
      }
      let sawOurs = false;
      for (const hit of hits) {
        const ranges = (hit as { ranges?: AbstractRange[] }).ranges;
        if (ranges) {
          for (const r of ranges) {
            const c = this.rangeToClaim.get(r);
            if (c) return c;
          }
        }
        sawOurs ||= this.isOurHighlight(hit);
      }
      // No hit at all: nothing of ours is under the pointer. A hit we could not map (an older
      // API shape returning bare Highlights) falls through to the geometric test.
      if (!sawOurs) return null;
    }
    return this.claimAtByGeometry(x, y);
  }

  private isOurHighlight(hit: unknown): boolean {
    const h = ((hit as { highlight?: unknown }).highlight ?? hit) as Highlight;
    const reg = registry();
    if (!reg) return false;
    for (const v of paintedVerdicts(this.settings)) {
      if ((reg as unknown as Map<string, Highlight>).get?.(highlightName(v)) === h) return true;
    }
    return false;
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
        for (const rect of Array.from(r.getClientRects())) {
          if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return c;
        }
      }
    }
    return null;
  }

  private ensureStyle(): void {
    let el = document.getElementById(STYLE_ELEMENT_ID) as HTMLStyleElement | null;
    if (!el) {
      el = document.createElement('style');
      el.id = STYLE_ELEMENT_ID;
      (document.head ?? document.documentElement).appendChild(el);
    }
    const css = highlightCss(this.settings, this.visible);
    if (el.textContent !== css) el.textContent = css;
  }

  private register(): void {
    const reg = registry();
    if (!reg || this.mode !== 'highlight') return;
    const H = (globalThis as unknown as { Highlight: HighlightCtor }).Highlight;
    for (const v of ['corroborated', 'contradicted', 'mixed', 'not_covered'] as Verdict[]) {
      const ranges = this.claims.filter((c) => c.verdict === v).flatMap((c) => c.ranges);
      if (!this.visible || !ranges.length) {
        reg.delete(highlightName(v));
        continue;
      }
      const h = new H(...ranges);
      // Contradictions on top where claims overlap.
      h.priority = v === 'contradicted' ? 4 : v === 'mixed' ? 3 : v === 'corroborated' ? 2 : 1;
      reg.set(highlightName(v), h);
    }
    if (!this.visible || !this.notedRanges.length) reg.delete(NOTED_HIGHLIGHT);
    else {
      const noted = new H(...this.notedRanges);
      noted.priority = 0; // under the verdicts' lines and tints
      reg.set(NOTED_HIGHLIGHT, noted);
    }
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
        const r = document.createRange();
        r.selectNodeContents(mark);
        p.claim.ranges.unshift(r);
        lastStart = p.start;
      }
    }
    this.afterDomChange();
    return out.filter((c) => c.ranges.length);
  }
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

export { HIGHLIGHT_PREFIX };
