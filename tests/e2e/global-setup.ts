/**
 * Builds the extension for both browsers once before the e2e suite, and copies each build to
 * test-results/e2e-extension/ for the browsers to load (so a rebuild of .output/ while the suite
 * runs cannot hand a browser a half-written extension). CROSSCHECK_E2E_NO_BUILD=1 skips the
 * build and copies the existing .output/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { BUILD_CHROME, BUILD_FIREFOX, CHROME_EXT, CHROMIUM_PATH, FIREFOX_EXT, FIREFOX_PATH, ROOT } from './support/browsers';

export default function setup(): void {
  const builds: Array<[string, string[], string, string, string]> = [
    ['Chromium', ['wxt', 'build'], CHROMIUM_PATH, BUILD_CHROME, CHROME_EXT],
    ['Firefox', ['wxt', 'build', '-b', 'firefox'], FIREFOX_PATH, BUILD_FIREFOX, FIREFOX_EXT],
  ];
  for (const [name, args, browser, out, copy] of builds) {
    if (!existsSync(browser)) continue; // that browser's tests skip themselves
    if (process.env.CROSSCHECK_E2E_NO_BUILD !== '1') {
      const t0 = Date.now();
      // WXT_CROSSCHECK_SIGNALS=1: the content script reports its state on <html> for the tests.
      execFileSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, WXT_CROSSCHECK_SIGNALS: '1' } });
      console.log(`e2e: built ${out.slice(ROOT.length + 1)} in ${Date.now() - t0} ms`);
    }
    if (!existsSync(`${out}/manifest.json`)) throw new Error(`e2e: no ${out}/manifest.json: build the extension for ${name} first`);
    rmSync(copy, { recursive: true, force: true });
    cpSync(out, copy, { recursive: true });
  }
}
