/**
 * Next / previous claim for keyboard readers: which painted claim the next-claim and
 * previous-claim commands go to, in reading order. Pure, so it is tested in Node.
 */

export type NavDirection = 'next' | 'previous';

export interface NavClaim {
  index: number;
  /** Where the claim starts on the page (document order: its top, then its left). */
  top: number;
  left: number;
}

/**
 * The claim to go to from `current` (the claim whose details are open, or the last one gone to;
 * null when none): the next / previous in reading order, wrapping round at the ends. With no
 * current claim, `next` starts at the first claim at or below `viewTop` (the top of the screen)
 * and `previous` at the last one above it. null when nothing is painted.
 */
export function claimToVisit(claims: readonly NavClaim[], current: number | null, direction: NavDirection, viewTop = 0): number | null {
  if (!claims.length) return null;
  const ordered = [...claims].sort((a, b) => a.top - b.top || a.left - b.left || a.index - b.index);
  const n = ordered.length;
  const at = current === null ? -1 : ordered.findIndex((c) => c.index === current);
  if (at !== -1) return ordered[(at + (direction === 'next' ? 1 : n - 1)) % n]!.index;
  const below = ordered.findIndex((c) => c.top >= viewTop);
  if (direction === 'next') return ordered[below === -1 ? 0 : below]!.index;
  const before = (below === -1 ? n : below) - 1;
  return ordered[before < 0 ? n - 1 : before]!.index;
}

/** What a screen reader hears when a claim's details open: "Contradicted: The talks lasted …". */
export function announcement(label: string, claim: string, maxChars = 300): string {
  const text = claim.replace(/\s+/g, ' ').trim();
  return `${label}: ${text.length > maxChars ? `${text.slice(0, maxChars - 1).trimEnd()}…` : text}`;
}
