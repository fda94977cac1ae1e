import { describe, expect, it } from 'vitest';
import { routeContentMessage } from './message-router';
import { PAGE_RESULT_REQUEST, type PageResult } from './page-result';
import { fail, ok } from '../messages';
import { createHandler, type Handlers } from '../protocol/content';

const RESULT = { url: 'https://a.example/x', checking: false, analysis: null } as unknown as PageResult;

function route(msg: unknown) {
  const answers: unknown[] = [];
  const seen: unknown[] = [];
  const handlers = {
    analyzeNow: async (req: unknown) => (seen.push(req), ok({ status: 'done' })),
    toggleHighlights: () => ok({ visible: false }),
    scrollToClaim: async () => {
      throw new Error('boom');
    },
    pageNotes: async () => ok([]),
    addNote: async () => fail('no claim'),
    [PAGE_RESULT_REQUEST]: () => ok(RESULT),
    sourceArticle: async () => fail('not an article'),
    sourceNotice: async (req: unknown) => (seen.push(req), ok(null)),
    corpusChanged: async (req: unknown) => (seen.push(req), ok(null)),
  } as unknown as Handlers<'content'>;
  const later = routeContentMessage(msg, (r) => answers.push(r), createHandler('content', handlers));
  return { later, answers, seen };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('routeContentMessage: the protocol handler answers every typed message', () => {
  it('answers the popup’s page-result request', async () => {
    const { later, answers } = route({ type: PAGE_RESULT_REQUEST });
    expect(later).toBe(true);
    await settle();
    expect(answers).toEqual([ok(RESULT)]);
  });

  it('hands a content request and a your-own-sources request to their handlers', async () => {
    const a = route({ type: 'analyzeNow' });
    const b = route({ type: 'corpusChanged' });
    await settle();
    expect(a.seen).toEqual([{ type: 'analyzeNow' }]);
    expect(a.answers).toEqual([ok({ status: 'done' })]);
    expect(b.seen).toEqual([{ type: 'corpusChanged' }]);
  });

  it('answers a handler’s failure in words', async () => {
    const { answers } = route({ type: 'scrollToClaim', index: 2 });
    await settle();
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ ok: false });
    expect(String((answers[0] as { error: string }).error)).toMatch(/boom/);
  });

  it('says why a malformed or unknown request is refused, and leaves what is not a message alone', async () => {
    const bad = route({ type: 'scrollToClaim', index: -1 });
    const unknown = route({ type: 'formatDisk' });
    await settle();
    expect(bad.answers).toHaveLength(1);
    expect(bad.answers[0]).toMatchObject({ ok: false });
    expect(unknown.answers[0]).toMatchObject({ ok: false });
    expect(route('hello').later).toBeUndefined();
    expect(route('hello').answers).toHaveLength(0);
    expect(route(null).answers).toHaveLength(0);
  });
});
