/**
 * Figures stated in a sentence, as comparable intervals: "1,000 prisoners each",
 * "between two and three days", "just over an hour", "under the age of 25", "dozens of
 * planes", "the second round", "a 30-day ceasefire", "20%", "$5bn", "since 2022".
 *
 * Why intervals: reporters state the same fact at different precision ("slightly more than
 * sixty minutes", "just over an hour", "less than two hours"). Turning every bound word into
 * an explicit interval (durations always in minutes) lets the verifier decide overlap versus
 * conflict without knowing any wording. Each figure also carries the noun it counts (its
 * canonical singular lemma) and whether it is one side's share of an exchange, because
 * "1,000 each" and "2,000 in total" are the same fact.
 *
 * One linear pass over the sentence's tokens; every table and regex is built once at load.
 * Calendar dates ("16 May 2025") are left to time.ts and skipped here.
 */
import type { Bound, Quantity, QuantityKind } from '../types';
import { isYearAt, ORDINAL_WORDS, parseNumberAt, parseOrdinalAt, TENS_WORDS, tokenize, UNIT_WORDS, type NumberMatch, type Token } from './numbers';
import { dateSpans } from './time';

// ---------------------------------------------------------------------------------------------
// Tunables

/** "about 1,000": reporters round to one significant figure, so ±20% covers the usual rounding. */
export const APPROX_SPREAD = 0.2;
/** "nearly 400", "close to three hours": a little under the figure, not far under (15%). */
export const NEARLY_FLOOR = 0.85;
/**
 * "just over an hour", "slightly more than 60": above the figure and close to it. A quarter
 * above (75 minutes for "just over an hour") — at 1.5× "just over an hour" would stretch to 90
 * minutes and stop confirming "after an hour".
 */
export const JUST_OVER_CEILING = 1.25;
/** Oldest age a bare number after "under"/"over" next to people is read as. */
export const MAX_AGE = 120;
/** How many tokens before a figure an "each" ("each side freed 390") may stand. */
export const PER_SIDE_BACK_WINDOW = 12;
/** How many tokens after the counted noun an "each" ("6,000 bodies of soldiers each") may stand. */
export const PER_SIDE_FORWARD_WINDOW = 6;
/** How many words after a number the counted noun is searched in. */
export const UNIT_CHUNK_MAX = 5;

/** Minutes per time unit (durations are always reported in minutes). Month and year are Gregorian averages. */
export const MINUTES_PER: Record<string, number> = {
  second: 1 / 60,
  minute: 1,
  hour: 60,
  day: 1440,
  night: 1440,
  week: 10080,
  fortnight: 20160,
  month: 43830,
  year: 525960,
  decade: 5259600,
};

// ---------------------------------------------------------------------------------------------
// Word tables

export type Mod = 'approx' | 'nearly' | 'just_under' | 'at_least' | 'more_than' | 'just_over' | 'at_most' | 'less_than' | 'after' | 'younger' | 'older';

/** Bound words before a figure. Longest match wins ("just over" before "over"). */
const MODIFIERS: Array<[string[], Mod]> = (
  [
    ['about', 'approx'],
    ['around', 'approx'],
    ['some', 'approx'],
    ['roughly', 'approx'],
    ['approximately', 'approx'],
    ['an estimated', 'approx'],
    ['estimated', 'approx'],
    ['circa', 'approx'],
    ['more or less', 'approx'],
    ['in the region of', 'approx'],
    ['on the order of', 'approx'],
    ['an approximate', 'approx'],
    ['approx', 'approx'],
    ['nearly', 'nearly'],
    ['almost', 'nearly'],
    ['close to', 'nearly'],
    ['barely', 'nearly'],
    ['getting on for', 'nearly'],
    ['nigh on', 'nearly'],
    ['close on', 'nearly'],
    ['just under', 'just_under'],
    ['slightly less than', 'just_under'],
    ['a little under', 'just_under'],
    ['a little less than', 'just_under'],
    ['just below', 'just_under'],
    ['slightly under', 'just_under'],
    ['just shy of', 'just_under'],
    ['slightly fewer than', 'just_under'],
    ['just short of', 'just_under'],
    ['just less than', 'just_under'],
    ['a bit less than', 'just_under'],
    ['a bit under', 'just_under'],
    ['at least', 'at_least'],
    ['no fewer than', 'at_least'],
    ['no less than', 'at_least'],
    ['a minimum of', 'at_least'],
    ['not less than', 'at_least'],
    ['not fewer than', 'at_least'],
    ['at a minimum', 'at_least'],
    ['more than', 'more_than'],
    ['over', 'more_than'],
    ['upwards of', 'more_than'],
    ['upward of', 'more_than'],
    ['in excess of', 'more_than'],
    ['above', 'more_than'],
    ['greater than', 'more_than'],
    ['exceeding', 'more_than'],
    ['well over', 'more_than'],
    ['well above', 'more_than'],
    ['well in excess of', 'more_than'],
    ['longer than', 'more_than'],
    ['just over', 'just_over'],
    ['slightly more than', 'just_over'],
    ['a little over', 'just_over'],
    ['a little more than', 'just_over'],
    ['just more than', 'just_over'],
    ['slightly over', 'just_over'],
    ['just above', 'just_over'],
    ['slightly above', 'just_over'],
    ['a bit more than', 'just_over'],
    ['a bit over', 'just_over'],
    ['slightly longer than', 'just_over'],
    ['just past', 'just_over'],
    ['up to', 'at_most'],
    ['at most', 'at_most'],
    ['no more than', 'at_most'],
    ['not more than', 'at_most'],
    ['a maximum of', 'at_most'],
    ['as many as', 'at_most'],
    ['at the most', 'at_most'],
    ['no longer than', 'at_most'],
    ['less than', 'less_than'],
    ['under', 'less_than'],
    ['fewer than', 'less_than'],
    ['inside', 'less_than'],
    ['inside of', 'less_than'],
    ['within', 'less_than'],
    ['below', 'less_than'],
    ['shorter than', 'less_than'],
    ['well under', 'less_than'],
    ['well below', 'less_than'],
    ['after', 'after'],
    ['younger than', 'younger'],
    ['older than', 'older'],
  ] as Array<[string, Mod]>
)
  .map(([p, m]) => [p.split(' '), m] as [string[], Mod])
  .sort((a, b) => b[0].length - a[0].length);

/** Bound words after a figure: "1,000 or more", "an hour or so", "1,000-plus". */
const SUFFIX_MODIFIERS: Array<[string[], Mod]> = [
  [['or', 'more'], 'at_least'],
  [['or', 'so'], 'approx'],
  [['or', 'less'], 'at_most'],
  [['or', 'fewer'], 'at_most'],
  [['and', 'more'], 'at_least'],
  [['plus'], 'at_least'],
  [['at', 'least'], 'at_least'],
  [['at', 'most'], 'at_most'],
  [['or', 'over'], 'at_least'],
  [['and', 'over'], 'at_least'],
  [['and', 'above'], 'at_least'],
  [['or', 'older'], 'at_least'],
  [['and', 'under'], 'at_most'],
  [['or', 'younger'], 'at_most'],
];

