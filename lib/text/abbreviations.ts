/**
 * Word lists the sentence splitter needs to decide whether a period ends a sentence.
 *
 * A period after an abbreviation is ambiguous ("in the U.S. The next day" ends a sentence,
 * "U.S. President Donald Trump" does not). The splitter classifies the word before the period
 * with `abbreviationKind` and, for the ambiguous kinds, looks at the next word: it splits only
 * when the next word is a capitalised function word that typically opens a sentence
 * (`SENTENCE_STARTERS`), not a name-like continuation ("President", "Secretary", "Donald").
 * All lookups are lowercase Set membership: O(1).
 */

/** Titles and name prefixes: never sentence-final in news prose ("Mr. Putin", "Lt. Gen. Kellogg"). */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'messrs',
  'mme',
  'mlle',
  'dr',
  'prof',
  'rev',
  'hon',
  'pres',
  'gov',
  'sen',
  'rep',
  'reps',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cpt',
  'sgt',
  'cpl',
  'pvt',
  'adm',
  'cmdr',
  'cdr',
  'brig',
  'supt',
  'insp',
  'st',
  'ste',
  'mt',
  'ft',
  'vs',
  'v',
  'cf',
  'ca',
  'approx',
]);

/** Month abbreviations: continue before a day number ("Sept. 11"), ambiguous otherwise. */
const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/**
 * Abbreviations that often END a sentence ("… Ltd.", "… etc."): split before a capitalised word
 * unless that word is itself an abbreviation ("Co. Ltd.").
 */
const TRAILING = new Set(['inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'bros', 'jr', 'sr', 'etc', 'al', 'dept', 'govt', 'est', 'fig', 'figs', 'esp', 'misc']);

/** Abbreviations that are always followed by more of the same sentence. */
const NEVER_FINAL = new Set(['e.g', 'i.e', 'viz', 'cf']);

/**
 * Capitalised words that usually begin a new sentence rather than continue a name
 * (determiners, pronouns, conjunctions, prepositions, sentence adverbs). After an ambiguous
 * abbreviation ("U.S.", "a.m.", initials) the splitter splits only before one of these.
 */
export const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'there',
  'here',
  'but',
  'and',
  'or',
  'so',
  'yet',
  'nor',
  'in',
  'on',
  'at',
  'for',
  'from',
  'to',
  'with',
  'by',
  'after',
  'before',
  'during',
  'when',
  'while',
  'since',
  'as',
  'if',
  'although',
  'though',
  'because',
  'however',
  'meanwhile',
  'still',
  'then',
  'also',
  'earlier',
  'later',
  'now',
  'today',
  'yesterday',
  'some',
  'many',
  'most',
  'both',
  'neither',
  'either',
  'no',
  'not',
  'all',
  'each',
  'every',
  'one',
  'another',
  'such',
  'what',
  'why',
  'how',
  'who',
  'where',
  'which',
  'whether',
  'despite',
  'instead',
  'indeed',
  'moreover',
  'furthermore',
  'nonetheless',
  'nevertheless',
  'separately',
  'overall',
  'last',
  'next',
  'first',
  'asked',
  'until',
  'unlike',
  'without',
  'according',
  'among',
  'amid',
  'following',
  'ahead',
  'about',
  'under',
  'over',
  'through',
  'even',
  'only',
  'once',
  'several',
  'few',
  'more',
  'other',
  'others',
  'speaking',
  'addressing',
  'writing',
  'is',
  'was',
  'are',
  'were',
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
]);

/** How the word before a period behaves. */
export type AbbreviationKind =
  | 'none' // an ordinary word: the period ends the sentence before a capital
  | 'title' // never final: "Mr.", "Gen.", "St.", "vs."
  | 'never' // never final: "e.g.", "i.e."
  | 'initialism' // "U.S.", "a.m.", "J." (initials): final only before a sentence starter
  | 'month' // "Jan.": continues before a number, otherwise like an initialism
  | 'trailing'; // "Inc.", "etc.": final before any capitalised word that is not an abbreviation

/**
 * Classify the token before a period. `token` is the run of letters and inner dots before the
 * period, e.g. "U.S" for "U.S.", "Mr" for "Mr.", "J" for "J.".
 */
export function abbreviationKind(token: string): AbbreviationKind {
  if (token.length === 0) return 'none';
  const lower = token.toLowerCase();
  if (NEVER_FINAL.has(lower)) return 'never';
  if (token.includes('.')) return 'initialism';
  if (TITLES.has(lower)) return 'title';
  if (MONTHS.has(lower) && /^[A-Z]/.test(token)) return 'month';
  if (TRAILING.has(lower)) return 'trailing';
  // A single capital letter is an initial ("J. R. R. Tolkien", "Donald J. Trump").
  if (token.length === 1 && token >= 'A' && token <= 'Z') return 'initialism';
  return 'none';
}

/** True when `word` (without its period) is itself a known abbreviation. */
export function isAbbreviation(word: string): boolean {
  return abbreviationKind(word) !== 'none';
}
