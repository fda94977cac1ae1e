/**
 * Dev-set evaluation, shared by `npm run eval` (prints) and the regression test (asserts
 * floors). Verdicts are scored on tests/fixtures/dev/claims.jsonl; claim detection on the dev
 * articles' sidecar files (every body sentence is listed as a claim or a non-claim).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { createEngine, type Engine } from '../lib/engine';
import { extractArticle } from '../lib/extract/html';
import { splitSentences } from '../lib/text/sentences';
import { detectClaims } from '../lib/claims/detect';
import { foldText } from '../lib/lexicon/concepts';
import { loadSeedDocsFromDisk } from './seeds-node';
import type { Verdict } from '../lib/types';
import type { Tuning } from '../lib/config';

export const DEV_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'dev');

export interface DevClaim {
  id: string;
  claim: string;
  label: Verdict;
  also_ok?: Verdict[];
  evidence: Array<{ seed: string; quote: string; stance: string }>;
}

export interface ClassStats {
  precision: number;
  recall: number;
  f1: number;
  support: number;
  predicted: number;
}

export interface EvalReport {
  n: number;
  accuracy: number;
  macroF1: number;
  strictAccuracy: number;
  perClass: Record<Verdict, ClassStats>;
  confusion: Record<string, Record<string, number>>;
  errors: Array<{ id: string; gold: Verdict; got: Verdict; claim: string; top?: string }>;
  detection: { precision: number; recall: number; tp: number; fp: number; fn: number; perArticle: Record<string, { precision: number; recall: number }> };
  articleVerdicts: { n: number; accuracy: number };
  /** Claims written by the engineers (tests/fixtures/probe), a second, independent sample. */
  probe: { n: number; accuracy: number; contradictedPrecision: number };
}

const CLASSES: Verdict[] = ['corroborated', 'contradicted', 'not_covered', 'mixed'];
const MACRO: Verdict[] = ['corroborated', 'contradicted', 'not_covered'];

export function loadDevClaims(dir = DEV_DIR): DevClaim[] {
  return readFileSync(join(dir, 'claims.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevClaim);
}

const norm = (s: string) => foldText(s).replace(/[^a-z0-9]+/g, ' ').trim();

export function evaluate(tuning?: Tuning, engine?: Engine): EvalReport {
  const eng = engine ?? createEngine(loadSeedDocsFromDisk(), tuning);
  const claims = loadDevClaims();
  const confusion: Record<string, Record<string, number>> = {};
  const errors: EvalReport['errors'] = [];
  let correct = 0;
  let strict = 0;
  const pairs: Array<{ gold: Verdict; got: Verdict }> = [];
  for (const c of claims) {
    const r = eng.checkClaim(c.claim);
    const ok = r.verdict === c.label || (c.also_ok ?? []).includes(r.verdict);
    const gold = ok ? r.verdict : c.label;
    pairs.push({ gold, got: r.verdict });
    (confusion[c.label] ??= {})[r.verdict] = (confusion[c.label]?.[r.verdict] ?? 0) + 1;
    if (ok) {
      correct++;
      if (r.verdict === 'corroborated' || r.verdict === 'contradicted') {
        const goldSeeds = new Set(c.evidence.map((e) => e.seed));
        if (r.evidence.slice(0, 3).some((e) => goldSeeds.has(e.source.slice(0, 3)))) strict++;
      } else strict++;
    } else {
      errors.push({ id: c.id, gold: c.label, got: r.verdict, claim: c.claim, top: r.evidence[0] ? `[${r.evidence[0].stance}] ${r.evidence[0].reason} :: ${r.evidence[0].quote.slice(0, 90)}` : undefined });
    }
  }
  const perClass = {} as Record<Verdict, ClassStats>;
  for (const k of CLASSES) {
    const tp = pairs.filter((p) => p.gold === k && p.got === k).length;
    const predicted = pairs.filter((p) => p.got === k).length;
    const support = pairs.filter((p) => p.gold === k).length;
    const precision = predicted ? tp / predicted : support ? 0 : 1;
    const recall = support ? tp / support : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[k] = { precision, recall, f1, support, predicted };
  }
  const macroF1 = MACRO.reduce((s, k) => s + perClass[k].f1, 0) / MACRO.length;

  // Claim detection and article verdicts on the dev articles.
  const artDir = join(DEV_DIR, 'articles');
  let tp = 0, fp = 0, fn = 0, artN = 0, artOk = 0;
  const perArticle: EvalReport['detection']['perArticle'] = {};
  for (const f of readdirSync(artDir).filter((x) => x.endsWith('.html')).sort()) {
    const side = JSON.parse(readFileSync(join(artDir, f.replace(/\.html$/, '.json')), 'utf8')) as {
      claims: Array<{ text: string; label: Verdict }>;
      non_claims: string[];
    };
    const { document } = parseHTML(readFileSync(join(artDir, f), 'utf8'));
    const art = extractArticle(document as unknown as Document);
    const detected = detectClaims(splitSentences(art.text)).filter((s) => s.detection.isClaim).map((s) => norm(s.text));
    const goldClaims = new Set(side.claims.map((c) => norm(c.text)));
    const det = new Set(detected);
    const aTp = [...det].filter((d) => goldClaims.has(d)).length;
    const aFp = det.size - aTp;
    const aFn = [...goldClaims].filter((g) => !det.has(g)).length;
    tp += aTp; fp += aFp; fn += aFn;
    perArticle[f] = { precision: aTp / Math.max(1, aTp + aFp), recall: aTp / Math.max(1, aTp + aFn) };
    const analysis = eng.analyze(art.text, { docDate: art.date });
    const byText = new Map(analysis.claims.map((c) => [norm(c.text), c.verdict]));
    for (const c of side.claims) {
      const got = byText.get(norm(c.text)) ?? eng.checkClaim(c.text, { docDate: art.date }).verdict;
      artN++;
      if (got === c.label) artOk++;
    }
  }
  const probeFile = join(DEV_DIR, '..', 'probe', 'claims.jsonl');
  let pN = 0, pOk = 0, pContra = 0, pContraOk = 0;
  for (const line of readFileSync(probeFile, 'utf8').split('\n').filter((l) => l.trim())) {
    const c = JSON.parse(line) as { claim: string; label: Verdict };
    const got = eng.checkClaim(c.claim).verdict;
    pN++;
    if (got === c.label) pOk++;
    if (got === 'contradicted') {
      pContra++;
      if (c.label === 'contradicted') pContraOk++;
    }
  }
  return {
    probe: { n: pN, accuracy: pOk / Math.max(1, pN), contradictedPrecision: pContra ? pContraOk / pContra : 1 },
    n: claims.length,
    accuracy: correct / claims.length,
    macroF1,
    strictAccuracy: strict / claims.length,
    perClass,
    confusion,
    errors,
    detection: { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), tp, fp, fn, perArticle },
    articleVerdicts: { n: artN, accuracy: artOk / Math.max(1, artN) },
  };
}
