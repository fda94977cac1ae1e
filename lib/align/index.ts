/**
 * Alignment stage entry point: how one claim (or claim part) and one corpus sentence line up,
 * as a vector of features the decision stage (lib/decide) turns into probabilities of supports /
 * conflicts, plus the words each feature compared, for the reason shown to the reader.
 *
 * Frames before coverage. Besides how much of the claim the sentence says (`cov`, `core`), the
 * features ask whether the claim's main predicate is there (`pred`), its names (`names`) and
 * its other arguments (`args`); then the claim's main clause is lined up with ONE clause of the
 * sentence — the one holding the matched predicate, else the one saying most of the clause —
 * and `frame` is how much of the claim's clause that clause says. Only within that frame are
 * slots compared: a figure, a day, a place, the polarity, who acts, the evaluation, the modality,
 * "only". A differing figure in another clause of the sentence is another fact, not a dispute.
 * A sentence about another event is marked (`eventDiff`): the decision never lets it conflict.
 */
import type { Facts } from '../facts/read';
import type { Clause } from '../facts/clauses';
import type { Mention } from '../facts/words';
import type { EventRef } from '../facts/event';
import { mentionsMeeting, sameOccasion } from '../facts/event';
import { daysBetween } from '../facts/time';
import { modalAt, negatedAt, realisAt } from '../facts/clauses';
import { NEGATORS, REPORTING_VERBS } from '../lexicon/function-words';
import { KeyIndex } from '../lexicon/wn';
import { matchLemma, matchName, sourceIndex, type WordMatch } from './match';
import { antonymIn, figureSlot, placeSlot, timeSlot, type SlotResult } from './slots';

export interface AlignContext {
  /** Weight of a lemma or name (rarer in the corpus: heavier). */
  weight(term: string): number;
  /** True when the corpus never uses the term. */
  unseen(term: string): boolean;
  /** True when a term is common in the corpus (setting, not content: the talks, the parties). */
  common(term: string): boolean;
  /** Corpus spellings of a name. */
  variants(name: string): string[];
  /** The side a mention speaks for: its country, or the corpus's affiliation of a person. */
  sideOf(m: Mention): string | undefined;
  claimEvent: EventRef;
  sourceEvent: EventRef;
  /** The day of the source's event, when known. */
  sourceEventDay: string | null;
  /** Tolerance for figures stated without a bound (reporters round). */
  tolerance: number;
  /** The setting of the source's event (lib/corpus/events.ts), which its sentences imply; empty when unknown. */
  setting: ReadonlySet<string>;
}

/** Each slot in dispute, weighted by how well the rest of the claim lines up with the sentence. */
export const DISPUTE_FEATURES = [
  'figDispute',
  'timeDispute',
  'placeDispute',
  'polarityDispute',
  'actorDispute',
  'evalDispute',
  'modalDispute',
  'exclusiveDispute',
] as const;

/** Names of the features, in the order the model's weights use. */
export const FEATURES = [
  'cov',
  'covStrict',
  'core',
  'uncovered',
  'predMissing',
  'pred',
  'predVerb',
  'args',
  'names',
  'unseen',
  'unseenName',
  'frame',
  'figMatch',
  'figConflict',
  'figMissing',
  'timeMatch',
  'timeConflict',
  'timeMissing',
  'eventSame',
  'eventDiff',
  'negFlip',
  'antonym',
  'subjSame',
  'subjDiff',
  'personDiff',
  'evalFlip',
  'modalDiff',
  'placeConflict',
  'exclusive',
  'longSource',
  ...DISPUTE_FEATURES,
] as const;
export type Feature = (typeof FEATURES)[number];
export type FeatureVector = Record<Feature, number>;

/** One content word of the claim as every alignment weighs it (the same for every sentence). */
export interface ClaimWord {
  i: number;
  w: number;
  core: boolean;
  name: boolean;
  unseen: boolean;
}

export interface Alignment {
  features: FeatureVector;
  /** The claim's content words (shared by every alignment of one claim) and how strongly this sentence says each. */
  words: ClaimWord[];
  strengths: number[];
  /** [claim word, source word, strength] for matched claim words. */
  pairs: Array<[number, number, number]>;
  /** Slots in dispute, strongest first, with the words compared. */
  disputes: Array<{ slot: string; detail: string }>;
  /** What matched, for a supporting reason. */
  agreements: Array<{ slot: string; detail: string }>;
}

