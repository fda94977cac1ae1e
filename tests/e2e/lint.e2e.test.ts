/**
 * `web-ext lint` (Mozilla's add-on linter) on the Firefox build: no errors allowed. Warnings
 * (e.g. innerHTML inside Readability, which works on a detached clone) are printed, not fatal.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIREFOX_EXT, ROOT } from './support/browsers';

describe('web-ext lint (Firefox build)', () => {
  it.skipIf(!existsSync(`${FIREFOX_EXT}/manifest.json`))(
    'reports no errors',
    () => {
      let out = '';
      try {
        out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_EXT, '--output', 'json', '--no-config-discovery'], {
          cwd: ROOT,
          encoding: 'utf8',
        });
      } catch (e) {
        out = (e as { stdout?: string }).stdout ?? '';
      }
      const report = JSON.parse(out.slice(out.indexOf('{'))) as {
        summary: { errors: number; warnings: number };
        errors: Array<{ code: string; message: string }>;
        warnings: Array<{ code: string; file?: string }>;
      };
      console.log(
        `e2e figure [Firefox] web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.warnings.map((w) => w.code).join(', ')})`,
      );
      expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    },
    120_000,
  );
});
