/**
 * Floors under the evaluation figures (`npm run eval` prints them, dev / tune / blind side by
 * side). A regression below them fails CI; raise them when the engine improves. The blind sides
 * carry no floor here: they are measured, never tuned on. The models are trained on dev and tune
 * (npm run train), so these are in-sample figures: a floor catches a broken stage, it does not
 * say how the engine does on claims it has not seen (that is the blind side's job).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type EvalReport } from '../scripts/evaluate';

let report: EvalReport;
const get = () => (report ??= evaluate({ noBlind: true }));

describe('evaluation floors (dev and tune sides)', () => {
  it('dev claims: macro-F1 ≥ 0.70, contradicted precision ≥ 0.90, no false contradiction', () => {
    expect(get().dev.macroF1).toBeGreaterThanOrEqual(0.7);
    expect(get().dev.perClass.contradicted.precision).toBeGreaterThanOrEqual(0.9);
    expect(get().dev.falseContradictions).toBe(0);
  }, 120_000);
  it('Istanbul tune claims: macro-F1 ≥ 0.57, contradicted precision ≥ 0.85', () => {
    expect(get().istanbulTune!.macroF1).toBeGreaterThanOrEqual(0.57);
    expect(get().istanbulTune!.perClass.contradicted.precision).toBeGreaterThanOrEqual(0.85);
  }, 120_000);
  it("another event's tune claims, with no seeds: macro-F1 ≥ 0.55, no false contradiction", () => {
    expect(get().otherTune!.macroF1).toBeGreaterThanOrEqual(0.55);
    expect(get().otherTune!.falseContradictions).toBe(0);
  }, 120_000);
  it('engineer-written probe claims: accuracy ≥ 0.65, no false contradiction', () => {
    expect(get().probe.accuracy).toBeGreaterThanOrEqual(0.65);
    expect(get().probe.falseContradictions).toBe(0);
  }, 120_000);
  it('claim detection on the dev pages: precision and recall ≥ 0.95; on the tune pages ≥ 0.80 and ≥ 0.95', () => {
    expect(get().devPages.detection.precision).toBeGreaterThanOrEqual(0.95);
    expect(get().devPages.detection.recall).toBeGreaterThanOrEqual(0.95);
    expect(get().pagesTune!.detection.precision).toBeGreaterThanOrEqual(0.8);
    expect(get().pagesTune!.detection.recall).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