/** Weight multiplier of a reporting verb ("said"): it frames the claim, it is not its content. */
const REPORTING_WEIGHT = 0.2;
/** Weight multiplier of the reported speaker: sources attribute the same fact to different people. */
const SPEAKER_WEIGHT = 0.4;
/** A predicate matched at least this strongly is the same predicate. */
const PRED_MATCH = 0.6;
/** A claim word matched less strongly than this is not said by the sentence. */
const RELATED = 0.45;
/** A match at least this strong counts for strict coverage (same word, synonym, derived form). */
const STRICT_MATCH = 0.85;
/** Unmatched core words counted up to this many (the feature is their count over it). */
const UNCOVERED_CAP = 4;
/** Evaluation scores of this size or more are a judgement, not a stray word. */
const EVAL_STRENGTH = 2;
/** A source of this many content words is long: it covers more of any claim by chance. */
const LONG_SOURCE = 30;
/**
 * A claim dated away from every event ("talks held on 6 May") that otherwise says what a sentence
 * about an event says, this closely, is compared with that event: its date is the slot in
 * dispute, not a sign of another occasion.
 */
const DATE_OFF_ALIGNMENT = 0.6;
/** …and only a date this close to the event's (a wrong day or week, not another month's happening). */
const DATE_OFF_MAX_DAYS = 31;
/** Strength of a claim word the source's event implies (its place, "the talks"): less than said outright. */
const IMPLIED = 0.7;
/** The claim's words are lined up with the sentence's this well (by clause or by word) before a time in the sentence is read as the claim's. */
const TIME_ALIGNMENT = 0.5;
/** Characters before a time searched for a reporting verb ("said on Monday"): the verb and a word between. */
const SAID_REACH = 30;
/** Words before a word or name searched for a negator or a place preposition: a determiner, an adjective or an adverb may stand between. */
const MODIFIER_REACH = 3;
/** Words between an opposed word and the thing it speaks of ("smaller than several earlier swaps"): what lines the two up. */
const ANTONYM_REACH = 4;
/** Prepositions that make the name after them the place where something happened. */
const LOCATIVE = new Set(['in', 'at', 'near', 'inside', 'outside', 'from']);

interface Item extends ClaimWord {
  pred: boolean;
  m?: Mention;
}

const itemMemo = new WeakMap<Facts, { ctx: AlignContext['weight']; items: Item[] }>();

/** The claim's content words with their weights and roles, once per claim. */
function claimItems(claim: Facts, ctx: AlignContext): Item[] {
  const hit = itemMemo.get(claim);
  if (hit && hit.ctx === ctx.weight) return hit.items;
  const items = readItems(claim, ctx);
  itemMemo.set(claim, { ctx: ctx.weight, items });
  return items;
}

function readItems(claim: Facts, ctx: AlignContext): Item[] {
  const preds = new Set(claim.clauses.filter((c) => !c.apposition).flatMap((c) => c.predicate));
  const speakers = new Set(claim.clauses.map((c) => c.speaker).filter((s) => s >= 0));
  const attributed = new Set(claim.clauses.flatMap((c) => c.attribution ?? []));
  const items: Item[] = [];
  claim.words.forEach((w, i) => {
    if (!w.content) return;
    const m = w.mention >= 0 ? claim.mentions[w.mention] : undefined;
    const reporting = REPORTING_VERBS.has(w.lemma) || attributed.has(i);
    const speaker = !!m && speakers.has(w.mention);
    const wt = ctx.weight(w.lemma) * (reporting ? REPORTING_WEIGHT : 1) * (speaker ? SPEAKER_WEIGHT : 1);
    items.push({ i, w: wt, name: !!m && !m.demonym, pred: preds.has(i), unseen: ctx.unseen(w.lemma), core: !reporting && !speaker && !ctx.common(w.lemma), m });
  });
  return items;
}

const share = (h: number, t: number, empty: number) => (t > 0 ? h / t : empty);

