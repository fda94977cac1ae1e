/**
 * Which claim of the analysis each placed note belongs to. Both sides are offsets in the same
 * text (the live page's text nodes joined with ''): the claims' as anchored when painting, the
 * notes' as re-anchored (lib/notes reanchor → position). A note belongs to the claim it overlaps
 * most; a note that overlaps no claim (or is orphaned) belongs to none.
 *
 * Pure.
 */
export interface Span {
  start: number;
  end: number;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The claim index a note's span belongs to, or null. Ties go to the claim that starts first. */
export function claimForSpan(claims: ReadonlyMap<number, Span>, span: Span): number | null {
  let best: number | null = null;
  let bestOverlap = 0;
  let bestStart = Infinity;
  for (const [index, c] of claims) {
    const o = overlap(c, span);
    if (o > bestOverlap || (o === bestOverlap && o > 0 && c.start < bestStart)) {
      best = index;
      bestOverlap = o;
      bestStart = c.start;
    }
  }
  return best;
}

/**
 * Claim index → ids of its notes (in the order given), for every note that has a span. Notes
 * without a span (orphaned) or outside every claim are left out.
 */
export function notesByClaim(claims: ReadonlyMap<number, Span>, notes: ReadonlyArray<{ id: string; span: Span | null | undefined }>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const n of notes) {
    if (!n.span) continue;
    const c = claimForSpan(claims, n.span);
    if (c === null) continue;
    const list = out.get(c);
    if (list) list.push(n.id);
    else out.set(c, [n.id]);
  }
  return out;
}
