/**
 * Draws the tune / blind split of the validation data once, at random, and writes it to
 * tests/fixtures/validation/split.json. Append-only: an item already in the split keeps its side
 * forever (a claim is never moved after a result has been seen); only items not yet listed are
 * drawn, stratified by label so both sides hold every verdict.
 *
 *   npx tsx scripts/draw-split.ts
 *
 * Nothing — no rule, word list, threshold or model weight — is tuned on the blind side:
 * `npm run eval` reports it, `--errors` and `--sweep` refuse to look at it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const VALIDATION_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'validation');

/** Share of each set drawn into the blind side. */
export const BLIND_SHARE = 0.35;
/** The draw's seed (fixed: rerunning the script draws nothing new for items already listed). */
const SEED = 20261203;

export interface Split {
  note: string;
  blindShare: number;
  seed: number;
  sets: Record<string, { tune: string[]; blind: string[] }>;
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function jsonl(file: string): Array<{ id: string; label: string }> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Every splittable item: set name → [id, stratum]. */
function items(): Record<string, Array<[string, string]>> {
  const out: Record<string, Array<[string, string]>> = {};
  const ist = join(VALIDATION_DIR, 'istanbul');
  if (existsSync(ist)) {
    out.istanbul = readdirSync(ist)
      .filter((f) => /^claims-.*\.jsonl$/.test(f))
      .sort()
      .flatMap((f) => jsonl(join(ist, f)).map((c) => [c.id, c.label] as [string, string]));
  }
  const other = join(VALIDATION_DIR, 'other-event', 'claims.jsonl');
  if (existsSync(other)) out.otherEvent = jsonl(other).map((c) => [c.id, c.label]);
  const pages = join(VALIDATION_DIR, 'pages');
  if (existsSync(pages))
    out.pages = readdirSync(pages)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => [f.replace(/\.html$/, ''), 'page']);
  return out;
}

export function drawSplit(previous: Split | null, only?: string[]): Split {
  const split: Split = previous ?? {
    note: 'Drawn once at random by scripts/draw-split.ts; append-only. Nothing is tuned on the blind side.',
    blindShare: BLIND_SHARE,
    seed: SEED,
    sets: {},
  };
  const random = rng(SEED + Object.values(split.sets).reduce((n, s) => n + s.tune.length + s.blind.length, 0));
  for (const [set, list] of Object.entries(items())) {
    if (only?.length && !only.includes(set)) continue;
    const entry = (split.sets[set] ??= { tune: [], blind: [] });
    const known = new Set([...entry.tune, ...entry.blind]);
    const byStratum = new Map<string, string[]>();
    for (const [id, stratum] of list) {
      if (known.has(id)) continue;
      if (!byStratum.has(stratum)) byStratum.set(stratum, []);
      byStratum.get(stratum)!.push(id);
    }
    for (const ids of byStratum.values()) {
      // Fisher–Yates, then the first share goes blind (at least one when there are two or more).
      for (let i = ids.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [ids[i], ids[j]] = [ids[j], ids[i]];
      }
      const nBlind = ids.length >= 2 ? Math.max(1, Math.round(ids.length * BLIND_SHARE)) : 0;
      entry.blind.push(...ids.slice(0, nBlind));
      entry.tune.push(...ids.slice(nBlind));
    }
    entry.tune.sort();
    entry.blind.sort();
  }
  return split;
}

function main() {
  const file = join(VALIDATION_DIR, 'split.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Split) : null;
  // `npx tsx scripts/draw-split.ts istanbul otherEvent` draws only those sets (a set still being written waits).
  const split = drawSplit(previous, process.argv.slice(2));
  writeFileSync(file, JSON.stringify(split, null, 1) + '\n');
  for (const [k, s] of Object.entries(split.sets)) console.log(`${k}: ${s.tune.length} tune, ${s.blind.length} blind`);
}

if (process.argv[1]?.endsWith('draw-split.ts')) main();
