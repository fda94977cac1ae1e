/**
 * Watching the page for changes that are not Crosscheck's own: its elements (tooltip, notice,
 * overlay, highlight style) are told apart from the page's, so painting never triggers a re-check,
 * and what an older copy of this script left behind can be removed. Plus the body text's
 * fingerprint (lib/content/recheck.ts) that tells a change of words from a change of markup.
 */
import { STYLE_ELEMENT_ID, OVERLAY_HOST_TAG } from '@/lib/content/style';
import { textFingerprint } from '@/lib/content/recheck';
import { UI_HOST_TAG } from './tooltip';
import { NOTICE_HOST_TAG } from './notice';

const OWN_TAGS = new Set([UI_HOST_TAG, NOTICE_HOST_TAG, OVERLAY_HOST_TAG]);

/** Is `el` one of Crosscheck's own elements? */
export function isOwnElement(el: Element): boolean {
  return OWN_TAGS.has(el.localName) || el.id === STYLE_ELEMENT_ID;
}

/** Did this change touch only Crosscheck's own elements? */
export function isOwnMutation(r: MutationRecord): boolean {
  const own = (n: Node) => (n.nodeType === 1 ? isOwnElement(n as Element) : false);
  const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
  if (target && isOwnElement(target)) return true;
  if (r.type !== 'childList') return false;
  const changed = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
  return changed.length > 0 && changed.every(own);
}

/** Remove what an older copy of this content script left in the page (its code no longer runs). */
export function removeLeftovers(): void {
  for (const el of Array.from(document.querySelectorAll([...OWN_TAGS].join(',')))) el.remove();
  document.getElementById(STYLE_ELEMENT_ID)?.remove();
}

/** Fingerprint of the body's text (lib/content/recheck.ts). */
export function fingerprint(): string {
  return textFingerprint(document.body?.textContent ?? '');
}

/** Calls `onChange` with the changes (childList, text) under <body>, once started; `isOwnMutation` tells Crosscheck's own apart. */
export class PageWatch {
  private observer: MutationObserver | null = null;

  constructor(private readonly onChange: (records: MutationRecord[]) => void) {}

  /** Start watching (once <body> exists; a second call does nothing). */
  start(): void {
    if (this.observer || !document.body) return;
    this.observer = new MutationObserver((records) => this.onChange(records));
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  /** Drop the changes queued so far (the painter's own edits). */
  takeRecords(): void {
    this.observer?.takeRecords();
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}
