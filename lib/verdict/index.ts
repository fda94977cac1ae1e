/**
 * Verdict stage entry point: the decisions on each part of a claim, over every candidate
 * sentence, become the claim's verdict and its evidence, best first.
 *
 *   a part is supported    — some sentence supports it;
 *   a part is disputed     — some sentence conflicts with it;
 *   the claim is corroborated — no part disputed and the supported parts carrying
 *                            `partSupportShare` of the claim's weight (whichever parts they are:
 *                            the first part of "X ran an hour and produced no progress" is no
 *                            more the point than the second);
 *   contradicted           — some part disputed and no source supports that part;
 *   mixed                  — some part disputed by one source and supported by another;
 *   not covered            — otherwise (related sentences are still shown as context).
 */
import type { Evidence, Verdict } from '../types';
import type { Decision } from '../decide/index';
import type { Tuning } from '../config';
import type { ModelWeights } from '../decide/model';
import { predict } from '../decide/model';
import { blocksSupport, claimFeatures, UNION_SENTENCES, type ClaimFeatureVector, type Compared } from './features';
import { verdictInputs } from './model';
import { DISPUTE_FEATURES } from '../align/index';
import weights from '../decide/weights.json';

export interface PartOutcome {
  /** The claim's words the part concerns. */
  words: string;
  /** Share of the claim's content weight in this part. */
  weight: number;
  /** The comparisons with every candidate sentence. */
  decisions: Compared[];
}

export interface SentenceRef {
  source: string;
  quote: string;
}

/** Evidence items returned per claim: enough for the tooltip and the popup, not a dump. */
export const MAX_EVIDENCE = 5;

export interface VerdictResult {
  verdict: Verdict;
  evidence: Array<Evidence & { part?: string }>;
  parts: Array<{ words: string; status: 'supported' | 'disputed' | 'mixed' | 'not_covered' }>;
}

const CLAIM_MODEL = (weights as unknown as { claim: ModelWeights }).claim;

/** A sentence shares a part's stance when it carries at least this share of the strongest sentence's strength. */
const LEAD_SHARE = 0.5;
/** Ordering bonus of a supporting sentence that confirms the claim's figure or day. */
const CONFIRMED_BONUS = 0.2;
/** …and a supporting sentence must say at least this share of the claim's own content (not its setting). */
const LEAD_CORE = 0.25;

/** The verdict model's probabilities for one part: [not covered, corroborated, contradicted]. */
export function partProbabilities(f: ClaimFeatureVector, model: ModelWeights = CLAIM_MODEL): number[] {
  return predict(model, verdictInputs(f));
}

type Status = VerdictResult['parts'][number]['status'];

/** One part's status, and the stance of each of its sentences. */
function judgePart(p: PartOutcome, tuning: Tuning, model?: ModelWeights): Status {
  const ds = p.decisions;
  const f = claimFeatures(ds);
  const [, pCorr, pContra] = partProbabilities(f, model);
  const disputed = pContra >= tuning.conflictThreshold;
  const supported = pCorr >= tuning.supportThreshold;
  const disputeOf = (c: Compared) => (c.alignment.features.eventDiff ? 0 : strongestDispute(c));
  const maxDispute = Math.max(0, ...ds.map(disputeOf));
  // A sentence that confirms the claim's figure or day pins it: it leads among supporters.
  const leadScore = (c: Compared) => c.decision.pSupports + CONFIRMED_BONUS * (c.alignment.features.figMatch + c.alignment.features.timeMatch);
  const bySupport = [...ds].sort((a, b) => leadScore(b) - leadScore(a));
  const best = bySupport[0]?.decision.pSupports ?? 0;
  const lead = new Set(
    bySupport
      .slice(0, UNION_SENTENCES)
      .filter(
        (c) => c.decision.pSupports >= LEAD_SHARE * best && c.alignment.features.core >= LEAD_CORE && !blocksSupport(c) && !c.alignment.features.eventDiff,
      ),
  );
  for (const c of ds) {
    const d = c.decision;
    d.stance = disputed && maxDispute > 0 && disputeOf(c) >= LEAD_SHARE * maxDispute ? 'conflicts' : supported && lead.has(c) ? 'supports' : 'related';
    d.reason = d.reasons[d.stance];
  }
  const conflicts = ds.filter((c) => c.decision.stance === 'conflicts');
  if (!conflicts.length) return supported && lead.size ? 'supported' : 'not_covered';
  // Against a dispute, only a source that states the disputed slot the claim's way makes it mixed;
  // one that agrees on the rest but is silent on that point does not.
  const slots = new Set(conflicts.map((c) => c.decision.slot ?? ''));
  let mixed = false;
  for (const c of ds) {
    if (c.decision.stance !== 'supports') continue;
    if (c.decision.confirms.some((x) => slots.has(x))) mixed = true;
    else {
      c.decision.stance = 'related';
      c.decision.reason = `agrees on other points, silent on the disputed one; ${c.decision.reasons.supports}`;
    }
  }
  return mixed ? 'mixed' : 'disputed';
}

