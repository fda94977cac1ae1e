/**
 * The engine's two entry points, shared by the CLI, the tests, the benchmarks and the
 * extension's background: analyse a whole text (sentences → check-worthy claims → verdicts
 * with evidence), or check one claim. Pure TypeScript: the corpus documents come in as data.
 *
 * A claim passes through the stages once, in order:
 *   text (lib/text) → parts (lib/parts) → facts (lib/facts) → retrieval (lib/retrieve)
 *   → alignment (lib/align) → decision (lib/decide) → verdict (lib/verdict).
 */
import type { AnalysisResult, ClaimResult, CorpusDoc, Verdict } from './types';
import type { ModelWeights } from './decide/model';
import { splitSentences } from './text/sentences';
import { stripFormatChars } from './text/normalize';
import { detectClaims } from './claims/detect';
import { affiliationOf, buildCorpus, corpusEvents, corpusYear, hash, sentenceFacts, type CorpusIndex } from './corpus/index';
import { allFigures, readFacts, readNames, type Facts } from './facts/read';
import { eventOf, type EventRef } from './facts/event';
import type { Mention } from './facts/words';
import { splitParts } from './parts/index';
import { buildQuery, retrieve } from './retrieve/index';
import { align, type AlignContext, type Alignment } from './align/index';
import { decide, type Decision } from './decide/index';
import { requiredFigure } from './align/slots';
import { verdictOf, type PartOutcome } from './verdict/index';
import { countryOf, isCapital, properKind, wordnetSpelling } from './lexicon/wn';
import { TUNING, type Tuning } from './config';
import weights from './decide/weights.json';

/** Bump when verdict logic changes, so cached analyses are redone. */
export const ENGINE_VERSION = '0.2.0';

export interface AnalyzeOptions {
  /** ISO date of the article (resolves "on Monday" etc.), or null if unknown. */
  docDate?: string | null;
}

export interface Engine {
  /** Version of engine + tuning + model + corpus, for cache keys. */
  readonly version: string;
  readonly index: CorpusIndex;
  analyze(text: string, opts?: AnalyzeOptions): AnalysisResult;
  checkClaim(claim: string, opts?: AnalyzeOptions): ClaimResult;
  /**
   * Every comparison behind a claim's verdict: per part, per candidate sentence (retrieved, plus
   * any `sentences` asked for), the alignment features and the decision. For the explain script,
   * the evaluation's error report and training.
   */
  explain(claim: string, opts?: AnalyzeOptions & { sentences?: number[]; whole?: boolean }): Explanation;
}

export interface ExplainedPart {
  text: string;
  words: string;
  /** Share of the claim's content weight in this part. */
  weight: number;
  /** Has a figure or a day that belongs to one event. */
  eventSpecific: boolean;
  comparisons: Array<{ sentence: number; alignment: Alignment; decision: Decision; retrieved: boolean }>;
}

export interface Explanation {
  parts: ExplainedPart[];
  result: ClaimResult;
}

/**
 * The verdict an explanation gives under another model or tuning: what training and threshold
 * sweeps use, so they need not re-read the corpus.
 */
export function reverdict(
  ex: Explanation,
  tuning: Tuning,
  models: { pair?: ModelWeights; claim?: ModelWeights } = {},
  words: (i: number) => string = () => '',
): Verdict {
  const outcomes: PartOutcome[] = ex.parts.map((p) => ({
    words: p.words,
    weight: p.weight,
    decisions: p.comparisons
      .filter((c) => c.retrieved)
      .map((c) => ({
        sentence: c.sentence,
        alignment: c.alignment,
        decision: models.pair ? decide(c.alignment, words, p.eventSpecific, models.pair) : { ...c.decision },
      })),
  }));
  let k = 0;
  return verdictOf(outcomes, () => ({ source: '', quote: String(k++) }), tuning, models.claim).verdict;
}

/**
 * "He said …" right after a sentence about Medinsky is Medinsky's claim: a sentence that opens
 * with a personal pronoun and names no person is checked with the last named person in its
 * place. Only the checking uses it; the claim shown is the sentence as written.
 */
