/**
 * Floors under the dev-set figures (`npm run eval` prints them). A regression below the
 * issue's targets fails CI; raise the floors when the engine improves.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type EvalReport } from '../scripts/evaluate';

let report: EvalReport;
const get = () => (report ??= evaluate());

describe('dev-set evaluation floors', () => {
  // Issue targets: accuracy ≥ 0.80, macro-F1 ≥ 0.75, contradicted P ≥ 0.90 / R ≥ 0.70, strict ≥ 0.70,
  // detection P/R ≥ 0.80. Floors sit at or a little under the current figures (see npm run eval).
  it('verdict accuracy ≥ 0.82 and macro-F1 ≥ 0.82', () => {
    expect(get().accuracy).toBeGreaterThanOrEqual(0.82);
    expect(get().macroF1).toBeGreaterThanOrEqual(0.82);
  }, 60_000);
  it('contradicted precision ≥ 0.90 with recall ≥ 0.80', () => {
    expect(get().perClass.contradicted.precision).toBeGreaterThanOrEqual(0.9);
    expect(get().perClass.contradicted.recall).toBeGreaterThanOrEqual(0.8);
  }, 60_000);
  it('strict accuracy ≥ 0.78', () => {
    expect(get().strictAccuracy).toBeGreaterThanOrEqual(0.78);
  }, 60_000);
  it('claim detection precision and recall ≥ 0.90 on the dev articles', () => {
    expect(get().detection.precision).toBeGreaterThanOrEqual(0.9);
    expect(get().detection.recall).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
  it('engineer-written probe claims: accuracy ≥ 0.75, no false contradiction beyond 1 in 10', () => {
    expect(get().probe.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(get().probe.contradictedPrecision).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
  it('labelled claims of the dev articles, checked in their article: accuracy ≥ 0.80', () => {
    expect(get().articleVerdicts.accuracy).toBeGreaterThanOrEqual(0.8);
  }, 60_000);
});
