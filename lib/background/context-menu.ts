/**
 * The context-menu item "Add this page to my sources" on web pages: created at every start
 * (removeAll first, so a restarted MV3 worker does not create a duplicate); a click adds the
 * page and shows the outcome on it (`sourceNotice`). The menus API is passed in.
 */
import { send, type Transport } from '../protocol';
import type { AddOutcome } from '../sources/manager';

export const MENU_ADD_SOURCE = 'crosscheck-add-source';

/** The part of browser.contextMenus the item uses. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(props: { id: string; title: string; contexts: ['page']; documentUrlPatterns: string[] }, done?: () => void): unknown;
  onClicked: { addListener(listener: (info: { menuItemId: string | number }, tab?: { id?: number }) => void): void };
}

export interface AddSourceMenuDeps {
  menus: MenusApi;
  /** "Add this page to my sources" for tab `tabId` (lib/sources/messages.ts). */
  addPage(tabId: number, origin: 'menu'): Promise<AddOutcome>;
  toTab(tabId: number): Transport;
  /** Reads browser.runtime.lastError (a duplicate after a fast restart is harmless). */
  clearLastError(): void;
  log(message: string, error?: unknown): void;
}

export function installAddSourceMenu(deps: AddSourceMenuDeps): void {
  const { menus } = deps;
  menus
    .removeAll()
    .then(() => {
      menus.create({ id: MENU_ADD_SOURCE, title: 'Add this page to my sources', contexts: ['page'], documentUrlPatterns: ['http://*/*', 'https://*/*'] }, () =>
        deps.clearLastError(),
      );
    })
    .catch((e: unknown) => deps.log('could not create the context menu item', e));
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ADD_SOURCE || tab?.id === undefined) return;
    const tabId = tab.id;
    void deps
      .addPage(tabId, 'menu')
      .then((outcome) => send(deps.toTab(tabId), 'sourceNotice', { message: outcome.message.slice(0, 500), ok: outcome.status === 'added' }))
      .catch(() => {});
  });
}
