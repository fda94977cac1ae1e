/**
 * What an alignment reads from one side alone, read once instead of once per claim × sentence
 * pair: a claim's weighted words and its frame (main clause, places, times, objects, subject,
 * opposable words, modality) once per claim, a corpus sentence's places, opposable words,
 * reciprocal verbs and content-word count once per sentence.
 *
 * Memoised in WeakMaps keyed by the facts themselves, so each lives exactly as long as its facts:
 * a claim's for one analysis, a sentence's while the index keeps its facts (lib/corpus). A claim's
 * words are weighed by the corpus, so its memo also remembers whose weights it used.
 */
import type { Facts } from '../facts/read';
import type { Clause } from '../facts/clauses';
import type { Mention } from '../facts/words';
import type { AlignContext, ClaimWord } from './context';
import { mentionsMeeting } from '../facts/event';
import { modalAt } from '../facts/clauses';
import { REPORTING_VERBS } from '../lexicon/function-words';
import type { KeyIndex } from '../lexicon/wn';
import { sourceIndex } from './match';

/** Weight multiplier of a reporting verb ("said"): it frames the claim, it is not its content. */
const REPORTING_WEIGHT = 0.2;
/** Weight multiplier of the reported speaker: sources attribute the same fact to different people. */
const SPEAKER_WEIGHT = 0.4;
/** Words before a word or name searched for a negator or a place preposition: a determiner, an adjective or an adverb may stand between. */
export const MODIFIER_REACH = 3;
/** Prepositions that make the name after them the place where something happened. */
const LOCATIVE = new Set(['in', 'at', 'near', 'inside', 'outside', 'from']);
/** Characters before a time searched for a reporting verb ("said on Monday"): the verb and a word between. */
const SAID_REACH = 30;
/** Words after which a time is when something was said, not when it happened ("said on Thursday"). */
const SAID_TIME = /\b(said|says|told|announced|reported|added|stated|confirmed|wrote|posted)\s+(?:\S+\s+)?$/i;

/** A content word of the claim with its role in the claim's frame. */
export interface Item extends ClaimWord {
  pred: boolean;
  m?: Mention;
}

/** What every alignment of one claim reads from the claim alone. */
export interface ClaimSide {
  items: Item[];
  /** The claim's main clause (its first clause with a predicate). */
  main: Clause | undefined;
  /** The items inside the main clause, and their total weight. */
  inMain: Item[];
  mainWeight: number;
  /** More than one clause that is not an apposition: only the main clause's slots are compared. */
  mainOnly: boolean;
  meeting: boolean;
  /** Names used as the place of the action, all of them and those in the compared span. */
  places: Mention[];
  placesCompared: Mention[];
  placeKeys: Set<string>;
  /** The claim with only the times of the compared span. */
  timed: Facts;
  /** The words an antonym in the source may oppose (the main predicate, adjectives), by index. */
  opposableAt: number[];
  modal: boolean;
  /** The words of the frame (lib/align/index.ts coreFrame). */
  frameWords: Set<number>;
  /** Keys of the main clause's subjects. */
  subjectKeys: Set<string>;
  /** The main clause's objects after its predicate (none when it has no predicate). */
  objects: Item[];
  /** Content words that are not names, heaviest first (stable): the words a polarity is read on. */
  focus: Item[];
  /** The content words after the predicate (or from the start, without one) that a polarity is held to. */
  heldObjects: boolean;
  /** The items of the main clause's subject. */
  subjectItems: Item[];
}

const claimSides = new WeakMap<Facts, { ctx: AlignContext['weight']; side: ClaimSide }>();

/** A claim's side of every alignment, read once per claim and set of corpus weights. */
export function claimSide(claim: Facts, ctx: AlignContext): ClaimSide {
  const hit = claimSides.get(claim);
  if (hit && hit.ctx === ctx.weight) return hit.side;
  const side = readClaimSide(claim, ctx);
  claimSides.set(claim, { ctx: ctx.weight, side });
  return side;
}

