/**
 * Is a text English, and if not, which language does it look like? The ONE language test of
 * Crosscheck, shared by the content script (is this page checkable?), the command line (its FILE
 * and its claims) and the sources import: the engine's vocabulary, tagger and WordNet are English,
 * so other languages are refused, with a message that says which language the text looks like.
 *
 * How, in two steps:
 * 1. Script. Letters are counted by Unicode script; when most are not Latin, the script names the
 *    language (Cyrillic → Ukrainian or Russian, told apart by the letters only one of them has,
 *    and Belarusian, Bulgarian, Serbian by theirs; Greek; Arabic; Han → Chinese, or Japanese with
 *    kana; Hangul → Korean …).
 * 2. Function words. For Latin script, the commonest function words of English and of the
 *    languages a reader of European news meets are counted. A text is refused only on POSITIVE
 *    evidence of another language (several different function words of it, outnumbering the
 *    English ones), so short English — a headline, a claim, a page full of foreign names, which
 *    has few English function words — is never refused for lacking them. Only long prose with
 *    almost no English function words and no known language is refused unnamed.
 *
 * The word lists are general (a language's most frequent function words), never taken from an
 * article; words that are also common English words ("a", "in", "was", "do", "no") are left out
 * of the other languages' lists, so English never counts as evidence against itself.
 */

export interface LanguageGuess {
  /** True unless the text is clearly in another language. */
  english: boolean;
  /** When not English: the best guess ("French", "Ukrainian or Russian" …), or null when unsure. */
  language: string | null;
}

const ENGLISH: LanguageGuess = { english: true, language: null };

/**
 * Characters read: a long article's opening says its language as surely as the whole, and
 * reading a 5 MB source through would only cost time.
 */
const MAX_SAMPLE_CHARS = 20_000;
/**
 * Different function words of one other language needed to call a text that language: one or
 * two are a name ("Ursula von der Leyen", "Charles de Gaulle") or a quoted word in English.
 */
const MIN_DISTINCT_FOREIGN = 3;
/**
 * How many times the English function words the other language's must number. English prose is
 * ~40 % function words and foreign names bring a handful, so more than twice as many foreign ones
 * is never English; a French or German text has ten times more of its own than of English ones.
 */
const FOREIGN_OVER_ENGLISH = 2;
/**
 * A text this long (in words) with almost no English function words is not English even when
 * its language is not one of those known here; below it, a headline list or a short note may
 * well be English.
 */
const MIN_WORDS_UNKNOWN = 100;
/** Share of English function words under which such a long text is not English (prose: ~0.4). */
const MIN_ENGLISH_SHARE_LONG = 0.03;
/**
 * Share of lower-case words above which a long text is prose. Only prose is refused unnamed: a
 * list of Title Case headlines lacks function words because it is headlines, not another language.
 */
const MIN_LOWERCASE_SHARE_PROSE = 0.5;

/** Say that Crosscheck reads English only and what `subject` ("this page") looks like. */
export function englishOnlyMessage(subject: string, guess: LanguageGuess): string {
  const looks = guess.language ? `looks like ${guess.language}` : "doesn't look like English";
  return `Crosscheck reads English only; ${subject} ${looks}`;
}

/** Whether `text` is English and, when it is not, a guess of its language. */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, MAX_SAMPLE_CHARS);
  const script = scriptLanguage(sample);
  if (script) return { english: false, language: script };
  return latinLanguage(words(sample));
}

/** Share of English function words among the words of `text` (English prose: ~0.35–0.5). */
export function englishShare(text: string): number {
  const ws = words(text.slice(0, MAX_SAMPLE_CHARS));
  return ws.length ? englishCount(ws) / ws.length : 0;
}

// ---------- 1. scripts ----------

/** A script other than Latin, and the language its letters name. */
interface Script {
  letters: RegExp;
  name: (sample: string) => string;
}

const SCRIPTS: readonly Script[] = [
  { letters: /\p{Script=Cyrillic}/gu, name: cyrillicLanguage },
  { letters: /\p{Script=Greek}/gu, name: () => 'Greek' },
  { letters: /\p{Script=Arabic}/gu, name: (s) => (/[پچژگ]/u.test(s) ? 'Persian' : 'Arabic') },
  { letters: /\p{Script=Hebrew}/gu, name: () => 'Hebrew' },
  { letters: /\p{Script=Han}/gu, name: (s) => (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(s) ? 'Japanese' : 'Chinese') },
  { letters: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, name: () => 'Japanese' },
  { letters: /\p{Script=Hangul}/gu, name: () => 'Korean' },
  { letters: /\p{Script=Devanagari}/gu, name: () => 'Hindi' },
  { letters: /\p{Script=Bengali}/gu, name: () => 'Bengali' },
  { letters: /\p{Script=Thai}/gu, name: () => 'Thai' },
  { letters: /\p{Script=Georgian}/gu, name: () => 'Georgian' },
  { letters: /\p{Script=Armenian}/gu, name: () => 'Armenian' },
];

