import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest, readDateMarker, seedDocs } from '../lib/corpus/manifest';
import { DEFAULT_SEEDS_DIR, loadSeedDocsFromDisk } from '../scripts/seeds-node';

const manifest = JSON.parse(readFileSync(join(DEFAULT_SEEDS_DIR, 'manifest.json'), 'utf8'));

describe('seeds manifest', () => {
  it('loads the five seeds with their ids, outlets, dates and events', () => {
    const docs = loadSeedDocsFromDisk();
    expect(docs.map((d) => [d.id, d.outlet, d.date, d.event])).toEqual([
      ['000_d4403f64f46e493f', 'Financial Times', '2025-06-02', 'round2'],
      ['001_b42b158ef8421104', null, '2025-06-02', 'round2'],
      ['002_89e81cdb7a289a4e', 'Al Jazeera', '2025-05-16', 'round1'],
      ['003_71e9917664567cb9', null, null, 'round2'],
      ['004_56f18f5b7ce330f1', null, '2025-05-16', 'round1'],
    ]);
    for (const d of docs) {
      expect(d.title.length).toBeGreaterThan(10);
      expect(d.text.length).toBeGreaterThan(500);
    }
  });

  it('lists exactly the .txt files in seeds/', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(DEFAULT_SEEDS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(manifest.seeds.map((s: { file: string }) => s.file)).toEqual(files);
  });

  it('removes the leading "date YYYY-MM-DD" marker from seed 001', () => {
    const d = loadSeedDocsFromDisk().find((x) => x.id === '001_b42b158ef8421104')!;
    expect(d.text.startsWith('Russia and Ukraine agreed to a new prisoner exchange')).toBe(true);
  });

  it('passes the file name to the reader and keeps other texts unchanged', () => {
    const asked: string[] = [];
    const docs = seedDocs(manifest, (f) => {
      asked.push(f);
      return `Text of ${f}.`;
    });
    expect(asked).toHaveLength(5);
    expect(docs[0]!.text).toBe('Text of 000_d4403f64f46e493f.txt.');
  });

  it('throws a clear error for a malformed manifest', () => {
    const bad = structuredClone(manifest);
    bad.seeds[2].date = '16 May 2025';
    bad.seeds[3].event = '';
    expect(() => seedDocs(bad, () => 'x')).toThrow(ManifestError);
    expect(() => seedDocs(bad, () => 'x')).toThrow(/Invalid seeds manifest[\s\S]*seeds\[2\]\.date[\s\S]*seeds\[3\]\.event/);
  });

  it('rejects wrong shapes, id/file mismatch and duplicates', () => {
    expect(() => parseManifest(null)).toThrow(/Invalid seeds manifest/);
    expect(() => parseManifest({ seeds: [] })).toThrow(/at least one/);
    expect(() => parseManifest([{ id: 'a' }])).toThrow(/Invalid seeds manifest/);
    const mismatch = structuredClone(manifest);
    mismatch.seeds[0].file = '001_b42b158ef8421104.txt';
    expect(() => parseManifest(mismatch)).toThrow(/file must be "000_d4403f64f46e493f\.txt"/);
    const dup = structuredClone(manifest);
    dup.seeds[1] = dup.seeds[0];
    expect(() => parseManifest(dup)).toThrow(/duplicate id/);
    const extra = structuredClone(manifest);
    extra.seeds[0].path = '../etc/passwd';
    expect(() => parseManifest(extra)).toThrow(/Unrecognized key/);
  });

  it('reports unreadable or empty seed texts with the seed id', () => {
    expect(() =>
      seedDocs(manifest, () => {
        throw new Error('ENOENT');
      }),
    ).toThrow(/Cannot read seed "000_d4403f64f46e493f".*ENOENT/);
    expect(() => seedDocs(manifest, () => '  \n')).toThrow(/is empty/);
  });

  it('loadSeedDocsFromDisk names the manifest path when it is missing', () => {
    expect(() => loadSeedDocsFromDisk('/nonexistent/seeds')).toThrow(/Cannot load seeds manifest \/nonexistent\/seeds\/manifest\.json/);
  });
});

describe('readDateMarker', () => {
  it('reads a leading date marker', () => {
    expect(readDateMarker(' date 2025-06-02 Russia and Ukraine')).toEqual({ date: '2025-06-02', length: 17 });
    expect(readDateMarker('date 2025-05-16\nText')).toEqual({ date: '2025-05-16', length: 15 });
  });
  it('ignores text without a marker or with an impossible date', () => {
    expect(readDateMarker('The date 2025-06-02 was a Monday')).toEqual({ date: null, length: 0 });
    expect(readDateMarker('date 2025-13-40 text')).toEqual({ date: null, length: 0 });
  });
});
