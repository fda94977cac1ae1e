/**
 * Checks one claim against the corpus: retrieve candidate sentences, compare each, and
 * aggregate into the four verdicts of the contract:
 *   corroborated — some source supports, none conflicts
 *   contradicted — some source conflicts, none supports
 *   mixed        — both
 *   not_covered  — neither (related sentences are still returned as context)
 * A claim may be supported by two or three sentences together (one has the venue, another
 * the figure); that union is accepted only when each part covers a fair share on its own.
 */
import { TUNING, type Tuning } from '../config';
import { sentenceRep, type CorpusIndex } from '../corpus/index';
import type { Evidence, EventId, Verdict } from '../types';
import { compareSentence, confirmsSlot, notCore, requiredFigure, type Comparison } from './compare';
import { represent, stripMediaAttribution, type Rep } from './represent';
import { makeWeights, type WeightFn } from './weights';

export interface VerifyContext {
  docDate?: string | null;
  docEvent?: EventId | null;
}

export interface Verification {
  verdict: Verdict;
  evidence: Evidence[];
}

/** Evidence items returned per claim: enough for the tooltip and the popup, not a dump. */
const MAX_EVIDENCE = 5;
/** At most this many sentences together support one claim: beyond that, it is a collage, not corroboration. */
const MAX_UNION = 3;
/** A sentence joins a union only if it adds at least this share of the claim's weight. */
const MIN_UNION_GAIN = 0.08;
/** A concept in more than this share of corpus sentences is skipped during retrieval (too common to help). */
const RETRIEVAL_MAX_DF_SHARE = 0.25;

export class Verifier {
  readonly weight: WeightFn;
  constructor(
    readonly index: CorpusIndex,
    readonly tuning: Tuning = { ...TUNING },
  ) {
    this.weight = makeWeights(index, tuning);
  }

  represent(claim: string, ctx: VerifyContext = {}): Rep {
    return represent(stripMediaAttribution(claim), ctx);
  }

  /** Score accumulator reused across retrievals (one slot per corpus sentence). */
  private acc = new Float64Array(0);
  private touched: number[] = [];

  /**
   * Sentence numbers sharing the most weighted concepts with the claim (a bag-of-concepts
   * ranking over the inverted index; concepts in too many sentences are skipped). A typed-array
   * accumulator keeps this linear in the postings read, which matters at 10,000 documents.
   */
  retrieve(rep: Rep): number[] {
    const { postings, sentences } = this.index;
    if (this.acc.length < sentences.length) this.acc = new Float64Array(Math.max(sentences.length, this.acc.length * 2));
    const acc = this.acc;
    const touched = this.touched;
    touched.length = 0;
    const maxDf = Math.max(50, sentences.length * RETRIEVAL_MAX_DF_SHARE);
    const disabled = this.index.disabled;
    for (const c of rep.words.concepts) {
      const list = postings.get(c);
      if (!list || list.length > maxDf) continue;
      const w = this.weight(c);
      for (const i of list) {
        if (acc[i] === 0) {
          if (disabled.size && disabled.has(sentences[i].docIndex)) continue;
          touched.push(i);
        }
        acc[i] += w;
      }
    }
    // Top-k by partial selection: keep the best `k` seen so far in a small sorted array.
    const k = this.tuning.candidates;
    const best: number[] = [];
    for (const i of touched) {
      const v = acc[i];
      if (best.length < k || v > acc[best[best.length - 1]]) {
        let at = best.length < k ? best.length : best.length - 1;
        if (best.length === k) best.pop();
        at = best.length;
        while (at > 0 && acc[best[at - 1]] < v) at--;
        best.splice(at, 0, i);
      }
    }
    const out = best.slice();
    for (const i of touched) acc[i] = 0;
    return out;
  }

  verify(claim: string, ctx: VerifyContext = {}): Verification {
    return this.verifyRep(this.represent(claim, ctx));
  }

