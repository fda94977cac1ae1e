/**
 * Claim detection: is a sentence a check-worthy factual claim?
 *
 * A claim is a declarative sentence that REPORTS something: what happened, was said, agreed,
 * demanded or counted. The score is a small additive model over linguistic markers (markers.ts):
 * evidence of a report (attribution, outcome verb, figure, date, named actor) pushes it up;
 * evidence of the writer's own voice (question, evaluation, speculation, generalisation,
 * first person) and of page furniture (boilerplate.ts) pushes it down. An attribution largely
 * neutralises opinion markers: "Zelensky said the talks were a political performance" is
 * checkable (that he said it). The raw sum goes through a logistic to give a 0..1 score.
 *
 * Deliberately no word lists from any one article: markers are general news English. Every
 * weight is in CLAIM_TUNING with the reason for its size.
 */
import type { ClaimScore, Sentence } from '../types';
import { normalizeChars } from '../text/normalize';
import { boilerplateLabel, isPhotoCredit } from './boilerplate';
import { addressesReader, conditionLength, isAuthorBio, isCaption, isLeadIn, isQuotedFeeling, isQuotedRemark, setsScene } from './genre';
import {
  ACTOR_WORD_RE,
  ATTRIBUTION_RE,
  DIGIT_FIGURE_RE,
  DURATION_RE,
  EVENT_NOUN_RE,
  FINITE_VERB_RE,
  FIRST_PERSON_RE,
  HABITUAL_RE,
  IRREGULAR_PAST_RE,
  PAST_AUX_RE,
  INVERTED_START_RE,
  findDate,
  NON_NAME_CAPS,
  OPINION_MARKERS,
  OUTCOME_VERB_RE,
  pastTenseWord,
  QUESTION_END_RE,
  SPECULATIVE_MODAL_RE,
  STRONG_MODAL_RE,
  SUBORDINATE_MODAL_RE,
  WEAK_MODAL_RE,
  WH_START_RE,
  WHAT_START_RE,
  WORD_FIGURE_RE,
} from './markers';

