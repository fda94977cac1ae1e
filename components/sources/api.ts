/**
 * Extension pages (sources page, reader, popup) → background, for the sources messages
 * (lib/sources/messages.ts). Resolves to the reply's data; rejects with the reply's error.
 */
import { browser } from 'wxt/browser';
import type { SourceRequest } from '@/lib/sources/messages';
import type { z } from 'zod';

type Input = z.input<typeof import('@/lib/sources/messages').SourceRequest>;

export async function callSources<T>(request: Input | SourceRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(request)) as { ok?: boolean; data?: unknown; error?: string } | undefined;
  if (!reply || typeof reply !== 'object') throw new Error("Crosscheck's background did not answer. Reload this page.");
  if (reply.ok !== true) throw new Error(reply.error ?? 'Something went wrong.');
  return reply.data as T;
}

/** Opens an extension page (e.g. "/reader.html?source=…") in a new tab. */
export function openExtensionPage(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/sources.html') });
}