/** Every claim word's best match in the source, and the coverage figures they give. */
function matchWords(claim: Facts, source: Facts, items: Item[], ctx: AlignContext) {
  const src = sourceIndex(source);
  const matchOf = new Map<number, WordMatch>();
  const pairs: Array<[number, number, number]> = [];
  const matchedKeys = new Set<string>();
  let tot = 0,
    hit = 0,
    argT = 0,
    argH = 0,
    nameT = 0,
    nameH = 0,
    unseenT = 0,
    strictH = 0,
    coreT = 0,
    coreH = 0;
  let predSum = 0,
    predN = 0,
    predVerb = 0,
    unseenName = 0,
    uncovered = 0,
    predMissing = 0;
  for (const it of items) {
    let m: WordMatch = it.m ? matchName(it.m, source, ctx.variants) : matchLemma(claim.words[it.i].lemma, src);
    if (m.strength < IMPLIED && implied(claim.words[it.i].lemma, ctx)) m = { at: -1, strength: IMPLIED };
    matchOf.set(it.i, m);
    tot += it.w;
    hit += it.w * m.strength;
    if (m.strength >= STRICT_MATCH) strictH += it.w;
    if (it.unseen) unseenT += it.w;
    if (m.at >= 0) pairs.push([it.i, m.at, m.strength]);
    if (it.core) {
      coreT += it.w;
      coreH += it.w * m.strength;
      if (m.strength < RELATED) uncovered++;
    }
    if (it.name) {
      nameT += it.w;
      nameH += it.w * m.strength;
      if (m.at >= 0) matchedKeys.add(it.m!.key);
      else if (it.unseen) unseenName = 1;
    } else if (it.pred) {
      predSum += m.strength;
      predN++;
      if (m.strength < RELATED && it.core) predMissing = 1;
      if (m.at >= 0 && m.strength >= PRED_MATCH && (source.words[m.at].pos === 'VERB' || source.words[m.at].pos === 'NOUN')) predVerb = 1;
    } else {
      argT += it.w;
      argH += it.w * m.strength;
    }
  }
  const cov = share(hit, tot, 0);
  return {
    matchOf,
    pairs,
    matchedKeys,
    cov,
    covStrict: share(strictH, tot, 0),
    core: share(coreH, coreT, cov),
    uncovered: Math.min(1, uncovered / UNCOVERED_CAP),
    predMissing,
    pred: predN ? predSum / predN : cov,
    predVerb,
    args: share(argH, argT, 1),
    names: share(nameH, nameT, 1),
    unseen: share(unseenT, tot, 0),
    unseenName,
    nonName: share(argH + nameH, argT + nameT, cov),
  };
}

/** Does the source's event imply this claim word (a place of the event, a meeting noun)? */
function implied(lemma: string, ctx: AlignContext): boolean {
  if (!ctx.setting.size) return false;
  if (ctx.setting.has(lemma)) return true;
  return ctx.variants(lemma).some((v) => ctx.setting.has(v));
}

/** Weighted share of the claim's words, other than `except`, that the source says (or implies). */
function coverageExcept(items: Item[], matchOf: Map<number, WordMatch>, except: (it: Item) => boolean): number {
  let t = 0;
  let h = 0;
  for (const it of items) {
    if (except(it)) continue;
    t += it.w;
    h += it.w * (matchOf.get(it.i)?.strength ?? 0);
  }
  return share(h, t, 0);
}

interface Frame {
  /** The claim's main clause (its first clause with a predicate). */
  main: Clause | undefined;
  /** The source clause lined up with it. */
  src: Clause | undefined;
  /** The source word the claim's predicate matched (in `src`), or -1. */
  predAt: number;
  /** Weighted share of the main clause's words that the source clause says. */
  cov: number;
}

/**
 * Lines the claim's main clause up with one clause of the source: the clause holding the match
 * of the claim's predicate, else the clause holding the most of the main clause's matched weight.
 */
function lineUp(claim: Facts, source: Facts, items: Item[], matchOf: Map<number, WordMatch>): Frame {
  const main = claim.clauses.find((c) => c.predicate.length && !c.apposition) ?? claim.clauses.find((c) => !c.apposition);
  if (!main) return { main, src: undefined, predAt: -1, cov: 0 };
  const inMain = items.filter((it) => it.i >= main.from && it.i < main.to);
  const predMatch = main.predicate.length ? matchOf.get(main.predicate[0]) : undefined;
  const clauseOf = (at: number) =>
    source.clauses.find((c) => at >= c.from && at < c.to && !c.apposition) ?? source.clauses.find((c) => at >= c.from && at < c.to);
  let src = predMatch && predMatch.at >= 0 && predMatch.strength >= PRED_MATCH ? clauseOf(predMatch.at) : undefined;
  const weightIn = (c: Clause) =>
    inMain.reduce((s, it) => {
      const m = matchOf.get(it.i);
      return s + (m && m.at >= c.from && m.at < c.to ? it.w * m.strength : 0);
    }, 0);
  if (!src) {
    let best = 0;
    for (const c of source.clauses) {
      const w = weightIn(c);
      if (w > best) [src, best] = [c, w];
    }
  }
  const total = inMain.reduce((s, it) => s + it.w, 0);
  const predAt = src && predMatch && predMatch.at >= src.from && predMatch.at < src.to && predMatch.strength >= PRED_MATCH ? predMatch.at : -1;
  return { main, src, predAt, cov: src ? share(weightIn(src), total, 0) : 0 };
}

/** A clause holding at least this share of the matched weight of the best clause speaks of the claim's fact. */
const CLAUSE_SHARE = 0.3;