const TIME_UNITS: Record<string, string> = {
  second: 'second',
  seconds: 'second',
  sec: 'second',
  secs: 'second',
  minute: 'minute',
  minutes: 'minute',
  min: 'minute',
  mins: 'minute',
  hour: 'hour',
  hours: 'hour',
  hr: 'hour',
  hrs: 'hour',
  day: 'day',
  days: 'day',
  night: 'night',
  nights: 'night',
  week: 'week',
  weeks: 'week',
  fortnight: 'fortnight',
  fortnights: 'fortnight',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  decade: 'decade',
  decades: 'decade',
};
/** Adjectives allowed between a number and its time unit ("two full days"). */
const TIME_UNIT_ADJ = new Set(['full', 'whole', 'long', 'short', 'more', 'additional', 'further', 'consecutive', 'straight', 'entire', 'extra', 'brief']);
/** After a duration, these make it a point in time ("a day after", "two weeks ago"): time.ts handles it. */
const RELATIVE_AFTER = new Set([
  'ago',
  'before',
  'after',
  'later',
  'earlier',
  'prior',
  'beforehand',
  'afterwards',
  'afterward',
  'following',
  'previously',
  'since',
]);
/** Before "a day"/"one day": rates ("once a day", "three times a year") are not durations. */
const RATE_BEFORE = new Set(['times', 'once', 'twice', 'thrice', 'per', 'every', 'each', 'a']);
/** Prepositions that make "one day"/"a day" a duration rather than "some day". */
const DURATION_PREPS = new Set([
  'for',
  'in',
  'within',
  'inside',
  'after',
  'over',
  'than',
  'of',
  'about',
  'around',
  'just',
  'only',
  'nearly',
  'almost',
  'under',
  'lasted',
  'lasting',
  'last',
  'least',
  'up',
  'to',
  'spent',
  'took',
  'takes',
  'barely',
  'some',
  'roughly',
  'approximately',
]);

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'usd', '€': 'eur', '£': 'gbp', '₽': 'rub', '₴': 'uah' };
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'usd',
  dollars: 'usd',
  usd: 'usd',
  euro: 'eur',
  euros: 'eur',
  eur: 'eur',
  pound: 'gbp',
  pounds: 'gbp',
  sterling: 'gbp',
  gbp: 'gbp',
  rouble: 'rub',
  roubles: 'rub',
  ruble: 'rub',
  rubles: 'rub',
  rub: 'rub',
  hryvnia: 'uah',
  hryvnias: 'uah',
  uah: 'uah',
};
/** Nouns naming a transfer: "an exchange of 1,000 prisoners" counts prisoners, not exchanges. */
const TRANSFER_NOUNS = new Set(['exchange', 'swap', 'trade', 'handover', 'transfer', 'release', 'return']);
const CURRENCY_CODES_BEFORE = new Set(['usd', 'eur', 'gbp', 'rub', 'uah']);

const FRACTIONS: Record<string, number> = {
  half: 50,
  halves: 50,
  third: 100 / 3,
  thirds: 100 / 3,
  quarter: 25,
  quarters: 25,
  fifth: 20,
  fifths: 20,
  sixth: 100 / 6,
  tenth: 10,
  tenths: 10,
};

/** Words after which a number is a label, not a figure ("Article 5", "Resolution 2231"). */
const LABEL_WORDS = new Set([
  'article',
  'section',
  'chapter',
  'resolution',
  'paragraph',
  'clause',
  'no',
  'number',
  'page',
  'flight',
  'route',
  'highway',
  'room',
  'phase',
  'stage',
  'level',
  'category',
  'protocol',
  'annex',
  'point',
  'item',
  'part',
  'act',
  'decree',
  'law',
  'order',
  'version',
  'channel',
  'tier',
  'block',
  'unit',
  'brigade',
  'battalion',
  'regiment',
  'division',
  'corps',
  'army',
  'squadron',
  'leo',
  'pius',
  'john',
  'paul',
  'benedict',
  'gregory',
  'george',
  'henry',
  'charles',
  'louis',
  'elizabeth',
  'edward',
  'william',
  'gate',
  'terminal',
  'building',
  'group',
  'formula',
  'format',
]);

/** Nouns that name people: "prisoners … under 25", "soldiers younger than 25" are ages. */
const PERSON_NOUNS = new Set([
  'prisoner',
  'prisoners',
  'soldier',
  'soldiers',
  'child',
  'children',
  'people',
  'person',
  'persons',
  'man',
  'men',
  'woman',
  'women',
  'captive',
  'captives',
  'pow',
  'pows',
  'serviceman',
  'servicemen',
  'servicewomen',
  'troops',
  'those',
  'anyone',
  'everyone',
  'citizens',
  'civilians',
  'recruits',
  'conscripts',
  'boys',
  'girls',
  'youths',
  'fighters',
  'detainees',
  'teenagers',
  'minors',
  'adults',
  'personnel',
  'war',
  'individuals',
  'males',
  'females',
]);

/** Nouns that end the phrase after an ordinal or "one" ("the second round", "first time"). */
const SINGULAR_HEADS = new Set([
  'round',
  'meeting',
  'session',
  'time',
  'day',
  'year',
  'week',
  'month',
  'priority',
  'step',
  'stage',
  'phase',
  'attempt',
  'visit',
  'exchange',
  'swap',
  'encounter',
  'cycle',
  'leg',
  'batch',
  'wave',
  'call',
  'anniversary',
  'summit',
  'part',
]);
/** Hyphenated words after a number that describe rather than count ("three-way", "two-sided"). */
const DESCRIPTIVE_COMPOUNDS = new Set([
  'way',
  'sided',
  'fold',
  'pronged',
  'tier',
  'tiered',
  'dimensional',
  'track',
  'stage',
  'party',
  'nation',
  'state',
  'lane',
  'star',
  'step',
]);

/** Verbs in -s that can follow a figure's noun phrase ("the truce lasts"): they end it, and are not plurals. */
const THIRD_PERSON_VERBS = [
  'takes',
  'begins',
  'ends',
  'starts',
  'comes',
  'goes',
  'shows',
  'marks',
  'seems',
  'follows',
  'makes',
  'gives',
  'brings',
  'sees',
  'lasts',
  'includes',
  'involves',
  'opens',
  'closes',
  'wraps',
  'wants',
  'needs',
];

/** Function words and verbs that end the noun phrase after a number. */
const BOUNDARY = new Set([
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'from',
  'by',
  'with',
  'without',
  'into',
  'onto',
  'over',
  'under',
  'and',
  'or',
  'nor',
  'but',
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'when',
  'while',
  'as',
  'than',
  'since',
  'after',
  'before',
  'during',
  'across',
  'near',
  'along',
  'between',
  'against',
  'toward',
  'towards',
  'through',
  'including',
  'per',
  'each',
  'apiece',
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'can',
  'shall',
  'do',
  'does',
  'did',
  'not',
  'also',
  'said',
  'says',
  'say',
  'set',
  'get',
  'got',
  'it',
  'they',
  'them',
  'he',
  'she',
  'we',
  'you',
  'i',
  'later',
  'earlier',
  'ago',
  'again',
  'too',
  'yet',
  'still',
  'now',
  'then',
  'soon',
  'already',
  'only',
  'just',
  'even',
  'ever',
  'here',
  'there',
  'today',
  'tonight',
  'yesterday',
  'tomorrow',
  'if',
  'because',
  'so',
  'such',
  'about',
  'around',
  'like',
  'unlike',
  'via',
  'amid',
  'among',
  'beyond',
  'despite',
  'upon',
  'until',
  'till',
  'within',
  'behind',
  'above',
  'below',
  'off',
  'out',
  'up',
  'down',
  'away',
  'back',
  'more',
  'less',
  'fewer',
  'most',
  'least',
  'both',
  'either',
  'neither',
  'all',
  'any',
  'some',
  'no',
  'what',
  'how',
  'why',
  'whether',
  'though',
  'although',
  'whereas',
  'plus',
  'minus',
  'versus',
  'vs',
  'according',
  'began',
  'begun',
  'came',
  'went',
  'took',
  'gave',
  'held',
  'met',
  'made',
  'saw',
  'put',
  'left',
  'ran',
  'brought',
  'fell',
  'rose',
  'won',
  'lost',
  'kept',
  'told',
  'broke',
  'stood',
  'sat',
  'led',
  'showed',
  'found',
  'thought',
  'sent',
  'spent',
  'built',
  'struck',
  'hit',
  'shot',
  'fought',
  'flew',
  'drew',
  'chose',
  'wrote',
  'spoke',
  'became',
  'seemed',
  'means',
  'remains',
  ...THIRD_PERSON_VERBS,
  'remain',
  'died',
  'dead',
  'killed',
  'wounded',
  'injured',
  'missing',
  'alive',
  'freed',
  'released',
  'returned',
  'home',
  'old',
  'ended',
  'lasted',
  'started',
  'opened',
  'closed',
  'took',
  'take',
  'make',
  'give',
  'go',
  'come',
  'ceased',
  'whom',
  'there',
  'where',
  'respectively',
  'each',
  'total',
  'altogether',
]);
/** Participles that, right after a number and before a noun, describe the noun ("1,000 captured soldiers"). */
const PRENOMINAL_PARTICIPLES = new Set([
  'killed',
  'wounded',
  'injured',
  'captured',
  'detained',
  'freed',
  'released',
  'dead',
  'missing',
  'occupied',
  'displaced',
  'deported',
  'abducted',
  'exchanged',
  'returned',
]);

