/**
 * Parts stage entry point: a compound claim cut into the atomic facts it asserts, each checked
 * on its own. "Russia and Ukraine met in Istanbul and agreed to swap prisoners" is two facts; so
 * is "Umerov, who led the delegation, said the sides agreed …" (who led it; what was agreed).
 *
 * A part is a clause with its own predicate (lib/facts/clauses.ts): conjoined clauses, clauses
 * joined by "but" or "while", relative clauses. A clause that shares its subject with the one
 * before ("… and agreed to …", "…, who led …") is given that subject's words, so the part reads
 * as a sentence of its own; the reported speaker stays with every part ("X said A and B").
 * Attribution by itself ("according to X") is not a part: it says who reported the fact.
 */
import type { Facts } from '../facts/read';

export interface Part {
  /** The part as a sentence to check (subject words added when the clause borrows them). */
  text: string;
  /** Offsets of the clause in the claim (end exclusive): what the reader sees highlighted as the part. */
  start: number;
  end: number;
  /** The claim's words it concerns, as written (for the tooltip). */
  words: string;
}

/** A part shorter than this (content words) is a fragment, not a fact: it stays in its neighbour. */
const MIN_PART_WORDS = 3;
/** At most this many parts: beyond, the claim is a paragraph and is checked whole. */
const MAX_PARTS = 4;

export function splitParts(claim: Facts): Part[] {
  const whole: Part = { text: claim.text, start: 0, end: claim.text.length, words: claim.text };
  const clauses = claim.clauses.filter(
    (c) => !c.apposition && c.predicate.length && claim.words.slice(c.from, c.to).filter((w) => w.content).length >= MIN_PART_WORDS,
  );
  if (clauses.length < 2 || clauses.length > MAX_PARTS) return [whole];
  const parts: Part[] = [];
  for (const c of clauses) {
    const ws = claim.words.slice(c.from, c.to).filter((w) => w.pos !== 'PUNCT' || /[%$]/.test(w.text));
    if (!ws.length) continue;
    const start = ws[0].start;
    const end = ws[ws.length - 1].end;
    let text = claim.text.slice(start, end).replace(/^(and|but|while|whereas|although|though|yet|however|who|which)\s+/i, '');
    const ownSubject = claim.words.slice(c.from, c.predicate[0]).some((w) => w.content && (w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'PRON'));
    if (!ownSubject) {
      const subj = c.subjects.length
        ? c.subjects.map((k) => claim.mentions[k].surface).join(' and ')
        : c.subjectNouns.map((k) => `the ${claim.words[k].text}`).join(' and ');
      if (subj) text = `${subj} ${text}`;
    }
    parts.push({ text: text.replace(/[\s,;:]+$/, ''), start, end, words: claim.text.slice(start, end).replace(/[\s,;:]+$/, '') });
  }
  return parts.length >= 2 ? parts : [whole];
}
