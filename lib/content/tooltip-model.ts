/**
 * What the hover tooltip shows for one claim, computed from the analysis (pure; the DOM part
 * only renders these strings as text).
 */
import type { Verdict } from '../types';
import { VERDICT_LABELS } from '../labels';

interface EvidenceLike {
  source: string;
  quote: string;
  stance: 'supports' | 'conflicts' | 'related';
  reason: string;
  part?: string;
}
type PartStatus = 'supported' | 'disputed' | 'mixed' | 'not_covered';
interface SourceLike {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
}

export const MAX_TOOLTIP_EVIDENCE = 3;

export interface TooltipEvidence {
  /** Source id (the reader opens it). */
  source: string;
  quote: string;
  /** "Financial Times", or the source's title, or its id when neither is known. */
  outlet: string;
  /** "2 June 2025", or '' when the source is undated. */
  date: string;
  stance: EvidenceLike['stance'];
  /** "Supports" / "Conflicts" / "Related". */
  stanceLabel: string;
  reason: string;
  /** For a compound claim: the part of it this sentence bears on ('' otherwise). */
  part: string;
}

export interface TooltipPart {
  words: string;
  status: PartStatus;
  /** "Supported" / "Disputed" / "Mixed" / "Not covered". */
  label: string;
}

export interface TooltipModel {
  verdict: Verdict;
  /** The verdict as a word: "Corroborated", "Contradicted", "Mixed", "Not covered". */
  label: string;
  claim: string;
  evidence: TooltipEvidence[];
  /** A compound claim's parts and what the sources say of each (empty for a single fact). */
  parts: TooltipPart[];
  /** One line when there is nothing to quote. */
  empty: string;
}

const STANCE_LABELS: Record<EvidenceLike['stance'], string> = {
  supports: 'Supports',
  conflicts: 'Conflicts',
  related: 'Related',
};

const PART_LABELS: Record<PartStatus, string> = {
  supported: 'Supported',
  disputed: 'Disputed',
  mixed: 'Mixed',
  not_covered: 'Not covered',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-06-02" → "2 June 2025"; anything else is returned unchanged ('' for null). */
export function formatDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso ?? '';
  const month = MONTHS[+m[2]! - 1];
  return month ? `${+m[3]!} ${month} ${m[1]}` : (iso ?? '');
}

function shortTitle(t: string): string {
  return t.length > 60 ? `${t.slice(0, 57).trimEnd()}…` : t;
}

export function tooltipModel(
  claim: { text: string; verdict: Verdict; evidence: readonly EvidenceLike[]; parts?: ReadonlyArray<{ words: string; status: PartStatus }> },
  sources: readonly SourceLike[],
  max = MAX_TOOLTIP_EVIDENCE,
): TooltipModel {
  const byId = new Map(sources.map((s) => [s.id, s]));
  // Best first as the engine ordered it, but for a verdict show what decided it before context.
  const rank = (e: EvidenceLike) => (e.stance === 'related' ? 1 : 0);
  const ordered = claim.evidence.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i);
  const evidence = ordered.slice(0, max).map(({ e }) => {
    const src = byId.get(e.source);
    return {
      source: e.source,
      quote: e.quote,
      outlet: src?.outlet || (src?.title ? shortTitle(src.title) : '') || e.source,
      date: formatDate(src?.date ?? null),
      stance: e.stance,
      stanceLabel: STANCE_LABELS[e.stance],
      reason: e.reason,
      part: e.part ?? '',
    };
  });
  const parts = (claim.parts?.length ?? 0) > 1 ? claim.parts!.map((p) => ({ words: p.words, status: p.status, label: PART_LABELS[p.status] })) : [];
  return {
    verdict: claim.verdict,
    label: VERDICT_LABELS[claim.verdict],
    claim: claim.text,
    evidence,
    parts,
    empty: evidence.length ? '' : 'No sentence in the reference corpus bears on this claim.',
  };
}

/**
 * After a repaint (the page changed and was checked again, e.g. a live blog), the claim an open
 * tooltip was on, found again among the painted claims: the same index when it still has the same
 * text, else the painted claim with that text nearest to the old index; null when the claim is no
 * longer painted (the tooltip then closes).
 */
export function findClaimAgain(want: { index: number; text: string }, painted: ReadonlyArray<{ index: number; text: string }>): number | null {
  let best: number | null = null;
  for (const c of painted) {
    if (c.text !== want.text) continue;
    if (c.index === want.index) return c.index;
    if (best === null || Math.abs(c.index - want.index) < Math.abs(best - want.index)) best = c.index;
  }
  return best;
}

/** The claim a tooltip was opened on: its index then, and its text (which finds it again). */
export interface TooltipClaim {
  index: number;
  text: string;
}

/**
 * After a repaint: the painted claim an open tooltip follows (its claim found again by its text
 * among the claims now painted), or null when the claim is gone.
 */
export function followClaim<C extends { index: number }>(want: TooltipClaim, painted: readonly C[], claims: readonly { text: string }[]): C | null {
  const again = findClaimAgain(
    want,
    painted.map((c) => ({ index: c.index, text: claims[c.index]!.text })),
  );
  return again === null ? null : (painted.find((c) => c.index === again) ?? null);
}

/** The current index of the claim a tooltip was opened on (the analysis may have changed since); `index` when unknown. */
export function currentClaimIndex(want: TooltipClaim | null, index: number, claims: readonly { text: string }[]): number {
  if (!want || claims[index]?.text === want.text) return index;
  const found = claims.findIndex((c) => c.text === want.text);
  return found === -1 ? index : found;
}