const PRONOUN_START = /^(He|She|His|Her)\b/;

export function resolvePronoun(sentence: string, person: string): string {
  return sentence.replace(/^(He|She)\b/, person).replace(/^(His|Her)\b/, `${person}'s`);
}

export function createEngine(docs: CorpusDoc[], tuning: Tuning = { ...TUNING }): Engine {
  return createEngineFromIndex(buildCorpus(docs), tuning);
}

export function createEngineFromIndex(index: CorpusIndex, tuning: Tuning = { ...TUNING }): Engine {
  const tuningHash = hash(JSON.stringify(tuning) + JSON.stringify(weights.trained));
  const checker = new Checker(index, tuning);
  return {
    // Live: enabling or adding a source changes the index version, and so this.
    get version() {
      return `${ENGINE_VERSION}+${tuningHash}+${index.version}`;
    },
    index,
    analyze(original, opts) {
      // Invisible format characters out, once: claims keep the original's text and offsets.
      const plain = stripFormatChars(original);
      const text = plain.text;
      checker.forget();
      const claims: ClaimResult[] = [];
      let lastPerson: string | null = null;
      for (const s of detectClaims(splitSentences(text))) {
        const opensWithPronoun = PRONOUN_START.test(s.text);
        if (!s.detection.isClaim && !opensWithPronoun) {
          lastPerson = lastPersonIn(readNames(s.text)) ?? lastPerson;
          continue;
        }
        const own = lastPersonIn(checker.facts(s.text, opts?.docDate ?? null).mentions);
        const checked = !own && opensWithPronoun && lastPerson ? resolvePronoun(s.text, lastPerson) : s.text;
        if (own) lastPerson = own;
        if (!s.detection.isClaim) continue;
        const r = checker.check(checked, opts?.docDate ?? null);
        const [start, end] = [plain.toOriginalStart(s.start), plain.toOriginalEnd(s.end)];
        claims.push({
          text: original.slice(start, end),
          start,
          end,
          verdict: r.verdict,
          evidence: r.evidence,
          detection: s.detection,
          ...(r.parts ? { parts: r.parts } : {}),
        });
      }
      return { claims };
    },
    checkClaim(claim, opts) {
      const text = claim.trim();
      const r = checker.check(stripFormatChars(text).text.trim(), opts?.docDate ?? null);
      return { text, start: 0, end: text.length, verdict: r.verdict, evidence: r.evidence, ...(r.parts ? { parts: r.parts } : {}) };
    },
    explain(claim, opts) {
      const text = claim.trim();
      const trace: Explanation['parts'] = [];
      const r = checker.check(stripFormatChars(text).text.trim(), opts?.docDate ?? null, { extra: opts?.sentences ?? [], trace, whole: opts?.whole ?? false });
      return { parts: trace, result: { text, start: 0, end: text.length, verdict: r.verdict, evidence: r.evidence, ...(r.parts ? { parts: r.parts } : {}) } };
    },
  };
}

/** The last person among a sentence's names. */
function lastPersonIn(mentions: Mention[]): string | null {
  const people = mentions.filter((m) => m.kind === 'per');
  return people.length ? people[people.length - 1].surface : null;
}

/** Bound on the claims' facts kept within one analysis. */
const FACTS_MEMO_MAX = 1000;

const EMPTY_SET: ReadonlySet<string> = new Set();

/** A corpus sentence's event, with the event's day and setting (what an alignment compares with). */
interface SourceEvent {
  ref: EventRef;
  day: string | null;
  setting: ReadonlySet<string>;
}

/** The parts of an alignment's context that depend on the index only, not on the sentence compared. */
type ClaimSide = Pick<AlignContext, 'weight' | 'unseen' | 'variants' | 'sideOf' | 'common'>;

/** Runs one claim through the stages against one index. */
class Checker {
  constructor(
    readonly index: CorpusIndex,
    readonly tuning: Tuning,
  ) {}

