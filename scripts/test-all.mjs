#!/usr/bin/env node
/**
 * `npm test`: unit tests (vitest, Node), then the end-to-end tests of the built extension in real
 * browsers when a browser is installed (vitest.e2e.config.ts; each browser's suite skips itself,
 * saying so, when its binary is missing). Prints one summary line per stage and a closing
 * `N passed, N failed, N skipped` line; exits non-zero on any failure.
 *
 *   node scripts/test-all.mjs            unit + e2e
 *   node scripts/test-all.mjs --unit     unit only
 *   node scripts/test-all.mjs --e2e      e2e only
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'test-results');
mkdirSync(outDir, { recursive: true });

const only = process.argv.includes('--unit') ? 'unit' : process.argv.includes('--e2e') ? 'e2e' : null;
const browsers = [
  ['Chromium', process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium'],
  ['Firefox', process.env.CROSSCHECK_FIREFOX ?? '/usr/bin/firefox-esr'],
];

/** Run one vitest invocation; returns counts read from its JSON report. */
function vitest(name, args) {
  const report = join(outDir, `${name}.json`);
  rmSync(report, { force: true });
  const r = spawnSync('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: root,
    stdio: 'inherit',
  });
  const counts = { passed: 0, failed: 0, skipped: 0, exit: r.status ?? 1 };
  if (existsSync(report)) {
    const j = JSON.parse(readFileSync(report, 'utf8'));
    counts.passed = j.numPassedTests ?? 0;
    counts.failed = j.numFailedTests ?? 0;
    counts.skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    // A suite that failed to load (beforeAll threw, syntax error) has no failed tests but failed.
    if ((j.numFailedTestSuites ?? 0) > 0 && counts.failed === 0) counts.failed = j.numFailedTestSuites;
  } else if (counts.exit !== 0) {
    counts.failed = 1;
  }
  if (counts.exit !== 0 && counts.failed === 0) counts.failed = 1;
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return counts;
}

const stages = [];
if (only !== 'e2e') stages.push(vitest('unit', []));
if (only !== 'unit') {
  const present = browsers.filter(([, path]) => existsSync(path));
  for (const [name, path] of browsers) if (!existsSync(path)) console.log(`e2e: skipping ${name}: ${path} not found`);
  if (present.length) stages.push(vitest('e2e', ['-c', 'vitest.e2e.config.ts']));
  else console.log('e2e: skipped: no browser installed (apt-get install -y chromium firefox-esr)');
}

const total = stages.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || stages.some((s) => s.exit !== 0) ? 1 : 0);
