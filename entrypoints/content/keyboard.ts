/**
 * Crosscheck's keyboard commands in the page (lib/shortcuts.ts). The browser delivers a bound
 * command through the background (`moveToClaim` / `toggleHighlights` messages); this listener
 * answers the same suggested keys pressed in the page, so they also work when the browser has not
 * bound them (another extension holds the key; tests, which cannot press browser commands).
 * Chrome never gives a bound command's key to the page; Firefox does, first, and skips the command
 * when the page calls preventDefault — which this listener does, so a press acts once. A repeat of
 * the same command within REPEAT_GUARD_MS is dropped in case a browser delivers both.
 * The key is left to the page when Crosscheck has nothing to act on (`wants`).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { commandForKey, type CommandName } from '@/lib/shortcuts';
import { ok, type Response } from '@/lib/messages';

/** Shorter than a key's auto-repeat (~30 ms after ~500 ms) would allow twice, longer than a message's trip. */
const REPEAT_GUARD_MS = 120;

export class PageShortcuts {
  private last = new Map<CommandName, number>();

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
        void this.run(command);
      },
      { capture: true },
    );
  }

  /** Run a command (a key here, or the browser's command through the background). */
  async run(command: CommandName): Promise<Response<unknown>> {
    const now = performance.now();
    if (now - (this.last.get(command) ?? -Infinity) < REPEAT_GUARD_MS) return ok({ repeated: true });
    this.last.set(command, now);
    return this.act(command);
  }
}
