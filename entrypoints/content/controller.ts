/**
 * The content script's wiring: settings → extract → analyse (background; a long page in parts) →
 * anchor → paint; re-runs when the article changes or the SPA navigates; hover tooltip; messages
 * from the popup / background; notices when its extension context is gone (the extension was
 * updated or removed while the page stayed open). It holds the page's state and connects the
 * parts; the decisions are theirs:
 *   lib/content/runs.ts            one run at a time, generations (stale runs stop)
 *   lib/content/check-parts.ts     the long-page part loop, retries, what a finished run reports
 *   lib/content/recheck.ts         when a changing page is looked at again
 *   lib/content/hover.ts           when the tooltip opens and closes
 *   lib/content/message-router.ts  which handler answers a runtime message
 *   lib/content/site-decision.ts   checked, idle or blocked; what a settings change means
 *   lib/content/status.ts, page-result.ts  what the page reports to the background and the popup
 *   ./anchoring.ts, painter.ts, claim-tooltip.ts, notes.ts, page-watch.ts, extension.ts  the DOM
 *   and extension-API side of each
 *
 * Test builds only (entrypoints/content/signals.ts), read-only signals on <html> (never read by
 * the page's logic; release builds write none):
 *   data-crosscheck-status   idle | analysing | done | not_article | no_claims | blocked | error
 *   data-crosscheck-claims   claims in the analysis
 *   data-crosscheck-count    claims painted on the page
 *   data-crosscheck-cached   "true" when the background served the analysis from its cache
 *   data-crosscheck-ms       ms from the start of this run to highlights painted
 *   data-crosscheck-mode     overlay | mark
 *   data-crosscheck-parts    parts the page was checked in / parts checked ("2/2")
 *   data-crosscheck-retries  requests asked again after the background stopped
 *   data-crosscheck-context  "gone" once the extension context is lost
 *   data-crosscheck-paints   repaints so far
 * and the probe (PROBE_EVENT → PROBE_ATTRIBUTE: what is painted, lib/content/privacy.ts).
 */
import { browser } from 'wxt/browser';
import { z } from '@/lib/zod';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractArticle, type ExtractedArticle } from '@/lib/extract/html';
import { checkability, pageKey, type Checkability } from '@/lib/content/article';
import { splitForAnalysis } from '@/lib/content/chunks';
import { MAX_PARTS, checkParts, finishedReport } from '@/lib/content/check-parts';
import { ANSWER_TIMEOUT_MS, TEST_BUILD_ANSWER_TIMEOUT_MS, UPDATED_NOTICE, classifySendError, failureMessage } from '@/lib/content/failures';
import { routeContentMessage } from '@/lib/content/message-router';
import { PAGE_RESULT_REQUEST, pageResultOf, type PageResult, type PageRun } from '@/lib/content/page-result';
import { RecheckPacer, MUTATION_DEBOUNCE_MS, sameTextAction } from '@/lib/content/recheck';
import { Generations, RunQueue, type RunReason } from '@/lib/content/runs';
import { statusReport, type PageReport } from '@/lib/content/status';
import { PROBE_EVENT } from '@/lib/content/privacy';
import { HoverIntent } from '@/lib/content/hover';
import { fail, ok, type Analysis, type Response, type TabStatus } from '@/lib/messages';
import { createHandler, message, send, type Handlers, type ReplyOf } from '@/lib/protocol/content';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { changedSettings, settingsEffect, startDecision } from '@/lib/content/site-decision';
import { collectPageText } from './textnodes';
import { Painter, type PaintedClaim } from './painter';
import type { Tooltip } from './tooltip';
import { ClaimTooltip } from './claim-tooltip';
import { anchorInPage } from './anchoring';
import { scrollToRange } from './reveal';
import { PageNotes } from './notes';
import { Notice } from './notice';
import { sourceContentHandlers } from './sources';
import { SIGNALS, answerProbe, setSignal } from './signals';
import { extensionAlive, loadStored, quietly } from './extension';
import { PageWatch, fingerprint, isOwnElement, isOwnMutation, removeLeftovers } from './page-watch';
import { claimToVisit, type NavDirection } from '@/lib/content/claim-nav';
import type { CommandName } from '@/lib/shortcuts';
import { PageShortcuts } from './keyboard';
import { noteIdFromHash } from '@/lib/notes-ui/link';