/**
 * The source with only the figures of its clauses that speak of the claim's fact (they hold a fair
 * share of the matched words): "talks lasted just over an hour, while 50,000 troops massed" gives
 * the hour, not the troops, to a claim about the talks.
 */
function within(source: Facts, items: Item[], matchOf: Map<number, WordMatch>): Facts {
  if (source.clauses.length < 2) return source;
  const weights = source.clauses.map((c) =>
    items.reduce((s, it) => {
      const m = matchOf.get(it.i);
      return s + (m && m.at >= c.from && m.at < c.to ? it.w * m.strength : 0);
    }, 0),
  );
  const best = Math.max(...weights);
  if (best <= 0) return source;
  const spans = source.clauses
    .filter((_, k) => weights[k] >= CLAUSE_SHARE * best)
    .map((c) => [source.words[c.from]?.start ?? 0, source.words[c.to - 1]?.end ?? source.text.length]);
  return { ...source, quantities: source.quantities.filter((q) => spans.some(([a, b]) => q.start >= a && q.end <= b + 1)) };
}

/**
 * The words of the claim's frame: its main clause's subject, predicate and object, up to the
 * first adjunct (a preposition other than "of", a comma).
 */
function coreFrame(claim: Facts, main: Clause | undefined): Set<number> {
  const out = new Set<number>();
  if (!main) return out;
  const p = main.predicate[0] ?? main.to;
  for (let k = main.from; k < Math.min(p, main.to); k++) if (claim.words[k].content) out.add(k);
  for (let k = p; k < main.to; k++) {
    const w = claim.words[k];
    if (k > p && ((w.pos === 'ADP' && w.text.toLowerCase() !== 'of') || w.text === ',')) break;
    if (w.content) out.add(k);
  }
  return out;
}

/** Share of the claim's objects the lined-up clause must say before who acts, or whether it happened, can be disputed. */
const OBJECT_SHARE = 0.5;

/**
 * The claim's objects — the content words after its predicate in its main clause ("proposed a
 * third round", "rejected the truce") — said in the sentence's lined-up clause, by weight. "Russia
 * proposed a ceasefire" is no rival actor for "Ukraine proposed a third round".
 */
function objectShare(claim: Facts, items: Item[], matchOf: Map<number, WordMatch>, fr: Frame): number {
  if (!fr.main || !fr.src || !fr.main.predicate.length) return 0;
  const p = fr.main.predicate[0];
  const objs = items.filter((it) => it.i > p && it.i < fr.main!.to && it.core && !it.pred);
  if (!objs.length) return 1;
  let t = 0;
  let h = 0;
  for (const it of objs) {
    t += it.w;
    const mm = matchOf.get(it.i);
    if (mm && mm.strength >= RELATED && (mm.at < 0 || (mm.at >= fr.src.from && mm.at < fr.src.to))) h += it.w * mm.strength;
  }
  return share(h, t, 1);
}

/**
 * What a polarity is held to: the claim's objects said in the lined-up clause, or — for a clause
 * with none ("…, which the drones had carried out") — its subject. "X was carried out" and "Y
 * was never implemented" dispute nothing unless X and Y are one thing.
 */
function heldTo(claim: Facts, items: Item[], matchOf: Map<number, WordMatch>, fr: Frame): number {
  const p = fr.main?.predicate[0] ?? -1;
  const hasObjects = items.some((it) => it.i > p && it.i < (fr.main?.to ?? 0) && it.core && !it.pred);
  if (hasObjects) return objectShare(claim, items, matchOf, fr);
  if (!fr.main || !fr.src) return 0;
  const subj = new Set([...fr.main.subjectNouns, ...fr.main.subjects.flatMap((k) => claim.mentions[k].words)]);
  const its = items.filter((it) => subj.has(it.i));
  if (!its.length) return 0;
  const said = its.filter((it) => {
    const mm = matchOf.get(it.i);
    return mm && mm.strength >= RELATED && (mm.at < 0 || (mm.at >= fr.src!.from && mm.at < fr.src!.to));
  });
  return said.length / its.length;
}

/** Character span of a clause. */
function spanOf(f: Facts, c: Clause | undefined): [number, number] {
  if (!c) return [0, f.text.length];
  return [f.words[c.from]?.start ?? 0, f.words[c.to - 1]?.end ?? f.text.length];
}

/** Words after which a time is when something was said, not when it happened ("said on Thursday"). */
const SAID_TIME = /\b(said|says|told|announced|reported|added|stated|confirmed|wrote|posted)\s+(?:\S+\s+)?$/i;

/**
 * The times each side speaks of for the compared fact: the claim's main clause, the sentence's
 * lined-up clause (when the claim has several clauses, or the sentence), never when something
 * was said.
 */