function readClaimSide(claim: Facts, ctx: AlignContext): ClaimSide {
  const items = readItems(claim, ctx);
  const main = claim.clauses.find((c) => c.predicate.length && !c.apposition) ?? claim.clauses.find((c) => !c.apposition);
  const inMain = main ? items.filter((it) => it.i >= main.from && it.i < main.to) : [];
  const mainOnly = claim.clauses.filter((c) => !c.apposition).length > 1;
  const places = locations(claim);
  const held = main?.predicate[0] ?? -1;
  const subj = main ? new Set([...main.subjectNouns, ...main.subjects.flatMap((k) => claim.mentions[k].words)]) : new Set<number>();
  const p = main?.predicate[0];
  return {
    items,
    main,
    inMain,
    mainWeight: inMain.reduce((s, it) => s + it.w, 0),
    mainOnly,
    meeting: mentionsMeeting(claim),
    places,
    placesCompared: places.filter(inSpan(claim, mainOnly ? main : undefined)),
    placeKeys: new Set(places.map((x) => x.key)),
    timed: timesFor(claim, main, !mainOnly),
    opposableAt: opposable(claim, new Set(main?.predicate ?? [])),
    modal: main?.predicate.length ? modalAt(claim.words, claim.clauses, main.predicate[0]) : false,
    frameWords: coreFrame(claim, main),
    subjectKeys: new Set((main?.subjects ?? []).map((k) => claim.mentions[k].key)),
    objects: main && p !== undefined ? items.filter((it) => it.i > p && it.i < main.to && it.core && !it.pred) : [],
    focus: items.filter((it) => !it.name && it.core).sort((a, b) => b.w - a.w),
    heldObjects: items.some((it) => it.i > held && it.i < (main?.to ?? 0) && it.core && !it.pred),
    subjectItems: items.filter((it) => subj.has(it.i)),
  };
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

/** What every alignment with one corpus sentence reads from the sentence alone. */
export interface SourceSide {
  /** Its content words by WordNet key (lib/align/match.ts). */
  index: KeyIndex<number>;
  meeting: boolean;
  places: Mention[];
  /** Words an antonym in the claim may oppose (its predicates and adjectives), by index. */
  opposableAt: number[];
  /** Its content words. */
  contentWords: number;
  /** The sentence with only the times of one of its clauses (lib/align/index.ts), by clause. */
  timed: Map<Clause | undefined, Facts>;
}

const sourceSides = new WeakMap<Facts, SourceSide>();

/** A corpus sentence's side of every alignment, read once per sentence. */
export function sourceSide(source: Facts): SourceSide {
  let side = sourceSides.get(source);
  if (side) return side;
  side = {
    index: sourceIndex(source),
    meeting: mentionsMeeting(source),
    places: locations(source),
    opposableAt: opposable(source, new Set(source.clauses.flatMap((c) => c.predicate))),
    contentWords: source.words.filter((w) => w.content).length,
    timed: new Map(),
  };
  sourceSides.set(source, side);
  return side;
}

/** The sentence with only the times of clause `c` (or of the whole sentence): read once per clause. */
export function sourceTimes(source: Facts, side: SourceSide, c: Clause | undefined): Facts {
  const timed = side.timed;
  let f = timed.get(c);
  if (!f) timed.set(c, (f = timesFor(source, c, false)));
  return f;
}

/** Content words, not names, that are predicates (`preds`) or adjectives: what an antonym may oppose. */
function opposable(f: Facts, preds: Set<number>): number[] {
  const out: number[] = [];
  f.words.forEach((w, i) => {
    if (w.content && w.mention < 0 && (preds.has(i) || w.pos === 'ADJ')) out.push(i);
  });
  return out;
}

/** Character span of a clause. */
export function spanOf(f: Facts, c: Clause | undefined): [number, number] {
  if (!c) return [0, f.text.length];
  return [f.words[c.from]?.start ?? 0, f.words[c.to - 1]?.end ?? f.text.length];
}

/** Mentions inside clause `c` of `f` (the whole sentence when there is none). */
export const inSpan = (f: Facts, c: Clause | undefined) => (x: Mention) => {
  const [s, e] = spanOf(f, c);
  return x.start >= s && x.end <= e;
};

/**
 * The times each side speaks of for the compared fact: the claim's main clause, the sentence's
 * lined-up clause (when the claim has several clauses, or the sentence), never when something
 * was said.
 */
export function timesFor(f: Facts, c: Clause | undefined, whole: boolean): Facts {
  const [a, b] = whole ? [0, f.text.length] : spanOf(f, c);
  return { ...f, times: f.times.filter((t) => t.start >= a && t.end <= b + 1 && !SAID_TIME.test(f.text.slice(Math.max(0, t.start - SAID_REACH), t.start))) };
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
