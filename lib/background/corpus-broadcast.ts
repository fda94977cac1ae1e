/**
 * Tells every tab that the corpus changed (`corpusChanged`), once per burst of changes: a batch
 * import changes the corpus many times in a row, and each tab should re-check once, after the
 * last change. The tab API and the timers are passed in.
 */
import { send, type Transport } from '../protocol';

export interface BroadcastDeps {
  /** The ids of the open tabs. */
  listTabs(): Promise<number[]>;
  /** Sends to one tab's content script (browser.tabs.sendMessage). */
  toTab(tabId: number): Transport;
  /** Quiet time after the last change before the tabs are told (ms). */
  delayMs: number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Corpus-change notification, debounced: call it on every change. */
export function createCorpusBroadcast(deps: BroadcastDeps): () => void {
  let timer: unknown;
  const tellAll = async () => {
    const tabs = await deps.listTabs().catch(() => []);
    // A tab without a content script (browser pages, not reloaded since install) just does not answer.
    for (const id of tabs) send(deps.toTab(id), 'corpusChanged', {}).catch(() => {});
  };
  return () => {
    deps.clearTimeout(timer);
    timer = deps.setTimeout(() => void tellAll(), deps.delayMs);
  };
}