function timesFor(f: Facts, c: Clause | undefined, whole: boolean): Facts {
  const [a, b] = whole ? [0, f.text.length] : spanOf(f, c);
  return { ...f, times: f.times.filter((t) => t.start >= a && t.end <= b + 1 && !SAID_TIME.test(f.text.slice(Math.max(0, t.start - SAID_REACH), t.start))) };
}

export function align(claim: Facts, source: Facts, ctx: AlignContext): Alignment {
  const items = claimItems(claim, ctx);
  const m = matchWords(claim, source, items, ctx);
  const fr = lineUp(claim, source, items, m.matchOf);
  const s = readSlots(claim, source, ctx, items, m, fr);
  const features = featureVector(claim, source, items, m, fr, s);
  return { features, words: items, strengths: items.map((it) => m.matchOf.get(it.i)?.strength ?? 0), pairs: m.pairs, ...disputesAndAgreements(s) };
}

type WordMatches = ReturnType<typeof matchWords>;

/** What each slot of the claim (occasion, actors, figure, time, place, polarity, judgement, modality, "only") finds in the source. */
interface Slots {
  occasion: ReturnType<typeof sameOccasion>;
  actor: ReturnType<typeof actors>;
  fig: ReturnType<typeof figureSlot>;
  time: SlotResult;
  place: SlotResult;
  negFlip: number;
  ant: ReturnType<typeof antonymIn>;
  cEval: number;
  sEval: number;
  evalFlip: number;
  claimModal: boolean;
  modalDiff: number;
  excl: string | null;
}

/** The occasion: the same, different, or unknown; a claim dated a few days off a meeting it clearly speaks of is the same. */
function occasionOf(claim: Facts, ctx: AlignContext, m: WordMatches): ReturnType<typeof sameOccasion> {
  const occasion = sameOccasion(ctx.claimEvent, ctx.sourceEvent);
  if (
    occasion === 'different' &&
    ctx.claimEvent.by === 'date' &&
    !ctx.claimEvent.id &&
    ctx.sourceEvent.id &&
    m.nonName >= DATE_OFF_ALIGNMENT &&
    ctx.claimEvent.date &&
    ctx.sourceEventDay &&
    mentionsMeeting(claim) &&
    Math.abs(daysBetween(ctx.claimEvent.date, ctx.sourceEventDay)) <= DATE_OFF_MAX_DAYS
  )
    return 'same';
  return occasion;
}

/** Mentions inside clause `c` of `f` (the whole sentence when there is none). */
const inSpan = (f: Facts, c: Clause | undefined) => (x: Mention) => {
  const [s, e] = spanOf(f, c);
  return x.start >= s && x.end <= e;
};

