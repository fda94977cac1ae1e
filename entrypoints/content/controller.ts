/**
 * The content script's state machine: settings → extract → analyse (background; a long page in
 * parts) → anchor → paint; re-runs when the article changes or the SPA navigates; hover tooltip;
 * messages from the popup / background; notices when its extension context is gone (the
 * extension was updated or removed while the page stayed open).
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
import { z } from 'zod';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractArticle } from '@/lib/extract/html';
import { TextIndex, anchorClaims } from '@/lib/anchor';
import { checkability, pageKey } from '@/lib/content/article';
import { findClaimAgain, tooltipModel } from '@/lib/content/tooltip-model';
import { coverageOf, mergeAnalyses, splitForAnalysis, type PartResult, type TextChunk } from '@/lib/content/chunks';
import {
  ANSWER_TIMEOUT_MS,
  NoAnswerError,
  TEST_BUILD_ANSWER_TIMEOUT_MS,
  UPDATED_NOTICE,
  classifySendError,
  failureMessage,
  sendWithRetry,
  withAnswerTimeout,
} from '@/lib/content/failures';
import { isPageResultRequest, type PageResult } from '@/lib/content/page-result';
import { PROBE_ATTRIBUTE, PROBE_EVENT } from '@/lib/content/privacy';
import { OVERLAY_HOST_TAG } from '@/lib/content/style';
import { AnalysisSchema, ContentRequest, fail, ok, parseRequest, type Analysis, type Response, type TabStatus } from '@/lib/messages';
import { DEFAULT_SETTINGS, parseSettings, siteDecision, type Settings } from '@/lib/settings';
import { collectPageText } from './textnodes';
import { Painter, type PaintedClaim } from './painter';
import { Tooltip, UI_HOST_TAG } from './tooltip';
import { PageNotes } from './notes';
import { Notice, NOTICE_HOST_TAG } from './notice';
import { handleSourceContentRequest } from './sources';
import { SIGNALS } from './signals';
import { isSourceContentRequest } from '@/lib/sources/protocol';
import { claimToVisit, type NavDirection } from '@/lib/content/claim-nav';
import type { CommandName } from '@/lib/shortcuts';
import { PageShortcuts } from './keyboard';
import { noteIdFromHash } from '@/lib/notes-ui/link';

/** Most parts a page is checked in (at CHUNK_CHARS each); beyond, the popup says what part was checked. */
const MAX_PARTS = 40;
/** How often the content script checks that its extension is still there (updated or removed meanwhile). */
const HEARTBEAT_MS = 1000;

/** Quiet period after the last DOM change before the article is re-extracted. */
const MUTATION_DEBOUNCE_MS = 500;
/**
 * Re-extract at most this often while a page keeps changing (live tickers, ads); the interval
 * doubles (up to 2^MAX_BACKOFF times) each time a change turned out not to touch the text.
 */
const MIN_RECHECK_INTERVAL_MS = 2000;
const MAX_BACKOFF = 4;
/** Pointer must rest on a claim this long before the tooltip opens. */
const HOVER_OPEN_MS = 300;
/** Grace period to move the pointer from the claim onto the tooltip. */
const HOVER_CLOSE_MS = 300;
/** mousemove hit-testing at most this often. */
const HOVER_THROTTLE_MS = 50;

type RunReason = 'auto' | 'manual' | 'mutation' | 'navigation';

