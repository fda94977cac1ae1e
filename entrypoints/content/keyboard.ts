/**
 * Crosscheck's keyboard commands in the page (lib/shortcuts.ts). The browser delivers a bound
 * command through the background (`moveToClaim` / `toggleHighlights` messages); this listener
 * answers the same suggested keys pressed in the page, so they also work when the browser has not
 * bound them (another extension holds the key; tests, which cannot press browser commands).
 * Chrome does not give a bound command's key to the page. The listener cancels the key it acts
 * on, so neither the page nor, where the browser honours that, its own binding acts on it too.
 * Should a browser still deliver both, the command's second arrival by the other path within REPEAT_GUARD_MS is
 * dropped (two messages, or two key presses, always both act).
 * The key is left to the page when Crosscheck has nothing to act on (`wants`).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { commandForKey, type CommandName } from '@/lib/shortcuts';
import { ok, type Response } from '@/lib/messages';

/** Shorter than a key's auto-repeat (~30 ms after ~500 ms) would allow twice, longer than a message's trip. */
const REPEAT_GUARD_MS = 120;

type Origin = 'key' | 'message';

export class PageShortcuts {
  private last = new Map<CommandName, { at: number; from: Origin }>();

  constructor(
    private act: (command: CommandName) => Promise<Response<unknown>> | Response<unknown>,
    private wants: (command: CommandName) => boolean,
  ) {}

  listen(ctx: ContentScriptContext): void {
    ctx.addEventListener(
      window,
      'keydown',
      (ev: KeyboardEvent) => {
        const command = commandForKey(ev);
        if (!command || !this.wants(command)) return;
        ev.preventDefault();
        ev.stopPropagation();
        void this.run(command, 'key');
      },
      { capture: true },
    );
  }

  /** Run a command: a key pressed here, or a message (the browser's command, the popup). */
  async run(command: CommandName, from: Origin = 'message'): Promise<Response<unknown>> {
    const now = performance.now();
    const last = this.last.get(command);
    if (last && last.from !== from && now - last.at < REPEAT_GUARD_MS) return ok({ repeated: true });
    this.last.set(command, { at: now, from });
    return this.act(command);
  }
}
