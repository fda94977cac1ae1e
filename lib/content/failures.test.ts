import { describe, expect, it } from 'vitest';
import {
  classifySendError,
  failureMessage,
  NoAnswerError,
  SendFailure,
  sendWithRetry,
  UPDATED_NOTICE,
  withAnswerTimeout,
  WORKER_STOPPED_MESSAGE,
} from './failures';

const CHROME_CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

describe('classifySendError (item 11: the worker stopped mid-analysis)', () => {
  it('recognises a stopped or restarting background', () => {
    for (const m of [CHROME_CLOSED, 'Could not establish connection. Receiving end does not exist.', 'The message port closed before a response was received.'])
      expect(classifySendError(new Error(m))).toBe('worker-stopped');
    expect(classifySendError(new NoAnswerError())).toBe('worker-stopped');
  });
  it('recognises an extension that was updated or removed (item 13)', () => {
    expect(classifySendError(new Error('Extension context invalidated.'))).toBe('context-gone');
    expect(classifySendError(new TypeError("Cannot read properties of undefined (reading 'sendMessage')"))).toBe('context-gone');
  });
  it('leaves anything else alone', () => {
    expect(classifySendError(new Error('malformed message: text: Too big'))).toBe('other');
  });
});

describe('failureMessage: plain words, never the browser’s', () => {
  it('says what happened and what to do', () => {
    expect(failureMessage(new Error(CHROME_CLOSED))).toBe(WORKER_STOPPED_MESSAGE);
    expect(WORKER_STOPPED_MESSAGE).not.toMatch(/listener|channel|port|receiving end/i);
    expect(failureMessage(new Error('Extension context invalidated.'))).toBe(UPDATED_NOTICE);
    expect(UPDATED_NOTICE).toBe('Crosscheck was updated — reload to check again');
  });
});

describe('sendWithRetry', () => {
  const noSleep = async () => {};
  it('asks once more after the background stopped, and returns the answer', async () => {
    let calls = 0;
    const got = await sendWithRetry(
      async () => {
        calls++;
        if (calls === 1) throw new Error(CHROME_CLOSED);
        return 'answer';
      },
      { sleep: noSleep },
    );
    expect(got).toEqual({ value: 'answer', attempts: 2 });
  });
  it('gives up after one retry with a SendFailure in plain words', async () => {
    let calls = 0;
    const err = await sendWithRetry(
      async () => {
        calls++;
        throw new Error(CHROME_CLOSED);
      },
      { sleep: noSleep },
    ).catch((e: unknown) => e);
    expect(calls).toBe(2);
    expect(err).toBeInstanceOf(SendFailure);
    expect((err as SendFailure).kind).toBe('worker-stopped');
    expect((err as SendFailure).message).toBe(WORKER_STOPPED_MESSAGE);
  });
  it('does not retry when the extension is gone, or on other errors', async () => {
    for (const m of ['Extension context invalidated.', 'something else']) {
      let calls = 0;
      await sendWithRetry(
        async () => {
          calls++;
          throw new Error(m);
        },
        { sleep: noSleep },
      ).catch(() => {});
      expect(calls).toBe(1);
    }
  });
});

describe('withAnswerTimeout: a request the browser keeps pending', () => {
  it('fails as "worker stopped" when no answer comes in time, and is retried once', async () => {
    let calls = 0;
    const err = await sendWithRetry(
      () => {
        calls++;
        return withAnswerTimeout(new Promise<never>(() => {}), 20);
      },
      { sleep: async () => {} },
    ).catch((e) => e);
    expect(calls).toBe(2);
    expect(err).toBeInstanceOf(SendFailure);
    expect((err as SendFailure).message).toBe(WORKER_STOPPED_MESSAGE);
  });
  it('passes an answer that comes in time through, and its failure too', async () => {
    await expect(withAnswerTimeout(Promise.resolve(7), 1000)).resolves.toBe(7);
    await expect(withAnswerTimeout(Promise.reject(new Error('boom')), 1000)).rejects.toThrow('boom');
  });
});
