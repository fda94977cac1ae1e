/**
 * The part of a claim that two sources disagree on, and the result a conflict check returns.
 *
 * Every conflict check (figure, time, place, descriptor, polarity, actor) names the slot it
 * found in dispute, so that the verdict can later ask whether another source states that same
 * slot the claim's way (confirmsSlot in compare.ts), which is what makes a verdict "mixed".
 * Kept apart as types only, so the conflict modules can share them without importing each other.
 */

/** The part of a claim two sources disagree on. */
export type Slot =
  | { kind: 'figure'; index: number }
  | { kind: 'time'; index: number }
  | { kind: 'place'; place: string }
  | { kind: 'word'; word: string }
  | { kind: 'polarity'; target: string; claimNeg: boolean }
  | { kind: 'role'; person: string }
  | { kind: 'agent'; party: string };

/** A conflict check's answer: the reason shown to the reader and the slot in dispute, or none. */
export type Found = { reason: string; slot: Slot } | null;
