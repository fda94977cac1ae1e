/**
 * Node-only loader for the bundled seed corpus (seeds/manifest.json + seeds/*.txt).
 * lib/ never touches the file system; Node callers (CLI, eval, tests) use this.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import './node-data';
import { ManifestError, seedDocs } from '../lib/corpus/manifest';
import type { Engine } from '../lib/engine';
import type { CorpusDoc } from '../lib/types';

/** The repository's seeds/ directory. */
export const DEFAULT_SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'seeds');

/** Load and validate the seed corpus from `dir` (default: the repository's seeds/). */
export function loadSeedDocsFromDisk(dir: string = DEFAULT_SEEDS_DIR): CorpusDoc[] {
  const manifestPath = join(dir, 'manifest.json');
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (e) {
    throw new ManifestError(`Cannot load seeds manifest ${manifestPath}: ${(e as Error).message}`);
  }
  return seedDocs(manifest, (file) => readFileSync(join(dir, file), 'utf8'));
}

type EngineModule = typeof import('../lib/engine');

/**
 * Load lib/engine.ts lazily, so that input errors, --help and the tests of other parts still
 * work while the engine is unfinished or broken. Returns the module or the reason it is unusable.
 */
export async function loadEngineModule(): Promise<{ ok: true; mod: EngineModule } | { ok: false; reason: string }> {
  let mod: EngineModule;
  try {
    mod = await import('../lib/engine');
  } catch (e) {
    return { ok: false, reason: `lib/engine.ts failed to load: ${(e as Error)?.message ?? String(e)}` };
  }
  if (typeof (mod as { createEngine?: unknown }).createEngine !== 'function') {
    return { ok: false, reason: 'lib/engine.ts does not implement createEngine yet' };
  }
  return { ok: true, mod };
}

/** true once lib/engine.ts loads and exports a real createEngine. */
export async function engineAvailable(): Promise<boolean> {
  return (await loadEngineModule()).ok;
}

/** Build the engine over the seed corpus in `dir` (default: the repository's seeds/). */
export async function makeSeedEngine(dir?: string): Promise<Engine> {
  const loaded = await loadEngineModule();
  if (!loaded.ok) throw new Error(`the engine is not available: ${loaded.reason}`);
  return loaded.mod.createEngine(loadSeedDocsFromDisk(dir));
}
