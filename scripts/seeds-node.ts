/**
 * Node-only loader for the bundled seed corpus (seeds/manifest.json + seeds/*.txt).
 * lib/ never touches the file system; Node callers (CLI, eval, tests) use this.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManifestError, seedDocs } from '../lib/corpus/manifest';
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