  private weightMemo = new Map<string, number>();
  private weightSize = -1;

  /** IDF of a term over the corpus's sentences; a term the corpus never uses weighs the most. */
  weight(term: string): number {
    if (this.weightSize !== this.index.sentences.length) {
      this.weightMemo.clear();
      this.weightSize = this.index.sentences.length;
    }
    let w = this.weightMemo.get(term);
    if (w !== undefined) return w;
    const n = this.index.sentences.length || 1;
    const maxIdf = Math.log(1 + (n + 0.5) / 0.5);
    const df = this.dfOf(term);
    w = df === 0 ? maxIdf * this.tuning.unknownWeight : Math.log(1 + (n - df + 0.5) / (df + 0.5));
    if (this.index.names.has(term) || countryOf(term)) w *= this.tuning.nameWeight;
    this.weightMemo.set(term, w);
    return w;
  }

  private dfOf(term: string): number {
    const own = this.index.df.get(term) ?? 0;
    if (own) return own;
    let best = 0;
    for (const v of this.index.names.variants(term)) best = Math.max(best, this.index.df.get(v) ?? 0);
    return best;
  }

  /**
   * The side a mention speaks for: a country or its demonym, a national capital or an
   * institution (its country: "Kyiv said", "the Kremlin"), a person by the corpus's descriptions
   * of them. A city or a venue ("the Istanbul talks") speaks for no side.
   */
  sideOf = (m: Mention): string | undefined => {
    if (m.kind === 'per') return affiliationOf(this.index, m.key);
    for (const v0 of [m.key, ...this.index.names.variants(m.key)]) {
      const v = wordnetSpelling(v0) ?? v0;
      const c = countryOf(v);
      if (c && ((c === countryOf(c) && (v === c || m.kind === 'country')) || isCapital(v) || properKind(v) !== 'loc')) return c;
    }
    return m.kind === 'country' ? m.country : m.kind === 'name' ? affiliationOf(this.index, m.key) : undefined;
  };

  private sourceEvents = new Map<number, SourceEvent>();
  private eventsVersion = '';

  /** The event of corpus sentence `i`, its day and its setting: read once per sentence and index version. */
  sourceEvent(i: number, f: Facts): SourceEvent {
    if (this.eventsVersion !== this.index.version) {
      this.sourceEvents.clear();
      this.eventsVersion = this.index.version;
    }
    let e = this.sourceEvents.get(i);
    if (!e) {
      const events = corpusEvents(this.index);
      const docIndex = this.index.sentences[i].docIndex;
      const docEvent = events.find((x) => x.docs.includes(docIndex))?.id ?? null;
      const ref = eventOf(f, events, { docEvent });
      e = { ref, day: events.find((x) => x.id === ref.id)?.date ?? null, setting: this.settingOf(ref.id) };
      this.sourceEvents.set(i, e);
    }
    return e;
  }

  private sides: ClaimSide | null = null;
  private sidesVersion = '';

  /**
   * The corpus's answers an alignment asks for, as one set of functions per index version: the
   * alignment memoises a claim's weighted words by them, so they must stay the same objects
   * while the index does (and change when it does).
   */
  claimSide(): ClaimSide {
    if (!this.sides || this.sidesVersion !== this.index.version) {
      const index = this.index;
      this.sidesVersion = index.version;
      this.sides = {
        weight: (t) => this.weight(t),
        unseen: (t) => this.dfOf(t) === 0,
        variants: (n) => index.names.variants(n),
        sideOf: this.sideOf,
        common: (t) => this.dfOf(t) > this.tuning.commonShare * index.sentences.length,
      };
    }
    return this.sides;
  }

  private settings = new Map<string, Set<string>>();
  private settingsVersion = '';

  /** The setting of an event (its places and meeting nouns), which its sentences imply. */
  settingOf(id: string | null): ReadonlySet<string> {
    if (!id) return EMPTY_SET;
    if (this.settingsVersion !== this.index.version) {
      this.settings.clear();
      this.settingsVersion = this.index.version;
    }
    let s = this.settings.get(id);
    if (!s) this.settings.set(id, (s = new Set(corpusEvents(this.index).find((e) => e.id === id)?.setting ?? [])));
    return s;
  }