/** Words that describe rather than name (never the counted noun). */
const ADJECTIVES = new Set([
  'direct',
  'major',
  'minor',
  'new',
  'full',
  'formal',
  'official',
  'bilateral',
  'trilateral',
  'big',
  'large',
  'small',
  'long',
  'short',
  'brief',
  'previous',
  'last',
  'next',
  'final',
  'opening',
  'initial',
  'proper',
  'real',
  'public',
  'private',
  'historic',
  'key',
  'main',
  'top',
  'senior',
  'junior',
  'joint',
  'possible',
  'potential',
  'serious',
  'seriously',
  'recent',
  'current',
  'further',
  'additional',
  'fresh',
  'open',
  'closed',
  'secret',
  'informal',
  'preliminary',
  'early',
  'late',
  'such',
  'other',
  'more',
  'own',
  'same',
  'different',
  'separate',
  'several',
  'many',
  'various',
  'numerous',
  'strategic',
  'military',
  'civilian',
  'high',
  'low',
  'level',
  'high-level',
  'face-to-face',
  'partial',
  'partially',
  'total',
  'whole',
  'entire',
  'young',
  'old',
  'elderly',
  'sick',
  'ill',
  'badly',
  'critically',
  'heavy',
  'light',
  'armed',
  'unarmed',
  'unmanned',
  'ballistic',
  'cruise',
  'hypersonic',
  'main',
  'regional',
  'national',
  'international',
  'local',
  'foreign',
  'domestic',
  'western',
  'eastern',
  'northern',
  'southern',
  'central',
  'frontline',
  'front-line',
  'key',
  'important',
  'largest',
  'biggest',
  'smallest',
  'first',
  'second',
  'third',
  'lengthy',
  'short-lived',
  'successive',
  'consecutive',
  'straight',
  'extra',
  'peaceful',
  'substantive',
  'detailed',
  'broad',
  'narrow',
  'limited',
  'unconditional',
  'complete',
  'comprehensive',
  'temporary',
  'permanent',
  'fragile',
  'previously',
  'newly',
  'reportedly',
  'allegedly',
  'so-called',
  'active',
  'former',
  'ex',
]);
/** Nouns ending in -ly / -ed / -ing that are heads, not adverbs/verbs. */
const NOUN_EXCEPTIONS = new Set([
  'family',
  'ally',
  'assembly',
  'rally',
  'supply',
  'anomaly',
  'reply',
  'monopoly',
  'italy',
  'meeting',
  'building',
  'hearing',
  'bombing',
  'shelling',
  'briefing',
  'gathering',
  'offering',
  'warning',
  'ceiling',
  'uprising',
  'ruling',
  'landing',
  'killing',
  'wedding',
  'evening',
  'morning',
  'spring',
  'thing',
  'king',
  'wing',
  'string',
  'ring',
  'setting',
  'sitting',
  'crossing',
  'funding',
  'posting',
  'opening',
  'beginning',
  'filing',
  'strike',
  'need',
  'speed',
  'seed',
  'bed',
  'breed',
  'creed',
  'greed',
  'hundred',
  'shed',
  'weed',
  'feed',
  'reed',
  'steed',
  'deed',
  'red',
  'meetings',
  'buildings',
  'bombings',
  'briefings',
  'gatherings',
  'warnings',
  'killings',
  'crossings',
  'sittings',
  'hearings',
]);
/** Common -s words that are not plural nouns. */
const NOT_PLURAL = new Set([
  'news',
  'series',
  'species',
  'its',
  'this',
  'has',
  'was',
  'does',
  'is',
  'as',
  'his',
  'hers',
  'ours',
  'yours',
  'theirs',
  'always',
  'perhaps',
  'whereas',
  'besides',
  'towards',
  'afterwards',
  'thus',
  'less',
  'unless',
  'across',
  'plus',
  'us',
  'bus',
  'gas',
  'status',
  'crisis',
  'basis',
  'analysis',
  'process',
  'progress',
  'address',
  'access',
  'success',
  'congress',
  'press',
  'mass',
  'class',
  'chess',
  'business',
  'bonus',
  'virus',
  'focus',
  'census',
  'consensus',
  'campus',
  'atlas',
  'canvas',
  'alias',
  'bias',
  'kyiv',
  'texas',
  'paris',
  'means',
  'says',
  ...THIRD_PERSON_VERBS,
  'whereabouts',
  'aegis',
]);

const IRREGULAR_PLURALS: Record<string, string> = {
  children: 'child',
  people: 'person',
  men: 'man',
  women: 'woman',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
  oxen: 'ox',
  lives: 'life',
  knives: 'knife',
  wives: 'wife',
  wolves: 'wolf',
  halves: 'half',
  selves: 'self',
  leaves: 'leaf',
  thieves: 'thief',
  shelves: 'shelf',
  data: 'datum',
  media: 'medium',
  criteria: 'criterion',
  phenomena: 'phenomenon',
  aircraft: 'aircraft',
  sheep: 'sheep',
  fish: 'fish',
  series: 'series',
  species: 'species',
  police: 'police',
  personnel: 'personnel',
  staff: 'staff',
  remains: 'remains',
  news: 'news',
  memoranda: 'memorandum',
  buses: 'bus',
  crises: 'crisis',
  analyses: 'analysis',
  bases: 'base',
  heroes: 'hero',
  vetoes: 'veto',
  echoes: 'echo',
  potatoes: 'potato',
  tomatoes: 'tomato',
  torpedoes: 'torpedo',
  embargoes: 'embargo',
  troops: 'troop',
  pows: 'pow',
  uavs: 'uav',
  statuses: 'status',
  viruses: 'virus',
  processes: 'process',
  addresses: 'address',
  talks: 'talk',
  arms: 'arms',
  forces: 'force',
  cities: 'city',
  casualties: 'casualty',
};

// ---------------------------------------------------------------------------------------------
// Lemmas

/** Canonical singular lowercase lemma of a noun ("servicemen" → "serviceman", "bodies" → "body"). */
export function lemma(word: string): string {
  let w = word.toLowerCase().replace(/'s?$/, '');
  if (/\d/.test(w)) return w.replace(/(\d)s$/, '$1'); // model codes: "Su-34s" → "su-34"
  if (w.includes('-')) {
    // "prisoner-of-war" → "prisoner"; other compounds take their last part.
    const parts = w.split('-').filter(Boolean);
    const ofIdx = parts.indexOf('of');
    w = ofIdx > 0 ? parts[ofIdx - 1] : (parts[parts.length - 1] ?? w);
  }
  if (w in IRREGULAR_PLURALS) return IRREGULAR_PLURALS[w];
  if (/(?:wo)?men$/.test(w) && w.length > 4) return w.replace(/men$/, 'man');
  if (w.length <= 3 || NOT_PLURAL.has(w)) return w;
  if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/(ss|us|is)$/.test(w)) return w;
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}

