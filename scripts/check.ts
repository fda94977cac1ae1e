/**
 * Command line: npm run --silent check -- [--json] [--verbose] FILE | --claims FILE.jsonl
 * See `--help`, README.md and scripts/cli-lib.ts (exit codes there).
 */
import { runCli } from './cli-lib';
import { makeSeedEngine } from './seeds-node';

// Piping into `head` closes stdout early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) },
  { makeEngine: () => makeSeedEngine() },
);
