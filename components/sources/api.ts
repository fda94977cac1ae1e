/**
 * Extension pages (sources page, reader, popup) → background, for the sources messages of the
 * protocol (lib/protocol/map.ts). Resolves to the reply's data, checked against the map's reply
 * schema; rejects with the reply's error (or why the reply is malformed).
 */
import { browser } from 'wxt/browser';
import { call, NO_ANSWER, type PayloadOf, type ReplyOf } from '@/lib/protocol';
import type { SourceType } from '@/lib/sources/messages';

export async function callSources<K extends SourceType>(request: { type: K } & PayloadOf<K>): Promise<ReplyOf<K>> {
  const { type, ...payload } = request;
  try {
    return await call((m) => browser.runtime.sendMessage(m), type, payload as unknown as PayloadOf<K>);
  } catch (e) {
    if (e instanceof Error && e.message === NO_ANSWER) throw new Error("Crosscheck's background did not answer. Reload this page.");
    throw e;
  }
}

/** Opens an extension page (e.g. "/reader.html?source=…") in a new tab. */
export function openExtensionPage(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/sources.html') });
}
