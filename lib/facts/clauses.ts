/**
 * A sentence's clauses and, for each, its frame: the main predicate (the verb that says what
 * happened), its subject (who did it), whether it is negated, modal or hedged, how it evaluates
 * (praise or blame), whether it says "only", and who is reported as saying it.
 *
 * Clause breaks: ; : and dashes, "but", "while", "although" and other subordinators, ", and"
 * before a new subject, and relative pronouns after a comma ("…, who led …" is about the name
 * before it). Reported speech: in "Umerov said the sides agreed", the frame is "the sides agreed"
 * and Umerov its speaker; "according to X" names a speaker too.
 *
 * Approximations, written once: the subject is the mentions and nouns before the predicate in
 * its clause (no parse tree); negation is a negator before the predicate or a negative
 * implicative governing it ("failed to reach") or "no" before its object ("no agreement").
 */
import type { Word, Mention } from './words';
import { afinnScore, isOutcomeNoun } from '../lexicon/evaluation';
import { EXCLUSIVES, HEDGES, MODALS, NEGATIVE_IMPLICATIVES, NEGATORS, REPORTING_VERBS } from '../lexicon/function-words';

export interface Clause {
  /** Word index range [from, to). */
  from: number;
  to: number;
  /** Word indices of the main predicate (usually one verb), or empty. */
  predicate: number[];
  /** Mention indices of the subject. */
  subjects: number[];
  /** Word indices of subject nouns that are not names ("the delegations", "negotiators"). */
  subjectNouns: number[];
  negated: boolean;
  /** A modal, a hedge or a plan: not asserted as fact. */
  modal: boolean;
  /** Sum of the evaluation scores of its words (AFINN): > 0 praise, < 0 blame. */
  evaluation: number;
  exclusive: boolean;
  /** Mention index of who is reported as saying it, or -1. */
  speaker: number;
  /** Word indices of the attribution ("Umerov told reporters", "according to officials"): who reported it, not what. */
  attribution?: number[];
  /** A relative clause: its subject is the mention before it. */
  relative: boolean;
  /** An apposition ("Umerov, heading Kyiv's delegation,"): a frame of the name, not a part of the claim. */
  apposition?: boolean;
}

const SUBORDINATORS = new Set(['but', 'while', 'whereas', 'although', 'though', 'because', 'unless', 'if', 'despite', 'yet', 'however']);
const RELATIVES = new Set(['who', 'which', 'whom', 'whose']);
/** Subordinators of time: "… came after Putin suggested on Sunday …" puts Sunday in its own clause. */
const TEMPORAL = new Set(['after', 'before', 'since', 'until', 'when', 'once', 'as']);
const BREAK_PUNCT = new Set([';', ':', '—', '–', '(', ')']);
/** Words after "and" searched for the verb of a new clause ("and the delegation left"). */
const NEW_SUBJECT_REACH = 5;
/** Words after "according to" searched for the speaker's name. */
const ACCORDING_REACH = 4;
/** Words after a reporting verb taken as its audience ("told a press conference"). */
const AUDIENCE_REACH = 3;
/** Words after a negative implicative ("failed to reach") searched for the verb it governs. */
const IMPLICATIVE_REACH = 3;

/** Where clauses start (word indices). */
function clauseStarts(words: Word[]): number[] {
  const starts = [0];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const prev = words[i - 1];
    const low = w.text.toLowerCase();
    if (BREAK_PUNCT.has(w.text) || (w.text === '-' && prev.end < w.start)) starts.push(i + 1);
    else if (SUBORDINATORS.has(low) && (w.pos === 'CCONJ' || w.pos === 'SCONJ' || w.pos === 'ADV' || w.pos === 'ADP')) starts.push(i);
    else if (TEMPORAL.has(low) && w.pos === 'SCONJ' && i > 1) starts.push(i);
    else if (RELATIVES.has(low) && prev.text === ',') starts.push(i);
    else if (low === 'and' && prev.text === ',' && startsNewSubject(words, i + 1)) starts.push(i);
    else if (low === 'and' && (words[i + 1]?.pos === 'VERB' || words[i + 1]?.pos === 'AUX') && hasVerb(words, starts[starts.length - 1], i)) starts.push(i);
  }
  return [...new Set(starts)].filter((s) => s < words.length).sort((a, b) => a - b);
}

