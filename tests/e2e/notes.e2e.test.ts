/**
 * Notes, end to end, in Chromium with the built MV3 extension (playwright-core + /usr/bin/chromium):
 * a note made from the hover tooltip, saved through the background, re-anchored after a reload,
 * a note added from the popup, the notes page's "Open at the claim" link, the note orphaned (kept,
 * with its quote) when the site edits the article, and the notes page's export → delete all →
 * import → export round trip. Writes the Markdown report of the fixture page's notes to
 * test-results/notes-report.md and a screenshot of notes.html.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Download, Page, Worker } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './support/server';
import { expectedFor, squash } from './support/expected';
import { layerTexts, pointOnHighlight, readTooltip } from './support/probes';
import { browserAvailable, figure, outsideLocalhost, ROOT, SCREENSHOTS, waitFor } from './support/browsers';
import { fixtureTabId, gotoAndSettle, launchChromiumWithExtension, newSoleTab, openPopupAsTab, type ChromiumWithExtension } from './support/chromium';

const HAVE = browserAvailable('Chromium');
const B = 'Chromium';
const REPORT = join(ROOT, 'test-results', 'notes-report.md');

const NOTE_TEXT = 'Checked against two other outlets: the second round lasted just over an hour, not four.';
const NOTE_TAGS = 'Duration, Istanbul talks';
const NOTE_REASON = 'two sources say just over an hour';
const POPUP_NOTE = 'Matches the wire report; worth quoting.';

describe.skipIf(!HAVE)('Chromium: notes on claims (tooltip, popup, notes page, export and import)', () => {
  let server: FixtureServer;
  let ext: ChromiumWithExtension;
  let ctx: BrowserContext;
  let sw: Worker;
  let extId = '';
  let requests: string[] = [];
  let contradicted = '';
  let contradictedIndex = -1;
  let otherIndex = -1;
  let otherClaim = '';

  const load = (page: Page, path: string) => gotoAndSettle(page, server.url(path));

  /** Wait until the content script has placed the page's notes (data-crosscheck-notes* signals). */
  async function notesSignals(page: Page, want: { notes: number; placed?: number; orphaned?: number }): Promise<Record<string, string>> {
    return waitFor(
      () =>
        page.evaluate((w) => {
          const d = document.documentElement.dataset;
          const ok =
            d.crosscheckNotes === String(w.notes) &&
            (w.placed === undefined || d.crosscheckNotesPlaced === String(w.placed)) &&
            (w.orphaned === undefined || d.crosscheckNotesOrphaned === String(w.orphaned));
          return ok ? { notes: d.crosscheckNotes!, placed: d.crosscheckNotesPlaced!, orphaned: d.crosscheckNotesOrphaned! } : null;
        }, want),
      `the page's notes to be placed (${JSON.stringify(want)})`,
      15_000,
    );
  }

  const notedTexts = async (page: Page) => (await page.evaluate(layerTexts, 'noted')).map((r) => r.text);

  const newFixturePage = () => newSoleTab(ctx);

  /** The popup, pointed at the fixture tab (see openPopupAsTab: only tabs.query's "active tab" is stubbed). */
  async function openPopup(): Promise<Page> {
    const popup = await openPopupAsTab(ext, { id: await fixtureTabId(sw), url: server.url('round2.html') }, { width: 480, height: 1000 });
    await popup.waitForSelector('li.cc-claim', { timeout: 15_000 });
    return popup;
  }

  async function openNotesPage(): Promise<Page> {
    const p = await ctx.newPage();
    await p.setViewportSize({ width: 1000, height: 1200 });
    await p.goto(`chrome-extension://${extId}/notes.html`);
    await p.getByRole('heading', { name: 'Crosscheck notes', level: 1 }).waitFor();
    return p;
  }

  async function exportAs(p: Page, format: string): Promise<{ name: string; text: string }> {
    await p.getByLabel('Export format', { exact: true }).selectOption(format);
    const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 10_000 }), p.getByRole('button', { name: 'Export', exact: true }).click()]);
    return { name: (dl as Download).suggestedFilename(), text: readFileSync((await (dl as Download).path())!, 'utf8') };
  }

  const noteCards = (p: Page) => p.locator('article.cc-note-card');

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startFixtureServer();
    ext = await launchChromiumWithExtension('notes', { acceptDownloads: true, recordRequests: true });
    ({ ctx, sw, extId, requests } = ext);
    const expected = await expectedFor('round2.html');
    contradictedIndex = expected.claims.findIndex((c) => c.verdict === 'contradicted');
    contradicted = expected.claims[contradictedIndex]!.text;
    otherIndex = expected.claims.findIndex((c) => c.verdict === 'corroborated');
    otherClaim = expected.claims[otherIndex]!.text;
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('tooltip: "Add note" opens the editor; "Note", tags, own verdict and reason; "Save note" saves through the background', async () => {
    const page = await newFixturePage();
    await load(page, 'round2.html');
    await notesSignals(page, { notes: 0 });
    const p = await page.evaluate(pointOnHighlight, 'crosscheck-contradicted');
    await page.mouse.move(p!.x - 30, p!.y - 40);
    await page.mouse.move(p!.x, p!.y, { steps: 4 });
    await waitFor(async () => (await page.evaluate(readTooltip)).open, 'the tooltip to open', 5_000);

    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    const note = page.getByRole('textbox', { name: 'Note', exact: true });
    // An empty note is refused in the tooltip, with a message, before anything is sent.
    await page.getByRole('button', { name: 'Save note', exact: true }).click();
    expect((await page.evaluate(readTooltip)).text).toContain('Write a note, add a tag or give your own verdict first.');
    await note.fill(NOTE_TEXT);
    await page.getByRole('textbox', { name: 'Tags', exact: true }).fill(NOTE_TAGS);
    await page.getByRole('combobox', { name: 'Your verdict', exact: true }).selectOption('contradicted');
    await page.getByRole('textbox', { name: 'Because', exact: true }).fill(NOTE_REASON);
    await page.screenshot({ path: join(SCREENSHOTS, 'chromium-note-editor.png') });
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Save note', exact: true }).click();
    const tip = await waitFor(
      async () => {
        const t = await page.evaluate(readTooltip);
        return t.text.includes('Note saved.') ? t : null;
      },
      '"Note saved." in the tooltip',
      5_000,
    );
    figure(B, 'notes: Save note → saved (ms)', Date.now() - t0);
    expect(tip.text).toContain('1 note');
    expect(tip.text).toContain(NOTE_TEXT);
    expect(tip.text).toContain(`You: Contradicted — ${NOTE_REASON}`);
    expect(tip.text).toContain('duration, istanbul talks');
    // The editor closed and focus went back to "Add note".
    expect(await note.count()).toBe(0);
    await notesSignals(page, { notes: 1, placed: 1, orphaned: 0 });
    expect((await notedTexts(page)).map(squash)).toEqual([squash(contradicted)]);
    await page.close();
  });

  it('after a reload the note is re-anchored: the noted wash covers the claim and its tooltip shows the note', async () => {
    const page = await newFixturePage();
    await load(page, 'round2.html');
    const t0 = Date.now();
    await notesSignals(page, { notes: 1, placed: 1, orphaned: 0 });
    figure(B, 'notes: page done → notes re-anchored (ms)', Date.now() - t0);
    expect((await notedTexts(page)).map(squash)).toEqual([squash(contradicted)]);
    const p = await page.evaluate(pointOnHighlight, 'crosscheck-contradicted');
    await page.mouse.move(p!.x - 30, p!.y - 40);
    await page.mouse.move(p!.x, p!.y, { steps: 4 });
    const tip = await waitFor(
      async () => {
        const t = await page.evaluate(readTooltip);
        return t.open ? t : null;
      },
      'the tooltip',
      5_000,
    );
    expect(tip.text).toContain('1 note');
    expect(tip.text).toContain(NOTE_TEXT);
    await page.screenshot({ path: join(SCREENSHOTS, 'chromium-note-tooltip.png') });
    await page.close();
  });

  it('popup: the claim shows "1 note"; "Add note" on another claim saves a second note', async () => {
    const page = await newFixturePage();
    await load(page, 'round2.html');
    await notesSignals(page, { notes: 1, placed: 1 });
    const popup = await openPopup();
    const noted = popup.locator(`li.cc-claim[data-index="${contradictedIndex}"]`);
    await expect(noted.locator('.cc-notes-count').textContent({ timeout: 5_000 })).resolves.toBe('1 note');
    expect(await noted.textContent()).toContain(NOTE_TEXT);

    const item = popup.locator(`li.cc-claim[data-index="${otherIndex}"]`);
    await item.getByRole('button', { name: 'Add note', exact: true }).click();
    await item.getByRole('textbox', { name: 'Note', exact: true }).fill(POPUP_NOTE);
    await item.getByRole('textbox', { name: 'Tags', exact: true }).fill('sourcing');
    await item.getByRole('button', { name: 'Save note', exact: true }).click();
    await item.getByText('Note saved.').waitFor({ timeout: 5_000 });
    await expect(item.locator('.cc-notes-count').textContent()).resolves.toBe('1 note');
    await notesSignals(page, { notes: 2, placed: 2, orphaned: 0 });
    expect((await notedTexts(page)).map(squash).sort()).toEqual([squash(contradicted), squash(otherClaim)].sort());
    await popup.screenshot({ path: join(SCREENSHOTS, 'chromium-popup-notes.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('notes page: "Open at the claim" opens the article at #crosscheck-note=<id>, which scrolls to the claim and flashes it', async () => {
    await newFixturePage();
    const notes = await openNotesPage();
    await waitFor(async () => (await noteCards(notes).count()) === 2, 'two notes listed', 5_000);
    const card = noteCards(notes).filter({ hasText: NOTE_TEXT });
    const href = await card.getByRole('link', { name: 'Open at the claim' }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^${server.url('round2.html').replace(/[.?]/g, '\\$&')}#crosscheck-note=[0-9a-f-]{36}$`));
    const [opened] = await Promise.all([ctx.waitForEvent('page'), card.getByRole('link', { name: 'Open at the claim' }).click()]);
    await opened.waitForFunction(() => document.documentElement.dataset.crosscheckNoteLink, undefined, { timeout: 30_000 });
    expect(await opened.evaluate(() => document.documentElement.dataset.crosscheckNoteLink)).toBe('anchored');
    const flash = await waitFor(
      async () => {
        const f = (await opened.evaluate(layerTexts, 'flash')).map((r) => r.text);
        return f.length ? f : null;
      },
      'the note’s claim to flash',
      5_000,
    );
    expect(squash(flash[0]!)).toBe(squash(contradicted));
    await waitFor(
      async () => {
        const r = (await opened.evaluate(layerTexts, 'noted')).find((x) => x.text.startsWith('The talks'))?.rect;
        const h = await opened.evaluate(() => innerHeight);
        return !!r && r.y >= 0 && r.y + r.height <= h;
      },
      'the claim to be scrolled into view',
      5_000,
    );
    await opened.close();
    await notes.close();
  });

  it('the site edits the article and the claim is gone: the note is orphaned, never dropped — popup and notes page show it with its quote', async () => {
    server.serveAs('round2.html', 'round2-edited.html');
    try {
      const page = await newFixturePage();
      await load(page, 'round2.html');
      const s = await notesSignals(page, { notes: 2, placed: 1, orphaned: 1 });
      figure(B, 'notes: edited page (claim removed)', `${s.notes} notes, ${s.placed} re-anchored, ${s.orphaned} orphaned`);
      expect((await notedTexts(page)).map(squash)).toEqual([squash(otherClaim)]);

      const popup = await openPopup();
      const orphans = popup.getByRole('region', { name: 'Orphaned notes on this page: the article changed since' });
      await orphans.waitFor({ timeout: 5_000 });
      const text = squash((await orphans.textContent()) ?? '');
      expect(text).toContain(squash(contradicted)); // the stored quote
      expect(text).toContain(NOTE_TEXT);
      await popup.screenshot({ path: join(SCREENSHOTS, 'chromium-popup-orphaned.png'), fullPage: true });
      await popup.close();

      const notes = await openNotesPage();
      const card = noteCards(notes).filter({ hasText: NOTE_TEXT });
      await card.getByText(/^Orphaned: /).waitFor({ timeout: 5_000 });
      expect(
        await noteCards(notes)
          .filter({ hasText: POPUP_NOTE })
          .getByText(/^Orphaned: /)
          .count(),
      ).toBe(0);
      // Filter: only orphaned notes.
      await notes.getByLabel('On the page', { exact: true }).selectOption('orphaned');
      await waitFor(async () => (await noteCards(notes).count()) === 1, 'one orphaned note listed', 5_000);
      await notes.getByRole('button', { name: 'Clear filters' }).click();
      await waitFor(async () => (await noteCards(notes).count()) === 2, 'both notes listed again', 5_000);
      await notes.screenshot({ path: join(SCREENSHOTS, 'chromium-notes.png'), fullPage: true });
      await notes.close();
      await page.close();
    } finally {
      server.serveAs('round2.html', null);
    }
  });

  it('notes page: filters, edit; Markdown report of the page; Export JSON → delete all → import (twice) → Export JSON gives the same file; a foreign or damaged file writes nothing', async () => {
    await newFixturePage();
    const notes = await openNotesPage();
    await waitFor(async () => (await noteCards(notes).count()) === 2, 'two notes listed', 5_000);

    // Filters: by verdict, by tag, by search words, by date.
    await notes.getByLabel("Crosscheck's verdict", { exact: true }).selectOption('contradicted');
    await waitFor(async () => (await noteCards(notes).count()) === 1, 'the contradicted claim’s note', 5_000);
    await notes.getByLabel("Crosscheck's verdict", { exact: true }).selectOption('');
    await notes.getByLabel('Tag', { exact: true }).selectOption('sourcing');
    await waitFor(async () => (await noteCards(notes).count()) === 1, 'the note tagged sourcing', 5_000);
    await notes.getByLabel('Tag', { exact: true }).selectOption('');
    await notes.getByLabel('Search', { exact: true }).fill('roughly four hours');
    await waitFor(async () => (await noteCards(notes).count()) === 1, 'the search result', 5_000);
    await notes.getByLabel('Search', { exact: true }).fill('');
    await notes.getByLabel('From', { exact: true }).fill('2000-01-01');
    await notes.getByLabel('To', { exact: true }).fill('2000-01-02');
    await waitFor(async () => (await noteCards(notes).count()) === 0, 'no note in 2000', 5_000);
    await notes.getByRole('button', { name: 'Clear filters' }).click();
    await waitFor(async () => (await noteCards(notes).count()) === 2, 'both notes', 5_000);

    // Edit a note in place.
    const popupCard = noteCards(notes).filter({ hasText: POPUP_NOTE });
    await popupCard.getByRole('button', { name: 'Edit' }).click();
    const editor = notes.getByRole('form', { name: 'Edit note' });
    await editor.getByRole('textbox', { name: 'Note', exact: true }).fill(`${POPUP_NOTE} Edited.`);
    await editor.getByRole('combobox', { name: 'Your verdict' }).selectOption('corroborated');
    await editor.getByRole('button', { name: 'Save note' }).click();
    await noteCards(notes)
      .filter({ hasText: `${POPUP_NOTE} Edited.` })
      .getByText('You: Corroborated')
      .waitFor({ timeout: 5_000 });

    // Delete one note, then undo: it comes back exactly as it was.
    await noteCards(notes)
      .filter({ hasText: `${POPUP_NOTE} Edited.` })
      .getByRole('button', { name: 'Delete' })
      .click();
    await notes.getByText('Note deleted.').waitFor({ timeout: 5_000 });
    await waitFor(async () => (await noteCards(notes).count()) === 1, 'one note after the delete', 5_000);
    await notes.getByRole('button', { name: 'Undo' }).click();
    await notes.getByText('Note restored.').waitFor({ timeout: 5_000 });
    await waitFor(async () => (await noteCards(notes).count()) === 2, 'both notes after undo', 5_000);

    // The Markdown report of the fixture page's notes (the page filter, "the notes shown").
    await notes.getByLabel('Page', { exact: true }).selectOption(server.url('round2.html'));
    await notes.getByLabel('Notes to export', { exact: true }).selectOption('shown');
    const md = await exportAs(notes, 'markdown');
    expect(md.name).toMatch(/^crosscheck-notes-second-istanbul-meeting-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.text).toContain('# Crosscheck notes: Second Istanbul meeting ends with swap deal and no ceasefire');
    expect(md.text).toContain(`> ${contradicted}`);
    expect(md.text).toContain(`**Your verdict:** Contradicted — ${NOTE_REASON}`);
    expect(md.text).toContain(NOTE_TEXT);
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(REPORT, md.text);
    console.log(`e2e: notes Markdown report of ${server.url('round2.html')} written to ${REPORT}`);
    figure(B, 'notes: Markdown report', `${REPORT} (${md.text.length} characters)`);
    // CSV and Web Annotation downloads too.
    const csv = await exportAs(notes, 'csv');
    expect(csv.text.startsWith('\uFEFFid,page_url,page_title,claim,engine_verdict')).toBe(true);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(3);
    const wa = await exportAs(notes, 'webAnnotation');
    expect(JSON.parse(wa.text)).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2 });
    await notes.getByRole('button', { name: 'Clear filters' }).click();

    // The JSON round trip.
    const first = await exportAs(notes, 'json');
    expect(first.name).toMatch(/^crosscheck-notes-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(first.text).notes).toHaveLength(2);
    const file = join(ROOT, 'test-results', 'notes-export.json');
    writeFileSync(file, first.text);

    await notes.getByRole('button', { name: 'Delete all notes…' }).click();
    await notes.getByRole('button', { name: 'Yes, delete all notes' }).click();
    await notes.getByText('No notes yet.').waitFor({ timeout: 5_000 });
    expect(await noteCards(notes).count()).toBe(0);

    // A foreign JSON file and a damaged export: a clear error, nothing written.
    const input = notes.getByLabel('Import notes from a JSON export', { exact: true });
    await input.setInputFiles({ name: 'foreign.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    await expect(notes.getByRole('alert').textContent({ timeout: 5_000 })).resolves.toMatch(/foreign\.json: This is not a Crosscheck notes file/);
    const damaged = JSON.parse(first.text);
    damaged.notes[1].target.selectors[1].end = -5;
    await input.setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
    await waitFor(
      async () => /damaged\.json: Nothing was imported: 1 note is not valid/.test((await notes.getByRole('alert').textContent()) ?? ''),
      'the damaged-file error',
      5_000,
    );
    expect(await noteCards(notes).count()).toBe(0);

    await input.setInputFiles(file);
    await notes.getByText('Imported 2 notes: 2 added, 0 updated, 0 already there.').waitFor({ timeout: 5_000 });
    await waitFor(async () => (await noteCards(notes).count()) === 2, 'two notes after the import', 5_000);
    await input.setInputFiles(file);
    await notes.getByText('Imported 2 notes: 0 added, 0 updated, 2 already there.').waitFor({ timeout: 5_000 });
    expect(await noteCards(notes).count()).toBe(2);
    figure(B, 'notes: import twice', 'first 2 added; second 0 added, 2 already there (no duplicates)');

    const second = await exportAs(notes, 'json');
    const strip = (s: string) => ({ ...JSON.parse(s), exportedAt: null });
    expect(strip(second.text)).toEqual(strip(first.text));
    figure(B, 'notes: export → delete all → import → export', `equal (${first.text.length} characters, ignoring exportedAt)`);
    await notes.close();
  });

  it('makes no request to any host but 127.0.0.1', () => {
    const outside = outsideLocalhost(requests, /^(chrome-extension|data|blob|about|chrome):/);
    figure(B, 'notes: requests recorded', `${requests.length} (outside 127.0.0.1: ${outside.length})`);
    expect(outside).toEqual([]);
  });
});
