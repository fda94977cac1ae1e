/**
 * `npm run bench:sources` — the bench's synthetic corpus (scripts/bench-corpus.ts) loaded as the
 * reader's OWN sources, through the extension's path: the sources database (Dexie on
 * fake-indexeddb here) and the incremental index (lib/sources/manager.ts), one source per add
 * as the sources page's file import sends them (or in batches with --batch N). Then the cached
 * index row is written, a "restarted background" loads it, and the engine is timed on it.
 * Prints figures; nothing is asserted (timings on shared machines are noisy).
 *
 *   --docs N      number of generated documents (default 10000)
 *   --batch N     sources per add call (default 1: one file per message, as the sources page does)
 *   --json        also print one JSON line with every figure
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { parseHTML } from 'linkedom';
import { createCorpusManager } from '../lib/sources/manager';
import { openSourcesDb } from '../lib/sources/db';
import { openDb, SEED_INDEX_KEY } from '../lib/store/db';
import { extractArticle } from '../lib/extract/html';
import { loadSeedDocsFromDisk } from './seeds-node';
import { generateCorpus } from './bench-corpus';
import { loadDevClaims } from './evaluate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const num = (f: string, d: number) => (args.includes(f) ? Number(args[args.indexOf(f) + 1]) : d);
const DOCS = num('--docs', 10_000);
const BATCH = Math.max(1, num('--batch', 1));

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const seeds = loadSeedDocsFromDisk();
const generated = generateCorpus(seeds, DOCS);
const factory = new IDBFactory();
const impl = { indexedDB: factory, IDBKeyRange };
let clock = Date.UTC(2025, 6, 1);
const deps = () => ({ loadSeeds: () => seeds, now: () => (clock += 1), saveDelayMs: 60_000 });

// 1. Add every generated document as a source of the reader's.
const sdb = openSourcesDb(impl);
const cdb = openDb(impl);
const manager = createCorpusManager({ ...deps(), sourcesDb: sdb, cacheDb: cdb });
let t = performance.now();
await manager.ready();
const seedsMs = performance.now() - t;
gc();
const heapBefore = process.memoryUsage().heapUsed;
let added = 0;
let refused = 0;
let duplicates = 0;
t = performance.now();
for (let i = 0; i < generated.length; i += BATCH) {
  const items = generated.slice(i, i + BATCH).map((d) => ({
    name: `${d.id}.txt`,
    text: d.text,
    meta: { title: d.title, outlet: d.outlet, date: d.date, event: d.event },
    origin: 'file' as const,
    fileName: `${d.id}.txt`,
  }));
  for (const o of await manager.add(items)) {
    if (o.status === 'added') added++;
    else if (o.status === 'duplicate') duplicates++;
    else refused++;
  }
}
const addMs = performance.now() - t;
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
t = performance.now();
await manager.flush();
const saveMs = performance.now() - t;
const row = await cdb.corpus.get(SEED_INDEX_KEY);
const rowKb = row ? Buffer.byteLength(row.json) / 1024 : 0;
const engine = await manager.getEngine();
const sentences = engine.index.sentences.length;

// 2. A restarted background: the same databases, a new manager (loads the row, reconciles).
const sdb2 = openSourcesDb(impl);
const cdb2 = openDb(impl);
const restarted = createCorpusManager({ ...deps(), sourcesDb: sdb2, cacheDb: cdb2 });
t = performance.now();
const engine2 = await restarted.getEngine();
const restartMs = performance.now() - t;

// 3. The engine on it: a 1,000-word article (as scripts/bench.ts builds it) and single claims.
const artDir = join(ROOT, 'tests', 'fixtures', 'dev', 'articles');
const bodies = readdirSync(artDir)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => extractArticle(parseHTML(readFileSync(join(artDir, f), 'utf8')).document as unknown as Document));
const words = bodies
  .flatMap((b) => b.text.split('\n\n'))
  .join('\n\n')
  .split(/(?<=\s)/);
const text1k = words.slice(0, 1000).join('');
const docDate = bodies[0]?.date ?? null;
t = performance.now();
engine2.analyze(text1k, { docDate });
const coldMs = performance.now() - t;
const runs: number[] = [];
for (let i = 0; i < 10; i++) {
  t = performance.now();
  engine2.analyze(text1k, { docDate });
  runs.push(performance.now() - t);
}
const claims = loadDevClaims().map((c) => c.claim);
const claimRuns = claims.map((c) => {
  const s = performance.now();
  engine2.checkClaim(c);
  return performance.now() - s;
});

// 4. One more source added to the 10k corpus (what the popup button costs at that size).
t = performance.now();
await restarted.add([{ name: 'one.txt', text: `${generated[0]!.text} One more sentence makes this a new source about the talks.`, origin: 'paste' }]);
const oneMoreMs = performance.now() - t;
await restarted.flush(); // no save left pending (its timer would keep Node alive)

const figures = {
  docs: DOCS,
  batch: BATCH,
  added,
  duplicates,
  refused,
  corpus_sentences: sentences,
  seeds_ready_ms: round(seedsMs),
  add_all_ms: round(addMs),
  add_per_doc_ms: round(addMs / Math.max(1, DOCS), 2),
  heap_mb: round(heapMb),
  row_save_ms: round(saveMs),
  row_kb: round(rowKb),
  restart_ms: round(restartMs),
  restart_startup: restarted.stats.startup,
  engine_1k_cold_ms: round(coldMs),
  engine_1k_median_ms: round(median(runs)),
  claim_check_median_ms: round(median(claimRuns), 2),
  add_one_more_ms: round(oneMoreMs),
};
for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(24)} ${v}`);
if (!(globalThis as { gc?: unknown }).gc) console.log('heap figure is approximate: run with node --expose-gc (npm run bench:sources does)');
if (args.includes('--json')) console.log(JSON.stringify(figures));
process.exit(0);