/** After "and": a determiner, a noun or a name and then a verb within a few words is a new clause. */
function startsNewSubject(words: Word[], i: number): boolean {
  for (let k = i; k < Math.min(words.length, i + NEW_SUBJECT_REACH); k++) {
    const p = words[k].pos;
    if (p === 'VERB' || p === 'AUX') return k > i;
    if (p === 'PUNCT') return false;
  }
  return false;
}

/** A verb between two word positions (so "and" + verb coordinates two predicates, not two nouns). */
function hasVerb(words: Word[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (words[k].pos === 'VERB') return true;
  return false;
}

/**
 * A verb that can head the clause: not a participle set off by a comma (", leading Moscow's
 * team,") and not an "-ing" form without an auxiliary before it.
 */
function finite(words: Word[], k: number): boolean {
  const w = words[k];
  const prev = words[k - 1];
  if (/ing$/i.test(w.text) && !(prev && (prev.pos === 'AUX' || prev.pos === 'PART'))) return false;
  if (prev && prev.text === ',' && /ed$/i.test(w.text) && words[k + 1]?.text.toLowerCase() === 'by') return false;
  return true;
}

/** The reported clause's predicate after a reporting verb, if one follows. */
function reportedPredicate(words: Word[], from: number, to: number): number {
  for (let k = from; k < to; k++) if (words[k].pos === 'VERB' && words[k].content) return k;
  return -1;
}

export function readClauses(words: Word[], mentions: Mention[]): Clause[] {
  const starts = clauseStarts(words);
  const clauses: Clause[] = [];
  for (let c = 0; c < starts.length; c++) {
    const from = starts[c];
    const to = c + 1 < starts.length ? starts[c + 1] : words.length;
    clauses.push(readClause(words, mentions, from, to, clauses[clauses.length - 1]));
  }
  clauses.push(...appositions(words, mentions));
  // "according to X" anywhere: X is the speaker of every clause without one, and the phrase
  // (to the next comma or the end) is attribution.
  const according = words.findIndex((w, i) => w.lemma === 'accord' && words[i + 1]?.text.toLowerCase() === 'to');
  if (according >= 0) {
    const m = words.slice(according + 2, according + 2 + ACCORDING_REACH).find((w) => w.mention >= 0);
    if (m) for (const cl of clauses) if (cl.speaker < 0) cl.speaker = m.mention;
    let end = according;
    while (end < words.length && !(end > according + 1 && words[end].text === ',')) end++;
    const span = Array.from({ length: end - according }, (_, k) => according + k);
    const home = clauses.find((cl) => according >= cl.from && according < cl.to);
    if (home) home.attribution = [...(home.attribution ?? []), ...span];
  }
  return clauses;
}

/** Words between a name and the comma closing its apposition, at most. */
const APPOSITION_REACH = 14;

/**
 * Appositions say something of the name they follow: "Rustem Umerov, heading Kyiv's delegation,"
 * and "Vladimir Medinsky, the Russian presidential aide in charge of the Moscow delegation," are
 * frames of their own (who heads what), with the name as subject.
 */
function appositions(words: Word[], mentions: Mention[]): Clause[] {
  const out: Clause[] = [];
  mentions.forEach((m, k) => {
    if (m.demonym) return;
    const after = m.words[m.words.length - 1] + 1;
    if (words[after]?.text !== ',') return;
    let end = after + 1;
    while (end < words.length && end - after <= APPOSITION_REACH && words[end].text !== ',' && words[end].text !== '.') end++;
    if (words[end]?.text !== ',' || end - after > APPOSITION_REACH) return;
    const inner = words.slice(after + 1, end);
    const head = inner.findIndex((w) => w.content && (w.pos === 'VERB' || w.pos === 'NOUN'));
    if (head < 0) return;
    const first = inner[0];
    const participle = first.pos === 'VERB' && /(ing|ed)$/i.test(first.text);
    const nominal = first.pos === 'DET' || first.pos === 'ADJ' || first.pos === 'NOUN' || first.mention >= 0;
    // No finite verb inside: "Medinsky, each delegation will set out …" is a clause, not an apposition.
    const finite = inner.some((w, j) => w.pos === 'AUX' || (w.pos === 'VERB' && !(j === 0 && participle) && !/(ing|ed)$/i.test(w.text)));
    if (!(participle || nominal) || finite) return;
    out.push({
      from: after + 1,
      to: end,
      predicate: [after + 1 + head],
      subjects: [k],
      subjectNouns: [],
      negated: false,
      modal: false,
      evaluation: 0,
      exclusive: false,
      speaker: -1,
      relative: true,
      apposition: true,
    });
  });
  return out;
}

/**
 * Is word `i` negated where it stands: its clause's predicate negated (when it is that
 * predicate), or a negator or a negative implicative earlier in its clause with no clause break
 * between ("did not agree on a ceasefire", "without any agreement", "failed to produce a deal",
 * "neither delegation offered a handshake").
 */
export function negatedAt(words: Word[], clauses: Clause[], i: number): boolean {
  const c = clauses.find((x) => i >= x.from && i < x.to && !x.apposition) ?? clauses.find((x) => i >= x.from && i < x.to);
  if (c?.predicate.includes(i)) return c.negated;
  const from = c ? c.from : 0;
  for (let k = i - 1; k >= from; k--) {
    const w = words[k];
    if (w.text === ';' || w.text === ':') break;
    const low = w.text.toLowerCase();
    if (NEGATORS.has(low) || (NEGATIVE_IMPLICATIVES.has(w.lemma) && w.pos === 'VERB')) return true;
  }
  return false;
}

/** How far back (words) a modal or a hedge reaches: "could attend", "plans to hold". */
const MODAL_REACH = 4;

/**
 * Is word `i` asserted as possible, planned or expected rather than as fact: a modal or a hedge
 * shortly before it ("may attend", "is expected to meet", "a possible summit")?
 */
export function modalAt(words: Word[], clauses: Clause[], i: number): boolean {
  const c = clauses.find((x) => i >= x.from && i < x.to && !x.apposition);
  const from = c ? c.from : 0;
  // "a possible summit", "a likely ceasefire": a hedge adjective right before the word.
  const prev = words[i - 1];
  if (prev && prev.pos === 'ADJ' && HEDGES.has(prev.lemma)) return true;
  // "could attend", "may not be", "plans to hold", "is expected to meet": back over the verb group only.
  for (let k = i - 1; k >= Math.max(from, i - MODAL_REACH); k--) {
    const w = words[k];
    const low = w.text.toLowerCase();
    if (MODALS.has(low) && (w.pos === 'AUX' || w.pos === 'VERB')) return true;
    if (HEDGES.has(w.lemma) && words[k + 1]?.text.toLowerCase() === 'to') return true;
    if (!(w.pos === 'AUX' || w.pos === 'ADV' || w.pos === 'PART' || HEDGES.has(w.lemma) || low === 'to')) break;
  }
  return false;
}

/**
 * Is word `i` stated as having happened: a verb in a past form ("attended", "met", "has signed"),
 * told from its lemma by its ending, since the tagger gives no tense. An infinitive ("agreed to
 * meet"), a future ("will meet"), a present or a noun ("the summit") is not: set beside a modal
 * ("may meet"), none of them says the thing did happen, so neither side is disputed.
 */
export function realisAt(words: Word[], i: number): boolean {
  const w = words[i];
  if (!w || (w.pos !== 'VERB' && w.pos !== 'AUX')) return false;
  const low = w.text.toLowerCase();
  if (low === w.lemma || low.endsWith('ing')) return false;
  // A third-person present ("meets", "agrees") is its lemma plus -s or -es.
  return !(low === `${w.lemma}s` || low === `${w.lemma}es` || low === `${w.lemma.replace(/y$/, '')}ies`);
}

/** Who acts in a clause: the mentions and content nouns before its predicate (`start` to `end`). */
function subjectsBetween(words: Word[], start: number, end: number): { subjects: number[]; subjectNouns: number[] } {
  const subjects: number[] = [];
  const subjectNouns: number[] = [];
  // Names after a preposition ("in Istanbul", "at the talks with Kyiv") are not who acts.
  let afterPrep = false;
  for (let k = start; k < end; k++) {
    const w = words[k];
    if (w.pos === 'ADP' && w.text.toLowerCase() !== 'of') afterPrep = true;
    else if (w.text === ',') afterPrep = false;
    if (afterPrep) continue;
    if (w.mention >= 0 && !subjects.includes(w.mention)) subjects.push(w.mention);
    else if (w.pos === 'NOUN' && w.content) subjectNouns.push(k);
  }
  return { subjects, subjectNouns };
}

function readClause(words: Word[], mentions: Mention[], from: number, to: number, previous?: Clause): Clause {
  let speaker = -1;
  let start = from;
  let pred = -1;
  let attribution: number[] = [];
  const verbs: number[] = [];
  for (let k = from; k < to; k++) if (words[k].pos === 'VERB' && (words[k].content || REPORTING_VERBS.has(words[k].lemma))) verbs.push(k);
  // A clause told with a light verb only ("had gone on for two hours") still has its predicate.
  if (!verbs.length) for (let k = from; k < to; k++) if (words[k].pos === 'VERB' && finite(words, k)) verbs.push(k);
  const heads = verbs.filter((k) => finite(words, k));
  for (const k of heads.length ? heads : verbs) {
    const w = words[k];
    if (REPORTING_VERBS.has(w.lemma)) {
      const inner = reportedPredicate(words, k + 1, to);
      if (inner >= 0) {
        const who = words
          .slice(from, k)
          .map((x) => x.mention)
          .filter((m) => m >= 0);
        if (who.length) speaker = who[who.length - 1];
        start = k + 1;
        pred = inner;
        // "X said", "X told reporters": the attribution ends at the reported clause.
        attribution = [];
        for (let a = from; a <= k; a++) attribution.push(a);
        // "told reporters", "told a press conference in Istanbul": the audience, up to the reported clause.
        for (let a = k + 1; a < inner && a <= k + AUDIENCE_REACH; a++) {
          const w = words[a];
          if (!(w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'ADP') || w.text.toLowerCase() === 'that') break;
          attribution.push(a);
        }
        break;
      }
    }
    pred = k;
    break;
  }
  // A negative implicative governs the verb after it: "failed to reach" → reach, negated.
  let implicativeNeg = false;
  if (pred >= 0 && NEGATIVE_IMPLICATIVES.has(words[pred].lemma)) {
    const next = words.slice(pred + 1, Math.min(to, pred + 1 + IMPLICATIVE_REACH)).findIndex((w) => w.pos === 'VERB');
    if (next >= 0) {
      pred = pred + 1 + next;
      implicativeNeg = true;
    }
  }
  const predicate = pred >= 0 ? [pred] : [];
  const subjEnd = pred >= 0 ? pred : to;
  const { subjects, subjectNouns } = subjectsBetween(words, start, subjEnd);
  const low = (k: number) => words[k].text.toLowerCase();
  let negated = implicativeNeg;
  let modal = false;
  let evaluation = 0;
  let exclusive = false;
  for (let k = from; k < to; k++) {
    const l = low(k);
    if (NEGATORS.has(l) && (pred < 0 || k < pred || (l === 'no' && k > pred))) negated = true;
    if (MODALS.has(l) && !words[k].time && words[k].pos !== 'PROPN' && (pred < 0 || k < pred)) modal = true;
    if (HEDGES.has(words[k].lemma) && k !== pred && !words[k].time) modal = true;
    if (EXCLUSIVES.has(l) || (l === 'one' && k > 0 && low(k - 1) === 'the' && words[k + 1]?.pos === 'NOUN')) exclusive = true;
    const w = words[k];
    if (
      w.content &&
      !REPORTING_VERBS.has(w.lemma) &&
      !NEGATIVE_IMPLICATIVES.has(w.lemma) &&
      (w.pos === 'ADJ' || w.pos === 'ADV' || w.pos === 'VERB' || isOutcomeNoun(w.lemma))
    )
      evaluation += afinnScore(l, w.lemma);
  }
  const relative = words[from] ? ['who', 'which'].includes(low(from)) : false;
  // "… did not shake hands and suggested …": a coordinated predicate shares the subject.
  if (!subjects.length && !subjectNouns.length && previous && low(from) === 'and') {
    subjects.push(...previous.subjects);
    subjectNouns.push(...previous.subjectNouns);
  }
  if (relative && !subjects.length && previous) {
    // "…, who led the delegation": the subject is the last mention before the clause.
    for (let k = from - 1; k >= previous.from; k--)
      if (words[k].mention >= 0) {
        subjects.push(words[k].mention);
        break;
      }
  }
  return { from, to, predicate, subjects, subjectNouns, negated, modal, evaluation, exclusive, speaker, relative, attribution };
}
