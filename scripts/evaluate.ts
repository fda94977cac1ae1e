/**
 * Evaluation, shared by `npm run eval` (prints), the training script and the regression test
 * (asserts floors). Sets, each scored the same way:
 *
 *   dev          tests/fixtures/dev/claims.jsonl — the first hand-labelled claims (seeds)
 *   probe        tests/fixtures/probe/claims.jsonl — claims the engineers wrote (seeds)
 *   istanbul     tests/fixtures/validation/istanbul/claims-*.jsonl — real coverage of the two
 *                Istanbul meetings rewritten and labelled against the seeds, split tune / blind
 *   otherEvent   tests/fixtures/validation/other-event — a second corpus about another event
 *                (no seeds: `--no-seeds` with `--sources`), split tune / blind
 *   pages        tests/fixtures/validation/pages (+ the dev articles) — claim detection and
 *                verdicts of detected claims, split tune / blind by page
 *
 * The split is tests/fixtures/validation/split.json (scripts/draw-split.ts): drawn once, append-only.
 * Nothing is tuned on a blind side; the CLI's --errors and --sweep never show it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { createEngine, type Engine } from '../lib/engine';
import { extractArticle } from '../lib/extract/html';
import { splitSentences } from '../lib/text/sentences';
import { detectClaims } from '../lib/claims/detect';
import { normalizeForMatch } from '../lib/text/normalize';
import { parseSource } from '../lib/sources/parse';
import { loadSeedDocsFromDisk } from './seeds-node';
import type { CorpusDoc, Verdict } from '../lib/types';
import type { Tuning } from '../lib/config';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEV_DIR = join(ROOT, 'tests', 'fixtures', 'dev');
export const VALIDATION_DIR = join(ROOT, 'tests', 'fixtures', 'validation');

export interface GoldClaim {
  id: string;
  claim: string;
  label: Verdict;
  also_ok?: Verdict[];
  evidence: Array<{ seed: string; quote: string; stance: string }>;
  date?: string;
  kind?: string;
}

export interface ClassStats {
  precision: number;
  recall: number;
  f1: number;
  support: number;
  predicted: number;
}

export interface ClaimSetReport {
  n: number;
  accuracy: number;
  macroF1: number;
  strictAccuracy: number;
  perClass: Record<Verdict, ClassStats>;
  /** Claims called contradicted whose gold label is corroborated or not_covered. */
  falseContradictions: number;
  errors: Array<{ id: string; gold: Verdict; got: Verdict; claim: string; top?: string }>;
}

export interface PageSetReport {
  pages: number;
  detection: { precision: number; recall: number; tp: number; fp: number; fn: number };
  verdicts: { n: number; accuracy: number; falseContradictions: number };
  errors: string[];
}

export interface EvalReport {
  dev: ClaimSetReport;
  probe: ClaimSetReport;
  istanbulTune: ClaimSetReport | null;
  istanbulBlind: ClaimSetReport | null;
  otherTune: ClaimSetReport | null;
  otherBlind: ClaimSetReport | null;
  devPages: PageSetReport;
  pagesTune: PageSetReport | null;
  pagesBlind: PageSetReport | null;
}

export const CLASSES: Verdict[] = ['corroborated', 'contradicted', 'not_covered', 'mixed'];
const MACRO: Verdict[] = ['corroborated', 'contradicted', 'not_covered'];

export function loadJsonl(file: string): GoldClaim[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldClaim);
}

export function loadDevClaims(dir = DEV_DIR): GoldClaim[] {
  return loadJsonl(join(dir, 'claims.jsonl'));
}

interface SplitFile {
  sets: Record<string, { tune: string[]; blind: string[] }>;
}

export function loadSplit(): SplitFile | null {
  const f = join(VALIDATION_DIR, 'split.json');
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as SplitFile) : null;
}

