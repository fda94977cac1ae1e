/**
 * Closed classes of English the engine reads structure from: words with no content of their
 * own (stopwords), negators, modal and hedging words, exclusive words, reporting verbs, title
 * words and the nouns that name a meeting. General English, the same for every corpus: nothing
 * here names a person, place, date or event.
 */

/** Function words and light words that carry no content for matching. */
export const STOPWORDS = new Set(
  (
    'a an the and or but if then than that this these those there here of to in on at by for with from into onto upon about ' +
    'as is are was were be been being am has have had having do does did doing will would shall should can could may might must ' +
    'it its they them their theirs he him his she her hers we us our ours you your i me my mine who whom whose which what ' +
    'when where why how also too very just so such some any each other another both either more most much many few ' +
    'own same one ones s mr mrs ms dr later earlier still yet already even ever again ' +
    'while during after before since until till over under up down out off once within without across along around ' +
    'via per whether though although however instead rather thus therefore meanwhile nonetheless nevertheless additionally ' +
    'because due amid among between through toward towards against behind beyond near like unlike ' +
    'not no never nor neither none nothing nobody something anything everything someone anyone everyone ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow ' +
    'january february march april may june july august september october november december ' +
    'year years month months week weeks day days time times ago'
  ).split(/\s+/),
);

/** Words that negate the clause they stand in. */
export const NEGATORS = new Set(['not', "n't", 'nt', 'no', 'never', 'neither', 'nor', 'none', 'nothing', 'nobody', 'without', 'cannot']);

/**
 * Verbs that negate the verb they govern ("failed to agree", "refused to accept", "declined to
 * comment"): the governed verb is the predicate, negated.
 */
export const NEGATIVE_IMPLICATIVES = new Set(['fail', 'refuse', 'decline', 'neglect', 'omit', 'avoid']);

/** Modal auxiliaries: the clause says what may or might be, not what is. */
export const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'can']);

/**
 * Words that make a clause about a plan, an expectation or a possibility rather than a fact
 * ("plans to attend", "is expected to", "a possible meeting").
 */
export const HEDGES = new Set([
  'plan',
  'intend',
  'expect',
  'hope',
  'consider',
  'likely',
  'unlikely',
  'possible',
  'possibly',
  'potential',
  'potentially',
  'probably',
  'perhaps',
  'maybe',
  'reportedly',
  'allegedly',
  'seek',
  'aim',
  'want',
  'wish',
  'prepare',
]);

/** Words that say something is the only one of its kind ("the only point agreed", "sole"). */
export const EXCLUSIVES = new Set(['only', 'sole', 'solely', 'exclusively', 'merely', 'single']);

/**
 * Verbs that report speech; with a clause after them ("X said the talks ended") the reported
 * clause is the fact and X its speaker.
 */
export const REPORTING_VERBS = new Set([
  'say',
  'tell',
  'add',
  'state',
  'announce',
  'claim',
  'report',
  'confirm',
  'note',
  'stress',
  'write',
  'post',
  'tweet',
  'declare',
  'insist',
  'assert',
  'explain',
  'indicate',
  'suggest',
  'acknowledge',
  'admit',
  'argue',
  'warn',
  'reveal',
  'believe',
  'think',
  'allege',
  'emphasise',
  'emphasize',
  'signal',
  'recall',
  'describe',
  'quote',
]);

/** Titles and roles that stand before a name ("Foreign Minister Hakan Fidan") and are not part of it. */
export const TITLE_WORDS = new Set([
  'president',
  'minister',
  'prime',
  'foreign',
  'defence',
  'defense',
  'secretary',
  'aide',
  'adviser',
  'advisor',
  'chief',
  'head',
  'leader',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'envoy',
  'ambassador',
  'chancellor',
  'general',
  'gen',
  'lt',
  'col',
  'senator',
  'sen',
  'rep',
  'governor',
  'mayor',
  'king',
  'queen',
  'prince',
  'pope',
  'commander',
  'admiral',
  'deputy',
  'vice',
  'first',
  'former',
  'presidential',
  'special',
  'chairman',
  'chairwoman',
  'director',
  'official',
  'negotiator',
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'lord',
  'dame',
  'retired',
  'interior',
  'culture',
  'state',
  'national',
  'security',
]);

/** Nouns that name a meeting, so an ordinal before them ("the second round") points at one. */
export const MEETING_NOUNS = new Set(['round', 'meeting', 'session', 'talks', 'negotiation', 'negotiations', 'summit', 'sitting', 'encounter', 'conference']);

/** Words that point at the meeting before the one a report is about ("last met", "the previous round"). */
export const PREVIOUS_WORDS = new Set(['previous', 'prior', 'earlier', 'last', 'preceding']);

/** Verbs of a reciprocal handover: a figure with them may be one side's share or both sides' total. */
export const RECIPROCAL_VERBS = new Set(['exchange', 'swap', 'trade', 'return', 'release', 'repatriate', 'free', 'hand', 'transfer']);

/** Nouns that count people in general: "1,000 people" may count prisoners, soldiers or civilians. */
export const GENERIC_PEOPLE = new Set(['person', 'people', 'individual', 'individuals', 'persons', 'name', 'names', 'human']);