export class Controller {
  private settings: Settings = DEFAULT_SETTINGS;
  private painter!: Painter;
  private tooltip: Tooltip | null = null;
  /** The reader's notes on this page (entrypoints/content/notes.ts). */
  private notes!: PageNotes;
  private notice = new Notice();
  /** The claim the tooltip was opened on (its text finds it again if a re-analysis renumbers claims). */
  private tooltipClaim: { index: number; text: string } | null = null;
  private observer: MutationObserver | null = null;
  private analysis: Analysis | null = null;
  /** The last status this page reported (and its error), for the popup's page result. */
  private lastReport: { status: TabStatus; error: string | null } | null = null;
  private lastText: string | null = null;
  private url = location.href;
  /** Whether this page is being analysed (auto, or the reader asked). */
  private active = false;
  private generation = 0;
  private running: Promise<void> | null = null;
  private pending: RunReason | null = null;
  private recheckTimer: number | undefined;
  private lastRecheck = 0;
  /** Mutation bursts in a row that left the page's text as it was. */
  private idleBursts = 0;
  /** Cheap fingerprint of the page text when it was last extracted. */
  private printed = '';
  private hoverTimer: number | undefined;
  private closeTimer: number | undefined;
  private hoverCandidate: number | null = null;
  private lastMove = 0;
  private trailingMove: number | undefined;
  private overTooltip = false;
  private lastPointer: { x: number; y: number } | null = null;
  /** What the current page's run checked: its parts, and how many are done (for the popup). */
  private pageRun: { url: string; chunks: TextChunk[]; done: number; checking: boolean; totalChars: number } | null = null;
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
    this.painter = new Painter(this.settings, () => this.observer?.takeRecords(), stored.forceMarks ? 'mark' : 'overlay');
    this.setSignal('mode', this.painter.mode);
    this.notes = new PageNotes({
      painter: this.painter,
      collect: () => collectPageText(document.body ?? document.documentElement, (el) => this.isOwnElement(el)),
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
    const decision = siteDecision(location.href, this.settings);
    if (decision === 'auto') {
      this.active = true;
      void this.run(reason);
    } else {
      this.active = false;
      this.report(decision === 'never' ? 'blocked' : 'idle');
      // A link from the notes page still finds its note on a page that is not checked.
      if (noteIdFromHash(location.hash)) void this.syncNotes();
    }
  }

  /** Extract, analyse (unless the text is unchanged) and paint. One run at a time; a request during a run queues one more. */
  private run(reason: RunReason): Promise<void> {
    if (this.running) {
      this.pending = reason;
      return this.running;
    }
    const loop = async () => {
      let next: RunReason | null = reason;
      while (next) {
        this.pending = null;
        try {
          await this.runOnce(next);
        } catch (e) {
          if (classifySendError(e) === 'context-gone') this.contextGone();
          else this.report('error', failureMessage(e));
        }
        await this.syncNotes();
        next = this.pending;
      }
    };
    this.running = loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(reason: RunReason): Promise<void> {
    if (this.gone) return;
    const gen = ++this.generation;
    const t0 = performance.now();
    this.lastRecheck = Date.now();
    this.printed = fingerprint();
    // Watch for changes from now on, whatever this run finds: an article may render late.
    this.observe();
    const url = location.href;
    let article;
    try {
      article = extractArticle(document.cloneNode(true) as Document, url);
    } catch (e) {
      this.report('error', `could not read the page: ${String(e)}`);
      return;
    }
    const text = article.text;
    if (reason === 'mutation' && text === this.lastText) {
      // Same article text: only re-anchor if the page replaced the nodes we painted.
      if (this.analysis && !this.painter.allConnected()) this.paint(this.analysis, t0);
      else this.idleBursts++;
      return;
    }
    this.idleBursts = 0;
    this.lastText = text;
    const decision = checkability(text, { listOfLinks: article.listOfLinks });
    if (!decision.checkable) {
      this.clearPaint();
      this.analysis = null;
      this.pageRun = null;
      // Not in English: the popup says so and names the language (the background keeps the text).
      this.report('not_article', decision.reason === 'not_english' ? decision.message : undefined);
      if (decision.reason === 'not_english' && reason === 'manual') this.notice.show(decision.message);
      return;
    }
    // A long page is checked in parts, one after the other, painted as each part is done.
    const all = splitForAnalysis(text);
    const chunks = all.slice(0, MAX_PARTS);
    // Coverage counts every part, so a page longer than MAX_PARTS parts is said to be checked in part.
    const run = { url: pageKey(url), chunks: all, done: 0, checking: true, totalChars: text.length };
    this.pageRun = run;
    this.report('analysing');
    const parts: PartResult[] = [];
    let retries = 0;
    let failure: unknown = null;
    for (const chunk of chunks) {
      let res: Response<unknown> | undefined;
      try {
        const sent = await sendWithRetry(
          async () => {
            if (!extensionAlive()) throw new Error('Extension context invalidated.');
            const r = (await withAnswerTimeout(
              browser.runtime.sendMessage({
                type: 'analyze',
                url: url.slice(0, 4096),
                title: article.title.slice(0, 2000),
                text: chunk.text,
                docDate: article.date,
                sentAt: Date.now(),
              }),
              SIGNALS ? TEST_BUILD_ANSWER_TIMEOUT_MS : ANSWER_TIMEOUT_MS,
            )) as Response<unknown> | undefined;
            if (r === undefined || r === null) throw new NoAnswerError();
            return r;
          },
          { stillWanted: () => gen === this.generation && !this.gone },
        );
        res = sent.value;
        retries += sent.attempts - 1;
      } catch (e) {
        if (gen !== this.generation) return; // a newer run or navigation took over
        if (classifySendError(e) === 'context-gone') return this.contextGone();
        failure = e;
        break;
      }
      if (gen !== this.generation || this.ctx.isInvalid) return;
      this.setSignal('retries', String(retries));
      if (typeof res !== 'object') {
        failure = new Error('no answer from the background');
        break;
      }
      if (!res.ok) {
        failure = new Error(res.error);
        break;
      }
      const parsed = AnalysisSchema.safeParse(res.data);
      if (!parsed.success) {
        failure = new Error('malformed analysis from the background');
        break;
      }
      parts.push({ chunk, analysis: parsed.data });
      run.done = parts.length;
      const merged = mergeAnalyses(parts);
      this.analysis = merged;
      this.setSignal('cached', String(merged.cached));
      this.setSignal('claims', String(merged.claims.length));
      this.setSignal('parts', `${parts.length}/${all.length}`);
      this.paint(merged, t0);
      // Let the page breathe between parts (input, rendering) before the next request.
      if (parts.length < chunks.length) await new Promise<void>((r) => setTimeout(r, 0));
      if (gen !== this.generation || this.gone) return;
    }
    run.checking = false;
    if (!parts.length) {
      // In plain words: never the browser's own error text (lib/content/failures.ts). What was
      // painted before (a live page checked again) stays.
      return this.report('error', failureMessage(failure ?? new Error('no answer from the background')));
    }
    if (failure) console.warn('crosscheck: only part of this long page was checked', failure);
    this.report(this.analysis!.claims.length ? 'done' : 'no_claims');
  }

  /** Anchor every claim in the live text and paint it. */
  private paint(analysis: Analysis, t0: number): void {
    // Unwrap old <mark>s first (fallback mode): that merges text nodes the anchors would point into.
    this.painter.clear();
    const page = collectPageText(document.body ?? document.documentElement, (el) => this.isOwnElement(el));
    const index = new TextIndex(page.strings, { breakBefore: page.breakBefore });
    const anchors = anchorClaims(
      index,
      analysis.claims.map((c) => c.text),
    );
    this.notes.setClaims(page.strings, anchors);
    const toPaint: Array<{ index: number; verdict: Analysis['claims'][number]['verdict']; range: Range }> = [];
    anchors.forEach((a, i) => {
      if (!a) return;
      try {
        const r = document.createRange();
        r.setStart(page.nodes[a.startNode]!, a.startOffset);
        r.setEnd(page.nodes[a.endNode]!, a.endOffset);
        toPaint.push({ index: i, verdict: analysis.claims[i]!.verdict, range: r });
      } catch {
        /* a node went away between collecting and painting: skip this claim */
      }
    });
    const painted = this.painter.paint(toPaint);
    this.keepTooltip(analysis, painted);
    this.setSignal('paints', String(++this.paints));
    this.setSignal('count', String(painted.length));
    this.setSignal('anchored', String(toPaint.length));
    this.setSignal('ms', String(Math.round(performance.now() - t0)));
  }

  /**
   * After a repaint (a live page is checked again every few seconds): an open tooltip stays open
   * on its claim, found again by its text among the claims now painted; it closes only when the
   * claim is gone. A note being typed always survives (its claim is found again when saved).
   * The hover state follows the new claims: the claim under the pointer is looked up again.
   */
  private keepTooltip(analysis: Analysis, painted: readonly PaintedClaim[]): void {
    clearTimeout(this.hoverTimer);
    this.hoverCandidate = null;
    const tip = this.tooltip;
    if (tip?.isOpen && this.tooltipClaim) {
      const again = findClaimAgain(
        this.tooltipClaim,
        painted.map((c) => ({ index: c.index, text: analysis.claims[c.index]!.text })),
      );
      const claim = again === null ? undefined : painted.find((c) => c.index === again);
      if (claim) {
        this.tooltipClaim = { index: claim.index, text: analysis.claims[claim.index]!.text };
        tip.retarget(tooltipModel(analysis.claims[claim.index]!, analysis.sources), claim.index, claim.ranges);
      } else if (!tip.isEditing) tip.close(false);
    }
    if (this.lastPointer && !this.overTooltip) this.hitTest();
  }

  private clearPaint(): void {
    this.tooltip?.close(false);
    this.painter.clear();
    this.setSignal('count', '0');
  }

  // ---------------------------------------------------------------------------------------------
  // Page changes

  private observe(): void {
    if (this.observer || !document.body) return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.checkUrl()) return;
    if (!this.active) return;
    if (records.every((r) => this.isOwnMutation(r))) return;
    // The page's text may have moved: the overlay follows at the next frame.
    this.painter.scheduleLayout();
    clearTimeout(this.recheckTimer);
    const interval = MIN_RECHECK_INTERVAL_MS * 2 ** Math.min(this.idleBursts, MAX_BACKOFF);
    const wait = Math.max(MUTATION_DEBOUNCE_MS, this.lastRecheck + interval - Date.now());
    this.recheckTimer = this.ctx.setTimeout(() => this.recheck(), wait);
  }

  /** After a burst of changes: extract again unless the page's text is plainly unchanged. */
  private recheck(): void {
    if (fingerprint() === this.printed && this.painter.allConnected()) {
      this.idleBursts++;
      this.lastRecheck = Date.now();
      return;
    }
    void this.run('mutation');
  }

  private isOwnMutation(r: MutationRecord): boolean {
    const own = (n: Node) => (n.nodeType === 1 ? this.isOwnElement(n as Element) : false);
    const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
    if (target && this.isOwnElement(target)) return true;
    if (r.type !== 'childList') return false;
    const changed = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    return changed.length > 0 && changed.every(own);
  }

  private isOwnElement(el: Element): boolean {
    return isOwnTag(el.localName) || el.id === 'crosscheck-highlight-style';
  }

  /** Did the URL change (SPA navigation)? Starts over on the new page. */
  private checkUrl(): boolean {
    if (pageKey(location.href) === pageKey(this.url)) {
      this.url = location.href;
      return false;
    }
    this.url = location.href;
    this.generation++; // drop any run in flight
    clearTimeout(this.recheckTimer);
    this.analysis = null;
    this.pageRun = null;
    this.lastText = null;
    this.idleBursts = 0;
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
    this.ctx.addEventListener(window, 'blur', () => this.cancelHover());
  }

  private onMouseMove(ev: MouseEvent): void {
    this.lastPointer = { x: ev.clientX, y: ev.clientY };
    this.overTooltip = this.tooltip?.contains(ev.target) ?? false;
    const wait = this.lastMove + HOVER_THROTTLE_MS - performance.now();
    if (wait > 0) {
      // Throttled, but the last position always gets looked at (trailing edge).
      this.trailingMove ??= this.ctx.setTimeout(() => {
        this.trailingMove = undefined;
        this.hitTest();
      }, wait);
      return;
    }
    this.hitTest();
  }

  private hitTest(): void {
    this.lastMove = performance.now();
    if (this.gone || !this.lastPointer) return;
    if (this.overTooltip) return this.keepOpen();
    const claim = this.painter.claimAt(this.lastPointer.x, this.lastPointer.y);
    const idx = claim?.index ?? null;
    if (idx !== null && idx === this.tooltip?.claimIndex) return this.keepOpen();
    if (idx !== this.hoverCandidate) {
      clearTimeout(this.hoverTimer);
      this.hoverCandidate = idx;
      if (claim) {
        this.hoverTimer = this.ctx.setTimeout(() => {
          const p = this.lastPointer;
          const again = p ? this.painter.claimAt(p.x, p.y) : null;
          if (p && again?.index === claim.index) this.openTooltip(again, p);
        }, HOVER_OPEN_MS);
      }
    }
    if (idx === null && this.tooltip?.isOpen) this.scheduleClose();
  }

  private keepOpen(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined || this.tooltip?.isEditing || this.tooltip?.hasFocus) return;
    this.closeTimer = this.ctx.setTimeout(() => {
      this.closeTimer = undefined;
      this.tooltip?.close();
    }, HOVER_CLOSE_MS);
  }

