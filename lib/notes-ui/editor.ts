/**
 * The note editor's fields, words and checks, shared by the tooltip's editor (plain DOM, in the
 * content script) and the React editor (popup, notes page), so both ask the same questions and
 * refuse the same drafts. The accessible names ("Note", "Save note") are relied on by tests.
 *
 * Pure: no DOM, no extension API.
 */
import { VERDICT_LABELS, VERDICTS } from '../labels';
import type { Verdict } from '../types';
import { LIMITS, normalizeTags, type Note, type NotePatch } from '../notes/model';

/** What the reader typed. `tags` is the raw text of the tag field ("ceasefire, POWs"). */
export interface NoteDraft {
  text: string;
  tags: string;
  readerVerdict: Verdict | null;
  readerReason: string;
}

export const EMPTY_DRAFT: NoteDraft = { text: '', tags: '', readerVerdict: null, readerReason: '' };

/** Labels of the editor's controls (accessible names). */
export const EDITOR_LABELS = {
  text: 'Note',
  tags: 'Tags',
  tagsHint: 'Separate tags with commas.',
  verdict: 'Your verdict',
  reason: 'Because',
  reasonPlaceholder: 'I checked this: …',
  save: 'Save note',
  cancel: 'Cancel',
  add: 'Add note',
} as const;

/** The reader-verdict select: '' is "no verdict of my own". */
export const READER_VERDICT_CHOICES: ReadonlyArray<{ value: Verdict | ''; label: string }> = [
  { value: '', label: 'No verdict of my own' },
  ...VERDICTS.map((v) => ({ value: v, label: `I checked this: ${VERDICT_LABELS[v].toLowerCase()}` })),
];

/** '' → null, a verdict → itself, anything else → null. */
export function readerVerdictFrom(value: string): Verdict | null {
  return (VERDICTS as readonly string[]).includes(value) ? (value as Verdict) : null;
}

/** Why the draft cannot be saved, or null when it can. */
export function checkDraft(d: NoteDraft): string | null {
  const tags = normalizeTags(d.tags);
  if (!d.text.trim() && !tags.length && !d.readerVerdict && !d.readerReason.trim()) {
    return 'Write a note, add a tag or give your own verdict first.';
  }
  if (d.text.length > LIMITS.text) return `The note is too long (${d.text.length} characters; at most ${LIMITS.text}).`;
  if (d.readerReason.length > LIMITS.reason) return `The reason is too long (${d.readerReason.length} characters; at most ${LIMITS.reason}).`;
  if (tags.length > LIMITS.tags) return `Too many tags (${tags.length}; at most ${LIMITS.tags}).`;
  const long = tags.find((t) => t.length > LIMITS.tagLength);
  if (long) return `The tag "${long.slice(0, 20)}…" is too long (at most ${LIMITS.tagLength} characters).`;
  return null;
}

/** The fields a draft sets on a note (new or updated). */
export function draftToPatch(d: NoteDraft): Required<Pick<NotePatch, 'text' | 'readerVerdict' | 'readerReason'>> & { tags: string[] } {
  return {
    text: d.text.replace(/\r\n?/g, '\n').trimEnd(),
    tags: normalizeTags(d.tags),
    readerVerdict: d.readerVerdict,
    readerReason: d.readerReason.trim(),
  };
}

/** An existing note as a draft (for editing). */
export function draftFromNote(n: Pick<Note, 'text' | 'tags' | 'readerVerdict' | 'readerReason'>): NoteDraft {
  return { text: n.text, tags: n.tags.join(', '), readerVerdict: n.readerVerdict, readerReason: n.readerReason };
}

/** "1 note", "3 notes". */
export function noteCountLabel(n: number): string {
  return `${n} ${n === 1 ? 'note' : 'notes'}`;
}

/** "You: Contradicted — because …", or '' when the reader gave no verdict and no reason. */
export function readerVerdictLine(n: Pick<Note, 'readerVerdict' | 'readerReason'>): string {
  const reason = n.readerReason.trim();
  if (!n.readerVerdict) return reason ? `Your reason: ${reason}` : '';
  return `You: ${VERDICT_LABELS[n.readerVerdict]}${reason ? ` — ${reason}` : ''}`;
}
