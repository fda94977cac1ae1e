/**
 * `npm run bench` — performance figures against the budget (not part of `npm test`: shared,
 * noisy machines; compare ratios within one run). Prints a table; with `--json` the last line
 * is one JSON object with every figure (milliseconds, kilobytes, megabytes).
 *
 *   --json        also print the JSON line
 *   --no-build    do not build the extension for the bundle sizes (use .output as it is)
 *   --no-browser  skip the paint timings in headless Chromium
 *   --docs N      size of the synthetic corpus (default 10000)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { createEngine, createEngineFromIndex } from '../lib/engine';
import { buildCorpus, loadCorpus, serializeCorpus } from '../lib/corpus/index';
import { extractArticle } from '../lib/extract/html';
import { loadSeedDocsFromDisk } from './seeds-node';
import { generateCorpus } from './bench-corpus';
import { loadDevClaims } from './evaluate';
import { measurePaint } from './bench-paint';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (f: string) => args.includes(f);
const docsArg = args.indexOf('--docs');
const DOCS = docsArg >= 0 ? Number(args[docsArg + 1]) : 10_000;

/** Runs per timing: enough for a stable median and a meaningful p95 on a 2-core machine. */
const RUNS = 40;
const WARMUP = 5;

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95) };
}

function time(f: () => void, runs = RUNS, warmup = WARMUP): number[] {
  for (let i = 0; i < warmup; i++) f();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    out.push(performance.now() - t);
  }
  return out;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

// 1. A 1,000-word article: the dev fixture articles' main text, repeated and trimmed.
const artDir = join(ROOT, 'tests', 'fixtures', 'dev', 'articles');
const bodies = readdirSync(artDir)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => extractArticle(parseHTML(readFileSync(join(artDir, f), 'utf8')).document as unknown as Document));
let paragraphs = bodies.flatMap((b) => b.text.split('\n\n'));
const text1k = (() => {
  const out: string[] = [];
  let words = 0;
  while (words < 1000) {
    for (const p of paragraphs) {
      const w = p.split(/\s+/);
      if (words + w.length > 1000) {
        out.push(w.slice(0, 1000 - words).join(' '));
        words = 1000;
        break;
      }
      out.push(p);
      words += w.length;
    }
  }
  return out.join('\n\n');
})();
paragraphs = [];
const docDate = bodies[0]?.date ?? null;

const seeds = loadSeedDocsFromDisk();
const engine = createEngine(seeds);
const engine1k = stats(time(() => engine.analyze(text1k, { docDate })));

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
const bare = stats(
  time(() => {
    let n = 0;
    for (const s of segmenter.segment(text1k)) if (s.isWordLike) n++;
    if (n < 0) throw new Error('unreachable');
  }),
);

// 2. A synthetic corpus of DOCS documents.
gc();
const heapBefore = process.memoryUsage().heapUsed;
const generated = generateCorpus(seeds, DOCS);
let t = performance.now();
const big = buildCorpus([...seeds, ...generated]);
const buildMs = performance.now() - t;
const json = serializeCorpus(big);
const indexKb = Buffer.byteLength(json) / 1024;
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
t = performance.now();
const reloaded = loadCorpus(json);
const reloadMs = performance.now() - t;
const bigEngine = createEngineFromIndex(reloaded);
t = performance.now();
bigEngine.analyze(text1k, { docDate });
const coldMs = performance.now() - t;
const engine1kOn10k = stats(time(() => bigEngine.analyze(text1k, { docDate }), 10, 1));
const claims = loadDevClaims().map((c) => c.claim);
let ci = 0;
const claimCheck = stats(time(() => bigEngine.checkClaim(claims[ci++ % claims.length]), claims.length, 3));

// 3. Bundle sizes of the built extension (gzipped).
function bundleSizes(): { content: number | null; background: number | null; popup: number | null } {
  const out = join(ROOT, '.output', 'chrome-mv3');
  // Built with the test signals on, for the paint timings (the signals are a few attribute writes).
  if (!flag('--no-build')) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, WXT_CROSSCHECK_SIGNALS: '1' } });
  if (!existsSync(out)) return { content: null, background: null, popup: null };
  const gz = (p: string) => (existsSync(p) ? gzipSync(readFileSync(p)).length / 1024 : 0);
  const contentDir = join(out, 'content-scripts');
  const content = existsSync(contentDir)
    ? readdirSync(contentDir)
        .filter((f) => f.endsWith('.js'))
        .reduce((s, f) => s + gz(join(contentDir, f)), 0)
    : null;
  const background = existsSync(join(out, 'background.js')) ? gz(join(out, 'background.js')) : null;
  let popup: number | null = null;
  const popupHtml = join(out, 'popup.html');
  if (existsSync(popupHtml)) {
    const html = readFileSync(popupHtml, 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => join(out, m[1].replace(/^\//, '')));
    popup = gz(popupHtml) + refs.reduce((s, p) => s + gz(p), 0);
  }
  return { content, background, popup };
}
const bundles = bundleSizes();

// 4. Paint timings in headless Chromium with the built extension.
const paint = flag('--no-browser') ? { first: null, cached: null, coldWorker: null, note: 'skipped (--no-browser)' } : await measurePaint(ROOT);

const figures = {
  engine_1k_median_ms: round(engine1k.median, 2),
  engine_1k_p95_ms: round(engine1k.p95, 2),
  bare_pass_1k_median_ms: round(bare.median, 3),
  engine_over_bare: round(engine1k.median / Math.max(bare.median, 1e-6), 1),
  corpus_docs: DOCS,
  corpus_sentences: big.sentences.length,
  corpus_10k_build_ms: round(buildMs, 0),
  corpus_10k_index_kb: round(indexKb, 0),
  corpus_10k_reload_ms: round(reloadMs, 0),
  corpus_10k_heap_mb: round(heapMb, 1),
  engine_1k_on_10k_cold_ms: round(coldMs, 1),
  engine_1k_on_10k_median_ms: round(engine1kOn10k.median, 1),
  claim_check_median_ms: round(claimCheck.median, 2),
  content_script_gz_kb: bundles.content === null ? null : round(bundles.content, 1),
  background_gz_kb: bundles.background === null ? null : round(bundles.background, 1),
  popup_gz_kb: bundles.popup === null ? null : round(bundles.popup, 1),
  paint_first_ms: paint.first === null ? null : round(paint.first, 0),
  paint_cached_ms: paint.cached === null ? null : round(paint.cached, 0),
  paint_cold_worker_ms: paint.coldWorker === null ? null : round(paint.coldWorker, 0),
};

const BUDGET: Partial<Record<keyof typeof figures, number>> = {
  engine_1k_median_ms: 25,
  engine_over_bare: 20,
  engine_1k_on_10k_median_ms: 200,
  corpus_10k_reload_ms: 1500,
  content_script_gz_kb: 60,
  paint_first_ms: 300,
  paint_cached_ms: 150,
};

console.log('figure                          value      budget   ');
for (const [k, v] of Object.entries(figures)) {
  const b = BUDGET[k as keyof typeof figures];
  const status = b === undefined || v === null ? '' : (v as number) <= b ? 'ok' : 'OVER';
  console.log(`${k.padEnd(31)} ${String(v ?? '—').padEnd(10)} ${b === undefined ? '' : `≤ ${b}`.padEnd(8)} ${status}`);
}
if (paint.note) console.log(`paint: ${paint.note}`);
if (!(globalThis as { gc?: unknown }).gc) console.log('heap figure is approximate: run with node --expose-gc (npm run bench does)');
if (flag('--json')) console.log(JSON.stringify(figures));
