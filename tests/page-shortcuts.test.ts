import { describe, expect, it } from 'vitest';
import { PageShortcuts } from '../entrypoints/content/keyboard';
import { ok } from '../lib/messages';

describe('PageShortcuts.run', () => {
  it('drops a command arriving by the other path right after (key then browser command), never two of the same path', async () => {
    const ran: string[] = [];
    const keys = new PageShortcuts(
      (c) => {
        ran.push(c);
        return ok({});
      },
      () => true,
    );
    await keys.run('next-claim', 'key');
    await keys.run('next-claim', 'message'); // the browser delivered the same press as a command
    expect(ran).toEqual(['next-claim']);
    await keys.run('toggle-highlights', 'message');
    await keys.run('toggle-highlights', 'message'); // two popup clicks: both act
    await keys.run('next-claim', 'key');
    await keys.run('next-claim', 'key'); // key auto-repeat: both act
    expect(ran).toEqual(['next-claim', 'toggle-highlights', 'toggle-highlights', 'next-claim', 'next-claim']);
  });
});
