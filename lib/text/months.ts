/**
 * Month names and their numbers, for every place that reads a date written in words (sentences,
 * article URLs such as /2025/may/16/). Tiny on purpose: the content script's article extraction
 * uses it too.
 */

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Abbreviations ("may" is its own full name). */
export const MONTH_ABBR: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** 1–12 for a month's name or abbreviation (any case, a trailing dot allowed), 0 for anything else. */
export function monthNumber(name: string): number {
  const l = name.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(l);
  return i >= 0 ? i + 1 : (MONTH_ABBR[l] ?? 0);
}
