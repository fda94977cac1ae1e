import { useState } from 'react';
import type { TabState } from '@/lib/messages';
import { VERDICTS } from '@/lib/labels';
import { WORKER_STOPPED_MESSAGE } from '@/lib/content/failures';
import type { Verdict } from '@/lib/types';
import { filterClaims, matrixSources, plainError, verdictCounts, type PopupView } from '@/lib/popup/model';
import { VerdictSummary } from './VerdictSummary';
import { FilterBar } from './FilterBar';
import { CoverageMatrix } from './CoverageMatrix';
import { ClaimList } from './ClaimList';

export interface PopupBodyProps {
  view: PopupView;
  state: TabState | null;
  /** Settings: start with "Not covered" claims shown or hidden. */
  showNotCovered: boolean;
  /** A problem talking to the page (shown above the content), or null. */
  notice: string | null;
  /** "Check this page" was pressed and the page has not answered yet. */
  busy: boolean;
  /** For a long page checked in parts: what part was checked (lib/popup/model.ts coverageText), or null. */
  coverage?: string | null;
  onCheck(): void;
  onChoose(index: number, byKeyboard?: boolean): void;
  onOpenOptions(): void;
}

/** Everything the popup shows below its title, for one tab. Pure rendering: all text as text. */
export function PopupBody(p: PopupBodyProps) {
  return (
    <>
      {p.notice && (
        <p className="cc-notice" role="alert">
          {p.notice}
        </p>
      )}
      <Screen {...p} />
    </>
  );
}

function CheckButton({ label, busy, onCheck }: { label: string; busy: boolean; onCheck(): void }) {
  return (
    <button type="button" className="cc-primary" onClick={onCheck} disabled={busy} aria-disabled={busy}>
      {busy ? 'Checking…' : label}
    </button>
  );
}

function Screen(p: PopupBodyProps) {
  switch (p.view) {
    case 'unsupported':
      return (
        <section className="cc-state" aria-live="polite">
          <h2>This page can't be checked</h2>
          <p>Crosscheck works on web pages (http and https). Browser pages, the extension store and local files can't be checked.</p>
        </section>
      );
    case 'unknown':
      return (
        <section className="cc-state" aria-live="polite">
          <h2>Not checked yet</h2>
          <p>Crosscheck has no result for this page. If the page was open before Crosscheck was installed or updated, reload it.</p>
          <CheckButton label="Check this page" busy={p.busy} onCheck={p.onCheck} />
        </section>
      );
    case 'idle':
      return (
        <section className="cc-state" aria-live="polite">
          <h2>Ready when you are</h2>
          <p>Your settings say to check pages only when you ask.</p>
          <CheckButton label="Check this page" busy={p.busy} onCheck={p.onCheck} />
        </section>
      );
    case 'analysing':
      return (
        <section className="cc-state" role="status" aria-live="polite">
          <h2>Checking the claims on this page…</h2>
          <p>This takes a moment on long articles. Everything runs on your computer.</p>
        </section>
      );
    case 'not_article':
      return (
        <section className="cc-state" aria-live="polite">
          <h2>{p.state?.error ? 'Not in English' : 'Not a news article'}</h2>
          <p>{p.state?.error ?? "This page doesn't look like an article, so nothing was checked."}</p>
          <CheckButton label="Check this page anyway" busy={p.busy} onCheck={p.onCheck} />
        </section>
      );
    case 'no_claims':
      return (
        <section className="cc-state" aria-live="polite">
          <h2>Nothing check-worthy found</h2>
          <p>
            Crosscheck looks for factual statements — figures, dates, who agreed to what — and leaves out opinions, questions and captions. This article has
            none it could check.
          </p>
        </section>
      );
    case 'blocked':
      return (
        <section className="cc-state" aria-live="polite">
          <h2>This site is not checked</h2>
          <p>It is on your list of sites never to check.</p>
          <div className="cc-actions">
            <CheckButton label="Check this page anyway" busy={p.busy} onCheck={p.onCheck} />
            <button type="button" onClick={p.onOpenOptions}>
              Change settings
            </button>
          </div>
        </section>
      );
    case 'error':
      return (
        <section className="cc-state cc-error" aria-live="polite">
          <h2>Something went wrong</h2>
          <p className="cc-error-message">{plainError(p.state?.error)}</p>
          {plainError(p.state?.error) === WORKER_STOPPED_MESSAGE ? (
            <p>
              The browser stopped Crosscheck's background while it was busy (this can happen when the computer is short of memory). Nothing on the page was
              changed.
            </p>
          ) : (
            <p>Reload the page and try again. If it keeps happening, the page's text may be unusual: try another article.</p>
          )}
          <CheckButton label="Try again" busy={p.busy} onCheck={p.onCheck} />
        </section>
      );
    case 'done':
      return p.state?.analysis ? <Results state={p.state} showNotCovered={p.showNotCovered} onChoose={p.onChoose} coverage={p.coverage ?? null} /> : null;
  }
}

function Results({
  state,
  showNotCovered,
  onChoose,
  coverage,
}: {
  state: TabState;
  showNotCovered: boolean;
  onChoose(i: number, byKeyboard?: boolean): void;
  coverage: string | null;
}) {
  const analysis = state.analysis!;
  const [on, setOn] = useState<Set<Verdict>>(() => new Set(VERDICTS.filter((v) => showNotCovered || v !== 'not_covered')));
  const counts = verdictCounts(analysis.claims);
  const items = filterClaims(analysis.claims, on);
  const sources = matrixSources(analysis);
  const toggle = (v: Verdict) => {
    const next = new Set(on);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    setOn(next);
  };
  return (
    <>
      <section aria-labelledby="cc-summary-h">
        <h2 id="cc-summary-h" className="cc-h">
          {analysis.claims.length} claim{analysis.claims.length === 1 ? '' : 's'} checked against {sources.length} source
          {sources.length === 1 ? '' : 's'}
        </h2>
        <VerdictSummary counts={counts} />
        {coverage && (
          <p className="cc-note cc-coverage" role="status">
            {coverage}
          </p>
        )}
      </section>
      <FilterBar counts={counts} on={on} onToggle={toggle} />
      <section aria-labelledby="cc-matrix-h">
        <h2 id="cc-matrix-h" className="cc-h">
          Coverage by source
        </h2>
        {items.length > 0 ? (
          <CoverageMatrix items={items} sources={sources} total={analysis.claims.length} />
        ) : (
          <p className="cc-note">No claims match the selected verdicts.</p>
        )}
      </section>
      <section aria-labelledby="cc-claims-h">
        <h2 id="cc-claims-h" className="cc-h">
          Claims
        </h2>
        <p className="cc-note">Choose a claim to show it in the page.</p>
        <ClaimList items={items} sources={sources} onChoose={onChoose} />
      </section>
      <p className="cc-meta">
        {analysis.cached ? 'From the cache' : `Checked in ${Math.round(analysis.ms)} ms`} · {new Date(analysis.analysedAt).toLocaleString()}
      </p>
    </>
  );
}
