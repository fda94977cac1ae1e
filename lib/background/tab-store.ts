/**
 * Per-tab state kept across a service-worker restart, in a session storage area
 * (browser.storage.session: Chrome 102+, Firefox 115+; cleared when the browser closes, which
 * matches tab ids' lifetime). The storage area is passed in; without one there is no store.
 */
import type { TabStore } from './service';

/** The part of a storage area the store uses. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function sessionTabStore(session: SessionArea | undefined): TabStore | undefined {
  if (!session) return undefined;
  const key = (tabId: number) => `tab:${tabId}`;
  return {
    get: async (tabId) => (await session.get(key(tabId)))[key(tabId)],
    set: (tabId, value) => session.set({ [key(tabId)]: value }),
    remove: (tabId) => session.remove(key(tabId)),
  };
}