function readSlots(claim: Facts, source: Facts, ctx: AlignContext, items: Item[], m: WordMatches, fr: Frame): Slots {
  const occasion = occasionOf(claim, ctx, m);
  const objects = objectShare(claim, items, m.matchOf, fr);
  const actor = objects >= OBJECT_SHARE ? actors(claim, source, fr, ctx) : { subjSame: 0, subjDiff: 0, personDiff: 0, detail: '' };
  const fig = figureSlot(claim, within(source, items, m.matchOf), ctx.tolerance, actor.subjDiff === 1);
  const meetingDay = mentionsMeeting(claim) && mentionsMeeting(source);
  const mainOnly = claim.clauses.filter((c) => !c.apposition).length > 1;
  const time = timeSlot(
    timesFor(claim, fr.main, !mainOnly),
    timesFor(source, fr.src, false),
    occasion === 'same' ? ctx.sourceEventDay : null,
    fr.cov >= TIME_ALIGNMENT || m.cov >= TIME_ALIGNMENT,
    meetingDay,
  );
  const claimPlaces = locations(claim);
  // A place is disputed only where the same thing happened: the claim's predicate matched.
  const place: SlotResult =
    claimPlaces.some((x) => m.matchedKeys.has(x.key)) || fr.predAt < 0
      ? { state: claimPlaces.some((x) => m.matchedKeys.has(x.key)) ? 'match' : 'none', detail: '' }
      : placeSlot(
          claimPlaces.filter(inSpan(claim, mainOnly ? fr.main : undefined)),
          locations(source).filter(inSpan(source, fr.src)),
          m.matchedKeys,
          ctx.variants,
        );
  const negFlip =
    (fr.main && fr.predAt >= 0 && heldTo(claim, items, m.matchOf, fr) >= OBJECT_SHARE ? polarity(claim, source, fr) : 0) ||
    focusPolarity(claim, source, items, m.matchOf);
  const preds = (f: Facts) => new Set(f.clauses.flatMap((c) => c.predicate));
  const opposable = (f: Facts, p: Set<number>) => f.words.flatMap((w, i) => (w.content && w.mention < 0 && (p.has(i) || w.pos === 'ADJ') ? [i] : []));
  const anchored = (i: number, k: number) =>
    items.some((it) => {
      const mm = m.matchOf.get(it.i);
      return (
        it.i !== i && !!mm && mm.at >= 0 && mm.at !== k && mm.strength >= RELATED && Math.abs(it.i - i) <= ANTONYM_REACH && Math.abs(mm.at - k) <= ANTONYM_REACH
      );
    });
  const ant = antonymIn(claim, opposable(claim, new Set(fr.main?.predicate ?? [])), source, opposable(source, preds(source)), anchored);
  const cEval = fr.main?.evaluation ?? 0;
  const sEval = fr.src?.evaluation ?? 0;
  const evalFlip = (cEval >= EVAL_STRENGTH && sEval <= -EVAL_STRENGTH) || (cEval <= -EVAL_STRENGTH && sEval >= EVAL_STRENGTH) ? 1 : 0;
  const claimModal = fr.main?.predicate.length ? modalAt(claim.words, claim.clauses, fr.main.predicate[0]) : false;
  const sourceModal = fr.predAt >= 0 && modalAt(source.words, source.clauses, fr.predAt);
  // "May happen" against "did happen": the side without the modal must say it happened.
  const realis = claimModal ? fr.predAt >= 0 && realisAt(source.words, fr.predAt) : !!fr.main?.predicate.length && realisAt(claim.words, fr.main.predicate[0]);
  const modalDiff = fr.predAt >= 0 && claimModal !== sourceModal && realis ? 1 : 0;
  const excl = fr.main?.exclusive && !fr.src?.exclusive ? exclusiveSlot(claim, source, fr.main, ctx) : null;
  return { occasion, actor, fig, time, place, negFlip, ant, cEval, sEval, evalFlip, claimModal, modalDiff, excl };
}

/** The features the decision reads: how much of the claim the source covers, and each slot in dispute weighed by how well the rest lines up. */
function featureVector(claim: Facts, source: Facts, items: Item[], m: WordMatches, fr: Frame, s: Slots): FeatureVector {
  const { fig, time, place, actor, negFlip, ant, evalFlip, modalDiff, excl, occasion } = s;
  // How well the rest of the claim lines up, for each slot in dispute.
  const rest = (except: (it: Item) => boolean) => coverageExcept(items, m.matchOf, except);
  const all = rest(() => false);
  // Whether it happened, and who did it, rest on the frame itself (subject, predicate, object), not
  // on the adjuncts a claim adds ("… at the second round"): the better of the two alignments.
  const frameWords = coreFrame(claim, fr.main);
  const framed = Math.max(
    all,
    rest((it) => !frameWords.has(it.i)),
  );
  const placeKeys = new Set(locations(claim).map((x) => x.key));
  const subjectKeys = new Set((fr.main?.subjects ?? []).map((k) => claim.mentions[k].key));
  const evaluative = (it: Item) => claim.words[it.i].pos === 'ADJ';
  const dispute = (on: unknown, a: number) => (on ? a : 0);
  return {
    cov: m.cov,
    covStrict: m.covStrict,
    core: m.core,
    uncovered: m.uncovered,
    predMissing: m.predMissing,
    pred: m.pred,
    predVerb: m.predVerb,
    args: m.args,
    names: m.names,
    unseen: m.unseen,
    unseenName: m.unseenName,
    frame: Math.min(fr.cov, m.pred) * m.names,
    figMatch: fig.state === 'match' ? 1 : 0,
    figConflict: fig.state === 'conflict' ? 1 : 0,
    figMissing: fig.state === 'missing' ? 1 : 0,
    timeMatch: time.state === 'match' ? 1 : 0,
    timeConflict: time.state === 'conflict' ? 1 : 0,
    timeMissing: time.state === 'missing' ? 1 : 0,
    eventSame: occasion === 'same' ? 1 : 0,
    eventDiff: occasion === 'different' ? 1 : 0,
    negFlip: negFlip ? 1 : 0,
    antonym: ant ? 1 : 0,
    subjSame: actor.subjSame,
    subjDiff: actor.subjDiff,
    personDiff: actor.personDiff,
    evalFlip,
    modalDiff,
    placeConflict: place.state === 'conflict' ? 1 : 0,
    exclusive: excl ? 1 : 0,
    longSource: Math.min(1, source.words.filter((w) => w.content).length / LONG_SOURCE),
    figDispute: dispute(fig.state === 'conflict', all),
    timeDispute: dispute(time.state === 'conflict', all),
    placeDispute: dispute(
      place.state === 'conflict',
      rest((it) => !!it.m && placeKeys.has(it.m.key)),
    ),
    polarityDispute: dispute(negFlip || ant, framed),
    actorDispute: dispute(
      actor.subjDiff || actor.personDiff,
      Math.max(
        rest((it) => !!it.m && subjectKeys.has(it.m.key)),
        rest((it) => !frameWords.has(it.i) || (!!it.m && subjectKeys.has(it.m.key))),
      ),
    ),
    evalDispute: dispute(evalFlip, rest(evaluative)),
    modalDispute: dispute(modalDiff, framed),
    exclusiveDispute: dispute(excl, all),
  };
}

