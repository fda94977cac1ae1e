/**
 * The protocol map is the one list of messages: every entry is complete, unknown types are
 * refused, permissions come from `from`/`own`, and a reply that fails its schema is an error.
 */
import { describe, expect, it } from 'vitest';
import { z } from '../zod';
import { makeNote } from '../notes/model';
import { call, checkAccess, createHandler, messageTypes, PROTOCOL, routeOf, send, senderKind, type MessageType, type Route } from './index';
import { CONTENT_SCRIPT_PROTOCOL } from './map-content';

const EXT = 'chrome-extension://abc/';
const routes = Object.entries(PROTOCOL) as [MessageType, Route][];

describe('the protocol map', () => {
  it('every type has a request schema with its own type literal, a reply schema and a route', () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const [type, route] of routes) {
      expect(route.request, type).toBeInstanceOf(z.ZodMiniObject);
      expect(route.request.shape.type.def.values, type).toEqual([type]);
      expect(route.reply, type).toBeInstanceOf(z.ZodMiniType);
      expect(['background', 'content'], type).toContain(route.to);
      expect(route.from.length, type).toBeGreaterThan(0);
      // Nothing is sent to a content script by another web page; the background answers no background.
      if (route.to === 'content') expect(route.from, type).not.toContain('content');
      if (route.to === 'background') expect(route.from, type).not.toContain('background');
    }
    expect(new Set(messageTypes('background')).size + new Set(messageTypes('content')).size).toBe(routes.length);
  });

  it('every text field a web page can send has a size limit', () => {
    const note = makeNote(
      {
        pageUrl: 'https://news.example/a',
        pageTitle: 'T',
        pageText: 'Intro. A claim here. Outro.',
        start: 7,
        end: 20,
        claimVerdict: 'corroborated',
        evidence: [],
      },
      { now: () => new Date('2025-06-02T10:00:00Z'), uuid: () => '00000000-0000-4000-8000-000000000001' },
    );
    // One valid message per type a content script may send, then each text field made huge.
    const samples: Record<string, Record<string, unknown>> = {
      analyze: { type: 'analyze', url: 'https://a.example/', title: 'T', text: 'Some text.', docDate: null },
      status: { type: 'status', status: 'error', url: 'https://a.example/', error: 'e' },
      getTabState: { type: 'getTabState', tabId: 1 },
      saveNote: { type: 'saveNote', note },
      notesForPage: { type: 'notesForPage', pageUrl: 'https://a.example/' },
      openReader: { type: 'openReader', source: 'user_0000abcd', quote: 'q' },
    };
    const fromPages = routes.filter(([, r]) => r.from.includes('content')).map(([t]) => t);
    expect(Object.keys(samples).sort()).toEqual([...fromPages].sort());
    const huge = 'x'.repeat(1_000_001);
    for (const [type, sample] of Object.entries(samples)) {
      const request = PROTOCOL[type as MessageType].request;
      expect(request.safeParse(sample).success, type).toBe(true);
      for (const [field, value] of Object.entries(sample)) {
        if (typeof value === 'string' && field !== 'type') expect(request.safeParse({ ...sample, [field]: huge }).success, `${type}.${field}`).toBe(false);
      }
      if (type === 'saveNote') {
        for (const field of ['pageUrl', 'pageTitle', 'claimText', 'text', 'readerReason']) {
          expect(request.safeParse({ ...sample, note: { ...note, [field]: huge } }).success, `note.${field}`).toBe(false);
        }
      }
    }
  });

  it("the content script's part holds every message a content script answers or may send, as the map's own entries", () => {
    const expected = routes.filter(([, r]) => r.to === 'content' || (r.from as readonly string[]).includes('content')).map(([t]) => t);
    expect(Object.keys(CONTENT_SCRIPT_PROTOCOL).sort()).toEqual([...expected].sort());
    for (const [type, route] of Object.entries(CONTENT_SCRIPT_PROTOCOL)) expect(PROTOCOL[type as MessageType], type).toBe(route);
  });

  it('unknown types have no route', () => {
    for (const t of ['nope', '', 'toString', '__proto__', 42, null, undefined]) expect(routeOf(t)).toBeUndefined();
  });
});

