/**
 * The in-page note editor must not make the browser talk to anyone. Chromium's autofill service
 * queries Google's servers about forms whose text fields a reader types in (content-autofill
 * .googleapis.com), whatever autocomplete="off" says; a note about a claim must never prompt
 * that. The browser's own traffic goes through a recording proxy here (the page and the extension
 * cannot see it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './support/server';
import { pointOnHighlight, readTooltip } from './support/probes';
import { browserAvailable, figure, waitFor } from './support/browsers';
import { gotoAndSettle, launchChromiumWithExtension, newSoleTab, type ChromiumWithExtension } from './support/chromium';
import { startRecordingProxy, type RecordingProxy } from './support/proxy';

const HAVE = browserAvailable('Chromium');
const B = 'Chromium';

describe.skipIf(!HAVE)('Chromium: typing a note prompts no browser traffic (autofill)', () => {
  let server: FixtureServer;
  let proxy: RecordingProxy;
  let ext: ChromiumWithExtension;
  let ctx: BrowserContext;

  beforeAll(async () => {
    server = await startFixtureServer();
    proxy = await startRecordingProxy();
    ext = await launchChromiumWithExtension('autofill', { args: [proxy.arg] });
    ({ ctx } = ext);
  });

  afterAll(async () => {
    await ext?.close();
    await proxy?.close();
    await server?.close();
  });

  it('the editor has no autofill candidates, and typing a whole note sends nothing to the autofill service', async () => {
    const page = await newSoleTab(ctx);
    await gotoAndSettle(page, server.url('round2.html'));
    const p = await page.evaluate(pointOnHighlight, 'crosscheck-contradicted');
    await page.mouse.move(p!.x - 30, p!.y - 40);
    await page.mouse.move(p!.x, p!.y, { steps: 4 });
    await waitFor(async () => (await page.evaluate(readTooltip)).open, 'the tooltip to open', 5_000);
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await page.getByRole('textbox', { name: 'Note', exact: true }).waitFor();

    // Type a whole note from the keyboard: Note, Tags, Your verdict, Because.
    const from = proxy.hosts.length;
    await page.keyboard.type('The talks lasted just over an hour, according to John Smith of 12 Main Street, London.', { delay: 15 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('duration, istanbul', { delay: 15 });
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('two wire reports say an hour', { delay: 15 });
    await page.waitForTimeout(3_000);
    const during = proxy.hosts.slice(from);
    figure(B, 'requests by the browser while a note was typed', `${during.length} (${[...new Set(during)].join(', ') || 'none'})`);
    expect(during.filter((h) => /autofill/i.test(h))).toEqual([]);

    // No form, and no field the browser's autofill considers (text inputs, textareas); the one
    // choice left (a select) says autocomplete="off".
    const fields = await page.evaluate(() => {
      const root = document.querySelector('crosscheck-ui')!.shadowRoot!;
      return {
        forms: root.querySelectorAll('form').length,
        textControls: root.querySelectorAll(
          'textarea, input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"])',
        ).length,
        withoutOff: Array.from(root.querySelectorAll('input, textarea, select')).filter((e) => e.getAttribute('autocomplete') !== 'off').length,
      };
    });
    expect(fields).toEqual({ forms: 0, textControls: 0, withoutOff: 0 });

    // The editor still works from the keyboard: Ctrl+Enter saves.
    await page.keyboard.press('Control+Enter');
    await waitFor(async () => (await page.evaluate(readTooltip)).text.includes('Note saved.'), '"Note saved."', 5_000);
    const tip = await page.evaluate(readTooltip);
    expect(tip.text).toContain('The talks lasted just over an hour, according to John Smith');
    expect(tip.text).toContain('duration, istanbul');
    await page.close();
  });
});
