import { describe, expect, it } from 'vitest';
import { SHORTCUTS, commandForKey, commandRequest, effectiveShortcuts, manifestCommands } from './shortcuts';

const key = (code: string, mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  code,
  ...mods,
});

describe('shortcuts', () => {
  it('maps each suggested key to its command, only with exactly Alt+Shift', () => {
    expect(commandForKey(key('KeyH'))).toBe('toggle-highlights');
    expect(commandForKey(key('KeyJ'))).toBe('next-claim');
    expect(commandForKey(key('KeyK'))).toBe('previous-claim');
    expect(commandForKey(key('KeyJ', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('KeyJ', { shiftKey: false }))).toBeNull();
    expect(commandForKey(key('KeyX'))).toBeNull();
  });

  it('gives the manifest one command per shortcut (Chrome allows four suggested keys)', () => {
    const m = manifestCommands();
    expect(Object.keys(m)).toEqual(SHORTCUTS.map((s) => s.command));
    expect(Object.keys(m).length).toBeLessThanOrEqual(4);
    expect(m['next-claim']!.suggested_key.default).toBe('Alt+Shift+J');
  });

  it("shows the browser's binding when it has one, '' when unbound, else the suggested key", () => {
    const got = effectiveShortcuts([
      { name: 'toggle-highlights', shortcut: 'Ctrl+Shift+Y' },
      { name: 'next-claim', shortcut: '' },
    ]);
    expect(got.map((s) => s.current)).toEqual(['Ctrl+Shift+Y', '', 'Alt+Shift+K']);
    expect(effectiveShortcuts(null).map((s) => s.current)).toEqual(['Alt+Shift+H', 'Alt+Shift+J', 'Alt+Shift+K']);
  });
});

describe('commandRequest', () => {
  it('turns each command into a content-script request the page accepts', async () => {
    const { PROTOCOL } = await import('./protocol');
    for (const s of SHORTCUTS) {
      const req = commandRequest(s.command)!;
      expect(PROTOCOL[req.type].to).toBe('content');
      expect(PROTOCOL[req.type].request.safeParse(req).success).toBe(true);
    }
    expect(commandRequest('next-claim')).toEqual({ type: 'moveToClaim', direction: 'next' });
    expect(commandRequest('other')).toBeNull();
  });
});
