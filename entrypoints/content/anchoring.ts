/**
 * Where an analysis's claims are in the live page: the page's text collected node by node
 * (textnodes.ts, Crosscheck's own elements left out), each claim anchored in it (lib/anchor), and a
 * DOM range per anchored claim for the painter. The collected text and anchors also place notes.
 */
import { TextIndex, anchorClaims, type AnchorRange } from '@/lib/anchor';
import type { Analysis } from '@/lib/messages';
import { collectPageText, type PageText } from './textnodes';
import { isOwnElement } from './page-watch';

export interface ClaimToPaint {
  index: number;
  verdict: Analysis['claims'][number]['verdict'];
  range: Range;
}

export interface PageAnchoring {
  page: PageText;
  /** Per claim, where it is in `page` (null: not found on the page). */
  anchors: Array<AnchorRange | null>;
  /** The anchored claims as DOM ranges, in claim order. */
  toPaint: ClaimToPaint[];
}

/** Anchor every claim of `analysis` in the page's current text. */
export function anchorInPage(analysis: Analysis): PageAnchoring {
  const page = collectPageText(document.body ?? document.documentElement, isOwnElement);
  const index = new TextIndex(page.strings, { breakBefore: page.breakBefore });
  const anchors = anchorClaims(
    index,
    analysis.claims.map((c) => c.text),
  );
  const toPaint: ClaimToPaint[] = [];
  anchors.forEach((a, i) => {
    if (!a) return;
    try {
      const r = document.createRange();
      r.setStart(page.nodes[a.startNode]!, a.startOffset);
      r.setEnd(page.nodes[a.endNode]!, a.endOffset);
      toPaint.push({ index: i, verdict: analysis.claims[i]!.verdict, range: r });
    } catch {
      /* a node went away between collecting and painting: skip this claim */
    }
  });
  return { page, anchors, toPaint };
}