function isPluralNoun(w: string): boolean {
  const l = w.toLowerCase().replace(/'$/, '');
  if (l in IRREGULAR_PLURALS) return true; // incl. "aircraft", "personnel": they can be counted
  if (NOT_PLURAL.has(l) || l.length < 3) return false;
  if (/(ss|us|is|ous)$/.test(l)) return false;
  return /s$/.test(l);
}

function isAdjectiveLike(t: Token, nounSeen: boolean): boolean {
  const l = t.lower;
  if (NOUN_EXCEPTIONS.has(l)) return false;
  if (ADJECTIVES.has(l)) return true;
  if (/ly$/.test(l)) return true;
  if (!nounSeen && /(ed|ing)$/.test(l) && l.length > 4) return true;
  // Capitalised nationality / place adjectives: "Russian", "Ukrainian", "Turkish", "European".
  if (/^[A-Z]/.test(t.text) && /(an|ese|ish|ic|i)$/.test(l) && !isPluralNoun(l)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Noun phrase after a figure

interface Head {
  /** Token index of the head noun (last token when the head is a hyphenated compound). */
  tok: number;
  unit: string;
}

/**
 * Pick the counted noun in the words after a number. Words are read until a function word,
 * punctuation, a verb or UNIT_CHUNK_MAX words. Hyphenated compounds and adjectives are
 * modifiers. A count above one agrees with a plural, so the first plural noun is the head
 * ("12 Ukrainian servicemen dead" → serviceman); without a plural, a count above one counts
 * the first noun ("a 1,000-for-1,000 prisoner exchange" → prisoner) and a single or ordinal
 * takes the last noun of the phrase ("the first peace talks" → talk, "the second round" → round).
 */
function pickHead(tokens: Token[], pos: number, plural: boolean): Head | null {
  interface El {
    first: number;
    last: number;
    text: string;
    compound: boolean;
    adj: boolean;
  }
  const els: El[] = [];
  let j = pos;
  let nounSeen = false;
  while (j < tokens.length && els.length < UNIT_CHUNK_MAX) {
    const t = tokens[j];
    if (t.type !== 'word') break;
    const l = t.lower;
    // "6,000 killed soldiers": a participle before a noun describes it (after one it ends the phrase).
    if (!nounSeen && PRENOMINAL_PARTICIPLES.has(l) && tokens[j + 1]?.type === 'word' && !BOUNDARY.has(tokens[j + 1].lower)) {
      els.push({ first: j, last: j, text: t.text, compound: false, adj: true });
      j++;
      continue;
    }
    if (BOUNDARY.has(l) || l in UNIT_WORDS || l in TENS_WORDS) break;
    if (nounSeen && /(ed|ing)$/.test(l) && !NOUN_EXCEPTIONS.has(l)) break;
    // Model codes are nouns: "Su-34s", "Tu-95", "S-400".
    if (tokens[j + 1]?.text === '-' && glued(tokens, j + 1) && tokens[j + 2]?.type === 'num' && glued(tokens, j + 2)) {
      let last = j + 2;
      let text = t.text + '-' + tokens[j + 2].text;
      if (tokens[last + 1] && glued(tokens, last + 1) && tokens[last + 1].type === 'word' && tokens[last + 1].text.length <= 2) {
        text += tokens[last + 1].text;
        last++;
      }
      els.push({ first: j, last, text, compound: false, adj: false });
      nounSeen = true;
      break;
    }
    // Glue hyphenated words into one compound ("prisoner-of-war", "Russian-occupied").
    let last = j;
    let text = t.text;
    while (tokens[last + 1]?.text === '-' && !tokens[last + 1].gap && tokens[last + 2] && !tokens[last + 2].gap && tokens[last + 2].type === 'word') {
      text += '-' + tokens[last + 2].text;
      last += 2;
    }
    const compound = last > j;
    const adj = compound ? true : isAdjectiveLike(t, nounSeen);
    els.push({ first: j, last, text, compound, adj });
    if (!adj) nounSeen = true;
    // A single or ordinal figure of a common head noun ends there ("a third round fare …").
    if (!plural && !adj && !compound && SINGULAR_HEADS.has(l)) break;
    // A plural noun ends a noun phrase in practice ("peace talks", "air vehicles").
    if (!adj && !compound && isPluralNoun(l)) break;
    j = last + 1;
  }
  if (els.length === 0) return null;
  const nouns = els.filter((e) => !e.adj);
  if (nouns.length === 0) {
    // Only modifiers: a compound may still be the head ("1,000 prisoners-of-war").
    const c = els[els.length - 1];
    if (c.compound && isPluralNoun(c.text.split('-')[0])) return { tok: c.last, unit: lemma(c.text) };
    return null;
  }
  const plurals = nouns.filter((e) => isPluralNoun(e.text));
  let head: El;
  if (plurals.length > 0) head = plurals[0];
  else if (plural) head = nouns[0];
  else head = nouns[nouns.length - 1];
  // The head must be a real word, not a stray capitalised name part ("X", "U").
  if (head.text.length < 2) return null;
  return { tok: head.last, unit: lemma(head.text) };
}

// ---------------------------------------------------------------------------------------------
// Bounds → intervals

export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
  bound: Bound;
}

/** Turn a stated figure (value..high, already in the final scale) and its bound word into an interval. */
export function applyBound(mod: Mod | null, value: number, high: number, vague: boolean): Interval {
  const base: Bound = high !== value || vague ? 'range' : 'exact';
  switch (mod) {
    case 'approx':
    case 'after':
      return { lo: value * (1 - APPROX_SPREAD), hi: high * (1 + APPROX_SPREAD), loOpen: false, hiOpen: false, bound: 'approx' };
    case 'nearly':
      return { lo: value * NEARLY_FLOOR, hi: high, loOpen: false, hiOpen: false, bound: 'less_than' };
    case 'just_under':
      return { lo: value * NEARLY_FLOOR, hi: high, loOpen: false, hiOpen: true, bound: 'less_than' };
    case 'at_least':
      return { lo: value, hi: Infinity, loOpen: false, hiOpen: false, bound: 'at_least' };
    case 'more_than':
    case 'older':
      return { lo: high, hi: Infinity, loOpen: true, hiOpen: false, bound: 'more_than' };
    case 'just_over':
      return { lo: high, hi: high * JUST_OVER_CEILING, loOpen: true, hiOpen: false, bound: 'more_than' };
    case 'at_most':
      return { lo: 0, hi: high, loOpen: false, hiOpen: false, bound: 'at_most' };
    case 'less_than':
    case 'younger':
      return { lo: 0, hi: value, loOpen: false, hiOpen: true, bound: 'less_than' };
    default:
      return { lo: value, hi: high, loOpen: false, hiOpen: false, bound: base };
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers on tokens

function low(tokens: Token[], i: number): string {
  return tokens[i]?.lower ?? '';
}

function glued(tokens: Token[], i: number): boolean {
  return !!tokens[i] && !tokens[i].gap;
}

/** Match a bound word ending just before token `end`. Returns [mod, startTok] or null. */
function modifierBefore(tokens: Token[], end: number): [Mod, number] | null {
  for (const [words, mod] of MODIFIERS) {
    const s = end - words.length;
    if (s < 0) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      if (tokens[s + k].lower !== words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return [mod, s];
  }
  return null;
}

function suffixModifier(tokens: Token[], pos: number): [Mod, number] | null {
  // "1,000-plus"
  if (tokens[pos]?.text === '-' && glued(tokens, pos) && low(tokens, pos + 1) === 'plus') return ['at_least', pos + 2];
  for (const [words, mod] of SUFFIX_MODIFIERS) {
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      if (low(tokens, pos + k) !== words[k]) {
        ok = false;
        break;
      }
    }
    // "or more" must not start a new phrase ("1,000 or more prisoners" is fine; "or more than" is not).
    if (ok && !['than', 'of'].includes(low(tokens, pos + words.length))) return [mod, pos + words.length];
  }
  return null;
}

/** Nouns after "each" that make it one side's share ("each side", "each delegation"). */
const SIDE_NOUNS = new Set(['side', 'party', 'country', 'delegation', 'camp', 'nation', 'state', 'government', 'team', 'army', 'way', 'belligerent', 'army']);
/** Verbs that commonly follow a distributive "each" ("Moscow and Kyiv each freed 390"). */
const EACH_VERBS = new Set([
  'release',
  'free',
  'return',
  'hand',
  'exchange',
  'swap',
  'receive',
  'get',
  'give',
  'send',
  'lose',
  'lost',
  'repatriate',
  'transfer',
  'handed',
  'agree',
  'claim',
  'say',
  'report',
  'hold',
  'held',
  'took',
  'take',
  'gave',
  'got',
  'sent',
  'brought',
  'bring',
]);
/** Units that count the sides themselves: "the two sides each freed …" is not a per-side figure. */
const SIDE_UNITS = new Set(['side', 'party', 'delegation', 'country', 'camp', 'nation', 'belligerent']);
/** Verbs whose particle "over"/"up" is not a bound word ("hand over 1,000 prisoners"). */
const PHRASAL_PARTICLE_VERBS = new Set([
  'hand',
  'hands',
  'handed',
  'handing',
  'turn',
  'turns',
  'turned',
  'turning',
  'give',
  'gives',
  'gave',
  'given',
  'giving',
  'take',
  'takes',
  'took',
  'taken',
  'taking',
  'pass',
  'passed',
  'passing',
  'sign',
  'signed',
  'signing',
  'set',
  'sets',
  'setting',
  'come',
  'came',
  'coming',
  'add',
  'adds',
  'added',
  'adding',
  'sum',
  'summed',
  'win',
  'won',
  'fight',
  'fought',
  'round',
  'rounded',
  'build',
  'built',
  'make',
  'made',
  'bring',
  'brought',
  'pick',
  'picked',
  'won',
]);
const CLAUSE_STOPS = new Set(['.', ';', ':', '?', '!', '(', ')', '"']);
const CLAUSE_WORDS = new Set(['but', 'while', 'whereas', 'which', 'who', 'whom', 'although', 'though']);
const SAY_VERBS = new Set(['said', 'says', 'told', 'added', 'reported', 'stated', 'confirmed', 'announced']);

/**
 * "each" as one side's share: before a side noun ("each side"), a verb ("each freed") or at the
 * end of a phrase ("1,000 prisoners each."); not "each other", "each city", "each year".
 */
function isDistributiveEach(tokens: Token[], k: number): boolean {
  if (tokens[k]?.lower !== 'each') return false;
  const n = tokens[k + 1];
  if (!n || n.type !== 'word') return true;
  const l = n.lower;
  if (l === 'other' || l === 'one') return false;
  if (l === 'of') return SIDE_NOUNS.has(low(tokens, k + 3)) || low(tokens, k + 3) === 'sides';
  return SIDE_NOUNS.has(l) || EACH_VERBS.has(l) || /ed$/.test(l) || (BOUNDARY.has(l) && l !== 'the');
}

/** Is the figure spanning tokens [s, e) one side's share? */
function perSideAround(tokens: Token[], s: number, e: number): boolean {
  // Forward: "1,000 prisoners each", "6,000 bodies of killed soldiers each", "… by each side".
  for (let k = e; k < tokens.length && k < e + PER_SIDE_FORWARD_WINDOW; k++) {
    const t = tokens[k];
    if (t.type === 'punct' && t.text !== '-') break;
    if (t.type === 'num') break;
    if (t.lower === 'apiece') return true;
    if (t.lower === 'per' && ['side', 'party', 'country'].includes(low(tokens, k + 1))) return true;
    if (isDistributiveEach(tokens, k)) {
      // "the two capitals each freed 390": the figure counts who does the distributing.
      const n = tokens[k + 1];
      if (n && n.type === 'word' && !SIDE_NOUNS.has(n.lower) && n.lower !== 'of' && n.lower !== 'by' && k === e) return false;
      return true;
    }
    if (CLAUSE_WORDS.has(t.lower) || t.lower === 'and' || t.lower === 'or') break;
  }
  // Backward: "each side freed 390", "the two sides each freed 1,000", "for each side to hand over 1,000".
  for (let k = s - 1; k >= 0 && k >= s - PER_SIDE_BACK_WINDOW; k--) {
    const t = tokens[k];
    if (CLAUSE_STOPS.has(t.text) || CLAUSE_WORDS.has(t.lower)) break;
    if (t.text === ',' && !SAY_VERBS.has(low(tokens, k - 1))) break;
    if (isDistributiveEach(tokens, k)) return true;
  }
  return false;
}

/** "the bodies of 6,000 soldiers": the noun the figure's phrase depends on ('body'), or ''. */
export function governingNoun(sentence: string, q: Quantity): string {
  const tokens = tokenize(sentence);
  const i = tokens.findIndex((t) => t.start >= q.start);
  if (i < 0) return '';
  // Skip a leading bound word that is part of q.text.
  if (low(tokens, i - 1) !== 'of') return '';
  const prev = tokens[i - 2];
  if (!prev || prev.type !== 'word' || BOUNDARY.has(prev.lower)) return '';
  return lemma(prev.text);
}

/** A per-side figure as the total of both sides ("1,000 each" → 2,000); other figures unchanged. */
export function totalOf(q: Quantity): Quantity {
  if (!q.perSide) return q;
  return { ...q, value: q.value * 2, high: q.high * 2, lo: q.lo * 2, hi: q.hi * 2, perSide: false };
}

const VAGUE_TEXT_RE = /\b(dozens|scores|hundreds|thousands|millions|billions|several|few|couple)\b/i;
/** true when the figure is a conventional span ("dozens", "several hundred", "a few"). */
export function isVagueQuantity(q: Quantity): boolean {
  return q.kind !== 'ordinal' && VAGUE_TEXT_RE.test(q.text);
}

// ---------------------------------------------------------------------------------------------
// The extractor

interface Core {
  m: NumberMatch;
  value: number;
  high: number;
  start: number; // token index where the phrase starts ("between", "$", number)
  end: number; // token index after the numeric part
  perSide: boolean;
  currency: string;
}

/** Verbs before "from X to Y" that make it a change, not a range ("rose from 500 to 1,000"). */
const CHANGE_VERB_RE =
  /^(rose|risen|rise|rising|increased?|increasing|fell|fallen|falling|decreased?|decreasing|grew|grown|growing|jumped?|jumping|dropped?|dropping|climbed?|climbing|raised?|raising|cut|reduced?|reducing|up|down|went|gone|soared?|surged?|plunged?|doubled?|tripled?|slashed?|expanded?|shrank|shrunk)$/;

function parseCore(tokens: Token[], i: number): Core | null {
  const t = tokens[i];
  let start = i;
  let currency = '';
  let k = i;
  // "$5bn", "US$5bn", "USD 5 billion", "€1.2 million"
  if (t.type === 'punct' && t.text in CURRENCY_SYMBOLS) {
    currency = CURRENCY_SYMBOLS[t.text];
    k = i + 1;
  } else if (t.type === 'word' && (t.text === 'US' || t.text === 'A' || t.text === 'C') && tokens[i + 1]?.text === '$' && glued(tokens, i + 1)) {
    currency = 'usd';
    k = i + 2;
  } else if (t.type === 'word' && CURRENCY_CODES_BEFORE.has(t.lower) && t.text === t.text.toUpperCase() && tokens[i + 1]?.type === 'num') {
    currency = t.lower;
    k = i + 1;
  }
  // "between X and Y", "from X to Y"
  let between = false;
  if (!currency && (t.lower === 'between' || t.lower === 'from')) {
    if (t.lower === 'from' && CHANGE_VERB_RE.test(low(tokens, i - 1))) return null;
    between = true;
    k = i + 1;
  }
  const m = parseNumberAt(tokens, k);
  if (!m) return null;
  if (k !== i && !between && currency === '') return null;
  if (!currency && !between) start = m.startTok;
  let end = m.endTok;
  let value = m.value;
  let high = m.high;
  const perSide = false;

  // "one and a half", "two and a half"
  if (!m.vague && low(tokens, end) === 'and' && low(tokens, end + 1) === 'a' && low(tokens, end + 2) === 'half' && TIME_UNITS[low(tokens, end + 3)]) {
    value += 0.5;
    high += 0.5;
    end += 3;
  }

  const conj = low(tokens, end);
  if (between) {
    const want = t.lower === 'between' ? ['and', '-', 'to'] : ['to', '-'];
    if (!want.includes(conj)) return null;
    const m2 = parseNumberAt(tokens, end + 1);
    if (!m2 || m2.high <= value) return null;
    return { m, value, high: m2.high, start, end: m2.endTok, perSide, currency };
  }
  // "1,000-for-1,000", "6,000 for 6,000"
  if (conj === 'for' || (conj === '-' && glued(tokens, end) && low(tokens, end + 1) === 'for' && glued(tokens, end + 1))) {
    const at = conj === 'for' ? end + 1 : tokens[end + 2]?.text === '-' ? end + 3 : end + 2;
    const m2 = parseNumberAt(tokens, at);
    if (m2 && m2.value === value && !m.vague) {
      return { m, value, high, start, end: m2.endTok, perSide: true, currency };
    }
  }
  // "1,000 to 1,200", "two or three", "1,000-1,200", "two-to-three"
  let rangeAt = -1;
  if (conj === 'to' || conj === 'or') rangeAt = end + 1;
  // "a two- or three-day pause": a suspended hyphen before "or"/"to".
  else if (conj === '-' && glued(tokens, end) && !glued(tokens, end + 1) && ['or', 'to'].includes(low(tokens, end + 1))) rangeAt = end + 2;
  else if (conj === '-' && glued(tokens, end) && glued(tokens, end + 1)) {
    if (low(tokens, end + 1) === 'to' && tokens[end + 2]?.text === '-' && glued(tokens, end + 2)) rangeAt = end + 3;
    else if (tokens[end + 1]?.type === 'num' || tokens[end + 1]?.lower in UNIT_WORDS || tokens[end + 1]?.lower in TENS_WORDS) rangeAt = end + 1;
  }
  if (rangeAt > 0 && !m.vague) {
    const m2 = parseNumberAt(tokens, rangeAt);
    // "agreed to 1,000 more"? only ascending pairs of the same notation read as ranges; "or" only
    // for small numbers ("two or three days").
    const change = low(tokens, m.startTok - 1) === 'from' && CHANGE_VERB_RE.test(low(tokens, m.startTok - 2));
    if (m2 && !m2.vague && m2.value > value && (conj !== 'or' || m2.value <= 100) && !(m.digits && !m2.digits) && !change) {
      return { m, value, high: m2.value, start, end: m2.endTok, perSide, currency };
    }
  }
  return { m, value, high, start, end, perSide, currency };
}

/** Cheap pre-check: sentences without digits, number words or time units have no figures. */
const MAYBE_FIGURE_RE = new RegExp(
  String.raw`\d|\b(?:${[...Object.keys(UNIT_WORDS), ...Object.keys(TENS_WORDS), ...Object.keys(ORDINAL_WORDS)].join('|')}|` +
    String.raw`dozens?|hundreds?|thousands?|millions?|billions?|few|several|couple|half|quarters?|thirds?|fifths?|tens|scores|` +
    String.raw`seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|\d)\b`,
  'i',
);

/**
 * Extract every figure in a sentence. Offsets are into `sentence` as given (curly quotes,
 * dashes and non-breaking spaces are normalised internally without moving offsets).
 *
 * The sentence is read left to right; at each token the readers below are tried in order
 * (ordinal, fraction, "one in five", then a number with what follows it). Each returns the
 * token index to go on from, or null when it does not apply there.
 */
export function extractQuantities(sentence: string): Quantity[] {
  if (!MAYBE_FIGURE_RE.test(sentence)) return [];
  const tokens = tokenize(sentence);
  const dates = dateSpans(sentence);
  const cx: Scan = {
    sentence,
    tokens,
    out: [],
    inDate: (t) => dates.some((d) => t.start >= d.start && t.end <= d.end),
  };
  let i = 0;
  while (i < tokens.length) {
    if (cx.inDate(tokens[i])) {
      i++;
      continue;
    }
    i = readOrdinal(cx, i) ?? readFraction(cx, i) ?? readOneIn(cx, i) ?? readFigure(cx, i);
  }
  return joinDurations(sentence, cx.out);
}

/** One sentence being read: its tokens, the date spans to skip, and the figures found so far. */
interface Scan {
  sentence: string;
  tokens: Token[];
  out: Quantity[];
  inDate: (t: Token) => boolean;
}

/** Records one figure spanning tokens [startTok, endTok). */
function emit(
  cx: Scan,
  kind: QuantityKind,
  value: number,
  high: number,
  mod: Mod | null,
  vague: boolean,
  perSide: boolean,
  unit: string,
  startTok: number,
  endTok: number,
): void {
  const iv = applyBound(mod, value, high, vague);
  const s = cx.tokens[startTok].start;
  const e = cx.tokens[endTok - 1].end;
  cx.out.push({
    kind,
    value,
    high,
    bound: iv.bound,
    lo: iv.lo,
    hi: iv.hi,
    loOpen: iv.loOpen,
    hiOpen: iv.hiOpen,
    perSide,
    unit,
    text: cx.sentence.slice(s, e),
    start: s,
    end: e,
  });
}

/** Ordinals: "the second round", "first direct talks", "22nd meeting". */
function readOrdinal(cx: Scan, i: number): number | null {
  const { tokens } = cx;
  const t = tokens[i];
  const ord = parseOrdinalAt(tokens, i);
  if (!ord || (t.lower === 'second' && ['a', 'one', 'per', 'every', 'split'].includes(low(tokens, i - 1)) && !tokens[i + 1])) return null;
  const [n, endTok] = ord;
  let pos = endTok;
  // "first-ever"; other glued compounds ("second-largest", "first-hand") are not ordinals of a noun.
  if (tokens[pos]?.text === '-' && glued(tokens, pos)) {
    if (low(tokens, pos + 1) === 'ever') pos += 2;
    else return pos + 2;
  }
  // "a third of", "two-thirds" are fractions (handled below); "first of all" is not an ordinal.
  const isFraction = low(tokens, pos) === 'of' && (low(tokens, i - 1) === 'a' || low(tokens, i - 1) === 'one');
  if (isFraction) return null;
  const head = pickHead(tokens, pos, false);
  if (head && low(tokens, pos) !== 'of') {
    emit(cx, 'ordinal', n, n, null, false, false, head.unit, i, head.tok + 1);
    return head.tok + 1;
  }
  if (!(t.lower in ORDINAL_WORDS) || ord[0] > 0) return endTok;
  return null;
}

/** Determiners skipped between "of" and the whole a fraction or percentage is of. */
const OF_DETERMINERS = ['the', 'its', 'their', 'his', 'her', 'our', 'all', 'this', 'that', 'these', 'those'];

/** Fractions of a whole → percent: "about a fifth of Ukrainian territory", "half of". */
function readFraction(cx: Scan, i: number): number | null {
  const { tokens } = cx;
  const t = tokens[i];
  let fs = -1,
    num = 1,
    fw = '';
  if ((t.lower === 'a' || t.lower === 'one') && low(tokens, i + 1) in FRACTIONS && low(tokens, i + 2) === 'of') {
    fs = i;
    fw = low(tokens, i + 1);
  } else if (t.lower === 'half' && low(tokens, i + 1) === 'of') {
    fs = i;
    fw = 'half';
  } else if (t.lower in UNIT_WORDS && tokens[i + 1]?.text === '-' && glued(tokens, i + 1) && low(tokens, i + 2) in FRACTIONS && low(tokens, i + 3) === 'of') {
    fs = i;
    fw = low(tokens, i + 2);
    num = UNIT_WORDS[t.lower];
  } else if (t.lower in UNIT_WORDS && low(tokens, i + 1) in FRACTIONS && /s$/.test(low(tokens, i + 1)) && low(tokens, i + 2) === 'of') {
    fs = i;
    fw = low(tokens, i + 1);
    num = UNIT_WORDS[t.lower];
  }
  if (fs < 0) return null;
  const v = num * FRACTIONS[fw];
  let ofAt = fs + 1;
  while (low(tokens, ofAt) !== 'of') ofAt++;
  let p = ofAt + 1;
  while (OF_DETERMINERS.includes(low(tokens, p))) p++;
  const head = pickHead(tokens, p, false);
  const mb = modifierBefore(tokens, fs);
  const startTok = mb ? mb[1] : fs;
  emit(cx, 'percent', v, v, mb ? mb[0] : null, false, false, head ? head.unit : '', startTok, head ? head.tok + 1 : ofAt);
  return head ? head.tok + 1 : ofAt + 1;
}

/** "one in five Ukrainians" → 20 percent. */
function readOneIn(cx: Scan, i: number): number | null {
  const { tokens } = cx;
  const t = tokens[i];
  if (!((t.type === 'num' || t.lower in UNIT_WORDS) && low(tokens, i + 1) === 'in')) return null;
  const a = parseNumberAt(tokens, i);
  const b = a && a.endTok === i + 1 ? parseNumberAt(tokens, i + 2) : null;
  if (!(a && b && !a.vague && !b.vague && b.value > a.value && a.value > 0 && !isYearAt(tokens, i + 2))) return null;
  const head = pickHead(tokens, b.endTok, true);
  const mb = modifierBefore(tokens, i);
  const v = (a.value / b.value) * 100;
  emit(cx, 'percent', v, v, mb ? mb[0] : null, false, false, head ? head.unit : '', mb ? mb[1] : i, head ? head.tok + 1 : b.endTok);
  return head ? head.tok + 1 : b.endTok;
}

/** A number with an article or "half" before a time unit ("an hour", "half an hour"), or any number phrase. */
function readCore(tokens: Token[], i: number): Core | null {
  const t = tokens[i];
  // ("a second" is left out: in news it is the ordinal far more often than the time unit.)
  if ((t.lower === 'a' || t.lower === 'an') && TIME_UNITS[low(tokens, i + 1)] && !/s$/.test(low(tokens, i + 1)) && low(tokens, i + 1) !== 'second') {
    return {
      m: { value: 1, high: 1, vague: false, startTok: i, endTok: i + 1, article: true, digits: false },
      value: 1,
      high: 1,
      start: i,
      end: i + 1,
      perSide: false,
      currency: '',
    };
  }
  if (t.lower === 'half' && (low(tokens, i + 1) === 'an' || low(tokens, i + 1) === 'a') && TIME_UNITS[low(tokens, i + 2)]) {
    return {
      m: { value: 0.5, high: 0.5, vague: false, startTok: i, endTok: i + 2, article: true, digits: false },
      value: 0.5,
      high: 0.5,
      start: i,
      end: i + 2,
      perSide: false,
      currency: '',
    };
  }
  return parseCore(tokens, i);
}

/** What a number phrase is found to be, filled in step by step by the functions below. */
interface Figure {
  core: Core;
  kind: QuantityKind;
  unit: string;
  /** Exclusive token end of the stated phrase. */
  endTok: number;
  value: number;
  high: number;
  perSide: boolean;
  suffixMod: Mod | null;
  ageCompound: boolean;
  hyphenCompound: boolean;
}

/** Time zones and clock words after a number: "13:35 GMT", "10 am". */
const CLOCK_WORDS = ['am', 'pm', 'gmt', 'utc', 'bst', 'cet', 'cest', 'eet', 'eest', 'msk', 'h'];

/** Numbers that are not figures: in a date, inside a hyphenated word, labels, clock times, decades. Returns where to go on. */
function skipNonFigure(cx: Scan, core: Core): number | null {
  const { tokens } = cx;
  const m = core.m;
  const pos = core.end;
  if (cx.inDate(tokens[m.startTok])) return core.end;
  // A number word inside a hyphenated word ("one-on-one", "face-to-face") is not a figure.
  if (
    !m.digits &&
    tokens[m.startTok - 1]?.text === '-' &&
    glued(tokens, m.startTok) &&
    glued(tokens, m.startTok - 1) &&
    tokens[m.startTok - 2]?.type === 'word'
  )
    return core.end;
  // Labels and codes: "Article 5", "Leo XIV" (no digits), "13:35", "10 am", "1990s".
  if (!m.digits) return null;
  const before = low(tokens, m.startTok - 1);
  if (LABEL_WORDS.has(before) && /^[A-Z]/.test(tokens[m.startTok - 1].text)) return core.end;
  if (tokens[pos]?.text === ':' && glued(tokens, pos) && tokens[pos + 1]?.type === 'num' && glued(tokens, pos + 1)) return pos + 2;
  if (
    CLOCK_WORDS.includes(low(tokens, pos)) ||
    (low(tokens, pos) === 'a' && tokens[pos + 1]?.text === '.' && low(tokens, pos + 2) === 'm') ||
    (low(tokens, pos) === 'p' && tokens[pos + 1]?.text === '.' && low(tokens, pos + 2) === 'm')
  )
    return pos + 1;
  if (low(tokens, pos) === 's' && glued(tokens, pos)) return pos + 1;
  return null;
}

/** Years, and ranges of years ("2022-2025"). */
function readYear(cx: Scan, core: Core): number | null {
  const { tokens } = cx;
  const m = core.m;
  if (!m.digits || core.currency || !isYearAt(tokens, m.startTok)) return null;
  if (core.end === m.endTok) {
    emit(cx, 'year', core.value, core.value, null, false, false, '', core.start, core.end);
    return core.end;
  }
  if (core.high !== core.value && core.high >= 1900 && core.high <= 2099) {
    emit(cx, 'year', core.value, core.high, null, false, false, '', core.start, core.end);
    return core.end;
  }
  return null;
}

/** A number phrase at token i: what it counts, its bounds, per side or not; emitted unless it is not a figure. */
function readFigure(cx: Scan, i: number): number {
  const { tokens } = cx;
  const core = readCore(tokens, i);
  if (!core) return i + 1;
  const skip = skipNonFigure(cx, core) ?? readYear(cx, core);
  if (skip !== null) return skip;
  const f: Figure = {
    core,
    kind: 'count',
    unit: '',
    endTok: core.end,
    value: core.value,
    high: core.high,
    perSide: core.perSide,
    suffixMod: null,
    ageCompound: false,
    hyphenCompound: false,
  };
  const skipped = readWhatFollows(tokens, f, i) ?? skipPointInTime(tokens, f);
  if (skipped !== null) return skipped;
  const { mod, phraseStart } = boundsAndAge(tokens, f);
  const junk = skipJunk(tokens, f, i);
  if (junk !== null) return junk;
  const m = core.m;
  // Durations in minutes; ages in years; others as stated.
  if (f.kind === 'duration') {
    const k = MINUTES_PER[f.unit] ?? 1;
    f.value *= k;
    f.high *= k;
  }
  // Per side.
  if (!f.perSide && (f.kind === 'count' || f.kind === 'money') && !SIDE_UNITS.has(f.unit)) {
    f.perSide = perSideAround(tokens, phraseStart, f.endTok);
  }
  if (f.perSide && (low(tokens, f.endTok) === 'each' || low(tokens, f.endTok) === 'apiece')) f.endTok++;
  emit(cx, f.kind, f.value, f.high, mod, m.vague, f.perSide, f.unit, phraseStart, f.endTok);
  return Math.max(f.endTok, i + 1);
}

/** What follows the number decides the kind: %, currency, a hyphen compound, a time unit or a noun. */
function readWhatFollows(tokens: Token[], f: Figure, i: number): number | null {
  const pos = f.core.end;
  const next = low(tokens, pos);
  if (f.core.currency) {
    f.kind = 'money';
    f.unit = f.core.currency;
  } else if (next === '%' || next === 'percent' || next === 'pc' || (next === 'per' && low(tokens, pos + 1) === 'cent')) {
    f.kind = 'percent';
    f.endTok = pos + (next === 'per' ? 2 : 1);
    if (low(tokens, f.endTok) === 'of') {
      let p = f.endTok + 1;
      while (['the', 'its', 'their', 'all'].includes(low(tokens, p))) p++;
      const head = pickHead(tokens, p, false);
      if (head) f.unit = head.unit;
    }
  } else if (next in CURRENCY_WORDS) {
    f.kind = 'money';
    f.unit = CURRENCY_WORDS[next];
    f.endTok = pos + 1;
  } else if (tokens[pos]?.text === '-' && glued(tokens, pos) && tokens[pos + 1]?.type === 'word' && glued(tokens, pos + 1)) {
    return readHyphenCompound(tokens, f);
  } else {
    return readUnitOrNoun(tokens, f, i);
  }
  return null;
}

/** Hyphen compounds: "30-day", "three-year", "55-year-old", "22-point", "1,000-strong". */
function readHyphenCompound(tokens: Token[], f: Figure): number | null {
  const pos = f.core.end;
  const w = low(tokens, pos + 1);
  if (TIME_UNITS[w]) {
    if (tokens[pos + 2]?.text === '-' && low(tokens, pos + 3) === 'old') {
      f.kind = 'age';
      f.unit = 'year';
      f.endTok = pos + 4;
      f.ageCompound = true;
    } else {
      f.kind = 'duration';
      f.unit = TIME_UNITS[w];
      f.endTok = pos + 2;
      f.hyphenCompound = true;
    }
  } else if (DESCRIPTIVE_COMPOUNDS.has(w)) {
    return pos + 2;
  } else if (w === 'plus') {
    f.suffixMod = 'at_least';
    const head = pickHead(tokens, pos + 2, f.value !== 1);
    if (head) {
      f.unit = head.unit;
      f.endTok = head.tok + 1;
    } else f.endTok = pos + 2;
  } else if (['strong', 'odd', 'member', 'man', 'person'].includes(w)) {
    const head = pickHead(tokens, pos + 2, false);
    f.unit = head ? head.unit : lemma(w);
    f.endTok = head ? head.tok + 1 : pos + 2;
  } else {
    f.unit = lemma(w);
    f.endTok = pos + 2;
  }
  return null;
}

/** Time unit, possibly after an adjective ("two full days"), or "an hour and a half"; else the counted noun. */
function readUnitOrNoun(tokens: Token[], f: Figure, i: number): number | null {
  const m = f.core.m;
  const pos = f.core.end;
  let up = pos;
  while (TIME_UNIT_ADJ.has(low(tokens, up)) && TIME_UNITS[low(tokens, up + 1)]) up++;
  const tu = TIME_UNITS[low(tokens, up)];
  if (tu && !(m.article && /s$/.test(low(tokens, up)))) {
    f.kind = 'duration';
    f.unit = tu;
    f.endTok = up + 1;
    if (low(tokens, f.endTok) === 'and' && low(tokens, f.endTok + 1) === 'a' && low(tokens, f.endTok + 2) === 'half' && f.value === f.high) {
      f.value += 0.5;
      f.high += 0.5;
      f.endTok += 3;
    }
    if ((low(tokens, f.endTok) === 'old' || (low(tokens, f.endTok) === 'of' && low(tokens, f.endTok + 1) === 'age')) && f.unit === 'year') {
      f.kind = 'age';
      f.endTok += low(tokens, f.endTok) === 'old' ? 1 : 2;
    }
    return null;
  }
  if (m.article) return i + 1;
  readCountedNoun(tokens, f);
  return null;
}

/** Possessives and demonstratives in a partitive: "711 of the drones". */
const PARTITIVE_DETERMINERS = ['the', 'its', 'their', 'these', 'those', 'his', 'her', 'our', 'them'];

/** The noun a count counts, with a bound word between ("1,000 or more prisoners") and partitives ("dozens of planes"). */
function readCountedNoun(tokens: Token[], f: Figure): void {
  const m = f.core.m;
  let p = f.core.end;
  const early = suffixModifier(tokens, p);
  if (early) {
    f.suffixMod = early[0];
    p = early[1];
  }
  if (low(tokens, p) === 'of') {
    const d = low(tokens, p + 1);
    if (PARTITIVE_DETERMINERS.includes(d)) p += 2;
    else if (m.vague || (!m.digits && m.value >= 100)) p += 1;
  }
  let head = low(tokens, p) === 'of' ? null : pickHead(tokens, p, f.value !== 1 || m.vague);
  // "a 6,000-for-6,000 exchange of bodies": the exchange is of the counted thing.
  if (head && TRANSFER_NOUNS.has(head.unit) && low(tokens, head.tok + 1) === 'of') {
    const inner = pickHead(tokens, head.tok + 2, true);
    if (inner) head = inner;
  }
  if (head) {
    f.unit = head.unit;
    f.endTok = head.tok + 1;
    // "a 1,000-for-1,000 exchange": a singular transfer noun is not what is counted.
    if (TRANSFER_NOUNS.has(f.unit) && f.value > 1 && !isPluralNoun(tokens[head.tok].lower)) f.unit = '';
  } else if (f.suffixMod) f.endTok = p;
}

/** Durations that are points in time ("a day after", "two weeks ago") belong to time.ts; rates too. */
function skipPointInTime(tokens: Token[], f: Figure): number | null {
  if (f.kind !== 'duration') return null;
  const m = f.core.m;
  const endTok = f.endTok;
  if (RELATIVE_AFTER.has(low(tokens, endTok)) || (low(tokens, endTok) === 'prior' && low(tokens, endTok + 1) === 'to')) return endTok;
  if (!f.hyphenCompound && (m.article || (!m.digits && f.value === 1))) {
    if (
      (RATE_BEFORE.has(low(tokens, m.startTok - 1)) && m.startTok > 0 && low(tokens, m.startTok - 1) !== 'a') ||
      ['times', 'once', 'twice'].includes(low(tokens, m.startTok - 2))
    )
      return endTok;
    if (!m.article && !DURATION_PREPS.has(low(tokens, m.startTok - 1)) && !modifierBefore(tokens, m.startTok)) {
      return endTok; // "one day" = some day
    }
  }
  return null;
}

/** Bound words before and after the phrase, and age contexts ("under the age of 25", "aged 18 to 60"). */
function boundsAndAge(tokens: Token[], f: Figure): { mod: Mod | null; phraseStart: number } {
  let phraseStart = f.core.start;
  let mb = modifierBefore(tokens, phraseStart);
  // "hand over 1,000 prisoners", "signed up to …": a verb particle, not a bound.
  if (mb && (mb[0] === 'more_than' || mb[0] === 'at_most') && ['over', 'up'].includes(low(tokens, mb[1])) && PHRASAL_PARTICLE_VERBS.has(low(tokens, mb[1] - 1)))
    mb = null;
  const ctxEnd = mb ? mb[1] : phraseStart;
  const ageCtx = ageContextAt(tokens, ctxEnd);
  if (ageCtx >= 0 && (f.kind === 'count' || (f.kind === 'duration' && f.unit === 'year'))) {
    f.kind = 'age';
    f.unit = 'year';
    if (!mb) mb = modifierBefore(tokens, ageCtx);
    phraseStart = mb && mb[1] < ageCtx ? mb[1] : ageCtx;
    if (mb && mb[1] >= ageCtx) phraseStart = ageCtx;
  } else if (isAgeByContext(tokens, f, mb, phraseStart)) {
    f.kind = 'age';
    f.unit = 'year';
  }
  if (mb && mb[0] === 'after' && f.kind !== 'duration') mb = null;
  if (mb && (mb[0] === 'younger' || mb[0] === 'older') && f.kind !== 'age') mb = null;
  if (mb && mb[1] < phraseStart) phraseStart = mb[1];

  // Bound words after: "1,000 or more", "an hour or so".
  const sm = suffixModifier(tokens, f.endTok);
  if (sm && !f.suffixMod) {
    f.suffixMod = sm[0];
    f.endTok = sm[1];
  }
  return { mod: mb ? mb[0] : f.suffixMod, phraseStart };
}

/** Where "the age of", "aged", "ages" starts just before token `end`, or -1. */
function ageContextAt(tokens: Token[], end: number): number {
  if (low(tokens, end - 1) === 'of' && low(tokens, end - 2) === 'age') return low(tokens, end - 3) === 'the' ? end - 3 : end - 2;
  if (low(tokens, end - 1) === 'aged' || low(tokens, end - 1) === 'age' || low(tokens, end - 1) === 'ages') return end - 1;
  return -1;
}

/** An age without the word "age": "younger than 25", "prisoners of war of less than 25 years", "soldiers under 25". */
function isAgeByContext(tokens: Token[], f: Figure, mb: [Mod, number] | null, phraseStart: number): boolean {
  const { kind, unit, value } = f;
  if (mb && (mb[0] === 'younger' || mb[0] === 'older') && (kind === 'count' || kind === 'duration') && value <= MAX_AGE) return true;
  if (kind === 'duration' && unit === 'year' && value <= MAX_AGE && !f.ageCompound) {
    // "of" + years after a noun naming people.
    const s0 = mb ? mb[1] : phraseStart;
    if (low(tokens, s0 - 1) === 'of') {
      for (let k = s0 - 2; k >= 0 && k >= s0 - 6; k--) {
        if (PERSON_NOUNS.has(low(tokens, k)) && low(tokens, k) !== 'war') return true;
      }
    }
    return false;
  }
  return (
    kind === 'count' &&
    unit === '' &&
    !!mb &&
    ['less_than', 'more_than', 'just_under', 'just_over'].includes(mb[0]) &&
    value <= MAX_AGE &&
    PERSON_NOUNS.has(low(tokens, mb[1] - 1)) &&
    low(tokens, mb[1] - 1) !== 'war'
  );
}

/** Words before "one" that make it a pronoun ("no one", "the one"), not a figure. */
const ONE_PRONOUN_BEFORE = ['no', 'any', 'every', 'each', 'the', 'this', 'that', 'which', 'someone', 'anyone'];
/** Vague numbers that are figures even without a noun ("thousands fled"). */
const VAGUE_FIGURES_ALONE = ['dozens', 'hundreds', 'thousands', 'millions', 'tens'];

/** Junk filters: words that are pronouns or idioms more often than figures. Returns where to go on. */
function skipJunk(tokens: Token[], f: Figure, i: number): number | null {
  const { core, kind, unit, endTok } = f;
  const m = core.m;
  if (kind === 'count' && !m.digits && !m.vague) {
    if (unit === '') return Math.max(endTok, i + 1); // "the two said", "the second was"
    const w0 = low(tokens, m.startTok);
    const before = low(tokens, m.startTok - 1);
    if (
      w0 === 'one' &&
      (['of', 'another'].includes(low(tokens, core.end)) || ONE_PRONOUN_BEFORE.includes(before) || (tokens[core.end]?.text === '-' && unit !== 'year'))
    )
      return core.end;
  }
  if (kind === 'count' && m.vague && unit === '' && !VAGUE_FIGURES_ALONE.includes(low(tokens, m.startTok))) return Math.max(endTok, i + 1);
  if (kind === 'count' && unit === '' && m.digits && low(tokens, core.end) === 'of' && m.value === 1) return core.end;
  return null;
}

/**
 * "1 hour and 45 minutes", "two days and six hours": one duration told in two units is one
 * figure, their sum — not an hour and, separately, 45 minutes.
 */
function joinDurations(sentence: string, qs: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const q of qs) {
    const prev = out[out.length - 1];
    const between = prev ? sentence.slice(prev.end, q.start) : '';
    if (prev && prev.kind === 'duration' && q.kind === 'duration' && /^\s*(?:and|,)\s*$/i.test(between) && MINUTES_PER[prev.unit] > MINUTES_PER[q.unit]) {
      out[out.length - 1] = {
        ...prev,
        value: prev.value + q.value,
        high: prev.high + q.high,
        lo: prev.lo + q.lo,
        hi: prev.hi + q.hi,
        hiOpen: prev.hiOpen || q.hiOpen,
        loOpen: prev.loOpen || q.loOpen,
        text: sentence.slice(prev.start, q.end),
        end: q.end,
      };
    } else out.push(q);
  }
  return out;
}