  private cancelHover(): void {
    clearTimeout(this.hoverTimer);
    this.hoverCandidate = null;
  }

  private openTooltip(claim: PaintedClaim, pointer: { x: number; y: number } | null, focus = false): void {
    const a = this.analysis;
    const c = a?.claims[claim.index];
    if (!a || !c) return;
    if (this.tooltip?.isEditing) return; // never replace a note being typed
    if (!this.tooltip) {
      this.tooltip = new Tooltip({
        onPointerEnter: () => this.keepOpen(),
        onPointerLeave: () => this.scheduleClose(),
        onClose: () => {
          this.keepOpen();
          this.hoverCandidate = null;
        },
        notesFor: (index) => this.notes.notesFor(index),
        saveNote: async (index, draft) => {
          const res = await this.notes.add(this.claimIndexFor(index), draft);
          return res.ok ? null : res.error;
        },
      });
    }
    this.tooltipClaim = { index: claim.index, text: c.text };
    this.keepOpen();
    this.tooltip.open(tooltipModel(c, a.sources), claim.index, claim.ranges, pointer, focus);
  }

  // ---------------------------------------------------------------------------------------------
  // Messages and settings

  private listenMessages(): void {
    const listener = (msg: unknown, _sender: unknown, sendResponse: (r: unknown) => void): boolean | undefined => {
      if (this.gone) return undefined;
      // The popup: what this page's run checked (a long page is checked in parts).
      if (isPageResultRequest(msg)) {
        sendResponse(ok(this.pageResult()));
        return undefined;
      }
      // Your own sources (entrypoints/content/sources.ts): the article for "Add this page", notices, corpus changes.
      if (isSourceContentRequest(msg)) {
        void handleSourceContentRequest(msg, { showNotice: (t) => this.notice.show(t), corpusChanged: () => this.onCorpusChanged() }).then(sendResponse, (e) =>
          sendResponse(fail(String(e))),
        );
        return true;
      }
      const req = parseRequest(ContentRequest, msg);
      if (!req.ok) {
        // Not for us (or malformed): answer only messages that look like content requests.
        if (msg && typeof msg === 'object' && 'type' in msg) sendResponse(req);
        return undefined;
      }
      void this.handle(req.data).then(sendResponse, (e) => sendResponse(fail(String(e))));
      return true;
    };
    browser.runtime.onMessage.addListener(listener);
    // The extension API may be gone by then (updated or removed): never throw.
    this.ctx.onInvalidated(() => quietly(() => browser.runtime.onMessage.removeListener(listener)));
  }