/** Weights (added to a raw score, then squashed by a logistic) and thresholds. */
export const CLAIM_TUNING = {
  /** Starting point: a sentence with no evidence either way is not worth checking. */
  bias: -1.2,
  /** Logistic output at or above which a sentence is a claim (raw score > 0). */
  threshold: 0.5,

  // --- evidence of a report ---
  /** "X said / told / according to": the strongest sign of reported, checkable content. */
  attribution: 2.2,
  /** A capitalised name inside the sentence ("Medinsky", "Istanbul"): something specific. */
  namedActor: 1.0,
  /** A second, different name: several specific participants make a report more checkable. */
  secondName: 0.4,
  /** An actor word (Russia, Kremlin, delegation, officials): someone acted. Smaller than a name. */
  actorWord: 0.6,
  /** An event noun (talks, ceasefire, strike): about something that happens; commentary is too, so small. */
  eventNoun: 0.4,
  /** An event/outcome verb (agreed, rejected, killed, met): something happened. */
  outcomeVerb: 1.2,
  /** Any other -ed past-tense verb: weaker event evidence, only when no outcome verb was found. */
  pastTense: 0.5,
  /** Only a past auxiliary (was, were, had): a past state, weakest event evidence. */
  pastAux: 0.3,
  /** A digit figure or spelled-out duration (1,000; 13:35; 30-day; "an hour"): counted, checkable. */
  digitFigure: 1.0,
  /** A number word (two, dozens, thousands): counted but vaguer, and common in idioms. */
  wordFigure: 0.4,
  /** A date or weekday: pins the report to a time. */
  date: 0.7,

  // --- evidence of the writer's own voice ---
  /** Ends with "?": a question asserts nothing. Large enough to override any positive evidence. */
  question: -4,
  /** Opens with why/how/whether (embedded question: "Why X did Y is anyone's guess"). */
  whStart: -2.5,
  /** Opens with "what": often a question, but also "What followed was …", so milder. */
  whatStart: -1.2,
  /** Opens with an inverted auxiliary ("Will a third round …"): a question without "?". */
  invertedStart: -2.0,
  /** First opinion/evaluation/speculation marker: about as strong as an attribution, opposite sign. */
  opinion: -2.5,
  /** Each further distinct opinion-marker family. */
  opinionExtra: -1.0,
  /** With an attribution, opinion markers are the speaker's, not the writer's: keep this share. */
  attributedOpinionFactor: 0.2,
  /** Unattributed may/might/must: epistemic or normative speculation. */
  strongModal: -1.6,
  /** Unattributed could/should/would: also conditional facts ("would allow"), so milder. */
  weakModal: -0.8,
  /** Modal + speculative verb ("may depend", "could prove"): added on top of the modal weight. */
  speculativeModal: -1.2,
  /** Habitual generalisation (often, usually, typically) without attribution. */
  habitual: -0.8,
  /** No past-tense event, attribution, figure or date: present-tense commentary. */
  presentOnly: -0.6,
  /** Writer's first person (we, our, I) outside quotations and without attribution. */
  firstPerson: -1.5,
  /** A caption (genre.ts): a visible action in the present. Strong evidence (a figure and an attribution) still outweighs it. */
  caption: -2.5,
  /** "If …, the next round may …": a forecast on a condition, unless someone is reported saying it. */
  conditional: -2.0,
  /** A quoted feeling: cancels the attribution it comes with, and a little more. */
  quotedFeeling: -3.0,
  /** A quotation with a bare speech tag and nothing in it to look up: cancels the attribution. */
  quotedRemark: -2.2,
  /** Weather and light without a figure or an attribution: scene-setting. */
  scene: -1.5,

  // --- form ---
  /** No finite verb and no outcome verb: a headline, label or caption fragment. */
  noVerb: -2.0,
  /** No final punctuation: a headline or caption line (news body sentences end with . ! ?). */
  noTerminal: -1.8,
  /** " | Site name" suffix: a page title, not body text. */
  siteSuffix: -1.0,
  /** Fewer words than this: a fragment, never a claim. */
  minWords: 4,
  /** Score given to fragments, boilerplate and captions (not 0: keeps ordering informative). */
  vetoScore: 0.02,
} as const;

const T = CLAIM_TUNING;

