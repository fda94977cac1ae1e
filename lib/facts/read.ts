/**
 * Facts stage entry point: everything the comparison knows about one sentence or claim part —
 * its words and names, figures, times and clause frames. Claims and corpus sentences are read
 * the same way, so comparing them is symmetric.
 *
 * Plain data, computed once per sentence (corpus sentences lazily, when first retrieved).
 * Extraction never takes the engine down: a failure on an odd sentence drops that slot only.
 */
import type { Quantity, TimeRef } from '../types';
import { tagSentence } from '../nlp/tag';
import { extractQuantities } from './quantities';
import { extractTimes } from './time';
import { readWords, type Mention, type Word } from './words';
import { readClauses, type Clause } from './clauses';

export interface Facts {
  text: string;
  words: Word[];
  mentions: Mention[];
  clauses: Clause[];
  quantities: Quantity[];
  times: TimeRef[];
  /** The date of the document the sentence is in (resolves "on Monday"), when known. */
  docDate: string | null;
}

export interface ReadContext {
  docDate?: string | null;
  /** Year for dates that name none when there is no document date (the corpus's usual year). */
  defaultYear?: number;
}

/**
 * Small counts of participants ("the two sides", "both delegations") are not figures anyone
 * checks; leaving them out keeps "two sides" from looking like an unmatched figure.
 */
const PARTICIPANT_UNITS =
  /^(side|party|parties|delegation|country|countries|nation|leader|president|team|way|time|sides|leaders|delegations|minister|official|head)$/;

/** Every figure read in a sentence, participant counts included, by its facts (see `allFigures`). */
const allFiguresOf = new WeakMap<Facts, Quantity[]>();

export function readFacts(text: string, ctx: ReadContext = {}): Facts {
  const docDate = ctx.docDate ?? null;
  const all = safe(() => extractQuantities(text), []);
  const quantities = all.filter((q) => !(q.kind === 'count' && PARTICIPANT_UNITS.test(q.unit) && q.value <= 5));
  const times = safe(() => extractTimes(text, docDate, ctx.defaultYear), []);
  // Not wrapped: a tagger that was never loaded is an engine error, not an empty sentence.
  const tagged = tagSentence(text);
  const { words, mentions } = readWords(tagged, quantities, times);
  const clauses = safe(() => readClauses(words, mentions), []);
  const facts: Facts = { text, words, mentions, clauses, quantities, times, docDate };
  allFiguresOf.set(facts, all);
  return facts;
}

/**
 * Every figure `extractQuantities` read in the facts' text, before participant counts ("two
 * sides") were left out: retrieval searches for those too, and need not read the text again.
 */
export function allFigures(f: Facts): Quantity[] | undefined {
  return allFiguresOf.get(f);
}

/**
 * Only the names of a sentence (no figures, times or clauses): what following who is being
 * talked about needs for the sentences that are not checked.
 */
export function readNames(text: string): Mention[] {
  return readWords(tagSentence(text), [], []).mentions;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