/** How often the content script checks that its extension is still there (updated or removed meanwhile). */
const HEARTBEAT_MS = 1000;

export class Controller {
  private settings: Settings = DEFAULT_SETTINGS;
  private painter!: Painter;
  /** The claim tooltip (entrypoints/content/claim-tooltip.ts). */
  private claimTip = new ClaimTooltip({
    analysis: () => this.analysis,
    hover: () => this.hover,
    notesFor: (index) => this.notes.notesFor(index),
    addNote: (index, draft) => this.notes.add(index, draft),
  });
  /** The reader's notes on this page (entrypoints/content/notes.ts). */
  private notes!: PageNotes;
  private notice = new Notice();
  /** The page's changes (entrypoints/content/page-watch.ts). */
  private watch = new PageWatch((records) => this.onMutations(records));
  private analysis: Analysis | null = null;
  /** The last status this page reported (and its error), for the popup's page result. */
  private lastReport: PageReport | null = null;
  private lastText: string | null = null;
  private url = location.href;
  /** Whether this page is being analysed (auto, or the reader asked). */
  private active = false;
  private generations = new Generations();
  private runs = new RunQueue<RunReason>((reason) => this.runStep(reason));
  private recheckTimer: number | undefined;
  /** When the page's text is looked at again after it changed (lib/content/recheck.ts). */
  private pacer = new RecheckPacer();
  /** Cheap fingerprint of the page text when it was last extracted. */
  private printed = '';
  /** Hover intent: when the tooltip opens and closes (lib/content/hover.ts). */
  private hover!: HoverIntent<PaintedClaim>;
  /** What the current page's run checked: its parts, and how many are done (for the popup). */
  private pageRun: PageRun | null = null;
  /** Set once the extension context is lost: everything stops. */
  private gone = false;
  /** Repaints so far (a test signal). */
  private paints = 0;
  /** Keyboard commands (entrypoints/content/keyboard.ts) and the claim the last one went to. */
  private shortcuts = new PageShortcuts(
    (c) => this.runCommand(c),
    (c) => c === 'toggle-highlights' || this.painter.painted.length > 0,
  );
  private navIndex: number | null = null;

  constructor(private ctx: ContentScriptContext) {}

