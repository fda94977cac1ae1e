/**
 * A release build of the extension (no WXT_CROSSCHECK_SIGNALS: what readers install), built into
 * test-results/ for the tests that check what a page can learn from the real thing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './browsers';

export const RELEASE_OUT = join(ROOT, 'test-results', 'e2e-release');

/** Build the release extension for `browser`; returns the unpacked extension's folder. */
export function buildRelease(browser: 'chrome' | 'firefox'): string {
  const dir = join(RELEASE_OUT, browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv2');
  rmSync(dir, { recursive: true, force: true });
  const env = { ...process.env };
  delete env.WXT_CROSSCHECK_SIGNALS;
  const script = `import { build } from 'wxt'; await build({ browser: ${JSON.stringify(browser)}, outDir: ${JSON.stringify(RELEASE_OUT)}, logger: { ...console, success() {}, info() {}, start() {}, box() {}, debug() {}, log() {} } });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`release build: no ${dir}/manifest.json`);
  return dir;
}