  private factsMemo = new Map<string, Facts>();

  /** Forget the claims' facts: each analysis reads its own (and a benchmark measures real work). */
  forget(): void {
    this.factsMemo.clear();
  }

  /** A claim's facts, read once per text and document date within one analysis. */
  facts(text: string, docDate: string | null): Facts {
    // The corpus's usual year dates a claim's yearless dates: a new source may change it.
    const year = corpusYear(this.index);
    const key = `${docDate ?? ''}\u0000${year}\u0000${text}`;
    let f = this.factsMemo.get(key);
    if (f) return f;
    if (this.factsMemo.size >= FACTS_MEMO_MAX) this.factsMemo.clear();
    f = readFacts(text, { docDate, defaultYear: year });
    this.factsMemo.set(key, f);
    return f;
  }

  check(text: string, docDate: string | null, debug?: { extra: number[]; trace: Explanation['parts']; whole: boolean }) {
    const index = this.index;
    const events = corpusEvents(index);
    const claim = this.facts(text, docDate);
    const claimEvent = eventOf(claim, events, { docDate });
    const retrieved = retrieve(index, buildQuery(index, text, allFigures(claim)), this.tuning.candidates);
    const candidates = debug ? [...new Set([...retrieved, ...debug.extra.filter((i) => i >= 0 && i < index.sentences.length)])] : retrieved;
    const parts = debug?.whole ? [{ text: claim.text, start: 0, end: claim.text.length, words: claim.text }] : splitParts(claim);
    const partFacts = parts.length === 1 ? [claim] : parts.map((p) => this.facts(p.text, docDate));
    const totalWeight = partFacts.reduce((s, f) => s + this.contentWeight(f), 0) || 1;
    const fns = this.claimSide();
    const outcomes: PartOutcome[] = parts.map((p, k) => {
      const f = partFacts[k];
      const eventSpecific = f.quantities.some(requiredFigure) || f.times.some((t) => t.kind === 'weekday' || t.kind === 'date');
      // A later part names its own event, or counts back from the claim's ("whereas the previous round …").
      const partEvent = k === 0 || parts.length === 1 ? claimEvent : eventOf(f, events, { docDate, after: claimEvent.id });
      const decisions = candidates.map((i) => {
        const src = sentenceFacts(index, i);
        const se = this.sourceEvent(i, src);
        const ctx: AlignContext = {
          // Named one by one: spreading `fns` into a fresh object per comparison is a slow path.
          weight: fns.weight,
          unseen: fns.unseen,
          variants: fns.variants,
          sideOf: fns.sideOf,
          common: fns.common,
          claimEvent: partEvent,
          sourceEvent: se.ref,
          sourceEventDay: se.day,
          tolerance: this.tuning.exactTolerance,
          setting: se.setting,
        };
        const a = align(f, src, ctx);
        const decision = decide(a, (w) => f.words[w].text, eventSpecific);
        return { sentence: i, decision, alignment: a };
      });
      const weight = this.contentWeight(f) / totalWeight;
      debug?.trace.push({
        text: p.text,
        words: p.words,
        weight,
        eventSpecific,
        comparisons: decisions.map((d) => ({ ...d, retrieved: retrieved.includes(d.sentence) })),
      });
      return { words: p.words, weight, decisions: decisions.filter((d) => !debug || retrieved.includes(d.sentence)) };
    });
    const v = verdictOf(outcomes, (i) => ({ source: index.sentences[i].doc, quote: index.sentences[i].text }), this.tuning);
    return { verdict: v.verdict, evidence: v.evidence, parts: parts.length > 1 ? v.parts : undefined };
  }

  private contentWeight(f: Facts): number {
    return f.words.filter((w) => w.content).reduce((s, w) => s + this.weight(w.lemma), 0);
  }
}
