/**
 * `npm run train` — trains the engine's two small models and writes lib/decide/weights.json:
 *
 *   pair model     (lib/decide/model.ts) one claim against one sentence → related / supports /
 *                  conflicts, from the alignment features;
 *   verdict model  (lib/verdict/model.ts) one claim part against the retrieved sentences taken
 *                  together → not covered / corroborated / contradicted.
 *
 * Both are multinomial logistic regressions (class-balanced, L2, every weight kept to the sign
 * its feature's meaning allows). Training data, never the blind side:
 *   - the dev claims and the TUNE side of the validation sets. Pairs: each gold evidence quote
 *     with its stance, and the other retrieved sentences as "related" (weighted down when the
 *     claim has evidence: the annotators did not list every source). Verdicts: the claims' labels.
 *   - the PASCAL RTE-3 development pairs (../shared/external/rte3-dev/pairs.jsonl, read in place,
 *     never copied), for the pair model: entailment → supports, contradiction → conflicts,
 *     unknown → related, for the text sentence the hypothesis aligns with best (RTE_WEIGHT).
 *
 * It prints 5-fold cross-validated figures (folds by claim; each claim's verdict comes from
 * models that never saw it) and the support / conflict thresholds with the best macro-F1 under
 * contradiction precision first; `--write-config` puts those into lib/config.ts.
 *
 *   npm run train [-- --write-config] [-- --no-rte] [-- --table]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, reverdict, type Engine, type Explanation } from '../lib/engine';
import { CLASSES, INPUTS, inputVector, signOf, type ModelWeights } from '../lib/decide/model';
import { decide } from '../lib/decide/index';
import { claimFeatures } from '../lib/verdict/features';
import { VERDICT_CLASSES, VERDICT_INPUTS, verdictInputs, verdictSign } from '../lib/verdict/model';
import { TUNING, type Tuning } from '../lib/config';
import { normalizeForMatch } from '../lib/text/normalize';
import type { Verdict } from '../lib/types';
import { istanbulClaims, loadDevClaims, otherEventClaims, otherEventEngine, seedEngine, type GoldClaim } from './evaluate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RTE = resolve(ROOT, '..', 'shared', 'external', 'rte3-dev', 'pairs.jsonl');
const OUT = join(ROOT, 'lib', 'decide', 'weights.json');

/** Weight of an RTE pair against one of our own (another domain, other sentence lengths). */
const RTE_WEIGHT = 0.5;
/** Weight of an unlisted retrieved sentence of a claim the annotators found evidence for. */
const UNLISTED_WEIGHT = 0.3;
/** L2 penalty on the weights. */
const L2 = 1e-3;
const ITERATIONS = 600;
const LEARNING_RATE = 0.05;
const FOLDS = 5;
/** How much macro-F1 one point of contradiction precision below the target costs, when choosing thresholds. */
const CONTRA_PENALTY = 3;
/** Contradiction precision the thresholds aim at. */
const CONTRA_TARGET = 0.9;

interface Example {
  x: number[];
  y: number;
  w: number;
  /** Claim id (for folds), or '' for RTE pairs. */
  claim: string;
}

interface ClaimCase {
  id: string;
  label: Verdict;
  alsoOk: Verdict[];
  /** Whole claim, with the gold sentences added (for pair examples and the verdict model). */
  whole: Explanation;
  /** As the engine checks it: in parts (for the verdicts). */
  full: Explanation;
  gold: Map<number, string>;
}

