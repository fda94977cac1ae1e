import { describe, expect, it } from 'vitest';
import { checkParts, finishedReport, partAnswer, type CheckPartsDeps } from './check-parts';
import { splitForAnalysis, type TextChunk } from './chunks';
import { UPDATED_NOTICE, WORKER_STOPPED_MESSAGE } from './failures';
import type { Analysis } from '../messages';

const CHROME_CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

/** The analysis the background would give for one part: one claim, its first sentence. */
function analysisOf(chunk: TextChunk, cached = false): Analysis {
  const text = chunk.text.split('.')[0]! + '.';
  return {
    url: 'https://news.example/long',
    contentHash: `h${chunk.start}`,
    engineVersion: 'v1',
    analysedAt: 1,
    cached,
    ms: 3,
    sources: [{ id: 's1', title: 's1', outlet: null, date: null }],
    claims: [{ text, start: 0, end: text.length, verdict: 'corroborated', evidence: [] }],
  };
}

const threeParts = splitForAnalysis(['First part here.', 'Second part here.', 'Third part here.'].join('\n\n'), 20);

/** Deps whose background answers each part with `answer(chunk, call)`; records what the page saw. */
function fakeDeps(answer: (chunk: TextChunk, call: number) => unknown, over: Partial<CheckPartsDeps> = {}) {
  const seen = { requests: 0, merged: [] as Analysis[], done: [] as number[], retries: [] as number[], breaths: 0 };
  const deps: CheckPartsDeps = {
    request: async (chunk) => answer(chunk, ++seen.requests),
    alive: () => true,
    timeoutMs: 1000,
    stillWanted: () => true,
    contextValid: () => true,
    onAnswer: (r) => seen.retries.push(r),
    onPart: (m, d) => {
      seen.merged.push(m);
      seen.done.push(d);
    },
    breathe: async () => {
      seen.breaths++;
    },
    ...over,
  };
  return { deps, seen };
}

describe('checkParts: a long page is checked part by part', () => {
  it('sends every part in order and reports the merged analysis after each', async () => {
    expect(threeParts).toHaveLength(3);
    const { deps, seen } = fakeDeps((c) => ({ ok: true, data: analysisOf(c) }));
    const out = await checkParts(threeParts, deps);
    expect(out.kind).toBe('finished');
    if (out.kind !== 'finished') return;
    expect(out.failure).toBeNull();
    expect(out.parts.map((p) => p.chunk)).toEqual(threeParts);
    expect(seen.done).toEqual([1, 2, 3]);
    expect(seen.merged.map((m) => m.claims.length)).toEqual([1, 2, 3]);
    // Offsets are in the whole text.
    expect(seen.merged[2]!.claims[2]!.start).toBe(threeParts[2]!.start);
    // The page breathes between parts, not after the last.
    expect(seen.breaths).toBe(2);
  });

  it('stops at the first failed part and keeps the parts before it', async () => {
    const { deps, seen } = fakeDeps((c, call) => (call === 2 ? { ok: false, error: 'text too long' } : { ok: true, data: analysisOf(c) }));
    const out = await checkParts(threeParts, deps);
    expect(seen.requests).toBe(2);
    expect(out).toMatchObject({ kind: 'finished', failure: new Error('text too long') });
    if (out.kind === 'finished') expect(out.parts).toHaveLength(1);
  });

  it('asks once more after the background stopped, and counts the retry', async () => {
    const { deps, seen } = fakeDeps((c, call) => {
      if (call === 1) throw new Error(CHROME_CLOSED);
      return { ok: true, data: analysisOf(c) };
    });
    const out = await checkParts(threeParts.slice(0, 1), deps);
    expect(out.kind).toBe('finished');
    expect(seen.requests).toBe(2);
    expect(seen.retries).toEqual([1]);
  });

  it('treats no answer at all as a stopped background', async () => {
    const { deps } = fakeDeps(() => undefined);
    const out = await checkParts(threeParts.slice(0, 1), deps);
    expect(out.kind).toBe('finished');
    if (out.kind === 'finished') expect(finishedReport(out.parts, out.failure)).toEqual({ status: 'error', error: WORKER_STOPPED_MESSAGE, partial: false });
  });

  it('says so when the extension context is gone, without sending', async () => {
    const { deps, seen } = fakeDeps(() => ({ ok: true }), { alive: () => false });
    expect(await checkParts(threeParts, deps)).toEqual({ kind: 'context-gone' });
    expect(seen.requests).toBe(0);
  });

  it('stops quietly when a newer run took over while a part was in flight', async () => {
    let wanted = true;
    const { deps, seen } = fakeDeps(
      (c) => {
        wanted = false; // e.g. the reader navigated while the background worked
        return { ok: true, data: analysisOf(c) };
      },
      { stillWanted: () => wanted },
    );
    expect(await checkParts(threeParts, deps)).toEqual({ kind: 'superseded' });
    expect(seen.merged).toHaveLength(0);
    expect(seen.retries).toHaveLength(0);
  });
});

describe('checkParts: the context ends while a part is in flight', () => {
  it('drops the answer without reporting it', async () => {
    let valid = true;
    const { deps, seen } = fakeDeps(
      (c) => {
        valid = false;
        return { ok: true, data: analysisOf(c) };
      },
      { contextValid: () => valid },
    );
    expect(await checkParts(threeParts, deps)).toEqual({ kind: 'superseded' });
    expect(seen.retries).toHaveLength(0);
    expect(seen.merged).toHaveLength(0);
  });
});

describe('partAnswer', () => {
  it('rejects what is not a valid analysis', () => {
    expect(partAnswer(undefined)).toMatchObject({ ok: false, failure: new Error('no answer from the background') });
    expect(partAnswer({ ok: true, data: { claims: 'x' } })).toMatchObject({ ok: false, failure: new Error('malformed analysis from the background') });
    expect(partAnswer({ ok: true, data: analysisOf(threeParts[0]!) }).ok).toBe(true);
  });
});

describe('finishedReport', () => {
  const part = { chunk: threeParts[0]!, analysis: analysisOf(threeParts[0]!) };
  it('says done when a part was checked, partial when a later one failed', () => {
    expect(finishedReport([part], null)).toEqual({ status: 'done', partial: false });
    expect(finishedReport([part], new Error('x'))).toEqual({ status: 'done', partial: true });
    expect(finishedReport([{ ...part, analysis: { ...part.analysis, claims: [] } }], null)).toEqual({ status: 'no_claims', partial: false });
  });
  it('puts a failure in plain words', () => {
    expect(finishedReport([], new Error('Extension context invalidated.')).error).toBe(UPDATED_NOTICE);
  });
});