describe('checkAccess (permissions read from the map)', () => {
  const page = { kind: 'content' as const, url: 'https://news.example/a', tabId: 7 };
  it('extension pages may send everything routed to the background; pages only what `from` lists', () => {
    for (const t of messageTypes('background')) {
      expect(checkAccess({ type: t, tabId: 1, pageUrl: 'x', note: {} }, { kind: 'extensionPage', url: `${EXT}popup.html` }).ok, t).toBe(true);
      const asPage = checkAccess({ type: t, tabId: 7, pageUrl: page.url, note: { pageUrl: page.url } }, page);
      expect(asPage.ok, t).toBe((PROTOCOL[t].from as readonly string[]).includes('content'));
    }
  });
  it('a page may ask about its own tab and page only', () => {
    expect(checkAccess({ type: 'getTabState', tabId: 8 }, page)).toEqual({ ok: false, error: "a page may only read its own tab's state" });
    expect(checkAccess({ type: 'notesForPage', pageUrl: 'https://other.example/' }, page).ok).toBe(false);
    expect(checkAccess({ type: 'saveNote', note: { pageUrl: 'https://news.example/a#x' } }, page).ok).toBe(true);
    expect(checkAccess({ type: 'saveNote', note: null }, page).ok).toBe(false);
    expect(checkAccess({ type: 'notesForPage', pageUrl: page.url }, { kind: 'content' }).ok).toBe(false);
  });
  it('senderKind: only the extension origin is an extension page', () => {
    expect(senderKind(`${EXT}sources.html`, EXT)).toBe('extensionPage');
    expect(senderKind('https://abc/', EXT)).toBe('content');
    expect(senderKind(undefined, EXT)).toBe('content');
    expect(senderKind(`${EXT}x`, '')).toBe('content');
  });
});

describe('send / call', () => {
  const reply = (r: unknown) => async () => r;
  it('puts the type on the payload and returns the checked reply', async () => {
    let sent: unknown;
    const r = await send(async (m) => ((sent = m), { ok: true, data: { engineVersion: 'v9' } }), 'sourcesStatus', {});
    expect(sent).toEqual({ type: 'sourcesStatus' });
    expect(r).toEqual({ ok: true, data: { engineVersion: 'v9' } });
  });
  it('a reply failing its schema is an error, not cast', async () => {
    const r = await send(reply({ ok: true, data: { engineVersion: 42 } }), 'sourcesStatus', {});
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^malformed reply to "sourcesStatus": engineVersion/) });
    await expect(call(reply({ ok: true, data: { visible: 'yes' } }), 'toggleHighlights', {})).rejects.toThrow(/malformed reply/);
    expect(await send(reply({ yes: 1 }), 'corpusChanged', {})).toMatchObject({ ok: false, error: /not a reply/ });
  });
  it('no answer and refusals are errors; transport failures propagate', async () => {
    expect(await send(reply(undefined), 'analyzeNow', {})).toEqual({ ok: false, error: 'no answer' });
    expect(await send(reply({ ok: false, error: 'nope' }), 'analyzeNow', {})).toEqual({ ok: false, error: 'nope' });
    await expect(call(reply({ ok: false, error: 'nope' }), 'analyzeNow', {})).rejects.toThrow('nope');
    await expect(send(async () => Promise.reject(new Error('Could not establish connection')), 'analyzeNow', {})).rejects.toThrow(/establish/);
  });
});

describe('createHandler', () => {
  const calls: string[] = [];
  const okAll = Object.fromEntries(messageTypes('content').map((t) => [t, (req: { type: string }) => (calls.push(req.type), { ok: true, data: {} })])) as never;
  const handle = createHandler('content', okAll);
  const bg = { kind: 'background' as const };

  it('unknown types, types of the other party and malformed messages get { ok: false }, the handler is not run', async () => {
    calls.length = 0;
    for (const raw of [
      null,
      42,
      {},
      { type: 'nope' },
      { type: 'analyze', url: 'u', text: 't' },
      { type: 'scrollToClaim', index: -1 },
      { type: 'sourceNotice', message: 'x'.repeat(501), ok: true },
    ]) {
      const r = await handle(raw, bg);
      expect(r.ok, JSON.stringify(raw)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^malformed message/);
    }
    expect(calls).toEqual([]);
  });
  it('a valid message runs its handler with the parsed request (defaults filled)', async () => {
    calls.length = 0;
    expect(await handle({ type: 'scrollToClaim', index: 2, extra: 'dropped' }, bg)).toEqual({ ok: true, data: {} });
    expect(calls).toEqual(['scrollToClaim']);
  });
  it('a sender the route does not allow is refused; a throwing handler is an internal error', async () => {
    expect(await handle({ type: 'analyzeNow' }, { kind: 'content' })).toMatchObject({ ok: false, error: /may not send "analyzeNow"/ });
    const throwing = createHandler('content', { ...(okAll as object), analyzeNow: () => Promise.reject(new Error('boom')) } as never);
    expect(await throwing({ type: 'analyzeNow' }, bg)).toEqual({ ok: false, error: 'internal error: boom' });
  });
});
