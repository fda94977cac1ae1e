/**
 * The tooltip of one painted claim: made on first use, opened on a claim, kept on its claim when a
 * live page is repainted (lib/content/tooltip-model.ts finds the claim again by its text), and a
 * note saved from it lands on the claim it was opened on even if the claims were renumbered since.
 * The hover rules (when to open and close) are lib/content/hover.ts's.
 */
import { currentClaimIndex, followClaim, tooltipModel, type TooltipClaim } from '@/lib/content/tooltip-model';
import type { Analysis, Response } from '@/lib/messages';
import type { Note } from '@/lib/notes/model';
import type { NoteDraft } from '@/lib/notes-ui/editor';
import type { PaintedClaim } from './painter';
import { Tooltip } from './tooltip';

export interface ClaimTooltipDeps {
  analysis(): Analysis | null;
  /** Hover intent's reactions to the tooltip (lib/content/hover.ts). */
  hover(): { keepOpen(): void; scheduleClose(): void; closed(): void };
  notesFor(index: number): readonly Note[];
  addNote(index: number, draft: NoteDraft): Promise<Response<unknown>>;
}

export class ClaimTooltip {
  tooltip: Tooltip | null = null;
  /** The claim the tooltip was opened on (its text finds it again if a re-analysis renumbers claims). */
  private claim: TooltipClaim | null = null;

  constructor(private readonly deps: ClaimTooltipDeps) {}

  open(claim: PaintedClaim, pointer: { x: number; y: number } | null, focus = false): void {
    const a = this.deps.analysis();
    const c = a?.claims[claim.index];
    if (!a || !c) return;
    if (this.tooltip?.isEditing) return; // never replace a note being typed
    this.tooltip ??= this.create();
    this.claim = { index: claim.index, text: c.text };
    this.deps.hover().keepOpen();
    this.tooltip.open(tooltipModel(c, a.sources), claim.index, claim.ranges, pointer, focus);
  }

  private create(): Tooltip {
    return new Tooltip({
      onPointerEnter: () => this.deps.hover().keepOpen(),
      onPointerLeave: () => this.deps.hover().scheduleClose(),
      onClose: () => this.deps.hover().closed(),
      notesFor: (index) => this.deps.notesFor(index),
      saveNote: async (index, draft) => {
        const res = await this.deps.addNote(this.claimIndexFor(index), draft);
        return res.ok ? null : res.error;
      },
    });
  }

  /**
   * After a repaint (a live page is checked again every few seconds): an open tooltip stays open
   * on its claim, found again by its text among the claims now painted; it closes only when the
   * claim is gone. A note being typed always survives (its claim is found again when saved).
   */
  follow(analysis: Analysis, painted: readonly PaintedClaim[]): void {
    const tip = this.tooltip;
    if (!tip?.isOpen || !this.claim) return;
    const claim = followClaim(this.claim, painted, analysis.claims);
    if (claim) {
      this.claim = { index: claim.index, text: analysis.claims[claim.index]!.text };
      tip.retarget(tooltipModel(analysis.claims[claim.index]!, analysis.sources), claim.index, claim.ranges);
    } else if (!tip.isEditing) tip.close(false);
  }

  /** The current index of the claim the tooltip was opened on (the analysis may have changed since). */
  claimIndexFor(index: number): number {
    return currentClaimIndex(this.claim, index, this.deps.analysis()?.claims ?? []);
  }
}
