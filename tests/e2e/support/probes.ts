/**
 * Functions evaluated inside the page (Playwright page.evaluate / Puppeteer page.evaluate): they
 * must be self-contained (no closures over test code).
 *
 * What Crosscheck painted is not readable by the page in a release build: the highlights are an
 * overlay in a CLOSED shadow root, with no verdict, name or text anywhere the page can see. Test
 * builds (WXT_CROSSCHECK_SIGNALS=1) answer a probe instead, through the test-signals channel that
 * release builds do not have: the page dispatches `crosscheck-test-probe` on `document` and the
 * content script writes a JSON snapshot to `data-crosscheck-probe` on <html>, synchronously. The
 * snapshot names each painted claim by its verdict's test label (`crosscheck-contradicted` …,
 * lib/content/style.ts highlightName), the mapping these helpers have always asserted.
 *
 * When nothing answers the probe (an older build), the helpers read the CSS Custom Highlight API
 * registry and the <mark> fallback as before.
 */

export interface HighlightSnapshot {
  /**
   * 'overlay' for the private overlay, 'highlight' when the page's CSS Custom Highlight API
   * registry holds the claims (older builds), 'mark' for the <mark> fallback.
   */
  api: 'overlay' | 'highlight' | 'mark' | 'none';
  /** Highlight test label → the text of each painted claim, whitespace-collapsed, sorted. */
  byName: Record<string, string[]>;
  /** Crosscheck's signals on <html>. */
  signals: Record<string, string>;
  /** A <style> element of Crosscheck's is in <head> (the <mark> fallback's looks). */
  styleInHead: boolean;
  /** Boxes drawn in the overlay (the probe's count; -1 when no probe answered). */
  boxes: number;
}

/** Read Crosscheck's highlights (the probe in test builds; the page's own view otherwise). */
export function readHighlights(): HighlightSnapshot {
  const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
  const root = document.documentElement;
  root.removeAttribute('data-crosscheck-probe');
  document.dispatchEvent(new CustomEvent('crosscheck-test-probe'));
  const raw = root.getAttribute('data-crosscheck-probe');
  const byName: Record<string, string[]> = {};
  let api: HighlightSnapshot['api'] = 'none';
  let boxes = -1;
  if (raw) {
    const p = JSON.parse(raw) as { mode: string; visible: boolean; boxes: number; claims: Array<{ name: string; text: string }> };
    boxes = p.boxes;
    if (p.claims.length && p.visible) {
      api = p.mode === 'mark' ? 'mark' : 'overlay';
      for (const c of p.claims) (byName[c.name] ??= []).push(squash(c.text));
    }
  } else {
    const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    if (reg) {
      for (const [name, h] of reg.entries()) {
        // Verdict highlights only: not the flash, nor the wash under noted claims (crosscheck-noted).
        if (!name.startsWith('crosscheck-') || name === 'crosscheck-flash' || name === 'crosscheck-noted') continue;
        api = 'highlight';
        byName[name] = [...h].map((r) => squash(r.toString()));
      }
    }
    const marks = Array.from(document.querySelectorAll('mark.crosscheck-mark')) as HTMLElement[];
    if (marks.length) {
      api = 'mark';
      const byClaim = new Map<string, { verdict: string; text: string }>();
      for (const m of marks) {
        const k = m.dataset.crosscheckIndex!;
        const prev = byClaim.get(k);
        byClaim.set(k, { verdict: m.dataset.crosscheckVerdict!, text: (prev?.text ?? '') + m.textContent });
      }
      for (const { verdict, text } of byClaim.values()) (byName[`crosscheck-${verdict.replace('_', '-')}`] ??= []).push(squash(text));
    }
  }
  for (const k of Object.keys(byName)) byName[k]!.sort();
  const signals: Record<string, string> = {};
  for (const a of Array.from(root.attributes)) {
    if (a.name.startsWith('data-crosscheck-') && a.name !== 'data-crosscheck-probe') signals[a.name.slice('data-crosscheck-'.length)] = a.value;
  }
  const style = document.getElementById('crosscheck-highlight-style');
  return { api, byName, signals, styleInHead: !!style && style.parentElement === document.head, boxes };
}

/**
 * Viewport centre of the first line of a painted claim, scrolled into view: the first claim
 * painted with test label `name`, or, when `name` does not start with "crosscheck-", the first
 * claim whose text starts with `name`.
 */