const TERMINAL_RE = /(?:[.!?\u2026]["')\]]*|["')\]][.!?])\s*$/;
const SITE_SUFFIX_RE = /\s\|\s\S/;
const WORD_RE = /[A-Za-z\u00C0-\u024F][\w'\u00C0-\u024F-]*|\d[\d,.:]*/g;
/** A name-like token: Capitalised word, or an acronym of 2-5 capitals ("US", "NATO", "TASS"). */
const CAP_WORD_RE = /^(?:[A-Z\u00C0-\u00DE][a-z\u00DF-\u024F]|[A-Z]{2,5}(?:'s)?$)/;
const DAY_OR_MONTH_RE =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Blank out quoted material (balanced double quotes; an unclosed opening quote runs to the end). */
function unquote(s: string): string {
  let out = '';
  let open = -1;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '"') continue;
    if (open < 0) {
      open = i;
    } else {
      out += s.slice(last, open) + ' '.repeat(i - open + 1);
      last = i + 1;
      open = -1;
    }
  }
  if (open >= 0) return out + s.slice(last, open) + ' '.repeat(s.length - open);
  return out + s.slice(last);
}

function veto(reason: string): ClaimScore {
  return { score: T.vetoScore, isClaim: false, reasons: [reason] };
}

/** Score one sentence for check-worthiness. */
export function scoreClaim(sentence: string): ClaimScore {
  const s = normalizeChars(sentence).trim();
  const tokens = s.match(WORD_RE) ?? [];
  const alphaWords = tokens.filter((w) => /[A-Za-z\u00C0-\u024F]/.test(w));

  const boiler = boilerplateLabel(s, tokens.length);
  if (boiler) return veto(`boilerplate: ${boiler}`);
  if (alphaWords.length < T.minWords) return veto(`fragment: ${alphaWords.length} word${alphaWords.length === 1 ? '' : 's'}`);
  if (isAuthorBio(s)) return veto("author's bio");
  if (addressesReader(s)) return veto('the page addressing its reader');
  // A sentence that is a quoted feeling and its speech tag: the tag's details describe the speaker.
  if (/^"/.test(s) && isQuotedFeeling(quotedIn(s))) return veto('quoted feeling');
  if (isLeadIn(s)) return veto('lead-in to a quotation');

  const reasons: string[] = [];
  let raw = T.bias;
  const add = (w: number, reason: string): void => {
    raw += w;
    reasons.push(reason);
  };

  const outer = unquote(s);
  const attribution = ATTRIBUTION_RE.exec(s);
  const attributed = attribution !== null;

  // --- evidence of a report ---
  if (attribution) add(T.attribution, `attribution: ${attribution[0].toLowerCase()}`);

  const name = tokens.slice(1).find((w) => CAP_WORD_RE.test(w) && !NON_NAME_CAPS.has(w) && !DAY_OR_MONTH_RE.test(w));
  if (name) add(T.namedActor, `named actor: ${name.replace(/'s$/, '')}`);
  const name2 = name && tokens.slice(1).find((w) => w !== name && CAP_WORD_RE.test(w) && !NON_NAME_CAPS.has(w) && !DAY_OR_MONTH_RE.test(w));
  if (name2) add(T.secondName, `named actor: ${name2.replace(/'s$/, '')}`);
  const actor = ACTOR_WORD_RE.exec(s);
  if (actor && actor[0] !== name && actor[0] !== name2) add(T.actorWord, `actor: ${actor[0]}`);

  const outcome = OUTCOME_VERB_RE.exec(s);
  const event = EVENT_NOUN_RE.exec(s);
  // One word is not both the event noun and the outcome verb ("swap", "strike").
  if (event && event.index !== outcome?.index) add(T.eventNoun, `event: ${event[0].toLowerCase()}`);

  if (outcome) add(T.outcomeVerb, `outcome verb: ${outcome[0].toLowerCase()}`);
  else {
    const pastWord = pastTenseWord(s) ?? IRREGULAR_PAST_RE.exec(s)?.[0];
    if (pastWord) add(T.pastTense, `past event: ${pastWord}`);
    else {
      const aux = PAST_AUX_RE.exec(s);
      if (aux) add(T.pastAux, `past tense: ${aux[0].toLowerCase()}`);
    }
  }

  const digits = DIGIT_FIGURE_RE.exec(s) ?? DURATION_RE.exec(s);
  if (digits) add(T.digitFigure, `figure: ${digits[0].replace(/[.,:]$/, '')}`);
  else {
    const wf = WORD_FIGURE_RE.exec(s);
    if (wf) add(T.wordFigure, `figure: ${wf[0].toLowerCase()}`);
  }

  const date = findDate(s);
  if (date) add(T.date, `date: ${date}`);

  // --- evidence of the writer's own voice ---
  if (QUESTION_END_RE.test(s)) add(T.question, 'question');
  else if (!attributed && WH_START_RE.test(s)) add(T.whStart, `interrogative opening: ${s.split(/\s/, 1)[0]}`);
  else if (!attributed && WHAT_START_RE.test(s)) add(T.whatStart, 'interrogative opening: what');
  else if (INVERTED_START_RE.test(s.charAt(0).toLowerCase() + s.slice(1))) add(T.invertedStart, 'inverted question form');

  const opinionFactor = attributed ? T.attributedOpinionFactor : 1;
  const seen = new Set<string>();
  for (const [label, re] of OPINION_MARKERS) {
    if (seen.has(label)) continue;
    const m = re.exec(outer);
    if (!m) continue;
    const w = (seen.size === 0 ? T.opinion : T.opinionExtra) * opinionFactor;
    seen.add(label);
    add(w, `opinion marker (${label}): '${m[0].trim()}'`);
  }

  if (!attributed) {
    // Modals inside a subordinate clause ("when these exchanges would take place", "a pause that
    // could last") describe the content of a report, not the writer's speculation.
    const mainClause = outer.replace(SUBORDINATE_MODAL_RE, ' ');
    const spec = SPECULATIVE_MODAL_RE.exec(outer);
    const strong = STRONG_MODAL_RE.exec(mainClause);
    const weak = WEAK_MODAL_RE.exec(mainClause);
    if (strong) add(T.strongModal, `modal speculation: '${strong[0]}'`);
    else if (weak) add(T.weakModal, `modal: '${weak[0]}'`);
    if (spec) add(T.speculativeModal, `speculative: '${spec[0]}'`);
    const hab = HABITUAL_RE.exec(outer);
    if (hab) add(T.habitual, `generalisation: '${hab[0]}'`);
    const fp = FIRST_PERSON_RE.exec(outer);
    if (fp) add(T.firstPerson, `first person: '${fp[0]}'`);
  }

  // News reports what happened (past tense) or who said what; commentary speaks in the present
  // ("It is a start", "Both sides are playing to an audience"). Figures and dates are checkable
  // whatever the tense ("Kyiv wants a 30-day ceasefire").
  const reportedPast = PAST_AUX_RE.test(s) || pastTenseWord(s) !== null || IRREGULAR_PAST_RE.test(s);
  if (!attributed && !reportedPast && !digits && !date) {
    add(T.presentOnly, 'no reported event (present-tense commentary)');
  }
  addGenre(s, { attributed, reportedPast, figure: !!digits, anyFigure: !!digits || WORD_FIGURE_RE.test(s) }, add);

  // --- form ---
  const hasVerb = outcome || attributed || FINITE_VERB_RE.test(s) || IRREGULAR_PAST_RE.test(s) || pastTenseWord(s);
  if (!hasVerb) add(T.noVerb, 'no verb (headline-like)');
  if (!TERMINAL_RE.test(s)) add(T.noTerminal, 'no final punctuation (headline/caption)');
  if (SITE_SUFFIX_RE.test(s)) add(T.siteSuffix, 'page-title suffix');

  const score = round(sigmoid(raw));
  return { score, isClaim: score >= T.threshold, reasons };
}

/** The sentence's quoted material (normalised straight double quotes). */
function quotedIn(s: string): string {
  return [...s.matchAll(/"([^"]+)"/g)].map((m) => m[1]).join(' ');
}

/** The genre markers of genre.ts that lower a score (the vetoes are applied before scoring). */
function addGenre(
  s: string,
  has: { attributed: boolean; reportedPast: boolean; figure: boolean; anyFigure: boolean },
  add: (w: number, reason: string) => void,
): void {
  if (isCaption(s, has.reportedPast)) add(T.caption, 'caption form');
  // Unless someone is reported saying it after the condition ("If …, the talks may fail, he said").
  const cond = conditionLength(s);
  if (cond && !ATTRIBUTION_RE.test(s.slice(cond))) add(T.conditional, 'conditional forecast');
  if (has.attributed && isQuotedFeeling(quotedIn(s))) add(T.quotedFeeling, 'quoted feeling');
  else if (isQuotedRemark(s, quotedIn(s), has.anyFigure)) add(T.quotedRemark, 'quoted remark (nothing to look up)');
  if (!has.attributed && !has.figure && setsScene(s)) add(T.scene, 'scene-setting');
}

/**
 * Score every sentence and keep the claims. Context rule: a sentence directly followed, in the
 * same paragraph, by a photo-credit line ("… delegates. Photography: Getty Images") is a caption.
 */
export function detectClaims(sentences: Sentence[]): Array<Sentence & { detection: ClaimScore }> {
  const scored = sentences.map((s) => scoreClaim(s.text));
  for (let i = 1; i < sentences.length; i++) {
    if (sentences[i - 1]!.paragraph !== sentences[i]!.paragraph || scored[i]!.isClaim) continue;
    const norm = normalizeChars(sentences[i]!.text).trim();
    if (isPhotoCredit(boilerplateLabel(norm, (norm.match(WORD_RE) ?? []).length))) {
      scored[i - 1] = veto('caption: followed by a photo credit');
    }
  }
  const out: Array<Sentence & { detection: ClaimScore }> = [];
  for (let i = 0; i < sentences.length; i++) {
    if (scored[i]!.isClaim) out.push({ ...sentences[i]!, detection: scored[i]! });
  }
  return out;
}
