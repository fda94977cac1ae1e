/**
 * Comparing a claim with a corpus sentence (lib/align): which slot is disputed, and when a
 * dispute is not one (another event, another clause, another frame).
 */
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../lib/engine';
import { loadSeedDocsFromDisk } from '../scripts/seeds-node';

const engine: Engine = createEngine(loadSeedDocsFromDisk());

/** The disputes the best-aligned retrieved sentence raises, and that sentence. */
function disputes(claim: string, docDate: string | null = null) {
  const ex = engine.explain(claim, { docDate, whole: true });
  const cs = ex.parts[0].comparisons.filter((c) => c.retrieved && c.alignment.disputes.length && !c.alignment.features.eventDiff);
  cs.sort((a, b) => b.alignment.features.cov - a.alignment.features.cov);
  return cs.map((c) => ({
    slots: c.alignment.disputes.map((d) => d.slot),
    detail: c.alignment.disputes[0].detail,
    quote: engine.index.sentences[c.sentence].text,
  }));
}

describe('slots in dispute', () => {
  it('a figure: "500 prisoners each" against "1,000 prisoners each"', () => {
    const d = disputes('At the Istanbul talks the two sides agreed to exchange 500 prisoners each.');
    expect(d[0].slots).toContain('figure');
    expect(d[0].detail).toMatch(/1,000 prisoners each/);
  });
  it('a duration, also written as an adjective: "a ten-day truce" against "two to three days"', () => {
    expect(disputes('Medinsky said Russia had offered a ten-day truce in some areas of the front.').some((x) => x.slots.includes('figure'))).toBe(true);
  });
  it('the day of the meeting: the second round on Tuesday', () => {
    expect(disputes('Russia and Ukraine held their second round of peace talks in Istanbul on Tuesday.').some((x) => x.slots.includes('time'))).toBe(true);
  });
  it('polarity: "failed to agree on any exchange" against "agreed to a new prisoner exchange"', () => {
    expect(
      disputes('The delegations failed to agree on any new prisoner exchange at the second round of talks in Istanbul.').some((x) =>
        x.slots.includes('polarity'),
      ),
    ).toBe(true);
  });
  it('who acts: Ukraine, not Russia, offering the short local truce', () => {
    expect(disputes('Ukraine proposed a ceasefire of two to three days in certain areas of the front line.').some((x) => x.slots.includes('actor'))).toBe(true);
  });
});

describe('not a dispute', () => {
  it('the other meeting: "less than two hours" (round 1) is no rival for "just over an hour" (round 2)', () => {
    const ex = engine.explain('The second round of talks lasted just over an hour.', { whole: true });
    for (const c of ex.parts[0].comparisons) {
      if (/less than two hours/.test(engine.index.sentences[c.sentence].text)) expect(c.alignment.disputes.map((d) => d.slot)).not.toContain('figure');
    }
  });
  it('a figure of another thing in another clause of the sentence', () => {
    const d = disputes('The talks lasted slightly more than an hour.');
    expect(d.filter((x) => x.slots.includes('figure') && /troops/.test(x.detail))).toEqual([]);
  });
  it('a day when something was said is not the day it happened', () => {
    const d = disputes('Kyiv said on Sunday that the memorandum had still not arrived.');
    expect(d.filter((x) => x.slots.includes('time') && /said/.test(x.quote))).toEqual([]);
  });
});

describe('verdicts', () => {
  it('a paraphrase with a figure is corroborated, with the figure in the reason', () => {
    const r = engine.checkClaim('Russia and Ukraine agreed to exchange 1,000 prisoners each at the Istanbul talks.');
    expect(r.verdict).toBe('corroborated');
    expect(r.evidence.some((e) => e.stance === 'supports' && /same figure/.test(e.reason))).toBe(true);
  });
  it('a planted figure is contradicted, and every conflicting item names what differs', () => {
    const r = engine.checkClaim('On 16 May 2025 in Istanbul, Russia and Ukraine agreed to exchange 500 prisoners each.');
    expect(r.verdict).toBe('contradicted');
    for (const e of r.evidence.filter((x) => x.stance === 'conflicts')) expect(e.reason).toMatch(/different|denies|opposite|only|side|person/);
  });
  it('a detail the corpus never mentions is not covered', () => {
    expect(engine.checkClaim('The session at Dolmabahce got under way at 1:35 p.m. local time with interpreters present.').verdict).toBe('not_covered');
  });
});