/** Istanbul validation claims of one side of the split. */
export function istanbulClaims(side: 'tune' | 'blind'): GoldClaim[] {
  const dir = join(VALIDATION_DIR, 'istanbul');
  const split = loadSplit()?.sets.istanbul;
  if (!split || !existsSync(dir)) return [];
  const ids = new Set(split[side]);
  return readdirSync(dir)
    .filter((f) => /^claims-.*\.jsonl$/.test(f))
    .sort()
    .flatMap((f) => loadJsonl(join(dir, f)))
    .filter((c) => ids.has(c.id));
}

/** Other-event claims of one side of the split. */
export function otherEventClaims(side: 'tune' | 'blind'): GoldClaim[] {
  const f = join(VALIDATION_DIR, 'other-event', 'claims.jsonl');
  const split = loadSplit()?.sets.otherEvent;
  if (!split || !existsSync(f)) return [];
  const ids = new Set(split[side]);
  return loadJsonl(f).filter((c) => ids.has(c.id));
}

/** The other event's corpus: its source files, ids = file names without extension (as `seed` in its claims). */
export function otherEventDocs(): CorpusDoc[] {
  const dir = join(VALIDATION_DIR, 'other-event', 'sources');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(md|txt|html)$/.test(f))
    .sort()
    .map((f) => {
      const p = parseSource(
        { name: f, content: new Uint8Array(readFileSync(join(dir, f))) },
        { parseHtml: (h) => parseHTML(h).document as unknown as Document },
      );
      return { id: f.replace(/\.(md|txt|html)$/, ''), title: p.title, outlet: p.outlet, date: p.date, event: p.event, text: p.text };
    });
}

export function seedEngine(tuning?: Tuning): Engine {
  return createEngine(loadSeedDocsFromDisk(), tuning);
}

export function otherEventEngine(tuning?: Tuning): Engine {
  return createEngine(otherEventDocs(), tuning);
}

/** The id a gold evidence item names, as the engine's `source` would (seed prefixes are 3 digits). */
function goldSourceMatches(goldSeed: string, source: string): boolean {
  return /^\d{3}$/.test(goldSeed) ? source.slice(0, 3) === goldSeed : source === goldSeed;
}

