/**
 * The engine's two entry points, shared by the CLI, the tests, the benchmarks and the
 * extension's background: analyse a whole text (sentences → check-worthy claims → verdicts
 * with evidence), or check one claim. Pure TypeScript: the corpus documents come in as data.
 */
import type { AnalysisResult, ClaimResult, CorpusDoc, EventId } from './types';
import { splitSentences } from './text/sentences';
import { detectClaims } from './claims/detect';
import { buildCorpus, hash, type CorpusIndex } from './corpus/index';
import { Verifier } from './verify/index';
import { TUNING, type Tuning } from './config';
import { analyseWords, isPerson } from './lexicon/concepts';

/** Bump when verdict logic changes, so cached analyses are redone. */
export const ENGINE_VERSION = '0.1.0';

export interface AnalyzeOptions {
  /** ISO date of the article (resolves "on Monday" etc.), or null if unknown. */
  docDate?: string | null;
}

export interface Engine {
  /** Version of engine + tuning + corpus, for cache keys. */
  readonly version: string;
  readonly index: CorpusIndex;
  analyze(text: string, opts?: AnalyzeOptions): AnalysisResult;
  checkClaim(claim: string, opts?: AnalyzeOptions): ClaimResult;
}

/** The meetings the bundled corpus covers, and how far from them a dated article still counts as about them. */
const MEETINGS: Array<{ id: EventId; date: string }> = [
  { id: 'round1', date: '2025-05-16' },
  { id: 'round2', date: '2025-06-02' },
];
/** Days after a meeting during which an article dated then is taken to be about it (follow-ups run a day or two). */
const EVENT_WINDOW_DAYS = 2;

export function eventForDate(date: string | null | undefined): EventId | null {
  if (!date) return null;
  const t = Date.parse(date.slice(0, 10));
  if (Number.isNaN(t)) return null;
  for (const m of MEETINGS) {
    const d = (t - Date.parse(m.date)) / 86_400_000;
    if (d >= -1 && d <= EVENT_WINDOW_DAYS) return m.id;
  }
  return null;
}

/**
 * "He said …" right after a sentence about Medinsky is Medinsky's claim: a sentence that opens
 * with a personal pronoun and names no person is checked with the last named person in its
 * place. Only the checking uses it; the claim shown is the sentence as written.
 */
const PRONOUN_START = /^(He|She|His|Her)\b/;

export function resolvePronoun(sentence: string, person: string): string {
  const name = person.charAt(0).toUpperCase() + person.slice(1);
  return sentence.replace(/^(He|She)\b/, name).replace(/^(His|Her)\b/, `${name}'s`);
}

export function createEngine(docs: CorpusDoc[], tuning: Tuning = { ...TUNING }): Engine {
  return createEngineFromIndex(buildCorpus(docs), tuning);
}

export function createEngineFromIndex(index: CorpusIndex, tuning: Tuning = { ...TUNING }): Engine {
  const verifier = new Verifier(index, tuning);
  const tuningHash = hash(JSON.stringify(tuning));
  const ctxFor = (opts?: AnalyzeOptions) => ({
    docDate: opts?.docDate ?? null,
    docEvent: eventForDate(opts?.docDate),
  });
  return {
    // Live: enabling or adding a source changes the index version, and so this.
    get version() {
      return `${ENGINE_VERSION}+${tuningHash}+${index.version}`;
    },
    index,
    analyze(text, opts) {
      const ctx = ctxFor(opts);
      const claims: ClaimResult[] = [];
      let lastPerson: string | null = null;
      for (const s of detectClaims(splitSentences(text))) {
        const opensWithPronoun = PRONOUN_START.test(s.text);
        if (!s.detection.isClaim && !opensWithPronoun) {
          // Not checked, but it may name the person a following "He said …" refers to.
          const persons = analyseWords(s.text).actors.filter(isPerson);
          if (persons.length) lastPerson = persons[persons.length - 1];
          continue;
        }
        let rep = verifier.represent(s.text, ctx);
        const persons = rep.words.actors.filter(isPerson);
        if (!persons.length && opensWithPronoun && lastPerson) rep = verifier.represent(resolvePronoun(s.text, lastPerson), ctx);
        if (persons.length) lastPerson = persons[persons.length - 1];
        if (!s.detection.isClaim) continue;
        const v = verifier.verifyRep(rep);
        claims.push({ text: s.text, start: s.start, end: s.end, verdict: v.verdict, evidence: v.evidence, detection: s.detection });
      }
      return { claims };
    },
    checkClaim(claim, opts) {
      const text = claim.trim();
      const v = verifier.verify(text, ctxFor(opts));
      return { text, start: 0, end: text.length, verdict: v.verdict, evidence: v.evidence };
    },
  };
}