/** What the reader is told: each slot in dispute, and the figure and day that agree. */
function disputesAndAgreements(s: Slots): Pick<Alignment, 'disputes' | 'agreements'> {
  const { fig, time, place, negFlip, ant, actor, evalFlip, cEval, sEval, modalDiff, claimModal, excl } = s;
  const disputes: Alignment['disputes'] = [];
  if (fig.state === 'conflict') disputes.push({ slot: 'figure', detail: `different figure: ${fig.detail}` });
  if (time.state === 'conflict') disputes.push({ slot: 'time', detail: `different day: ${time.detail}` });
  if (place.state === 'conflict') disputes.push({ slot: 'place', detail: `different place: ${place.detail}` });
  if (negFlip) disputes.push({ slot: 'polarity', detail: negFlip > 0 ? 'the claim denies what the source states' : 'the source denies what the claim states' });
  if (ant) disputes.push({ slot: 'polarity', detail: `opposite words: source says "${ant[1]}", claim says "${ant[0]}"` });
  if (actor.detail) disputes.push({ slot: 'actor', detail: actor.detail });
  if (evalFlip)
    disputes.push({
      slot: 'evaluation',
      detail: `opposite judgement: the claim is ${cEval > 0 ? 'positive' : 'negative'}, the source ${sEval > 0 ? 'positive' : 'negative'}`,
    });
  if (modalDiff)
    disputes.push({
      slot: 'modality',
      detail: claimModal ? 'the claim says it may happen, the source that it did' : 'the source says it may happen, the claim that it did',
    });
  if (excl) disputes.push({ slot: 'exclusive', detail: `the claim says "only"; the source also names ${excl}` });
  const agreements: Alignment['agreements'] = [];
  if (fig.state === 'match' && fig.detail) agreements.push({ slot: 'figure', detail: `same figure: ${fig.detail}` });
  if (time.state === 'match') agreements.push({ slot: 'time', detail: `same day: ${time.detail}` });
  return { disputes, agreements };
}

/**
 * Who acts, compared only between two predicates that match: the sides (countries; a person
 * by the corpus's affiliation) and the persons of the two subjects.
 */
function actors(claim: Facts, source: Facts, fr: Frame, ctx: AlignContext) {
  const none = { subjSame: 0, subjDiff: 0, personDiff: 0, detail: '' };
  if (!fr.main || !fr.src || fr.predAt < 0 || !fr.src.predicate.includes(fr.predAt)) return none;
  if (REPORTING_VERBS.has(source.words[fr.predAt].lemma)) return none;
  const sides = (f: Facts, ms: number[]) => new Set(ms.map((k) => ctx.sideOf(f.mentions[k])).filter((x): x is string => !!x));
  const cs = sides(claim, fr.main.subjects);
  const ss = sides(source, fr.src.subjects);
  const subjSame = cs.size && ss.size && [...cs].some((x) => ss.has(x)) ? 1 : 0;
  const subjDiff = cs.size && ss.size && !subjSame ? 1 : 0;
  const persons = (f: Facts, c: Clause) =>
    c.subjects
      .filter((k) => k !== c.speaker)
      .map((k) => f.mentions[k])
      .filter((x) => x.kind === 'per');
  const cp = persons(claim, fr.main);
  const sp = persons(source, fr.src);
  const personDiff = cp.length && sp.length && !cp.some((c) => sp.some((s) => s.key === c.key || ctx.variants(c.key).includes(s.key))) ? 1 : 0;
  const detail = subjDiff
    ? `a different side acts: source names ${[...ss].join(', ')}, claim names ${[...cs].join(', ')}`
    : personDiff
      ? `a different person: source names ${sp.map((x) => x.surface).join(', ')}, claim names ${cp.map((x) => x.surface).join(', ')}`
      : '';
  return { subjSame, subjDiff, personDiff, detail };
}