export function pointOnHighlight(name: string): { x: number; y: number } | null {
  const byText = !name.startsWith('crosscheck-');
  const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
  type R = { x: number; y: number; width: number; height: number };
  const probe = (): Array<{ name: string; text: string; rects: R[] }> | null => {
    document.documentElement.removeAttribute('data-crosscheck-probe');
    document.dispatchEvent(new CustomEvent('crosscheck-test-probe'));
    const raw = document.documentElement.getAttribute('data-crosscheck-probe');
    return raw ? (JSON.parse(raw) as { claims: Array<{ name: string; text: string; rects: R[] }> }).claims : null;
  };
  const pick = (claims: Array<{ name: string; text: string; rects: R[] }>) =>
    claims.find((c) => (byText ? squash(c.text).startsWith(name) : c.name === name) && c.rects.some((r) => r.width > 20));
  const first = probe();
  if (first) {
    const c = pick(first);
    if (!c) return null;
    const r = c.rects.find((x) => x.width > 20)!;
    window.scrollTo({ left: 0, top: window.scrollY + r.y + r.height / 2 - window.innerHeight / 2, behavior: 'instant' });
    const again = pick(probe() ?? []);
    const rect = again?.rects.find((x) => x.width > 20);
    if (!rect) return null;
    return { x: Math.round(rect.x + Math.min(rect.width / 2, 60)), y: Math.round(rect.y + rect.height / 2) };
  }
  let range: Range | null = null;
  const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
  for (const [n, h] of reg?.entries() ?? []) {
    if (n === 'crosscheck-flash' || n === 'crosscheck-noted') continue;
    for (const r of h) if (!range && (byText ? squash(r.toString()).startsWith(name) : n === name)) range = r;
  }
  if (!range) {
    const verdict = name.replace(/^crosscheck-/, '').replace('-', '_');
    const mark = Array.from(document.querySelectorAll('mark.crosscheck-mark')).find((m) =>
      byText ? squash(m.textContent ?? '').startsWith(name) : (m as HTMLElement).dataset.crosscheckVerdict === verdict,
    );
    if (mark) {
      range = document.createRange();
      range.selectNodeContents(mark);
    }
  }
  if (!range) return null;
  (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
  const rect = Array.from(range.getClientRects()).find((r) => r.width > 20);
  if (!rect) return null;
  return { x: Math.round(rect.left + Math.min(rect.width / 2, 60)), y: Math.round(rect.top + rect.height / 2) };
}

/** In the page: the test label of the verdict of the painted claim that starts with `start`, or null. */
export function verdictOfClaim(start: string): string | null {
  document.documentElement.removeAttribute('data-crosscheck-probe');
  document.dispatchEvent(new CustomEvent('crosscheck-test-probe'));
  const raw = document.documentElement.getAttribute('data-crosscheck-probe');
  if (raw) {
    const p = JSON.parse(raw) as { claims: Array<{ name: string; text: string }> };
    return p.claims.find((c) => c.text.replace(/\s+/g, ' ').trim().startsWith(start))?.name ?? null;
  }
  const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
  for (const [name, h] of reg?.entries() ?? []) {
    if (name === 'crosscheck-flash' || name === 'crosscheck-noted') continue;
    for (const r of h) if (r.toString().replace(/\s+/g, ' ').trim().startsWith(start)) return name;
  }
  for (const m of Array.from(document.querySelectorAll('mark.crosscheck-mark')) as HTMLElement[]) {
    if ((m.textContent ?? '').trim().startsWith(start)) return `crosscheck-${m.dataset.crosscheckVerdict!.replace('_', '-')}`;
  }
  return null;
}

export interface MarkedText {
  text: string;
  /** Viewport rectangle of its first line, or null. */
  rect: { x: number; y: number; width: number; height: number } | null;
}

/**
 * The ranges of an extra layer: 'flash' (the claim the reader jumped to) or 'noted' (the wash
 * under text the reader has notes on).
 */
export function layerTexts(layer: string): MarkedText[] {
  document.documentElement.removeAttribute('data-crosscheck-probe');
  document.dispatchEvent(new CustomEvent('crosscheck-test-probe'));
  const raw = document.documentElement.getAttribute('data-crosscheck-probe');
  if (raw) {
    const p = JSON.parse(raw) as Record<'flash' | 'noted', Array<{ text: string; rects: Array<{ x: number; y: number; width: number; height: number }> }>>;
    return (p[layer as 'flash' | 'noted'] ?? []).map((r) => ({ text: r.text, rect: r.rects[0] ?? null }));
  }
  const h = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights?.get(`crosscheck-${layer}`);
  return [...(h ?? [])].map((r) => {
    const b = r.getBoundingClientRect();
    return { text: r.toString(), rect: { x: b.x, y: b.y, width: b.width, height: b.height } };
  });
}

export interface TooltipSnapshot {
  open: boolean;
  shadowMode: string | null;
  role: string | null;
  ariaLabel: string | null;
  text: string;
  tabIndex: number;
  buttons: string[];
  rect: { x: number; y: number; width: number; height: number } | null;
}

/** The tooltip, through its host's shadow root (open in test builds, closed in release builds). */
export function readTooltip(): TooltipSnapshot {
  const host = document.querySelector('crosscheck-ui');
  const root = host?.shadowRoot ?? null;
  const tip = root?.querySelector('[role="dialog"], [role="tooltip"]') as HTMLElement | null;
  const r = tip?.getBoundingClientRect();
  return {
    open: !!tip,
    shadowMode: root ? root.mode : null,
    role: tip?.getAttribute('role') ?? null,
    ariaLabel: tip?.getAttribute('aria-label') ?? null,
    text: (tip?.textContent ?? '').replace(/\s+/g, ' '),
    tabIndex: tip?.tabIndex ?? -1,
    buttons: Array.from(tip?.querySelectorAll('button') ?? []).map((b) => b.getAttribute('aria-label') || (b.textContent ?? '').trim()),
    rect: r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null,
  };
}

/** The text of Crosscheck's one-line notice at the bottom of the page ('' when none is shown). */
export function readNotice(): string {
  const hosts = Array.from(document.querySelectorAll('crosscheck-notice'));
  const text = (h: Element) =>
    Array.from(h.shadowRoot?.children ?? [])
      .filter((e) => e.localName !== 'style')
      .map((e) => e.textContent ?? '')
      .join(' ');
  return hosts.map((h) => text(h).replace(/\s+/g, ' ').trim()).join(' | ');
}
