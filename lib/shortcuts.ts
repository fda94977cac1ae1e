/**
 * Crosscheck's keyboard commands, in one list: the manifest declares them (wxt.config.ts), the
 * popup and the options page list them, and the content script answers the same keys in the page
 * (entrypoints/content/keyboard.ts) so they also work where the browser did not bind them (a test
 * driving the page, or a browser that gave the key to another extension).
 */

export type CommandName = 'toggle-highlights' | 'next-claim' | 'previous-claim';

export interface Shortcut {
  command: CommandName;
  /** The suggested key, in the manifest's notation. */
  key: string;
  /** What it does, as the browser's shortcuts page and Crosscheck's pages say it. */
  description: string;
}

/**
 * Alt+Shift+letter: free in Chrome and Firefox by default and rarely used by pages. J / K are the
 * usual "next / previous item" pair (mail clients, feed readers).
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'toggle-highlights', key: 'Alt+Shift+H', description: 'Show or hide Crosscheck highlights on the page' },
  { command: 'next-claim', key: 'Alt+Shift+J', description: 'Go to the next checked claim and open its details' },
  { command: 'previous-claim', key: 'Alt+Shift+K', description: 'Go to the previous checked claim and open its details' },
];

/** The manifest's `commands` entry for these shortcuts. */
export function manifestCommands(): Record<string, { suggested_key: { default: string }; description: string }> {
  return Object.fromEntries(SHORTCUTS.map((s) => [s.command, { suggested_key: { default: s.key }, description: s.description }]));
}

export interface KeyLike {
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** KeyboardEvent.code ("KeyJ"): the physical key, the same whatever Alt+Shift types on a Mac. */
  code: string;
}

/** The command a key press is the suggested key of, or null. */
export function commandForKey(ev: KeyLike): CommandName | null {
  if (!ev.altKey || !ev.shiftKey || ev.ctrlKey || ev.metaKey) return null;
  for (const s of SHORTCUTS) {
    const letter = /^Alt\+Shift\+([A-Z])$/.exec(s.key)?.[1];
    if (letter && ev.code === `Key${letter}`) return s.command;
  }
  return null;
}

/**
 * The shortcuts as the reader has them: the browser's current binding when it reports one
 * (the reader may have changed it; '' means unbound), else the suggested key.
 */
export function effectiveShortcuts(bound: ReadonlyArray<{ name?: string; shortcut?: string }> | null): Array<Shortcut & { current: string }> {
  return SHORTCUTS.map((s) => {
    const b = bound?.find((c) => c.name === s.command);
    return { ...s, current: b ? (b.shortcut ?? '') : s.key };
  });
}

/** The content-script request (lib/messages.ts ContentRequest) a command sends to the page, or null. */
export function commandRequest(command: string): { type: 'toggleHighlights' } | { type: 'moveToClaim'; direction: 'next' | 'previous' } | null {
  if (command === 'toggle-highlights') return { type: 'toggleHighlights' };
  if (command === 'next-claim') return { type: 'moveToClaim', direction: 'next' };
  if (command === 'previous-claim') return { type: 'moveToClaim', direction: 'previous' };
  return null;
}
