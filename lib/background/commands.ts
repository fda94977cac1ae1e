/**
 * Keyboard commands (manifest `commands`): "toggle-highlights" shows or hides the highlights on
 * the active tab. The tab lookup and the transport are passed in.
 */
import { send, type Transport } from '../protocol';

export const TOGGLE_HIGHLIGHTS = 'toggle-highlights';

export interface CommandDeps {
  /** The active tab of the current window, if any. */
  activeTabId(): Promise<number | undefined>;
  toTab(tabId: number): Transport;
}

export function createCommandHandler(deps: CommandDeps): (command: string) => Promise<void> {
  return async (command) => {
    if (command !== TOGGLE_HIGHLIGHTS) return;
    const tabId = await deps.activeTabId();
    if (tabId === undefined) return;
    // No content script on this page (browser page, or not reloaded since install): nothing to do.
    await send(deps.toTab(tabId), 'toggleHighlights', {}).catch(() => {});
  };
}