export function scoreClaims(engine: Engine, claims: GoldClaim[]): ClaimSetReport {
  const errors: ClaimSetReport['errors'] = [];
  const pairs: Array<{ gold: Verdict; got: Verdict }> = [];
  let correct = 0;
  let strict = 0;
  let falseContradictions = 0;
  for (const c of claims) {
    const r = engine.checkClaim(c.claim, { docDate: c.date ?? null });
    const ok = r.verdict === c.label || (c.also_ok ?? []).includes(r.verdict);
    pairs.push({ gold: ok ? r.verdict : c.label, got: r.verdict });
    if (r.verdict === 'contradicted' && !ok && (c.label === 'corroborated' || c.label === 'not_covered')) falseContradictions++;
    if (ok) {
      correct++;
      if (r.verdict === 'corroborated' || r.verdict === 'contradicted') {
        if (r.evidence.slice(0, 3).some((e) => (c.evidence ?? []).some((g) => goldSourceMatches(g.seed, e.source)))) strict++;
      } else strict++;
    } else {
      const e = r.evidence[0];
      errors.push({ id: c.id, gold: c.label, got: r.verdict, claim: c.claim, top: e ? `[${e.stance}] ${e.reason} :: ${e.quote.slice(0, 100)}` : undefined });
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
  const n = claims.length || 1;
  return {
    n: claims.length,
    accuracy: correct / n,
    macroF1: MACRO.reduce((s, k) => s + perClass[k].f1, 0) / MACRO.length,
    strictAccuracy: strict / n,
    perClass,
    falseContradictions,
    errors,
  };
}

const norm = (s: string) =>
  normalizeForMatch(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

interface Sidecar {
  claims: Array<{ text: string; label: Verdict; also_ok?: Verdict[] }>;
  non_claims: string[];
}

/** Claim detection and the verdicts of detected claims on article pages with sidecars. */
export function scorePages(engine: Engine, dir: string, only?: Set<string>): PageSetReport {
  let tp = 0,
    fp = 0,
    fn = 0,
    n = 0,
    ok = 0,
    falseC = 0,
    pages = 0;
  const errors: string[] = [];
  if (!existsSync(dir))
    return { pages: 0, detection: { precision: 1, recall: 1, tp, fp, fn }, verdicts: { n: 0, accuracy: 1, falseContradictions: 0 }, errors };
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.html'))
    .sort()) {
    const name = f.replace(/\.html$/, '');
    if (only && !only.has(name)) continue;
    const sidePath = join(dir, `${name}.json`);
    if (!existsSync(sidePath)) continue;
    pages++;
    const side = JSON.parse(readFileSync(sidePath, 'utf8')) as Sidecar;
    const { document } = parseHTML(readFileSync(join(dir, f), 'utf8'));
    const art = extractArticle(document as unknown as Document);
    const detected = new Set(
      detectClaims(splitSentences(art.text))
        .filter((s) => s.detection.isClaim)
        .map((s) => norm(s.text)),
    );
    const gold = new Set(side.claims.map((c) => norm(c.text)));
    for (const d of detected) {
      if (gold.has(d)) tp++;
      else {
        fp++;
        errors.push(`${name}: detected a non-claim: ${d.slice(0, 100)}`);
      }
    }
    for (const g of gold) {
      if (!detected.has(g)) {
        fn++;
        errors.push(`${name}: missed a claim: ${g.slice(0, 100)}`);
      }
    }
    const analysis = engine.analyze(art.text, { docDate: art.date });
    const byText = new Map(analysis.claims.map((c) => [norm(c.text), c.verdict]));
    for (const c of side.claims) {
      const got = byText.get(norm(c.text)) ?? engine.checkClaim(c.text, { docDate: art.date }).verdict;
      n++;
      const good = got === c.label || (c.also_ok ?? []).includes(got);
      if (good) ok++;
      else errors.push(`${name}: gold ${c.label} got ${got}: ${c.text.slice(0, 100)}`);
      if (!good && got === 'contradicted' && c.label !== 'mixed') falseC++;
    }
  }
  return {
    pages,
    detection: { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), tp, fp, fn },
    verdicts: { n, accuracy: ok / Math.max(1, n), falseContradictions: falseC },
    errors,
  };
}

export interface EvalOptions {
  tuning?: Tuning;
  /** Leave the blind sides out (sweeps, training). */
  noBlind?: boolean;
}

export function evaluate(opts: EvalOptions = {}): EvalReport {
  const seeds = seedEngine(opts.tuning);
  const other = otherEventDocs().length ? otherEventEngine(opts.tuning) : null;
  const split = loadSplit();
  const pagesDir = join(VALIDATION_DIR, 'pages');
  const iT = istanbulClaims('tune');
  const iB = opts.noBlind ? [] : istanbulClaims('blind');
  const oT = otherEventClaims('tune');
  const oB = opts.noBlind ? [] : otherEventClaims('blind');
  return {
    dev: scoreClaims(seeds, loadDevClaims()),
    probe: scoreClaims(seeds, loadJsonl(join(DEV_DIR, '..', 'probe', 'claims.jsonl'))),
    istanbulTune: iT.length ? scoreClaims(seeds, iT) : null,
    istanbulBlind: iB.length ? scoreClaims(seeds, iB) : null,
    otherTune: other && oT.length ? scoreClaims(other, oT) : null,
    otherBlind: other && oB.length ? scoreClaims(other, oB) : null,
    devPages: scorePages(seeds, join(DEV_DIR, 'articles')),
    pagesTune: split?.sets.pages ? scorePages(seeds, pagesDir, new Set(split.sets.pages.tune)) : null,
    pagesBlind: split?.sets.pages && !opts.noBlind ? scorePages(seeds, pagesDir, new Set(split.sets.pages.blind)) : null,
  };
}
