/**
 * Command line: npm run --silent check -- [--json] [--verbose] [--sources DIR [--no-seeds]] FILE | --claims FILE.jsonl
 * See `--help`, README.md and scripts/cli-lib.ts (exit codes there).
 */
import { readSourcesDir, runCli } from './cli-lib';
import { loadSeedDocsFromDisk } from './seeds-node';
import { createEngine } from '../lib/engine';

// Piping into `head` closes stdout early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) },
  {
    makeEngine: (sources = [], noSeeds = false) => createEngine([...(noSeeds ? [] : loadSeedDocsFromDisk()), ...sources]),
    readSources: (dir, warn, noSeeds = false) => readSourcesDir(dir, noSeeds ? [] : loadSeedDocsFromDisk(), warn),
  },
);
