/**
 * The live page's text nodes, in document order, as the anchoring code (lib/anchor) wants them:
 * plain strings plus the indices where a new block starts.
 */

/** Text inside these is never article text (or belongs to a form / editor the reader is using). */
const SKIP_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'option',
  'input',
  'iframe',
  'object',
  'svg',
  'math',
  '[contenteditable]:not([contenteditable="false"])',
].join(',');

/** Tags that start a new block: text on either side is in different paragraphs. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

export interface PageText {
  nodes: Text[];
  strings: string[];
  breakBefore: Set<number>;
}

function blockOf(el: Element | null): Element | null {
  while (el && !BLOCK_TAGS.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

/**
 * Collect the text nodes under `root`, skipping scripts, styles, form fields, editable regions
 * and anything `isOwn` says belongs to Crosscheck's own UI.
 */
export function collectPageText(root: Node, isOwn: (el: Element) => boolean): PageText {
  const doc = root.ownerDocument ?? (root as Document);
  const skipCache = new Map<Element, boolean>();
  const skipped = (el: Element | null): boolean => {
    if (!el) return false;
    const hit = skipCache.get(el);
    if (hit !== undefined) return hit;
    const v = el.matches(SKIP_SELECTOR) || isOwn(el) || skipped(el.parentElement);
    skipCache.set(el, v);
    return v;
  };
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (skipped(n.parentElement) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  const strings: string[] = [];
  const breakBefore = new Set<number>();
  let lastBlock: Element | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    const s = t.data;
    if (!s) continue;
    const block = blockOf(t.parentElement);
    if (nodes.length && block !== lastBlock) breakBefore.add(nodes.length);
    lastBlock = block;
    nodes.push(t);
    strings.push(s);
  }
  return { nodes, strings, breakBefore };
}
