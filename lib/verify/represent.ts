/**
 * One sentence as the verifier sees it: concepts per clause (with polarity and agents),
 * figures, time references and the event it is about. Claims and corpus sentences get the
 * same representation, so comparing them is symmetric. Plain JSON-safe data: corpus
 * representations are serialised with the index and reloaded without re-extraction.
 */
import { analyseWords, conceptOf, type WordAnalysis } from '../lexicon/concepts';
import { durationScale } from './figures';
import { extractQuantities } from '../facts/quantities';
import { extractTimes } from '../facts/time';
import { classifyEvent } from '../facts/event';
import type { EventId, Quantity, TimeRef } from '../types';

export interface Rep {
  /** The sentence as given (the same string the corpus stores: no copy). */
  text: string;
  words: WordAnalysis;
  quantities: Quantity[];
  times: TimeRef[];
  event: EventId;
  /** Date of the document the sentence comes from, when known. */
  docDate?: string | null;
}

export interface RepContext {
  docDate?: string | null;
  docEvent?: EventId | null;
}

/**
 * Attribution to a news outlet or an anonymous source says who reported a fact, not what the
 * fact is; it is taken out before matching so that "TASS reported" does not make a claim look
 * uncovered. Attribution to a named actor ("Medinsky said") stays: it is part of the claim.
 */
const MEDIA_ATTRIBUTION = new RegExp(
  [
    String.raw`,?\s*(?:[Ii]n remarks |[Ii]n comments |[Aa]s )?(?:quoted|reported|cited) by [^,.;]+(?:,[^,.;]*(?:agency|service|outlet|broadcaster|newspaper)[^,.;]*)?,?`,
    String.raw`,?\s*[Aa]ccording to (?:the |a |an )?(?:[A-Z][\w'’]*\s)*(?:news agency|agency|media|state media|reports?|sources?|officials?|a source|[A-Z]{2,}|Reuters|Anadolu|Interfax)(?:'s? [\w ]+)?[^,.;]*`,
    String.raw`,?\s*(?:[A-Z][\w'’.]*\s){0,3}(?:news agency |agency |media )?(?:reported|reports|said|wrote)?,?\s*citing (?:a |an |the )?[^,.;]+`,
    String.raw`,\s*(?:the )?(?:[A-Z][\w'’]*\s?){1,3}(?:news agency |agency )?reported\s*(?=[.,;]|$)`,
  ].join('|'),
  'g',
);

export function stripMediaAttribution(claim: string): string {
  return claim.replace(MEDIA_ATTRIBUTION, ' ').replace(/\s{2,}/g, ' ').trim();
}

const SINCE_BEFORE = /\b(since|from|as of)\s+$/i;

/**
 * Small counts of participants ("the two sides", "both delegations") are not figures anyone
 * checks; leaving them out keeps "two sides" from looking like an unmatched figure.
 */
const PARTICIPANT_UNITS = /^(side|party|parties|delegation|country|countries|nation|leader|president|team|way|time|sides|leaders|delegations|men|women|minister|official|head)$/;

export function represent(text: string, ctx: RepContext = {}): Rep {
  const quantities = safe(() => extractQuantities(text), []).filter(
    (q) => !(q.kind === 'count' && PARTICIPANT_UNITS.test(q.unit) && q.value <= 5),
  );
  const times = safe(() => extractTimes(text, ctx.docDate ?? null), []);
  // Figures are compared as intervals (figures.ts) and dates as dates, so their words ("just
  // over", "sixty", "minutes", "15") are taken out of the word bag. The counted noun stays (it
  // is content), durations leave a marker so duration sentences still align, and ordinals stay
  // ("second round" is content).
  // Replacements are collected and applied right to left (the bag's offsets are not used later).
  const edits: Array<{ start: number; end: number; keep: string }> = [];
  const blank = (start: number, end: number, keep = '') => {
    if (!edits.some((e) => start < e.end && e.start < end)) edits.push({ start, end, keep });
  };
  for (const q of quantities) {
    if (q.kind === 'ordinal') {
      // "third round" and "third year" share a word, not a meaning: the ordinal is bound to its
      // noun. "For the first time" is an idiom, not a count of anything: dropped.
      blank(q.start, q.end, /^times?$/i.test(q.unit) ? '' : ` ${ordinalToken(q)} `);
      continue;
    }
    blank(q.start, q.end, q.kind === 'count' ? ` ${countWords(q)} ` : q.kind === 'duration' ? ' duration ' : '');
  }
  for (const t of times) if (t.kind === 'date' || t.kind === 'month') blank(t.start, t.end);
  let bag = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) bag = `${bag.slice(0, e.start)} ${e.keep} ${bag.slice(e.end)}`;
  const words = analyseWords(bag);
  // A figure token per count, so retrieval finds sentences with the same figure (and, for a
  // per-side figure, the total).
  // A duration leaves a token for its scale (a meeting's hours, a truce's days, a war's years),
  // so retrieval prefers sentences that state a duration of the same kind.
  for (const q of quantities) {
    if (q.kind !== 'duration') continue;
    const c = `#dur${durationScale(q)}`;
    if (!words.concepts.includes(c)) words.concepts.push(c);
  }
  for (const q of quantities) {
    if (q.kind !== 'count' || !Number.isFinite(q.value)) continue;
    for (const v of q.perSide ? [q.value, q.value * 2] : [q.value]) {
      const c = `#${v}`;
      if (!words.concepts.includes(c)) words.concepts.push(c);
    }
  }
  // Times after "since"/"from" are start points ("since March 2022"), not when the thing happened.
  for (const t of times) if (SINCE_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start))) t.anchor = t.anchor || 'since';
  const event = safe(() => classifyEvent(text, times, ctx.docEvent ?? null), 'unknown' as EventId);
  return { text, words, quantities, times, event, docDate: ctx.docDate ?? null };
}

/** "second round" → ord2talks: an ordinal bound to the concept of its noun. */
export function ordinalToken(q: Quantity): string {
  const unit = q.unit ? conceptOf(q.unit.toLowerCase()) ?? q.unit.toLowerCase() : 'x';
  return `ord${q.value}${unit}`;
}

/** Words of a figure that say how many or how exactly, not what: left out of the word bag. */
const FIGURE_WORDS = /^(?:[\d.,]+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|several|few|couple|some|about|around|roughly|approximately|nearly|almost|close|just|slightly|more|less|fewer|than|over|under|at|least|most|up|to|between|and|or|each|per|apiece|for|of|tens|the)$/i;

/**
 * The words a count keeps in the bag: what it counts, with its modifiers ("dozens of strategic
 * bombers" → "strategic bombers"), or the counted noun when the text is only a figure.
 */
function countWords(q: Quantity): string {
  const words = q.text.split(/[\s\u00a0-]+/).filter((w) => w && !FIGURE_WORDS.test(w.replace(/[^\p{L}\d.,]/gu, '')));
  return words.length ? words.join(' ') : q.unit || lastWord(q.text);
}

function lastWord(s: string): string {
  const m = /([A-Za-z]+)\W*$/.exec(s);
  return m ? m[1] : '';
}

/** Extraction must never take the engine down: a failure on one odd sentence drops that slot only. */
function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
