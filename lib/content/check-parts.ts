/**
 * The long-page loop of one run: a page's parts (lib/content/chunks.ts) are sent to the background
 * one after the other, each asked again once if the background stopped (lib/content/failures.ts),
 * and the parts' analyses are merged as each part is done, so a long page is painted part by part.
 * Then: what the run tells the popup (done, no claims, or a failure in plain words).
 *
 * Pure: the request, the clock-free "is this run still wanted?" test and the page's reactions are
 * passed in (the content script's controller wires them to the extension API and the painter).
 */
import { AnalysisSchema, type Analysis, type Response, type TabStatus } from '../messages';
import { mergeAnalyses, type PartResult, type TextChunk } from './chunks';
import { NoAnswerError, classifySendError, failureMessage, sendWithRetry, withAnswerTimeout } from './failures';

/** Most parts a page is checked in (at CHUNK_CHARS each); beyond, the popup says what part was checked. */
export const MAX_PARTS = 40;

export interface CheckPartsDeps {
  /** Send one part to the background; resolves to its raw answer. */
  request(chunk: TextChunk): Promise<unknown>;
  /** Is the extension still there (not updated, reloaded or removed)? Checked before each attempt. */
  alive(): boolean;
  /** How long one attempt may wait for an answer. */
  timeoutMs: number;
  /** False once a newer run, a navigation or the end of the context took over: the loop stops. */
  stillWanted(): boolean;
  /** Is the content script's context still valid? Checked as each answer arrives. */
  contextValid(): boolean;
  /** A part's answer arrived (retries so far in this run), before it is checked. */
  onAnswer(retries: number): void;
  /** A part was checked: the merged analysis of the parts so far, and how many are done. */
  onPart(merged: Analysis, done: number): void;
  /** Let the page breathe between parts (input, rendering) before the next request. */
  breathe(): Promise<void>;
}

export type PartsOutcome =
  /** A newer run or a navigation took over: nothing more to do or say. */
  | { kind: 'superseded' }
  /** The extension context is gone: the caller stops everything. */
  | { kind: 'context-gone' }
  /** The parts checked (in order), and why the next one failed (null when all were checked). */
  | { kind: 'finished'; parts: PartResult[]; failure: unknown };

/** One attempt: the background's answer, or an error failures.ts can classify. */
async function askOnce(deps: CheckPartsDeps, chunk: TextChunk): Promise<unknown> {
  if (!deps.alive()) throw new Error('Extension context invalidated.');
  const r = await withAnswerTimeout(deps.request(chunk), deps.timeoutMs);
  if (r === undefined || r === null) throw new NoAnswerError();
  return r;
}

/** The analysis in a part's answer, or why there is none. */
export function partAnswer(res: unknown): { ok: true; analysis: Analysis } | { ok: false; failure: Error } {
  if (typeof res !== 'object' || res === null) return { ok: false, failure: new Error('no answer from the background') };
  const r = res as Response<unknown>;
  if (!r.ok) return { ok: false, failure: new Error(r.error) };
  const parsed = AnalysisSchema.safeParse(r.data);
  if (!parsed.success) return { ok: false, failure: new Error('malformed analysis from the background') };
  return { ok: true, analysis: parsed.data };
}

/** Check `chunks` in order; stops at the first part that fails (the parts before it stay checked). */
export async function checkParts(chunks: readonly TextChunk[], deps: CheckPartsDeps): Promise<PartsOutcome> {
  const parts: PartResult[] = [];
  let retries = 0;
  for (const chunk of chunks) {
    let res: unknown;
    try {
      const sent = await sendWithRetry(() => askOnce(deps, chunk), { stillWanted: () => deps.stillWanted() });
      res = sent.value;
      retries += sent.attempts - 1;
    } catch (e) {
      if (!deps.stillWanted()) return { kind: 'superseded' };
      if (classifySendError(e) === 'context-gone') return { kind: 'context-gone' };
      return { kind: 'finished', parts, failure: e };
    }
    if (!deps.stillWanted() || !deps.contextValid()) return { kind: 'superseded' };
    deps.onAnswer(retries);
    const answer = partAnswer(res);
    if (!answer.ok) return { kind: 'finished', parts, failure: answer.failure };
    parts.push({ chunk, analysis: answer.analysis });
    deps.onPart(mergeAnalyses(parts), parts.length);
    if (parts.length < chunks.length) await deps.breathe();
    if (!deps.stillWanted()) return { kind: 'superseded' };
  }
  return { kind: 'finished', parts, failure: null };
}

/**
 * What a finished run reports: `done` / `no_claims` when at least one part was checked (a failure
 * after that only leaves the page checked in part), else the failure in plain words — never the
 * browser's own error text.
 */
export function finishedReport(parts: readonly PartResult[], failure: unknown): { status: TabStatus; error?: string; partial: boolean } {
  if (!parts.length) return { status: 'error', error: failureMessage(failure ?? new Error('no answer from the background')), partial: false };
  const claims = mergeAnalyses(parts).claims.length;
  return { status: claims ? 'done' : 'no_claims', partial: !!failure };
}
