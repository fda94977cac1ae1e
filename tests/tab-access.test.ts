/**
 * A content script learns only its own tab's state, and every field of a message has a size
 * limit (issue: a page reading another tab's analysis; a 10 MB URL stored as a tab's status).
 */
import { describe, expect, it } from 'vitest';
import { createService } from '../lib/background/service';
import { hash as fnv } from '../lib/corpus/index';
import type { Engine } from '../lib/engine';

const engine = {
  version: 'test',
  analyze: () => ({ claims: [] }),
} as unknown as Engine;

function service() {
  let t = 0;
  return createService({ getEngine: async () => engine, db: null, now: () => ++t, hash: fnv });
}

describe('tab state access', () => {
  it("a content script may read its own tab's state, not another tab's", async () => {
    const s = service();
    await s.handle({ type: 'status', status: 'analysing', url: 'https://secret.example/a' }, { tabId: 1, url: 'https://secret.example/a' });
    const other = await s.handle({ type: 'getTabState', tabId: 1 }, { tabId: 2, url: 'https://evil.example/' });
    expect(other.ok).toBe(false);
    expect(JSON.stringify(other)).not.toContain('secret.example');
    const own = await s.handle({ type: 'getTabState', tabId: 2 }, { tabId: 2, url: 'https://evil.example/' });
    expect(own.ok).toBe(true);
  });

  it('the popup (no tab) and extension pages may read any tab', async () => {
    const s = service();
    await s.handle({ type: 'status', status: 'analysing', url: 'https://a.example/' }, { tabId: 1, url: 'https://a.example/' });
    const popup = await s.handle({ type: 'getTabState', tabId: 1 }, {});
    expect(popup.ok && 'url' in popup.data && popup.data.url).toBe('https://a.example/');
    const page = await s.handle({ type: 'getTabState', tabId: 1 }, { tabId: 3, url: 'chrome-extension://x/notes.html', extensionPage: true });
    expect(page.ok).toBe(true);
  });
});

describe('message size limits', () => {
  it('a status with a 10 MB URL or error is refused, not stored', async () => {
    const s = service();
    const huge = `https://a.example/${'x'.repeat(10_000_000)}`;
    const r = await s.handle({ type: 'status', status: 'analysing', url: huge }, { tabId: 1 });
    expect(r.ok).toBe(false);
    const r2 = await s.handle({ type: 'status', status: 'error', url: 'https://a.example/', error: 'e'.repeat(1_000_000) }, { tabId: 1 });
    expect(r2.ok).toBe(false);
    expect((await s.getTabState(1)).status).toBe('unknown');
  });
});

describe('why a page was not checked', () => {
  it("a 'not_article' status keeps the reason the page gave (a page not in English names its language)", async () => {
    const s = service();
    const reason = 'Crosscheck reads English only; this page looks like Ukrainian.';
    await s.handle({ type: 'status', status: 'not_article', url: 'https://a.example/', error: reason }, { tabId: 4 });
    expect((await s.getTabState(4)).error).toBe(reason);
    await s.handle({ type: 'status', status: 'not_article', url: 'https://a.example/' }, { tabId: 4 });
    expect((await s.getTabState(4)).error).toBeNull();
  });
});
