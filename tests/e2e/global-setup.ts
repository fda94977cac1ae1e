/**
 * Builds the extension for both browsers once before the e2e suite (skip with
 * CROSSCHECK_E2E_NO_BUILD=1 when .output/ is fresh).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROME_EXT, CHROMIUM_PATH, FIREFOX_EXT, FIREFOX_PATH, ROOT } from './support/browsers';

export default function setup(): void {
  if (process.env.CROSSCHECK_E2E_NO_BUILD === '1') return;
  const builds: Array<[string, string[], string, string]> = [
    ['Chromium', ['wxt', 'build'], CHROMIUM_PATH, CHROME_EXT],
    ['Firefox', ['wxt', 'build', '-b', 'firefox'], FIREFOX_PATH, FIREFOX_EXT],
  ];
  for (const [name, args, browser, out] of builds) {
    if (!existsSync(browser)) continue; // that browser's tests skip themselves
    const t0 = Date.now();
    execFileSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (!existsSync(`${out}/manifest.json`)) throw new Error(`e2e: build for ${name} produced no ${out}/manifest.json`);
    console.log(`e2e: built ${out.slice(ROOT.length + 1)} in ${Date.now() - t0} ms`);
  }
}
