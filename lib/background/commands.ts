/**
 * Keyboard commands (manifest `commands`, lib/shortcuts.ts): show or hide the highlights, go to
 * the next / previous claim, on the active tab. The tab lookup and the transport are passed in.
 */
import { send, type Transport } from '../protocol';
import { commandRequest } from '../shortcuts';

export const TOGGLE_HIGHLIGHTS = 'toggle-highlights';

export interface CommandDeps {
  /** The active tab of the current window, if any. */
  activeTabId(): Promise<number | undefined>;
  toTab(tabId: number): Transport;
}

export function createCommandHandler(deps: CommandDeps): (command: string) => Promise<void> {
  return async (command) => {
    const request = commandRequest(command);
    if (!request) return;
    const tabId = await deps.activeTabId();
    if (tabId === undefined) return;
    const to = deps.toTab(tabId);
    // No content script on this page (browser page, or not reloaded since install): nothing to do.
    const sent = request.type === 'moveToClaim' ? send(to, 'moveToClaim', { direction: request.direction }) : send(to, 'toggleHighlights', {});
    await sent.catch(() => {});
  };
}
