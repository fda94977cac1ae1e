/**
 * A compound claim is checked part by part, and the tooltip and popup say which part each source
 * bears on: the engine's parts and evidence parts survive the message schema and reach the
 * tooltip model.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../lib/engine';
import { loadSeedDocsFromDisk } from '../scripts/seeds-node';
import { ClaimResultSchema } from '../lib/messages';
import { tooltipModel } from '../lib/content/tooltip-model';

describe('a compound claim in the tooltip', () => {
  const engine = createEngine(loadSeedDocsFromDisk());
  // Two facts: a meeting (reported) and a figure the seeds give otherwise.
  const claim = 'The delegations met in Istanbul and agreed to exchange 500 prisoners each.';

  it('is checked in parts; the disputed part decides, each evidence item names its part', () => {
    const r = ClaimResultSchema.parse(engine.checkClaim(claim, { docDate: '2025-05-17' }));
    expect(r.parts?.length).toBe(2);
    expect(r.parts!.map((p) => p.status)).toContain('disputed');
    expect(r.verdict).toBe('contradicted');
    const decided = r.evidence.filter((e) => e.stance !== 'related');
    expect(decided.length).toBeGreaterThan(0);
    for (const e of decided) expect(r.parts!.map((p) => p.words)).toContain(e.part);
    const conflict = r.evidence.find((e) => e.stance === 'conflicts')!;
    expect(conflict.part).toMatch(/500 prisoners/);

    const m = tooltipModel(r, []);
    expect(m.parts.map((p) => p.label)).toContain('Disputed');
    expect(m.parts.find((p) => p.status === 'disputed')!.words).toMatch(/500 prisoners/);
    expect(m.evidence.find((e) => e.stance === 'conflicts')!.part).toMatch(/500 prisoners/);
  });

  it('a single-fact claim shows no parts', () => {
    const r = ClaimResultSchema.parse(engine.checkClaim('The talks lasted just over an hour.', { docDate: '2025-06-03' }));
    const m = tooltipModel(r, []);
    expect(m.parts).toEqual([]);
    expect(m.evidence.every((e) => e.part === '')).toBe(true);
  });
});