  /** What this page's run checked, for the popup (lib/content/page-result.ts). */
  private pageResult(): PageResult {
    const run = this.pageRun;
    const chunks = run?.chunks ?? [];
    return {
      url: run?.url ?? pageKey(location.href),
      checking: run?.checking ?? false,
      coverage: coverageOf(chunks, run?.done ?? 0, run?.totalChars),
      analysis: this.analysis,
      ...(this.lastReport ? { status: this.lastReport.status, error: this.lastReport.error } : {}),
      highlightsVisible: this.painter.isVisible(),
    };
  }

  private async handle(req: ContentRequest): Promise<Response<unknown>> {
    switch (req.type) {
      case 'analyzeNow':
        this.active = true;
        this.lastText = null;
        await this.run('manual');
        return ok({ status: document.documentElement.dataset.crosscheckStatus ?? 'idle' });
      case 'toggleHighlights':
        return this.shortcuts.run('toggle-highlights');
      case 'moveToClaim':
        return this.shortcuts.run(req.direction === 'next' ? 'next-claim' : 'previous-claim');
      case 'scrollToClaim':
        return this.scrollToClaim(req.index);
      case 'pageNotes':
        await this.syncNotes();
        return ok(this.notes.list());
      case 'addNote':
        return this.notes.add(req.index, req.draft);
    }
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

  /** The current index of the claim the tooltip was opened on (the analysis may have changed since). */
  private claimIndexFor(index: number): number {
    const want = this.tooltipClaim;
    const claims = this.analysis?.claims ?? [];
    if (!want || claims[index]?.text === want.text) return index;
    const found = claims.findIndex((c) => c.text === want.text);
    return found === -1 ? index : found;
  }

  /** Scroll to a note (from a #crosscheck-note link) and flash it; open its claim's tooltip. */
  private revealNote(range: Range, claimIndex: number | null): void {
    if (!this.painter.isVisible()) {
      this.painter.setVisible(true);
      this.setSignal('visible', 'true');
    }
    const el = range.startContainer.parentElement;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    if (el) el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
    const claim = claimIndex === null ? undefined : this.painter.painted.find((c) => c.index === claimIndex);
    if (!claim || !this.painter.flash(claim.index)) this.painter.flashRange(range);
    if (claim) this.ctx.setTimeout(() => this.openTooltip(claim, null), reduce ? 50 : 450);
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
  private moveToClaim(direction: NavDirection): Promise<Response<unknown>> {
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
  private async scrollToClaim(index: number, instant = false): Promise<Response<unknown>> {
    const claim = this.painter.painted.find((c) => c.index === index);
    if (!claim) return fail('that claim is not highlighted on this page');
    if (!this.painter.isVisible()) {
      this.painter.setVisible(true);
      this.setSignal('visible', 'true');
    }
    const range = claim.ranges[0]!;
    const el = range.startContainer.parentElement;
    const reduce = instant || window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    if (el) el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
    this.painter.flash(index);
    this.navIndex = index;
    // Open the claim's tooltip once the scroll has settled, with focus in it: keyboard and screen
    // reader users land on the evidence (and go back where they were with Escape).
    if (instant) this.openTooltip(claim, null, true);
    else this.ctx.setTimeout(() => this.openTooltip(claim, null, true), reduce ? 50 : 450);
    return ok({ index });
  }

  private listenSettings(): void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !changes.settings) return;
      const before = this.settings;
      this.settings = parseSettings(changes.settings.newValue);
      this.painter.updateSettings(this.settings);
      if (this.analysis && before.showNotCovered !== this.settings.showNotCovered) this.paint(this.analysis, performance.now());
      const now = siteDecision(location.href, this.settings);
      if (now === 'never' && this.active) {
        this.active = false;
        this.generation++;
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
    this.lastReport = { status, error: error ? error.slice(0, 500) : null };
    const msg = { type: 'status', status, url: location.href, ...(error ? { error: error.slice(0, 500) } : {}) };
    // The background may be restarting (MV3 service worker) or not listening, the extension gone: never throw.
    quietly(() => void browser.runtime.sendMessage(msg).catch(() => {}));
  }

  /**
   * Test and benchmark signals on <html> (`data-crosscheck-status`, `-count`, `-ms` …). Only
   * builds made with WXT_CROSSCHECK_SIGNALS=1 (the e2e suite and `npm run bench`) write them: a
   * release build tells the page nothing about what Crosscheck found.
   */
  private setSignal(name: string, value: string): void {
    if (!SIGNALS) return;
    document.documentElement.setAttribute(`data-crosscheck-${name}`, value);
  }

  /** The test probe (test builds only): what is painted, written to <html> for the test to read. */
  private answerProbe(): void {
    if (!this.painter || this.gone) return;
    document.documentElement.setAttribute(PROBE_ATTRIBUTE, JSON.stringify(this.painter.snapshot()));
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
    this.generation++;
    clearTimeout(this.recheckTimer);
    clearTimeout(this.hoverTimer);
    clearTimeout(this.closeTimer);
    this.observer?.disconnect();
    this.observer = null;
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

/** Is this script's extension still there (not updated, reloaded or removed since the page loaded)? */
function extensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

/** Run `fn`, ignoring what it throws (the extension API may be gone). */
function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    /* nothing to do */
  }
}

const OWN_TAGS = new Set([UI_HOST_TAG, NOTICE_HOST_TAG, OVERLAY_HOST_TAG]);

function isOwnTag(localName: string): boolean {
  return OWN_TAGS.has(localName);
}

/** Remove what an older copy of this content script left in the page (its code no longer runs). */
function removeLeftovers(): void {
  for (const el of Array.from(document.querySelectorAll([...OWN_TAGS].join(',')))) el.remove();
  document.getElementById('crosscheck-highlight-style')?.remove();
}

/**
 * Settings, plus one developer switch kept beside them in the extension's storage (never
 * settable by a page): `crosscheckDebug: { paint: 'mark' }` forces the <mark> fallback, so it can
 * be tested in browsers that have CSS.highlights.
 */
async function loadStored(): Promise<{ settings: Settings; forceMarks: boolean }> {
  try {
    const got = await browser.storage.local.get(['settings', 'crosscheckDebug']);
    const debug = got.crosscheckDebug as { paint?: unknown } | undefined;
    return { settings: parseSettings(got.settings), forceMarks: debug?.paint === 'mark' };
  } catch {
    return { settings: DEFAULT_SETTINGS, forceMarks: false };
  }
}

/** Length and FNV-1a hash of the body's text: a cheap "did the words change?" test (~1 ms per 100k characters). */
function fingerprint(): string {
  const t = document.body?.textContent ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return `${t.length}:${(h >>> 0).toString(36)}`;
}
