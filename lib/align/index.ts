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
import { sameOccasion } from '../facts/event';
import { daysBetween } from '../facts/time';
import { modalAt, negatedAt, realisAt } from '../facts/clauses';
import { NEGATORS, REPORTING_VERBS } from '../lexicon/function-words';
import { KeyIndex, relatedness } from '../lexicon/wn';
import { matchLemma, matchName, type WordMatch } from './match';
import type { AlignContext, ClaimWord } from './context';
import { claimSide, inSpan, MODIFIER_REACH, sourceSide, sourceTimes, type ClaimSide, type Item, type SourceSide } from './sides';
import { antonymIn, figureSlot, placeSlot, requiredFigure, timeSlot, type SlotResult } from './slots';

export type { AlignContext, ClaimWord } from './context';

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
/** Words between an opposed word and the thing it speaks of ("smaller than several earlier swaps"): what lines the two up. */
const ANTONYM_REACH = 4;

const share = (h: number, t: number, empty: number) => (t > 0 ? h / t : empty);

/** Every claim word's best match in the source, and the coverage figures they give. */
function matchWords(claim: Facts, source: Facts, src: KeyIndex<number>, items: Item[], ctx: AlignContext) {
  // Claim word index → its best match in the source (a sparse array: a few content words of a short sentence).
  const matchOf: WordMatch[] = [];
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
    matchOf[it.i] = m;
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
function coverageExcept(items: Item[], matchOf: WordMatch[], except: (it: Item) => boolean): number {
  let t = 0;
  let h = 0;
  for (const it of items) {
    if (except(it)) continue;
    t += it.w;
    h += it.w * (matchOf[it.i]?.strength ?? 0);
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
function lineUp(side: ClaimSide, source: Facts, matchOf: WordMatch[]): Frame {
  const main = side.main;
  if (!main) return { main, src: undefined, predAt: -1, cov: 0 };
  const predMatch = main.predicate.length ? matchOf[main.predicate[0]] : undefined;
  let src = predMatch && predMatch.at >= 0 && predMatch.strength >= PRED_MATCH ? clauseOf(source, predMatch.at) : undefined;
  if (!src) {
    let best = 0;
    for (const c of source.clauses) {
      const w = weightIn(side.inMain, matchOf, c);
      if (w > best) [src, best] = [c, w];
    }
  }
  const predAt = src && predMatch && predMatch.at >= src.from && predMatch.at < src.to && predMatch.strength >= PRED_MATCH ? predMatch.at : -1;
  return { main, src, predAt, cov: src ? share(weightIn(side.inMain, matchOf, src), side.mainWeight, 0) : 0 };
}

/** The clause of the source holding word `at` (one that is not an apposition, if any). */
function clauseOf(source: Facts, at: number): Clause | undefined {
  return source.clauses.find((c) => at >= c.from && at < c.to && !c.apposition) ?? source.clauses.find((c) => at >= c.from && at < c.to);
}

/** The matched weight of `items` whose match lies in clause `c`. */
function weightIn(items: Item[], matchOf: WordMatch[], c: Clause): number {
  let s = 0;
  for (const it of items) {
    const m = matchOf[it.i];
    s += m && m.at >= c.from && m.at < c.to ? it.w * m.strength : 0;
  }
  return s;
}

/** A clause holding at least this share of the matched weight of the best clause speaks of the claim's fact. */
const CLAUSE_SHARE = 0.3;

/**
 * The source with only the figures of its clauses that speak of the claim's fact (they hold a fair
 * share of the matched words): "talks lasted just over an hour, while 50,000 troops massed" gives
 * the hour, not the troops, to a claim about the talks.
 */
function within(source: Facts, items: Item[], matchOf: WordMatch[]): Facts {
  if (source.clauses.length < 2) return source;
  const weights = source.clauses.map((c) => weightIn(items, matchOf, c));
  const best = Math.max(...weights);
  if (best <= 0) return source;
  const spans = source.clauses
    .filter((_, k) => weights[k] >= CLAUSE_SHARE * best)
    .map((c) => [source.words[c.from]?.start ?? 0, source.words[c.to - 1]?.end ?? source.text.length]);
  return { ...source, quantities: source.quantities.filter((q) => spans.some(([a, b]) => q.start >= a && q.end <= b + 1)) };
}

/** Share of the claim's objects the lined-up clause must say before who acts, or whether it happened, can be disputed. */
const OBJECT_SHARE = 0.5;

/**
 * The claim's objects — the content words after its predicate in its main clause ("proposed a
 * third round", "rejected the truce") — said in the sentence's lined-up clause, by weight. "Russia
 * proposed a ceasefire" is no rival actor for "Ukraine proposed a third round".
 */
function objectShare(side: ClaimSide, matchOf: WordMatch[], fr: Frame): number {
  if (!fr.main || !fr.src || !fr.main.predicate.length) return 0;
  const objs = side.objects;
  if (!objs.length) return 1;
  let t = 0;
  let h = 0;
  for (const it of objs) {
    t += it.w;
    const mm = matchOf[it.i];
    if (mm && mm.strength >= RELATED && (mm.at < 0 || (mm.at >= fr.src.from && mm.at < fr.src.to))) h += it.w * mm.strength;
  }
  return share(h, t, 1);
}

/**
 * What a polarity is held to: the claim's objects said in the lined-up clause, or — for a clause
 * with none ("…, which the drones had carried out") — its subject. "X was carried out" and "Y
 * was never implemented" dispute nothing unless X and Y are one thing.
 */
function heldTo(side: ClaimSide, matchOf: WordMatch[], fr: Frame): number {
  if (side.heldObjects) return objectShare(side, matchOf, fr);
  if (!fr.main || !fr.src) return 0;
  const its = side.subjectItems;
  if (!its.length) return 0;
  let said = 0;
  for (const it of its) {
    const mm = matchOf[it.i];
    if (mm && mm.strength >= RELATED && (mm.at < 0 || (mm.at >= fr.src.from && mm.at < fr.src.to))) said++;
  }
  return said / its.length;
}

export function align(claim: Facts, source: Facts, ctx: AlignContext): Alignment {
  const side = claimSide(claim, ctx);
  const sourceFacts = sourceSide(source);
  const items = side.items;
  const m = matchWords(claim, source, sourceFacts.index, items, ctx);
  const fr = lineUp(side, source, m.matchOf);
  const s = readSlots(claim, source, ctx, side, sourceFacts, m, fr);
  const features = featureVector(claim, side, sourceFacts, m, fr, s);
  const { disputes, agreements } = disputesAndAgreements(s);
  return { features, words: items, strengths: items.map((it) => m.matchOf[it.i]?.strength ?? 0), pairs: m.pairs, disputes, agreements };
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
function occasionOf(side: ClaimSide, ctx: AlignContext, m: WordMatches): ReturnType<typeof sameOccasion> {
  const occasion = sameOccasion(ctx.claimEvent, ctx.sourceEvent);
  if (
    occasion === 'different' &&
    ctx.claimEvent.by === 'date' &&
    !ctx.claimEvent.id &&
    ctx.sourceEvent.id &&
    m.nonName >= DATE_OFF_ALIGNMENT &&
    ctx.claimEvent.date &&
    ctx.sourceEventDay &&
    side.meeting &&
    Math.abs(daysBetween(ctx.claimEvent.date, ctx.sourceEventDay)) <= DATE_OFF_MAX_DAYS
  )
    return 'same';
  return occasion;
}

/** An antonym pair speaks of the same thing when a word near each side's word is lined up with the other's. */
function antonymAnchored(side: ClaimSide, matchOf: WordMatch[], i: number, k: number): boolean {
  for (const it of side.items) {
    const mm = matchOf[it.i];
    if (it.i === i || !mm || mm.at < 0 || mm.at === k || mm.strength < RELATED) continue;
    if (Math.abs(it.i - i) <= ANTONYM_REACH && Math.abs(mm.at - k) <= ANTONYM_REACH) return true;
  }
  return false;
}

function readSlots(claim: Facts, source: Facts, ctx: AlignContext, side: ClaimSide, sourceFacts: SourceSide, m: WordMatches, fr: Frame): Slots {
  const occasion = occasionOf(side, ctx, m);
  const objects = objectShare(side, m.matchOf, fr);
  const actor = objects >= OBJECT_SHARE ? actors(claim, source, fr, ctx) : { subjSame: 0, subjDiff: 0, personDiff: 0, detail: '' };
  // Without a required figure in the claim the figures are not compared: the clauses need not be read.
  const figures = claim.quantities.some(requiredFigure) ? within(source, side.items, m.matchOf) : source;
  const fig = figureSlot(claim, figures, ctx.tolerance, actor.subjDiff === 1);
  const meetingDay = side.meeting && sourceFacts.meeting;
  const time = timeSlot(
    side.timed,
    sourceTimes(source, sourceFacts, fr.src),
    occasion === 'same' ? ctx.sourceEventDay : null,
    fr.cov >= TIME_ALIGNMENT || m.cov >= TIME_ALIGNMENT,
    meetingDay,
  );
  const claimPlaces = side.places;
  // A place is disputed only where the same thing happened: the claim's predicate matched.
  const place: SlotResult =
    claimPlaces.some((x) => m.matchedKeys.has(x.key)) || fr.predAt < 0
      ? { state: claimPlaces.some((x) => m.matchedKeys.has(x.key)) ? 'match' : 'none', detail: '' }
      : placeSlot(side.placesCompared, sourceFacts.places.filter(inSpan(source, fr.src)), m.matchedKeys, ctx.variants);
  const negFlip =
    (fr.main && fr.predAt >= 0 && heldTo(side, m.matchOf, fr) >= OBJECT_SHARE ? polarity(claim, source, fr) : 0) ||
    focusPolarity(claim, source, side, m.matchOf);
  const ant = antonymIn(claim, side.opposableAt, source, sourceFacts.opposableAt, (i, k) => antonymAnchored(side, m.matchOf, i, k));
  const cEval = fr.main?.evaluation ?? 0;
  const sEval = fr.src?.evaluation ?? 0;
  const evalFlip = (cEval >= EVAL_STRENGTH && sEval <= -EVAL_STRENGTH) || (cEval <= -EVAL_STRENGTH && sEval >= EVAL_STRENGTH) ? 1 : 0;
  const claimModal = side.modal;
  const sourceModal = fr.predAt >= 0 && modalAt(source.words, source.clauses, fr.predAt);
  // "May happen" against "did happen": the side without the modal must say it happened.
  const realis = claimModal ? fr.predAt >= 0 && realisAt(source.words, fr.predAt) : !!fr.main?.predicate.length && realisAt(claim.words, fr.main.predicate[0]);
  const modalDiff = fr.predAt >= 0 && claimModal !== sourceModal && realis ? 1 : 0;
  const excl = fr.main?.exclusive && !fr.src?.exclusive ? exclusiveSlot(claim, source, fr.main, ctx) : null;
  return { occasion, actor, fig, time, place, negFlip, ant, cEval, sEval, evalFlip, claimModal, modalDiff, excl };
}

/** The features the decision reads: how much of the claim the source covers, and each slot in dispute weighed by how well the rest lines up. */
function featureVector(claim: Facts, side: ClaimSide, sourceFacts: SourceSide, m: WordMatches, fr: Frame, s: Slots): FeatureVector {
  const { fig, time, place, actor, negFlip, ant, evalFlip, modalDiff, excl, occasion } = s;
  const { items, frameWords, placeKeys, subjectKeys } = side;
  const matchOf = m.matchOf;
  // How well the rest of the claim lines up, for each slot in dispute (read only for a slot in dispute).
  const all = coverageExcept(items, matchOf, NOTHING);
  // Whether it happened, and who did it, rest on the frame itself (subject, predicate, object), not
  // on the adjuncts a claim adds ("… at the second round"): the better of the two alignments.
  const framed =
    negFlip || ant || modalDiff
      ? Math.max(
          all,
          coverageExcept(items, matchOf, (it) => !frameWords.has(it.i)),
        )
      : 0;
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
    longSource: Math.min(1, sourceFacts.contentWords / LONG_SOURCE),
    figDispute: fig.state === 'conflict' ? all : 0,
    timeDispute: time.state === 'conflict' ? all : 0,
    placeDispute: place.state === 'conflict' ? coverageExcept(items, matchOf, (it) => !!it.m && placeKeys.has(it.m.key)) : 0,
    polarityDispute: negFlip || ant ? framed : 0,
    actorDispute:
      actor.subjDiff || actor.personDiff
        ? Math.max(
            coverageExcept(items, matchOf, (it) => !!it.m && subjectKeys.has(it.m.key)),
            coverageExcept(items, matchOf, (it) => !frameWords.has(it.i) || (!!it.m && subjectKeys.has(it.m.key))),
          )
        : 0,
    evalDispute: evalFlip ? coverageExcept(items, matchOf, (it) => claim.words[it.i].pos === 'ADJ') : 0,
    modalDispute: modalDiff ? framed : 0,
    exclusiveDispute: excl ? all : 0,
  };
}

/** Leaves out no word: the coverage of the whole claim. */
const NOTHING = (): boolean => false;

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
function focusPolarity(claim: Facts, source: Facts, side: ClaimSide, matchOf: WordMatch[]): number {
  const items = side.items;
  // The word a negator governs, on either side ("no need", "without agreeing", "not high"): the
  // claim's heaviest words the source says strictly (side.focus is heaviest first).
  let read = 0;
  for (const it of side.focus) {
    if (read === FOCUS_WORDS) break;
    const mm = matchOf[it.i];
    if (!mm || mm.strength < STRICT_MATCH || mm.at < 0) continue;
    read++;
    const at = mm.at;
    const c = negationHead(claim, it.i);
    const s = negationHead(source, at);
    if (c === s) continue;
    // The negated thing must be the same thing: another of the claim's words said in that clause,
    // and not a name (the sides are named in every clause of a report on them).
    const clause = source.clauses.find((x) => at >= x.from && at < x.to);
    const company = items.filter(
      (o) =>
        o !== it && o.core && !o.name && (matchOf[o.i]?.strength ?? 0) >= RELATED && clause && matchOf[o.i]!.at >= clause.from && matchOf[o.i]!.at < clause.to,
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

const claimWordIndexes = new WeakMap<Facts, KeyIndex<number>>();

/** The claim's content words indexed by their WordNet keys, once per claim. */
function claimWordIndex(claim: Facts): KeyIndex<number> {
  let ix = claimWordIndexes.get(claim);
  if (!ix) {
    const x = (ix = new KeyIndex<number>());
    claim.words.forEach((w, i) => w.content && x.add(w.lemma, i));
    claimWordIndexes.set(claim, x);
  }
  return ix;
}

/**
 * "The only thing agreed was X": a source clause with the same predicate that names something
 * else too disputes the "only". Returns what else the source names, or null.
 */
function exclusiveSlot(claim: Facts, source: Facts, main: Clause, ctx: AlignContext): string | null {
  const preds = main.predicate.map((i) => claim.words[i].lemma);
  if (!preds.length) return null;
  const claimWords = claimWordIndex(claim);
  for (const c of source.clauses) {
    const p = c.predicate[0];
    if (p === undefined) continue;
    const lemma = source.words[p].lemma;
    if (!preds.some((l) => relatedness(l, lemma) >= STRICT_MATCH)) continue;
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
