/**
 * Functions evaluated inside the page (Playwright page.evaluate / Puppeteer page.evaluate): they
 * must be self-contained (no closures over test code).
 */

export interface HighlightSnapshot {
  /** 'highlight' when the CSS Custom Highlight API is used, 'mark' for the <mark> fallback. */
  api: 'highlight' | 'mark' | 'none';
  /** Highlight name → the text of each range, whitespace-collapsed, sorted. */
  byName: Record<string, string[]>;
  /** Crosscheck's signals on <html>. */
  signals: Record<string, string>;
  /** The ::highlight style element is in <head>. */
  styleInHead: boolean;
}

/** Read Crosscheck's highlights as the PAGE sees them (main world). */
export function readHighlights(): HighlightSnapshot {
  const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
  const byName: Record<string, string[]> = {};
  let api: 'highlight' | 'mark' | 'none' = 'none';
  const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
  if (reg) {
    for (const [name, h] of reg.entries()) {
      // Verdict highlights only: not the flash, nor the wash under noted claims (crosscheck-noted).
      if (!name.startsWith('crosscheck-') || name === 'crosscheck-flash' || name === 'crosscheck-noted') continue;
      api = 'highlight';
      byName[name] = [...h].map((r) => squash(r.toString())).sort();
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
    for (const { verdict, text } of byClaim.values()) {
      (byName[`crosscheck-${verdict.replace('_', '-')}`] ??= []).push(squash(text));
    }
    for (const k of Object.keys(byName)) byName[k]!.sort();
  }
  const signals: Record<string, string> = {};
  for (const a of Array.from(document.documentElement.attributes)) {
    if (a.name.startsWith('data-crosscheck-')) signals[a.name.slice('data-crosscheck-'.length)] = a.value;
  }
  const style = document.getElementById('crosscheck-highlight-style');
  return { api, byName, signals, styleInHead: !!style && style.parentElement === document.head };
}

/** Viewport centre of the first line of the first claim painted with `name`, scrolled into view. */
export function pointOnHighlight(name: string): { x: number; y: number } | null {
  let range: Range | null = null;
  const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
  const h = reg?.get(name);
  if (h && h.size) range = [...h][0]!;
  if (!range) {
    const verdict = name.replace(/^crosscheck-/, '').replace('-', '_');
    const mark = document.querySelector(`mark.crosscheck-mark[data-crosscheck-verdict="${verdict}"]`);
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

/** In the page: the verdict highlight (or <mark> verdict) holding the claim that starts with `start`, or null. */
export function verdictOfClaim(start: string): string | null {
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

/** The tooltip as the page sees it: its host's shadow root must be open. */
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