/** The strongest of a sentence's disputes (a loop over the dispute features, not a spread). */
function strongestDispute(c: Compared): number {
  let m = -Infinity;
  for (const k of DISPUTE_FEATURES) m = Math.max(m, c.alignment.features[k]);
  return m;
}

export function verdictOf(parts: PartOutcome[], sentence: (i: number) => SentenceRef, tuning: Tuning, model?: ModelWeights): VerdictResult {
  const multi = parts.length > 1;
  const statuses = parts.map((p) => judgePart(p, tuning, model));
  let verdict: Verdict;
  if (statuses.includes('mixed')) verdict = 'mixed';
  else if (statuses.includes('disputed')) verdict = 'contradicted';
  else {
    const share = parts.reduce((s, p, k) => s + (statuses[k] === 'supported' ? p.weight : 0), 0);
    verdict = (multi ? share >= tuning.partSupportShare : statuses[0] === 'supported') ? 'corroborated' : 'not_covered';
  }
  // Evidence: per sentence, its strongest stance across parts; best first for the verdict.
  const bestOf = new Map<number, { d: Decision; part: string }>();
  for (const p of parts) {
    for (const { sentence: i, decision } of p.decisions) {
      const cur = bestOf.get(i);
      if (!cur || rank(decision) > rank(cur.d)) bestOf.set(i, { d: decision, part: p.words });
    }
  }
  const lead = verdict === 'contradicted' ? 'conflicts' : 'supports';
  const ordered = [...bestOf.entries()]
    .filter(([, x]) => x.d.stance !== 'related' || relatedEnough(x.d, tuning))
    .sort((a, b) => order(b[1].d, lead) - order(a[1].d, lead));
  const evidence: VerdictResult['evidence'] = [];
  const seen = new Set<string>();
  for (const [i, x] of ordered) {
    const s = sentence(i);
    if (seen.has(s.quote)) continue;
    seen.add(s.quote);
    const item: Evidence & { part?: string } = {
      source: s.source,
      quote: s.quote,
      stance: x.d.stance,
      reason: x.d.reason,
      score: round(Math.max(x.d.pSupports, x.d.pConflicts)),
    };
    if (multi && x.d.stance !== 'related') item.part = x.part;
    evidence.push(item);
    if (evidence.length >= MAX_EVIDENCE) break;
  }
  return { verdict, evidence, parts: parts.map((p, k) => ({ words: p.words, status: statuses[k] })) };
}

function relatedEnough(d: Decision, tuning: Tuning): boolean {
  return Math.max(d.pSupports, d.pConflicts) >= tuning.relatedMin;
}

function rank(d: Decision): number {
  return d.stance === 'conflicts' ? 3 + d.pConflicts : d.stance === 'supports' ? 2 + d.pSupports : d.pSupports;
}

function order(d: Decision, lead: 'supports' | 'conflicts'): number {
  const first = d.stance === lead ? 10 : d.stance !== 'related' ? 5 : 0;
  return first + Math.max(d.pSupports, d.pConflicts);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
