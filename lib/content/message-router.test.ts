import { describe, expect, it } from 'vitest';
import { routeContentMessage, type ContentMessageHandlers } from './message-router';
import { PAGE_RESULT_REQUEST, type PageResult } from './page-result';
import { ok, type ContentRequest } from '../messages';

const RESULT = { url: 'https://a.example/x', checking: false, analysis: null } as unknown as PageResult;

function route(msg: unknown) {
  const answers: unknown[] = [];
  const seen: { handled: ContentRequest[]; sources: unknown[] } = { handled: [], sources: [] };
  const h: ContentMessageHandlers = {
    pageResult: () => RESULT,
    sources: async (m) => {
      seen.sources.push(m);
      return ok('source answer');
    },
    handle: async (req) => {
      seen.handled.push(req);
      if (req.type === 'scrollToClaim') throw new Error('boom');
      return ok('handled');
    },
  };
  const later = routeContentMessage(msg, (r) => answers.push(r), h);
  return { later, answers, seen };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('routeContentMessage: which handler answers a message', () => {
  it('answers the popup’s page-result request at once', () => {
    const { later, answers } = route({ type: PAGE_RESULT_REQUEST });
    expect(later).toBeUndefined();
    expect(answers).toEqual([ok(RESULT)]);
  });

  it('hands a content request to the controller and answers later', async () => {
    const { later, answers, seen } = route({ type: 'analyzeNow' });
    expect(later).toBe(true);
    await settle();
    expect(seen.handled).toEqual([{ type: 'analyzeNow' }]);
    expect(answers).toEqual([ok('handled')]);
  });

  it('hands your-own-sources requests to their handler', async () => {
    const { later, answers, seen } = route({ type: 'corpusChanged' });
    expect(later).toBe(true);
    await settle();
    expect(seen.sources).toEqual([{ type: 'corpusChanged' }]);
    expect(seen.handled).toHaveLength(0);
    expect(answers).toEqual([ok('source answer')]);
  });

  it('answers a handler’s failure in words', async () => {
    const { answers } = route({ type: 'scrollToClaim', index: 2 });
    await settle();
    expect(answers).toEqual([{ ok: false, error: 'Error: boom' }]);
  });

  it('says why a malformed content request is refused, and leaves other messages alone', () => {
    const bad = route({ type: 'scrollToClaim', index: -1 });
    expect(bad.later).toBeUndefined();
    expect(bad.answers).toHaveLength(1);
    expect(bad.answers[0]).toMatchObject({ ok: false });
    expect(bad.seen.handled).toHaveLength(0);
    expect(route('hello').answers).toHaveLength(0);
    expect(route(null).answers).toHaveLength(0);
  });
});