/**
 * Polarity of the matched predicate pair, each read as negated or not where it stands ("did not
 * shake hands", "failed to agree", "without agreeing"): +1 when only the claim's is negated, -1
 * when only the source's is, 0 when they agree.
 */
function polarity(claim: Facts, source: Facts, fr: Frame): number {
  const c = negatedAt(claim.words, claim.clauses, fr.main!.predicate[0]);
  const s = negatedAt(source.words, source.clauses, fr.predAt);
  return c === s ? 0 : c ? 1 : -1;
}

/**
 * When the predicates do not line up ("saw no need" / "were certainly needed", "left without
 * agreeing" / "agreed"), the polarity of the claim's heaviest words said by the source decides,
 * each read where it stands; only words matched strictly count.
 */
function focusPolarity(claim: Facts, source: Facts, items: Item[], matchOf: Map<number, WordMatch>): number {
  const matched = (it: Item) => !it.name && it.core && (matchOf.get(it.i)?.strength ?? 0) >= STRICT_MATCH && (matchOf.get(it.i)?.at ?? -1) >= 0;
  // The word a negator governs, on either side ("no need", "without agreeing", "not high").
  for (const it of items
    .filter(matched)
    .sort((a, b) => b.w - a.w)
    .slice(0, FOCUS_WORDS)) {
    const at = matchOf.get(it.i)!.at;
    const c = negationHead(claim, it.i);
    const s = negationHead(source, at);
    if (c === s) continue;
    // The negated thing must be the same thing: another of the claim's words said in that clause,
    // and not a name (the sides are named in every clause of a report on them).
    const clause = source.clauses.find((x) => at >= x.from && at < x.to);
    const company = items.filter(
      (o) =>
        o !== it &&
        o.core &&
        !o.name &&
        (matchOf.get(o.i)?.strength ?? 0) >= RELATED &&
        clause &&
        matchOf.get(o.i)!.at >= clause.from &&
        matchOf.get(o.i)!.at < clause.to,
    );
    if (company.length) return c ? 1 : -1;
  }
  return 0;
}

/** Is word `i` the head of a negation: a negator right before it, with at most a determiner or an adverb between? */
function negationHead(f: Facts, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - MODIFIER_REACH); k--) {
    const w = f.words[k];
    const low = w.text.toLowerCase();
    if (NEGATORS.has(low) || (w.pos === 'VERB' && /^(fail|refuse|decline)$/.test(w.lemma))) return true;
    if (!(w.pos === 'DET' || w.pos === 'ADV' || w.pos === 'AUX' || w.pos === 'PART' || low === 'to')) return false;
  }
  return false;
}

/** How many of the claim's heaviest matched words the polarity fallback reads. */
const FOCUS_WORDS = 2;

/**
 * Names used as the place of the action ("in Istanbul", "at the Dolmabahce Palace", "Istanbul's
 * Dolmabahce Palace"), not as a side ("the Moscow delegation", "Kyiv said").
 */
function locations(f: Facts): Mention[] {
  return f.mentions.filter((m) => {
    if (m.demonym || m.kind === 'per' || m.kind === 'grp') return false;
    const first = m.words[0];
    for (let k = first - 1; k >= Math.max(0, first - MODIFIER_REACH); k--) {
      const w = f.words[k];
      if (LOCATIVE.has(w.text.toLowerCase())) return true;
      if (w.pos !== 'DET' && w.pos !== 'ADJ' && !(w.mention >= 0 && /['’]s$/.test(f.text.slice(w.start, w.end + 2)))) break;
    }
    return false;
  });
}

/**
 * "The only thing agreed was X": a source clause with the same predicate that names something
 * else too disputes the "only". Returns what else the source names, or null.
 */
function exclusiveSlot(claim: Facts, source: Facts, main: Clause, ctx: AlignContext): string | null {
  const preds = main.predicate.map((i) => claim.words[i].lemma);
  if (!preds.length) return null;
  const claimWords = new KeyIndex<number>();
  claim.words.forEach((w, i) => w.content && claimWords.add(w.lemma, i));
  for (const c of source.clauses) {
    const p = c.predicate[0];
    if (p === undefined) continue;
    const pi = new KeyIndex<number>();
    pi.add(source.words[p].lemma, p);
    if (!preds.some((l) => (pi.best(l)?.strength ?? 0) >= STRICT_MATCH)) continue;
    const others = source.words
      .slice(p + 1, c.to)
      .filter((w) => w.content && w.pos === 'NOUN' && !ctx.common(w.lemma) && (claimWords.best(w.lemma)?.strength ?? 0) < RELATED);
    if (others.length)
      return others
        .slice(0, 2)
        .map((w) => w.text)
        .join(', ');
  }
  return null;
}