const LATIN_LETTER = /\p{Script=Latin}/gu;
/** Letters in any script but Latin. */
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/gu;

/** The language named by the script most letters are in, or null when most are Latin. */
function scriptLanguage(sample: string): string | null {
  const other = count(sample, NON_LATIN_LETTER);
  if (other === 0 || other <= count(sample, LATIN_LETTER)) return null;
  let best: Script | null = null;
  let bestCount = 0;
  for (const s of SCRIPTS) {
    const n = count(sample, s.letters);
    if (n > bestCount) [best, bestCount] = [s, n];
  }
  return best ? best.name(sample) : null;
}

function count(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

/** ў is Belarusian's alone (Belarusian also has Ukrainian і and Russian ы, so it is asked first). */
const BELARUSIAN_LETTER = /[ўЎ]/u;

/**
 * Letters one Cyrillic alphabet has and the others lack, or use far less: Ukrainian і ї є ґ;
 * Russian ы э (frequent in Russian, absent in Ukrainian); Bulgarian ъ (a common vowel there, rare
 * in Russian); Serbian and Macedonian ђ ћ ј љ њ џ ѓ ќ ѕ.
 */
const CYRILLIC_ALPHABETS: ReadonlyArray<{ name: string; letters: RegExp }> = [
  { name: 'Ukrainian', letters: /[іїєґІЇЄҐ]/gu },
  { name: 'Russian', letters: /[ыэЫЭ]/gu },
  { name: 'Bulgarian', letters: /[ъЪ]/gu },
  { name: 'Serbian or Macedonian', letters: /[ђћјљњџѓќѕЂЋЈЉЊЏЃЌЅ]/gu },
];

/**
 * The Cyrillic language whose own letters the text uses most; "Ukrainian or Russian" when none
 * shows (a short text), since those two are what a reader of this war's coverage meets.
 */
function cyrillicLanguage(sample: string): string {
  if (BELARUSIAN_LETTER.test(sample)) return 'Belarusian';
  let best = 'Ukrainian or Russian';
  let most = 0;
  let tie = false;
  for (const a of CYRILLIC_ALPHABETS) {
    const n = count(sample, a.letters);
    if (n === most) tie = true;
    if (n > most) [best, most, tie] = [a.name, n, false];
  }
  return tie && most > 0 ? 'Ukrainian or Russian' : best;
}

// ---------- 2. function words of Latin-script languages ----------

/** Words with their inner apostrophes ("Kyiv's", "l'Ukraine", "d'une"), as written. */
const WORD_RE = /\p{L}+(?:['’]\p{L}+)*/gu;

function words(s: string): string[] {
  return s.match(WORD_RE) ?? [];
}

const wordSet = (s: string): ReadonlySet<string> => new Set(s.split(' '));

const ENGLISH_WORDS = wordSet(
  'the of and to in a is that for on was with as by at from it be are have has had said were this which not but or an its their his they after been will would who',
);

/**
 * Each language's most frequent function words, without those English uses too ("a", "in",
 * "was", "do", "no", "for", "her", "men", "door", "care", "plus", "pro-", "al-" …).
 */
const LANGUAGES: ReadonlyArray<{ name: string; words: ReadonlySet<string> }> = [
  {
    name: 'French',
    words: wordSet(
      'le la les de des du et est un une que qui dans pour pas sur au aux avec ce cette il elle ne se par sont été ont à mais ou leur leurs selon après être nous vous',
    ),
  },
  {
    name: 'German',
    words: wordSet(
      'der die das und den dem des ist nicht ein eine einen einer einem mit sich auf für im zu von auch werden wird wurde sind nach bei aus dass wie oder aber noch über zum zur sie er hat haben nur vor durch bis sei',
    ),
  },
  {
    name: 'Spanish',
    words: wordSet(
      'el la los las de del que y en se por con una un para es lo más pero sus su ya fue este esta entre cuando muy sin sobre también hasta hay donde desde según tras ha',
    ),
  },
  {
    name: 'Italian',
    words: wordSet(
      'il di che e è la un una del della dei delle degli gli lo si sono con da nel nella alla anche più ha questo questa ma dopo tra fra stato essere hanno sul sulla dal dalla ancora perché',
    ),
  },
  {
    name: 'Portuguese',
    words: wordSet(
      'o os de da dos das em na nas nos um uma que e é se para por não mais foi ao aos pelo pela seu sua também mas ser está são já isso após ainda',
    ),
  },
  {
    name: 'Dutch',
    words: wordSet(
      'de het een van en dat op te zijn voor met niet die aan er om ook als bij maar werd naar uit nog worden wordt tot heeft hebben deze zou geen meer dan',
    ),
  },
  {
    name: 'Polish',
    words: wordSet(
      'w i z na się nie że jest o jak po co ale od za przez oraz był była było są może tylko który która które jego ich dla już także ze czy tak jednak',
    ),
  },
  { name: 'Czech', words: wordSet('se na je v že z o i k ve jako ale jsou už jeho jak který která které tak od za po být byl bylo také podle při než před') },
  { name: 'Slovak', words: wordSet('sa na je v že z o aj ako ale sú už jeho ktorý ktorá ktoré tak od za po byť bol bola bolo tiež podľa však ešte pre') },
  { name: 'Croatian or Serbian', words: wordSet('je i u na se da za su od koji koja koje što kao iz ali bi ne će sa nije ili biti prema nakon') },
  { name: 'Romanian', words: wordSet('și în de la cu pe din nu este un o că să mai pentru au fost ca ale lui sau după prin însă acest această') },
  { name: 'Turkish', words: wordSet('ve bir bu da de için ile olarak çok daha olan gibi ama sonra kadar ancak ise değil var yok ne') },
  { name: 'Swedish', words: wordSet('och att det som en på är av för med den har inte om ett de vi från så sig hon kan efter eller när också') },
  {
    name: 'Norwegian or Danish',
    words: wordSet('og er det som en på av af med til den har ikke om et de vi fra så seg sig hun kan etter efter eller når også'),
  },
  { name: 'Hungarian', words: wordSet('az és hogy nem egy meg volt már csak még de ez azt mint pedig szerint után között kell') },
  { name: 'Finnish', words: wordSet('ja ei että se oli hän kun mutta myös ovat tai joka sen kuin niin ole jo vain') },
  { name: 'Indonesian', words: wordSet('yang dan di ini itu dengan untuk dari tidak akan pada adalah dalam ke juga ada oleh karena telah sudah bisa mereka') },
  { name: 'Vietnamese', words: wordSet('của và là các những được trong có cho với này người không một đã để khi về tại từ') },
];

/**
 * A Latin-script text's language from its function words (see the top comment). Only words
 * written in lower case count as evidence: a function word is lower case inside a sentence, while
 * capitalised words are names ("Le Drian", "Van"), acronyms ("UN", "US") or initials ("W. Bush").
 */
function latinLanguage(tokens: readonly string[]): LanguageGuess {
  const lower = tally(tokens.filter(startsLowercase));
  const english = hitsOf(lower, ENGLISH_WORDS).hits;
  const foreign = bestForeign(lower);
  if (foreign && foreign.distinct >= MIN_DISTINCT_FOREIGN && foreign.hits > english * FOREIGN_OVER_ENGLISH) {
    return { english: false, language: foreign.name };
  }
  if (isUnknownProse(tokens, lower.total)) return { english: false, language: null };
  return ENGLISH;
}

/** Long prose with almost no English function words, in no language known here. */
function isUnknownProse(tokens: readonly string[], lowercase: number): boolean {
  if (tokens.length < MIN_WORDS_UNKNOWN || lowercase < tokens.length * MIN_LOWERCASE_SHARE_PROSE) return false;
  return englishCount(tokens) < tokens.length * MIN_ENGLISH_SHARE_LONG;
}

function startsLowercase(w: string): boolean {
  const c = w[0]!;
  return c !== c.toUpperCase();
}

/** English function words in any case (headlines capitalise them: "Talks After Deal"). */
function englishCount(tokens: readonly string[]): number {
  return tokens.filter((w) => ENGLISH_WORDS.has(w.toLowerCase())).length;
}

/** How often each word occurs, and how many words there are. */
interface Tally {
  counts: Map<string, number>;
  total: number;
}

function tally(ws: readonly string[]): Tally {
  const counts = new Map<string, number>();
  for (const w of ws) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { counts, total: ws.length };
}

/** Occurrences of a language's function words in the tally, and how many different ones occur. */
function hitsOf(t: Tally, words: ReadonlySet<string>): { hits: number; distinct: number } {
  let hits = 0;
  let distinct = 0;
  for (const w of words) {
    const n = t.counts.get(w) ?? 0;
    hits += n;
    if (n) distinct++;
  }
  return { hits, distinct };
}

/** The other language with the most function-word hits, with how many different words hit. */
function bestForeign(t: Tally): { name: string; hits: number; distinct: number } | null {
  let best: { name: string; hits: number; distinct: number } | null = null;
  for (const lang of LANGUAGES) {
    const h = hitsOf(t, lang.words);
    if (!best || h.hits > best.hits || (h.hits === best.hits && h.distinct > best.distinct)) best = { name: lang.name, ...h };
  }
  return best && best.hits > 0 ? best : null;
}