const norm = (s: string) =>
  normalizeForMatch(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Sentence numbers of a claim's gold quotes, with their stances. */
function goldSentences(engine: Engine, c: GoldClaim): Map<number, string> {
  const out = new Map<number, string>();
  for (const e of c.evidence ?? []) {
    const q = norm(e.quote);
    const fromDoc = (doc: string) => (/^\d{3}$/.test(e.seed) ? doc.slice(0, 3) === e.seed : doc === e.seed);
    engine.index.sentences.forEach((s, i) => {
      if (!fromDoc(s.doc)) return;
      const t = norm(s.text);
      if (t === q || (q.length > 30 && t.includes(q)) || (t.length > 30 && q.includes(t))) out.set(i, e.stance);
    });
  }
  return out;
}

function readCases(engine: Engine, claims: GoldClaim[], tag: string): ClaimCase[] {
  return claims.map((c) => {
    const gold = goldSentences(engine, c);
    return {
      id: `${tag}:${c.id}`,
      label: c.label,
      alsoOk: c.also_ok ?? [],
      whole: engine.explain(c.claim, { docDate: c.date ?? null, sentences: [...gold.keys()], whole: true }),
      full: engine.explain(c.claim, { docDate: c.date ?? null }),
      gold,
    };
  });
}

function pairExamples(cases: ClaimCase[]): Example[] {
  const out: Example[] = [];
  for (const c of cases) {
    for (const cmp of c.whole.parts[0].comparisons) {
      const stance = c.gold.get(cmp.sentence);
      if (stance === undefined && !cmp.retrieved) continue;
      const y = stance === 'supports' ? 1 : stance === 'conflicts' ? 2 : 0;
      const w = stance !== undefined || c.label === 'not_covered' ? 1 : UNLISTED_WEIGHT;
      out.push({ x: inputVector(cmp.alignment.features), y, w, claim: c.id });
    }
  }
  return out;
}

/** Verdict examples: the whole claim's retrieved sentences re-decided under a pair model. */
function verdictExamples(cases: ClaimCase[], pair: ModelWeights): Example[] {
  const out: Example[] = [];
  for (const c of cases) {
    const p = c.whole.parts[0];
    const cs = p.comparisons
      .filter((x) => x.retrieved)
      .map((x) => ({ sentence: x.sentence, alignment: x.alignment, decision: decide(x.alignment, () => '', p.eventSpecific, pair) }));
    const x = verdictInputs(claimFeatures(cs));
    const accepted = [c.label, ...c.alsoOk].map((v) => (v === 'mixed' ? ['corroborated', 'contradicted'] : [v])).flat();
    const ys = [...new Set(accepted.map((v) => VERDICT_CLASSES.indexOf(v as (typeof VERDICT_CLASSES)[number])).filter((k) => k >= 0))];
    for (const y of ys) out.push({ x, y, w: 1 / ys.length, claim: c.id });
  }
  return out;
}

interface RtePair {
  id: string;
  text: string;
  hypothesis: string;
  label3: 'entailment' | 'contradiction' | 'unknown';
}

function rteExamples(): { examples: Example[]; ids: string[] } {
  if (!existsSync(RTE)) {
    console.warn(`train: ${RTE} not found; training without RTE-3`);
    return { examples: [], ids: [] };
  }
  const pairs = readFileSync(RTE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RtePair);
  const engine = createEngine(pairs.map((p) => ({ id: p.id, title: p.id, outlet: null, date: null, event: null, text: p.text })));
  const byDoc = new Map<string, number[]>();
  engine.index.sentences.forEach((s, i) => {
    if (!byDoc.has(s.doc)) byDoc.set(s.doc, []);
    byDoc.get(s.doc)!.push(i);
  });
  const examples: Example[] = [];
  const ids: string[] = [];
  for (const p of pairs) {
    const own = byDoc.get(p.id) ?? [];
    if (!own.length) continue;
    const mine = engine.explain(p.hypothesis, { sentences: own, whole: true }).parts[0].comparisons.filter((c) => own.includes(c.sentence));
    if (!mine.length) continue;
    const best = mine.reduce((a, b) => (b.alignment.features.cov > a.alignment.features.cov ? b : a));
    examples.push({
      x: inputVector(best.alignment.features),
      y: p.label3 === 'entailment' ? 1 : p.label3 === 'contradiction' ? 2 : 0,
      w: RTE_WEIGHT,
      claim: `rte:${p.id}`,
    });
    ids.push(`rte:${p.id}`);
  }
  return { examples, ids };
}

/**
 * Multinomial logistic regression with class 0 as the reference (its row is zero), class-balanced,
 * L2, full-batch Adam, every weight projected onto the sign `sign(input, class)` allows.
 * Deterministic (zero start).
 */
export function fit(examples: Example[], inputs: string[], classes: readonly string[], sign: (input: string, cls: number) => -1 | 0 | 1 | 2): ModelWeights {
  const K = classes.length;
  const n = inputs.length;
  const D = n + 1;
  const total = examples.reduce((s, e) => s + e.w, 0) || 1;
  const classW = classes.map((_, k) => {
    const mine = examples.filter((e) => e.y === k).reduce((s, e) => s + e.w, 0);
    return mine ? total / (K * mine) : 0;
  });
  const sw = examples.map((e) => e.w * classW[e.y]);
  const norm = sw.reduce((a, b) => a + b, 0) || 1;
  const W = new Float64Array(K * D);
  const m1 = new Float64Array(K * D);
  const m2 = new Float64Array(K * D);
  const g = new Float64Array(K * D);
  const signs = new Int8Array(K * D);
  for (let k = 1; k < K; k++) for (let i = 0; i < n; i++) signs[k * D + i] = sign(inputs[i], k);
  const z = new Float64Array(K);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= ITERATIONS; t++) {
    g.fill(0);
    examples.forEach((e, r) => {
      let m = 0;
      z[0] = 0;
      for (let k = 1; k < K; k++) {
        let s = W[k * D + n];
        for (let i = 0; i < n; i++) s += W[k * D + i] * e.x[i];
        z[k] = s;
        if (s > m) m = s;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += z[k] = Math.exp(z[k] - m);
      for (let k = 1; k < K; k++) {
        const d = ((z[k] / sum - (k === e.y ? 1 : 0)) * sw[r]) / norm;
        for (let i = 0; i < n; i++) g[k * D + i] += d * e.x[i];
        g[k * D + n] += d;
      }
    });
    for (let j = D; j < K * D; j++) {
      const gj = g[j] + (j % D === n ? 0 : L2 * W[j]);
      m1[j] = b1 * m1[j] + (1 - b1) * gj;
      m2[j] = b2 * m2[j] + (1 - b2) * gj * gj;
      W[j] -= (LEARNING_RATE * (m1[j] / (1 - b1 ** t))) / (Math.sqrt(m2[j] / (1 - b2 ** t)) + eps);
      if ((signs[j] === 1 && W[j] < 0) || (signs[j] < 0 && W[j] > 0) || signs[j] === 2) W[j] = 0;
    }
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    inputs,
    classes: [...classes],
    W: Array.from({ length: K }, (_, k) => Array.from({ length: n }, (_, i) => round(W[k * D + i]))),
    b: Array.from({ length: K }, (_, k) => round(W[k * D + n])),
    trained: {},
  };
}

const fitPair = (ex: Example[]) => fit(ex, INPUTS, CLASSES, (i, k) => signOf(i, CLASSES[k]));
const fitVerdict = (ex: Example[]) => fit(ex, VERDICT_INPUTS, VERDICT_CLASSES, (i, k) => verdictSign(i, VERDICT_CLASSES[k]));

interface Scores {
  accuracy: number;
  macroF1: number;
  contradictedP: number;
  contradictedR: number;
  falseContradictions: number;
}

function score(cases: ClaimCase[], got: Verdict[]): Scores {
  const gold = cases.map((c, i) => (c.label === got[i] || c.alsoOk.includes(got[i]) ? got[i] : c.label));
  const f1 = (k: Verdict) => {
    const tp = gold.filter((g, i) => g === k && got[i] === k).length;
    const p = got.filter((x) => x === k).length;
    const s = gold.filter((x) => x === k).length;
    const P = p ? tp / p : s ? 0 : 1;
    const R = s ? tp / s : 1;
    return { f: P + R ? (2 * P * R) / (P + R) : 0, P, R };
  };
  const c = f1('contradicted');
  return {
    accuracy: gold.filter((g, i) => g === got[i]).length / Math.max(1, cases.length),
    macroF1: (f1('corroborated').f + c.f + f1('not_covered').f) / 3,
    contradictedP: c.P,
    contradictedR: c.R,
    falseContradictions: cases.filter(
      (k, i) => got[i] === 'contradicted' && (k.label === 'corroborated' || k.label === 'not_covered') && !k.alsoOk.includes('contradicted'),
    ).length,
  };
}

/** Deterministic folds by a hash of the id: a claim is always in the same fold. */
function foldOf(id: string): number {
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % FOLDS;
}

function objective(s: Scores): number {
  return s.macroF1 - CONTRA_PENALTY * Math.max(0, CONTRA_TARGET - s.contradictedP);
}

type Models = { pair: ModelWeights; claim: ModelWeights };

function verdicts(cases: ClaimCase[], models: Map<string, Models>, tuning: Tuning): Verdict[] {
  return cases.map((c) => reverdict(c.full, tuning, models.get(c.id)!));
}

function chooseThresholds(cases: ClaimCase[], models: Map<string, Models>): { tuning: Tuning; s: Scores } {
  let best: { tuning: Tuning; s: Scores } | null = null;
  for (const st of [0.3, 0.4, 0.5, 0.6, 0.7]) {
    for (const ct of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
      const tuning: Tuning = { ...TUNING, supportThreshold: st, conflictThreshold: ct };
      const s = score(cases, verdicts(cases, models, tuning));
      if (!best || objective(s) > objective(best.s)) best = { tuning, s };
    }
  }
  return best!;
}

function train(cases: ClaimCase[], rte: Example[]): Models {
  const pair = fitPair([...pairExamples(cases), ...rte]);
  return { pair, claim: fitVerdict(verdictExamples(cases, pair)) };
}

function main() {
  const args = process.argv.slice(2);
  const t0 = Date.now();
  const seeds = seedEngine();
  const other = otherEventEngine();
  const cases = [
    ...readCases(seeds, loadDevClaims(), 'dev'),
    ...readCases(seeds, istanbulClaims('tune'), 'tune'),
    ...readCases(other, otherEventClaims('tune'), 'other'),
  ];
  const rte = args.includes('--no-rte') ? { examples: [], ids: [] } : rteExamples();
  console.log(
    `claims: ${cases.length} (dev ${cases.filter((c) => c.id.startsWith('dev:')).length}, tune ${cases.filter((c) => c.id.startsWith('tune:')).length}, other-event tune ${cases.filter((c) => c.id.startsWith('other:')).length}); RTE-3 pairs ${rte.examples.length}; read in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );

  const cv = new Map<string, Models>();
  let rteRight = 0;
  for (let k = 0; k < FOLDS; k++) {
    const m = train(
      cases.filter((c) => foldOf(c.id) !== k),
      rte.examples.filter((e) => foldOf(e.claim) !== k),
    );
    for (const c of cases) if (foldOf(c.id) === k) cv.set(c.id, m);
    for (const e of rte.examples) {
      if (foldOf(e.claim) !== k) continue;
      const z = m.pair.W.map((row, j) => row.reduce((s, wi, i) => s + wi * e.x[i], m.pair.b[j]));
      if ((z[1] > z[0] && z[1] > z[2]) === (e.y === 1)) rteRight++;
    }
  }
  const chosen = chooseThresholds(cases, cv);
  const fmt = (s: Scores) =>
    `acc ${s.accuracy.toFixed(3)}  macro-F1 ${s.macroF1.toFixed(3)}  contradicted P ${s.contradictedP.toFixed(3)} R ${s.contradictedR.toFixed(3)}  false contradictions ${s.falseContradictions}`;
  console.log(`\n${FOLDS}-fold cross-validation (thresholds support ${chosen.tuning.supportThreshold}, conflict ${chosen.tuning.conflictThreshold}):`);
  console.log(`  all      ${fmt(chosen.s)}`);
  for (const tag of ['dev', 'tune', 'other']) {
    const cs = cases.filter((c) => c.id.startsWith(`${tag}:`));
    console.log(`  ${tag.padEnd(8)} ${fmt(score(cs, verdicts(cs, cv, chosen.tuning)))}`);
  }
  if (args.includes('--table')) {
    for (const ct of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
      const s = score(cases, verdicts(cases, cv, { ...chosen.tuning, conflictThreshold: ct }));
      console.log(`  conflict ${ct}: ${fmt(s)}`);
    }
    const conf = new Map<string, number>();
    const got = verdicts(cases, cv, chosen.tuning);
    cases.forEach((c, i) => {
      const key = `${c.label} -> ${c.label === got[i] || c.alsoOk.includes(got[i]) ? c.label : got[i]}`;
      conf.set(key, (conf.get(key) ?? 0) + 1);
    });
    console.log(
      `  confusion: ${[...conf]
        .sort()
        .map(([k, n]) => `${k}: ${n}`)
        .join('; ')}`,
    );
  }
  if (rte.examples.length)
    console.log(`  RTE-3 dev, two-way (entailment or not), held out: ${(rteRight / rte.examples.length).toFixed(3)} on ${rte.examples.length} pairs`);

  const final = train(cases, rte.examples);
  const out = {
    pair: final.pair,
    claim: final.claim,
    trained: {
      by: 'scripts/train-decision.ts',
      claims: {
        dev: cases.filter((c) => c.id.startsWith('dev:')).length,
        tune: cases.filter((c) => c.id.startsWith('tune:')).length,
        otherEventTune: cases.filter((c) => c.id.startsWith('other:')).length,
      },
      rte3Pairs: rte.examples.length,
      rteWeight: RTE_WEIGHT,
      l2: L2,
      crossValidation: { folds: FOLDS, ...chosen.s, rte3TwoWay: rte.examples.length ? rteRight / rte.examples.length : null },
      thresholds: { supportThreshold: chosen.tuning.supportThreshold, conflictThreshold: chosen.tuning.conflictThreshold },
    },
  };
  writeFileSync(OUT, JSON.stringify(out, null, 1) + '\n');
  console.log(`\nwrote ${OUT}`);
  const cfgPath = join(ROOT, 'lib', 'config.ts');
  if (args.includes('--write-config')) {
    const cfg = readFileSync(cfgPath, 'utf8')
      .replace(/supportThreshold: [\d.]+,/, `supportThreshold: ${chosen.tuning.supportThreshold},`)
      .replace(/conflictThreshold: [\d.]+,/, `conflictThreshold: ${chosen.tuning.conflictThreshold},`);
    writeFileSync(cfgPath, cfg);
    console.log(`wrote the thresholds into ${cfgPath}`);
  } else {
    console.log(
      `thresholds (lib/config.ts): supportThreshold ${chosen.tuning.supportThreshold}, conflictThreshold ${chosen.tuning.conflictThreshold} (--write-config writes them)`,
    );
  }
}

main();
