/**
 * What can go wrong when the content script asks the background something, in words a reader
 * understands, and the one automatic retry.
 *
 * - The MV3 service worker may be stopped by the browser at any time, also in the middle of an
 *   analysis: the pending request then fails with the browser's own words ("A listener indicated
 *   an asynchronous response by returning true, but the message channel closed before a response
 *   was received", "Could not establish connection. Receiving end does not exist."). Asking again
 *   starts the worker again, so the request is retried once.
 * - The extension was updated, reloaded or removed while the page stayed open: this content
 *   script's extension context is gone for good ("Extension context invalidated", or the
 *   extension API itself missing). Nothing can be retried; the page needs a reload.
 *
 * Pure: no DOM, no extension API.
 */

export type SendFailureKind = 'worker-stopped' | 'context-gone' | 'other';

/** Shown when the background stopped twice while checking the page (the popup offers "Try again"). */
export const WORKER_STOPPED_MESSAGE = 'Crosscheck stopped while checking this page. Try again.';
/** The one-line notice on a page whose content script outlived its extension (updated or reloaded). */
export const UPDATED_NOTICE = 'Crosscheck was updated — reload to check again';

/**
 * How long one request may wait for the background before it counts as stopped. Some browsers
 * (seen in Chromium 150) keep a request to a stopped worker pending instead of failing it, so
 * without a limit the page would say "checking" forever. One request is one part of a page
 * (lib/content/chunks.ts), which takes seconds even on a slow machine and a cold corpus: a
 * minute is far beyond that. Test builds wait less, so the e2e suite sees the give-up path.
 */
export const ANSWER_TIMEOUT_MS = 60_000;
export const TEST_BUILD_ANSWER_TIMEOUT_MS = 12_000;

/** The background answered nothing at all (no listener replied, or not within the time limit). */
export class NoAnswerError extends Error {
  constructor(message = 'no answer from the background') {
    super(message);
    this.name = 'NoAnswerError';
  }
}

/** `request`, or a NoAnswerError when it has not settled after `ms`. */
export function withAnswerTimeout<T>(request: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswerError(`no answer from the background within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([request, limit]).finally(() => clearTimeout(timer));
}

const WORKER_STOPPED =
  /message channel closed|message port closed|receiving end does not exist|could not establish connection|no answer from the background|the service worker (was )?(stopped|terminated)/i;
const CONTEXT_GONE =
  /extension context invalidated|reading '(sendMessage|onMessage|id|runtime|storage|getURL)'|browser\.runtime is undefined|runtime is undefined/i;

function text(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

export function classifySendError(e: unknown): SendFailureKind {
  if (e instanceof NoAnswerError) return 'worker-stopped';
  if (e instanceof SendFailure) return e.kind;
  const t = text(e);
  if (CONTEXT_GONE.test(t)) return 'context-gone';
  if (WORKER_STOPPED.test(t)) return 'worker-stopped';
  return 'other';
}

/** Plain words for a failed request: never the browser's own error text. */
export function failureMessage(e: unknown): string {
  switch (classifySendError(e)) {
    case 'worker-stopped':
      return WORKER_STOPPED_MESSAGE;
    case 'context-gone':
      return UPDATED_NOTICE;
    case 'other':
      return e instanceof Error ? e.message : String(e);
  }
}

/** A request that failed for good (after the retry, when one was allowed). */
export class SendFailure extends Error {
  constructor(
    readonly kind: SendFailureKind,
    readonly attempts: number,
    readonly original: unknown,
  ) {
    super(failureMessage(original));
    this.name = 'SendFailure';
  }
}

export interface RetryOptions {
  /** Retries after the background stopped (default 1). */
  retries?: number;
  /** Wait before asking again (default 250 ms: the browser restarts the worker on the next message). */
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Checked before each retry: false (e.g. the page navigated) stops retrying. */
  stillWanted?: () => boolean;
}

/**
 * `send()`, asked again up to `retries` times when it failed because the background stopped.
 * Resolves to the answer and the number of attempts; rejects with a SendFailure in plain words.
 */
export async function sendWithRetry<T>(send: () => Promise<T>, opts: RetryOptions = {}): Promise<{ value: T; attempts: number }> {
  const retries = opts.retries ?? 1;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await send(), attempts: attempt };
    } catch (e) {
      const kind = classifySendError(e);
      if (kind !== 'worker-stopped' || attempt > retries || (opts.stillWanted && !opts.stillWanted())) throw new SendFailure(kind, attempt, e);
      await sleep(opts.delayMs ?? 250);
      if (opts.stillWanted && !opts.stillWanted()) throw new SendFailure(kind, attempt, e);
    }
  }
}