  verifyRep(rep: Rep): Verification {
    const found: Array<{ i: number; cmp: Comparison }> = this.retrieve(rep).map((i) => ({
      i,
      cmp: compareSentence(rep, sentenceRep(this.index, i), this.weight, this.tuning),
    }));
    if (!found.some((f) => f.cmp.stance === 'supports')) this.unionSupport(rep, found);

    const conflicts = found.filter((f) => f.cmp.stance === 'conflicts');
    if (conflicts.length) {
      // Mixed only when a source states the disputed point the claim's way (compare.ts, confirmsSlot).
      const slots = conflicts.flatMap((f) => (f.cmp.slot ? [f.cmp.slot] : []));
      for (const f of found) {
        if (f.cmp.stance !== 'supports') continue;
        const src = sentenceRep(this.index, f.i);
        if (!slots.some((slot) => confirmsSlot(slot, rep, src, this.tuning))) {
          f.cmp = { ...f.cmp, stance: 'related', reason: `agrees on other points, silent on the disputed one; ${f.cmp.reason}` };
        }
      }
    }
    const supports = found.filter((f) => f.cmp.stance === 'supports');
    const verdict: Verdict =
      conflicts.length && supports.length ? 'mixed' : conflicts.length ? 'contradicted' : supports.length ? 'corroborated' : 'not_covered';

    const related = found.filter((f) => f.cmp.stance === 'related' && f.cmp.coverage >= this.tuning.relatedCoverage);
    const byScore = (a: { cmp: Comparison }, b: { cmp: Comparison }) => b.cmp.score - a.cmp.score;
    const ordered = [...conflicts.sort(byScore), ...supports.sort(byScore), ...related.sort(byScore)];
    if (verdict === 'corroborated' || verdict === 'mixed') {
      // Best first means the strongest support leads when the verdict is support.
      ordered.sort((a, b) => rank(a.cmp) - rank(b.cmp) || b.cmp.score - a.cmp.score);
    }
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    for (const f of ordered) {
      const s = this.index.sentences[f.i];
      if (seen.has(s.text)) continue;
      seen.add(s.text);
      evidence.push({ source: s.doc, quote: s.text, stance: f.cmp.stance, reason: f.cmp.reason, score: round(f.cmp.score) });
      if (evidence.length >= MAX_EVIDENCE) break;
    }
    return { verdict, evidence };
  }

  /**
   * Greedy union: add the eligible sentence that covers the most still-uncovered claim weight,
   * up to MAX_UNION sentences. The union supports the claim when together they cover
   * `unionCoverage` of it and `coreCoverage` of its core, every required figure of the claim
   * is matched by one of them, and each part covers `supportPartial` on its own.
   */
  private unionSupport(rep: Rep, found: Array<{ i: number; cmp: Comparison }>): void {
    const pool = found.filter((f) => f.cmp.eligible && f.cmp.stance === 'related' && f.cmp.coverage >= this.tuning.supportPartial);
    if (pool.length < 2) return;
    const claimConcepts = rep.words.concepts;
    const w = (cs: Iterable<string>, skip?: (c: string) => boolean) => {
      let t = 0;
      for (const c of cs) if (!skip?.(c)) t += this.weight(c);
      return t;
    };
    const total = w(claimConcepts);
    const coreTotal = w(claimConcepts, notCore);
    if (total <= 0) return;
    const covered = new Set<string>();
    const chosen: typeof pool = [];
    for (let k = 0; k < MAX_UNION; k++) {
      let best: (typeof pool)[number] | null = null;
      let bestGain = 0;
      for (const f of pool) {
        if (chosen.includes(f)) continue;
        const gain = w(f.cmp.shared.filter((c) => !covered.has(c)));
        if (gain > bestGain) {
          bestGain = gain;
          best = f;
        }
      }
      if (!best || bestGain / total < MIN_UNION_GAIN) break;
      chosen.push(best);
      for (const c of best.cmp.shared) covered.add(c);
    }
    if (chosen.length < 2) return;
    const unionCov = w(covered) / total;
    const unionCore = coreTotal > 0 ? w([...covered].filter((c) => !notCore(c))) / coreTotal : 1;
    const figuresNeeded = rep.quantities.flatMap((q, i) => (requiredFigure(q) ? [i] : []));
    const figuresOk = figuresNeeded.every((i) => chosen.some((f) => f.cmp.figuresMatched.includes(i)));
    const timeOk = chosen.some((f) => f.cmp.timeMatched);
    if (unionCov < this.tuning.unionCoverage || unionCore < this.tuning.coreCoverage || !figuresOk || !timeOk) return;
    for (const f of chosen) {
      f.cmp = {
        ...f.cmp,
        stance: 'supports',
        reason: `supports part of the claim (with ${chosen.length - 1} other sentence${chosen.length > 2 ? 's' : ''}): ${f.cmp.reason.replace(/; the main point is not in it|; figure not in source:[^;]*/g, '')}`,
      };
    }
  }
}

function rank(c: Comparison): number {
  return c.stance === 'supports' ? 0 : c.stance === 'conflicts' ? 1 : 2;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
