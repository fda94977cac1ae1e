/**
 * The engine's two entry points, shared by the CLI, the tests, the benchmarks and the extension's
 * background: analyse a whole text (claim detection + verification), or check one claim.
 * (Implementation in progress: see lib/verify. Signatures are fixed.)
 */
import type { AnalysisResult, ClaimResult, CorpusDoc } from './types';

export interface AnalyzeOptions {
  /** ISO date of the article (resolves "on Monday" etc.), or null if unknown. */
  docDate?: string | null;
}

export interface Engine {
  /** Version of engine + corpus, for cache keys. */
  readonly version: string;
  analyze(text: string, opts?: AnalyzeOptions): AnalysisResult;
  checkClaim(claim: string, opts?: AnalyzeOptions): ClaimResult;
}

export declare function createEngine(docs: CorpusDoc[]): Engine;
