import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourcesDir, runCli } from '../scripts/cli-lib';
import { loadSeedDocsFromDisk } from '../scripts/seeds-node';
import { createEngine } from '../lib/engine';
import type { CorpusDoc } from '../lib/types';

const ARTICLE =
  'date 2025-07-01\nDelegations from both countries met in Geneva on Tuesday to discuss the exchange of civilian detainees. Officials said that the Red Cross would supervise the transfer of 150 civilians from each side.\n';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const seeds = loadSeedDocsFromDisk();
  const code = await runCli(
    argv,
    { stdout: (s) => (out += s), stderr: (s) => (err += s) },
    {
      makeEngine: (sources: CorpusDoc[] = [], noSeeds = false) => createEngine([...(noSeeds ? [] : seeds), ...sources]),
      readSources: (dir, warn, noSeeds = false) => readSourcesDir(dir, noSeeds ? [] : seeds, warn),
    },
  );
  return { code, out, err };
}

describe('check --sources DIR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-sources-'));
  writeFileSync(join(dir, 'geneva.txt'), ARTICLE);
  writeFileSync(join(dir, 'again.txt'), ARTICLE);
  writeFileSync(join(dir, 'ignored.pdf'), 'not read');
  const claims = join(dir, 'claims.jsonl');
  writeFileSync(claims, JSON.stringify({ id: 'g', claim: 'The Red Cross will supervise the transfer of 150 civilians from each side.' }) + '\n');

  it('adds the directory to the corpus for the run, skipping duplicates with a note', async () => {
    const r = await run(['--sources', dir, '--claims', claims]);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out.trim());
    expect(line.verdict).toBe('corroborated');
    expect(line.evidence[0].source).toMatch(/^user_/);
    expect(r.err).toMatch(/duplicate/);
    const without = await run(['--claims', claims]);
    expect(JSON.parse(without.out.trim()).verdict).toBe('not_covered');
  });
  it('a bad source file is an input error naming it, and nothing is printed', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'cc-bad-'));
    writeFileSync(join(bad, 'empty.md'), '   \n');
    const r = await run(['--sources', bad, '--claims', claims]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/empty\.md: is empty/);
    expect(r.out).toBe('');
  });
  it('a missing directory is an input error', async () => {
    const r = await run(['--sources', join(dir, 'nope'), '--claims', claims]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read directory/);
  });
  it('--no-seeds checks against the sources alone', async () => {
    const seedClaim = join(dir, 'seed-claim.jsonl');
    writeFileSync(seedClaim, JSON.stringify({ id: 's', claim: 'Russia and Ukraine agreed to exchange 1,000 prisoners each at the Istanbul talks.' }) + '\n');
    const withSeeds = await run(['--sources', dir, '--claims', seedClaim]);
    expect(JSON.parse(withSeeds.out.trim()).verdict).toBe('corroborated');
    const alone = await run(['--sources', dir, '--no-seeds', '--claims', seedClaim]);
    expect(alone.code).toBe(0);
    const line = JSON.parse(alone.out.trim());
    expect(line.verdict).toBe('not_covered');
    expect(line.evidence.every((e: { source: string }) => e.source.startsWith('user_'))).toBe(true);
    const own = await run(['--sources', dir, '--no-seeds', '--claims', claims]);
    expect(JSON.parse(own.out.trim()).verdict).toBe('corroborated');
  });
  it('--no-seeds without --sources is a usage error', async () => {
    const r = await run(['--no-seeds', '--claims', claims]);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/--no-seeds needs --sources/);
  });
});
