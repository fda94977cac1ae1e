import { describe, expect, it, vi } from 'vitest';
import { planAdditions } from '../lib/sources/add';
import { applyMetaPatch } from '../lib/sources/edit';
import { IndexSaver, SerialQueue } from '../lib/sources/saver';
import { reconcile, tooManyTombstones } from '../lib/sources/startup';
import { buildCorpus } from '../lib/corpus/index';
import { UserSourceSchema, type UserSource } from '../lib/sources/db';
import { textHash } from '../lib/sources';
import { loadSeedDocsFromDisk } from '../scripts/seeds-node';

const TEXT_A =
  'Delegations from both countries met in Geneva on Tuesday to discuss the exchange of civilian detainees. ' +
  'Officials said that the Red Cross would supervise the transfer of 150 civilians from each side.';
const TEXT_B =
  'The foreign ministers spoke by telephone on Thursday about grain shipments through the Black Sea. ' +
  'A spokesman said that the next call would take place in two weeks.';

function userRow(text: string, extra: Partial<UserSource> = {}): UserSource {
  const h = textHash(text);
  return UserSourceSchema.parse({
    id: `user_${h}`,
    title: 'A title',
    outlet: null,
    date: null,
    url: null,
    event: null,
    text,
    contentHash: h,
    addedAt: 1,
    origin: 'paste',
    ...extra,
  });
}

describe('planAdditions', () => {
  it('refuses what cannot be parsed, marks duplicates of the corpus and of the batch, stamps new rows in batch order', () => {
    const known = textHash(TEXT_B);
    const isDup = (h: string) => (h === known ? { id: 'seed_b', message: 'already there' } : null);
    const items = [
      { name: 'a.txt', text: TEXT_A, origin: 'file' as const },
      { name: 'empty.txt', text: '   ', origin: 'file' as const },
      { name: 'b.txt', text: TEXT_B, origin: 'file' as const },
      { name: 'a-again.txt', text: TEXT_A, origin: 'file' as const },
      { name: 'page', text: TEXT_A.replace('Tuesday', 'Wednesday'), meta: { url: 'https://example.org/x' }, origin: 'page' as const },
    ];
    const { out, fresh } = planAdditions(items, isDup, 5000);
    expect(fresh.map((f) => f.at)).toEqual([0, 4]);
    expect(fresh.map((f) => f.row.addedAt)).toEqual([5000, 5000.001]);
    expect(fresh[1]!.row.url).toBe('https://example.org/x');
    expect(out[0]).toBeUndefined();
    expect(out[1]?.status).toBe('refused');
    expect(out[2]).toMatchObject({ status: 'duplicate', sameAs: 'seed_b', message: 'b.txt: already there' });
    expect(out[3]).toMatchObject({ status: 'duplicate', sameAs: fresh[0]!.row.id, message: 'a-again.txt: the same text as another file in this import.' });
  });
});

describe('applyMetaPatch', () => {
  it('trims, turns blanks into null, leaves unpatched fields, and refuses a blank title or a malformed date', () => {
    const row = userRow(TEXT_A, { outlet: 'Old outlet', url: 'https://example.org/' });
    const next = applyMetaPatch(row, { title: '  New title ', outlet: '  ', date: ' 2025-06-02 ' });
    expect(next).toMatchObject({ title: 'New title', outlet: null, date: '2025-06-02', url: 'https://example.org/' });
    expect(row.title).toBe('A title'); // the input row is not changed
    expect(() => applyMetaPatch(row, { title: ' ' })).toThrow('A source needs a title.');
    expect(() => applyMetaPatch(row, { date: '2 June 2025' })).toThrow('YYYY-MM-DD');
  });
});

describe('startup reconciliation', () => {
  const seeds = loadSeedDocsFromDisk();
  const seedIds = new Set(seeds.map((s) => s.id));

  it('rebuilds only when tombstones are both many and over a quarter of the index', () => {
    expect(tooManyTombstones(9, 20)).toBe(false);
    expect(tooManyTombstones(10, 40)).toBe(false);
    expect(tooManyTombstones(10, 39)).toBe(true);
  });

  it('switches off sources deleted since, adds missing ones and applies edited metadata', () => {
    const a = userRow(TEXT_A);
    const b = userRow(TEXT_B);
    const idx = buildCorpus([...seeds, a, b]);
    const edited = { ...b, title: 'Edited' };
    const c = userRow(TEXT_A.replace('Geneva', 'Vienna'));
    const r = reconcile(idx, seedIds, [edited, c]);
    expect(r).toEqual({ tombstones: [a.id], changed: true });
    const pos = (id: string) => idx.docs.findIndex((d) => d.id === id);
    expect(idx.disabled.has(pos(a.id))).toBe(true);
    expect(idx.docs[pos(b.id)]!.title).toBe('Edited');
    expect(pos(c.id)).toBe(seeds.length + 2);
    expect(reconcile(idx, seedIds, [edited, c])).toEqual({ tombstones: [a.id], changed: false });
  });
});

describe('SerialQueue and IndexSaver', () => {
  it('runs work in order and goes on after a failure', async () => {
    const q = new SerialQueue();
    const seen: number[] = [];
    const slow = q.run(async () => {
      await new Promise((r) => setTimeout(r, 10));
      seen.push(1);
    });
    const failed = q.run(async () => {
      throw new Error('no');
    });
    const last = q.run(async () => seen.push(3));
    await slow;
    await expect(failed).rejects.toThrow('no');
    await last;
    expect(seen).toEqual([1, 3]);
  });

  it('writes once for a burst of changes, and flush writes only when a write is pending', async () => {
    vi.useFakeTimers();
    try {
      const put = vi.fn(async () => undefined);
      const cacheDb = { corpus: { put }, withReopen: (fn: () => unknown) => fn() } as never;
      const row = vi.fn(() => ({ version: 'v', format: 1, json: '{}' }));
      const saver = new IndexSaver({ cacheDb, queue: new SerialQueue(), delayMs: 100, row, log: () => {} });
      saver.schedule();
      saver.schedule();
      await vi.advanceTimersByTimeAsync(99);
      expect(row).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(row).toHaveBeenCalledTimes(1);
      await saver.flush();
      expect(row).toHaveBeenCalledTimes(1);
      saver.schedule();
      await saver.flush();
      expect(row).toHaveBeenCalledTimes(2);
      expect(put).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