  async start(): Promise<void> {
    // No eval in an extension's isolated world (nor on strict pages): keep zod from probing it.
    z.config({ jitless: true });
    // What an older copy of this script left behind (Firefox puts the new one into open tabs on an update).
    removeLeftovers();
    const stored = await loadStored();
    this.settings = stored.settings;
    this.painter = new Painter(this.settings, () => this.watch.takeRecords(), stored.forceMarks ? 'mark' : 'overlay');
    this.setSignal('mode', this.painter.mode);
    this.hover = new HoverIntent<PaintedClaim>({
      claimAt: (x, y) => this.painter.claimAt(x, y),
      tooltip: () => this.tooltip,
      open: (claim, pointer) => this.openTooltip(claim, pointer),
      timers: { setTimeout: (fn, ms) => this.ctx.setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id), now: () => performance.now() },
    });
    this.notes = new PageNotes({
      painter: this.painter,
      collect: () => collectPageText(document.body ?? document.documentElement, isOwnElement),
      analysis: () => this.analysis,
      reveal: (range, claimIndex) => this.revealNote(range, claimIndex),
      notify: (text) => this.notice.show(text),
      setSignal: (name, value) => this.setSignal(name, value),
    });
    this.ctx.onInvalidated(() => this.teardown());
    this.listenMessages();
    this.listenSettings();
    this.listenNavigation();
    this.listenHover();
    this.shortcuts.listen(this.ctx);
    if (SIGNALS) this.ctx.addEventListener(document, PROBE_EVENT, () => this.answerProbe());
    // The extension may be updated or removed while the page stays open: its context is then gone
    // for good. WXT's context notices on its next timer (this one) and calls teardown().
    this.ctx.setInterval(() => {
      if (!extensionAlive()) this.ctx.notifyInvalidated();
    }, HEARTBEAT_MS);
    this.decideAndRun('auto');
  }

  // ---------------------------------------------------------------------------------------------
  // Runs

  private decideAndRun(reason: RunReason): void {
    const decision = startDecision(location.href, this.settings);
    if (decision.run) {
      this.active = true;
      void this.run(reason);
    } else {
      this.active = false;
      this.report(decision.status);
      // A link from the notes page still finds its note on a page that is not checked.
      if (noteIdFromHash(location.hash)) void this.syncNotes();
    }
  }

  /** Extract, analyse (unless the text is unchanged) and paint. One run at a time; a request during a run queues one more. */
  private run(reason: RunReason): Promise<void> {
    return this.runs.run(reason);
  }

  /** One run of the queue: never throws (a failure is reported), and places the notes after. */
  private async runStep(reason: RunReason): Promise<void> {
    try {
      await this.runOnce(reason);
    } catch (e) {
      if (classifySendError(e) === 'context-gone') this.contextGone();
      else this.report('error', failureMessage(e));
    }
    await this.syncNotes();
  }

  private async runOnce(reason: RunReason): Promise<void> {
    if (this.gone) return;
    const current = this.generations.begin();
    const t0 = performance.now();
    this.pacer.looked();
    this.printed = fingerprint();
    // Watch for changes from now on, whatever this run finds: an article may render late.
    this.watch.start();
    const url = location.href;
    let article;
    try {
      article = extractArticle(document.cloneNode(true) as Document, url);
    } catch (e) {
      this.report('error', `could not read the page: ${String(e)}`);
      return;
    }
    const text = article.text;
    // Same article text after a page change: only re-anchor if the page replaced the nodes we painted.
    const action = sameTextAction(reason, text, this.lastText, { hasAnalysis: !!this.analysis, stale: () => !this.painter.allConnected() });
    if (action === 'reanchor') return this.paint(this.analysis!, t0);
    if (action === 'unchanged') return this.pacer.unchanged();
    this.pacer.changed();
    this.lastText = text;
    const decision = checkability(text, { listOfLinks: article.listOfLinks });
    if (!decision.checkable) return this.notAnArticle(decision, reason);
    await this.analyseInParts(article, url, t0, current);
  }

  /** The page is no article to check (too short, a list of links, not in English): nothing painted. */
  private notAnArticle(decision: Exclude<Checkability, { checkable: true }>, reason: RunReason): void {
    this.clearPaint();
    this.analysis = null;
    this.pageRun = null;
    // Not in English: the popup says so and names the language (the background keeps the text).
    this.report('not_article', decision.reason === 'not_english' ? decision.message : undefined);
    if (decision.reason === 'not_english' && reason === 'manual') this.notice.show(decision.message);
  }

  /** A long page is checked in parts, one after the other, painted as each part is done (lib/content/check-parts.ts). */
  private async analyseInParts(article: ExtractedArticle, url: string, t0: number, current: () => boolean): Promise<void> {
    const text = article.text;
    const all = splitForAnalysis(text);
    // Coverage counts every part, so a page longer than MAX_PARTS parts is said to be checked in part.
    const run = { url: pageKey(url), chunks: all, done: 0, checking: true, totalChars: text.length };
    this.pageRun = run;
    this.report('analysing');
    const outcome = await checkParts(all.slice(0, MAX_PARTS), {
      request: (chunk) =>
        browser.runtime.sendMessage(
          message('analyze', {
            url: url.slice(0, 4096),
            title: article.title.slice(0, 2000),
            text: chunk.text,
            docDate: article.date,
            sentAt: Date.now(),
            ...(all.length > 1 ? { part: { index: all.indexOf(chunk), start: chunk.start } } : {}),
          }),
        ),
      alive: extensionAlive,
      timeoutMs: SIGNALS ? TEST_BUILD_ANSWER_TIMEOUT_MS : ANSWER_TIMEOUT_MS,
      stillWanted: () => current() && !this.gone,
      contextValid: () => !this.ctx.isInvalid,
      onAnswer: (retries) => this.setSignal('retries', String(retries)),
      onPart: (merged, done) => {
        run.done = done;
        this.analysis = merged;
        this.setSignal('cached', String(merged.cached));
        this.setSignal('claims', String(merged.claims.length));
        this.setSignal('parts', `${done}/${all.length}`);
        this.paint(merged, t0);
      },
      breathe: () => new Promise<void>((r) => setTimeout(r, 0)),
    });
    if (outcome.kind === 'context-gone') return this.contextGone();
    if (outcome.kind === 'superseded') return;
    run.checking = false;
    // What was painted before (a live page checked again) stays when a run fails.
    const end = finishedReport(outcome.parts, outcome.failure);
    if (end.partial) console.warn('crosscheck: only part of this long page was checked', outcome.failure);
    this.report(end.status, end.error);
  }

  /** Anchor every claim in the live text and paint it. */
  private paint(analysis: Analysis, t0: number): void {
    // Unwrap old <mark>s first (fallback mode): that merges text nodes the anchors would point into.
    this.painter.clear();
    const { page, anchors, toPaint } = anchorInPage(analysis);
    this.notes.setClaims(page.strings, anchors);
    const painted = this.painter.paint(toPaint);
    this.keepTooltip(analysis, painted);
    this.setSignal('paints', String(++this.paints));
    this.setSignal('count', String(painted.length));
    this.setSignal('anchored', String(toPaint.length));
    this.setSignal('ms', String(Math.round(performance.now() - t0)));
  }

  /**
   * After a repaint: an open tooltip stays on its claim (entrypoints/content/claim-tooltip.ts), and
   * the hover state follows the new claims: the claim under the pointer is looked up again.
   */
  private keepTooltip(analysis: Analysis, painted: readonly PaintedClaim[]): void {
    this.claimTip.follow(analysis, painted);
    this.hover.repainted();
  }

  private clearPaint(): void {
    this.tooltip?.close(false);
    this.painter.clear();
    this.setSignal('count', '0');
  }

  // ---------------------------------------------------------------------------------------------
  // Page changes

  private onMutations(records: MutationRecord[]): void {
    if (this.checkUrl()) return;
    if (!this.active) return;
    if (records.every(isOwnMutation)) return;
    // The page's text may have moved: the overlay follows at the next frame.
    this.painter.scheduleLayout();
    clearTimeout(this.recheckTimer);
    this.recheckTimer = this.ctx.setTimeout(() => this.recheck(), this.pacer.delay());
  }

  /** After a burst of changes: extract again unless the page's text is plainly unchanged. */
  private recheck(): void {
    if (fingerprint() === this.printed && this.painter.allConnected()) {
      this.pacer.unchanged();
      this.pacer.looked();
      return;
    }
    void this.run('mutation');
  }

  /** Did the URL change (SPA navigation)? Starts over on the new page. */
  private checkUrl(): boolean {
    if (pageKey(location.href) === pageKey(this.url)) {
      this.url = location.href;
      return false;
    }
    this.url = location.href;
    this.generations.drop(); // drop any run in flight
    clearTimeout(this.recheckTimer);
    this.analysis = null;
    this.pageRun = null;
    this.lastText = null;
    this.pacer.changed();
    this.clearPaint();
    this.notes.reset();
    this.setSignal('status', 'idle');
    // Give the new view a moment to render before extracting.
    this.recheckTimer = this.ctx.setTimeout(() => this.decideAndRun('navigation'), MUTATION_DEBOUNCE_MS);
    return true;
  }

  private listenNavigation(): void {
    const check = () => void this.checkUrl();
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.ctx.setTimeout(check, 0));
    this.ctx.addEventListener(window, 'popstate', check);
    this.ctx.addEventListener(window, 'hashchange', () => {
      check();
      if (noteIdFromHash(location.hash)) void this.syncNotes();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Hover tooltip

  private listenHover(): void {
    this.ctx.addEventListener(document, 'mousemove', (ev: MouseEvent) => this.onMouseMove(ev), { passive: true });
    this.ctx.addEventListener(document, 'keydown', (ev: KeyboardEvent) => {
      if (ev.key === 'Escape' && this.tooltip?.isOpen) this.tooltip.close();
    });
    this.ctx.addEventListener(window, 'blur', () => this.hover.cancel());
  }

  private onMouseMove(ev: MouseEvent): void {
    this.hover.move({ x: ev.clientX, y: ev.clientY }, this.tooltip?.contains(ev.target) ?? false);
  }

  private get tooltip(): Tooltip | null {
    return this.claimTip.tooltip;
  }

  private openTooltip(claim: PaintedClaim, pointer: { x: number; y: number } | null, focus = false): void {
    this.claimTip.open(claim, pointer, focus);
  }

  // ---------------------------------------------------------------------------------------------
  // Messages and settings

  private listenMessages(): void {
    // Only the extension's own contexts (background, popup) can reach a content script's onMessage.
    const handle = createHandler('content', this.messageHandlers());
    const listener = (msg: unknown, _sender: unknown, sendResponse: (r: unknown) => void): boolean | undefined => {
      if (this.gone) return undefined;
      return routeContentMessage(msg, sendResponse, handle);
    };
    browser.runtime.onMessage.addListener(listener);
    // The extension API may be gone by then (updated or removed): never throw.
    this.ctx.onInvalidated(() => quietly(() => browser.runtime.onMessage.removeListener(listener)));
  }

  /** What this page's run checked, for the popup (lib/content/page-result.ts). */
  private pageResult(): PageResult {
    return { ...pageResultOf(this.pageRun, this.analysis, this.lastReport, pageKey(location.href)), highlightsVisible: this.painter.isVisible() };
  }

  /** The content script's answers to the protocol's `to: 'content'` messages (lib/protocol/map.ts). */
  private messageHandlers(): Handlers<'content'> {
    return {
      analyzeNow: async () => {
        this.active = true;
        this.lastText = null;
        await this.run('manual');
        return ok({ status: document.documentElement.dataset.crosscheckStatus ?? 'idle' });
      },
      // Keyboard commands and the popup's control go through the same path (entrypoints/content/keyboard.ts).
      toggleHighlights: () => this.shortcuts.run('toggle-highlights') as Promise<Response<ReplyOf<'toggleHighlights'>>>,
      moveToClaim: (req) => this.shortcuts.run(req.direction === 'next' ? 'next-claim' : 'previous-claim') as Promise<Response<ReplyOf<'moveToClaim'>>>,
      scrollToClaim: (req) => this.scrollToClaim(req.index),
      pageNotes: async () => {
        await this.syncNotes();
        return ok(this.notes.list());
      },
      addNote: (req) => this.notes.add(req.index, req.draft),
      // The popup: what this page's run checked (a long page is checked in parts).
      [PAGE_RESULT_REQUEST]: () => ok(this.pageResult()),
      // Your own sources (entrypoints/content/sources.ts): the article for "Add this page", notices, corpus changes.
      ...sourceContentHandlers({ showNotice: (t) => this.notice.show(t), corpusChanged: () => this.onCorpusChanged() }),
    };
  }

  /** The reader added, removed or switched sources: a checked page asks again (a fresh analysis with the new corpus). */
  private onCorpusChanged(): void {
    if (!this.active || !this.analysis) return;
    this.lastText = null;
    void this.run('manual');
  }

  /** Fetch and place this page's notes; never throws (the page works without them). */
  private async syncNotes(): Promise<void> {
    try {
      await this.notes.sync();
    } catch (e) {
      console.warn('crosscheck: could not place the notes', e);
    }
  }

  /** Scroll to a note (from a #crosscheck-note link) and flash it; open its claim's tooltip. */
  private revealNote(range: Range, claimIndex: number | null): void {
    this.showHighlights();
    const settle = scrollToRange(range);
    const claim = claimIndex === null ? undefined : this.painter.painted.find((c) => c.index === claimIndex);
    if (!claim || !this.painter.flash(claim.index)) this.painter.flashRange(range);
    if (claim) this.ctx.setTimeout(() => this.openTooltip(claim, null), settle);
  }

  /** A keyboard command (lib/shortcuts.ts): show/hide, or go to the next / previous claim. */
  private runCommand(command: CommandName): Response<unknown> | Promise<Response<unknown>> {
    if (command !== 'toggle-highlights') return this.moveToClaim(command === 'next-claim' ? 'next' : 'previous');
    const visible = !this.painter.isVisible();
    this.painter.setVisible(visible);
    if (!visible) this.tooltip?.close(false);
    this.setSignal('visible', String(visible));
    // Feedback for every reader (the notice is a status message, in Crosscheck's own shadow root).
    this.notice.show(visible ? 'Crosscheck highlights shown.' : 'Crosscheck highlights hidden.');
    return ok({ visible });
  }

  /** Go to the next / previous claim in reading order, open its details and focus them (lib/content/claim-nav.ts). */
  private moveToClaim(direction: NavDirection): Promise<Response<{ index: number }>> {
    const claims = this.painter.painted.map((c) => {
      const r = c.ranges[0]!.getBoundingClientRect();
      return { index: c.index, top: r.top + window.scrollY, left: r.left };
    });
    const current = this.tooltip?.isOpen ? this.tooltip.claimIndex : this.navIndex;
    const index = claimToVisit(claims, current, direction, window.scrollY);
    if (index === null) return Promise.resolve(fail('no claim is highlighted on this page'));
    this.navIndex = index;
    return this.scrollToClaim(index, true);
  }

  /** Scroll to a claim, flash it, open its tooltip and focus it (`instant`: keyboard, no smooth scroll). */
  private async scrollToClaim(index: number, instant = false): Promise<Response<{ index: number }>> {
    const claim = this.painter.painted.find((c) => c.index === index);
    if (!claim) return fail('that claim is not highlighted on this page');
    this.showHighlights();
    const settle = scrollToRange(claim.ranges[0]!, instant);
    this.painter.flash(index);
    this.navIndex = index;
    // Open the claim's tooltip once the scroll has settled, with focus in it: keyboard and screen
    // reader users land on the evidence (and go back where they were with Escape).
    if (instant) this.openTooltip(claim, null, true);
    else this.ctx.setTimeout(() => this.openTooltip(claim, null, true), settle);
    return ok({ index });
  }

  /** Highlights hidden by the reader are shown again to reveal a claim or a note. */
  private showHighlights(): void {
    if (this.painter.isVisible()) return;
    this.painter.setVisible(true);
    this.setSignal('visible', 'true');
  }

  private listenSettings(): void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const settings = changedSettings(changes, area);
      if (!settings) return;
      const effect = settingsEffect(this.settings, settings, location.href, this.active);
      this.settings = settings;
      this.painter.updateSettings(this.settings);
      if (this.analysis && effect.repaint) this.paint(this.analysis, performance.now());
      if (effect.block) {
        this.active = false;
        this.generations.drop();
        this.clearPaint();
        this.report('blocked');
      }
    };
    browser.storage.onChanged.addListener(listener);
    this.ctx.onInvalidated(() => quietly(() => browser.storage.onChanged.removeListener(listener)));
  }

  private report(status: TabStatus, error?: string): void {
    if (this.gone) return;
    this.setSignal('status', status);
    const { report, message: msg } = statusReport(status, location.href, error);
    this.lastReport = report;
    const { type: _type, ...payload } = msg;
    // The background may be restarting (MV3 service worker) or not listening, the extension gone: never throw.
    quietly(() => void send((m) => browser.runtime.sendMessage(m), 'status', payload).catch(() => {}));
  }

  private setSignal(name: string, value: string): void {
    setSignal(name, value);
  }

  /** The test probe (test builds only): what is painted, written to <html> for the test to read. */
  private answerProbe(): void {
    if (!this.painter || this.gone) return;
    answerProbe(this.painter.snapshot());
  }

  /** A request found the extension context gone (updated or removed): stop, as WXT's context does. */
  private contextGone(): void {
    this.ctx.notifyInvalidated();
  }

  /**
   * The context was invalidated: the extension was updated, reloaded or removed (its API is gone),
   * or a newer copy of this script took over. Remove everything this script drew; when the
   * extension itself is gone, say in one line that the page needs a reload.
   */
  private teardown(): void {
    if (this.gone) return;
    this.gone = true;
    this.generations.drop();
    clearTimeout(this.recheckTimer);
    this.hover.stop();
    this.watch.stop();
    quietly(() => this.tooltip?.destroy());
    quietly(() => this.notice.hide());
    quietly(() => this.painter?.destroy());
    this.analysis = null;
    this.pageRun = null;
    if (!extensionAlive()) {
      this.setSignal('context', 'gone');
      quietly(() => this.notice.show(UPDATED_NOTICE, { stay: true }));
    }
  }
}
