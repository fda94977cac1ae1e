/**
 * What only the browser (the test, through the DevTools protocol) can see, not the page: the
 * content of CLOSED shadow roots, where a release build keeps everything it shows in the page.
 */
import type { Page } from 'playwright-core';

interface DomNode {
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: Array<DomNode & { shadowRootType?: string }>;
}

export interface ClosedContent {
  /** Hosts with this tag in the page. */
  hosts: number;
  /** Their shadow roots' modes. */
  modes: string[];
  /** Elements inside the shadow roots (style elements left out). */
  elements: number;
  /** Their text (style text left out), whitespace-collapsed. */
  text: string;
}

/** The shadow content of every `tag` element, read through CDP (pierces closed roots). */
export async function shadowContent(page: Page, tag: string): Promise<ClosedContent> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const out: ClosedContent = { hosts: 0, modes: [], elements: 0, text: '' };
    const texts: string[] = [];
    const inside = (n: DomNode) => {
      if (n.nodeType === 1) {
        if (n.localName === 'style') return;
        out.elements++;
      } else if (n.nodeType === 3 && n.nodeValue) texts.push(n.nodeValue);
      for (const c of n.children ?? []) inside(c);
      for (const s of n.shadowRoots ?? []) for (const c of s.children ?? []) inside(c);
    };
    const walk = (n: DomNode) => {
      if (n.nodeType === 1 && n.localName === tag) {
        out.hosts++;
        for (const s of n.shadowRoots ?? []) {
          out.modes.push(s.shadowRootType ?? '?');
          for (const c of s.children ?? []) inside(c);
        }
      }
      for (const c of n.children ?? []) walk(c);
      for (const s of n.shadowRoots ?? []) walk(s);
    };
    walk(root);
    out.text = texts.join(' ').replace(/\s+/g, ' ').trim();
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
