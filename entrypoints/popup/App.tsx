import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { PopupBody } from '@/components/popup/PopupBody';
import { PopupNotesContext, PopupNotesSection } from '@/components/notes/PageNotesSection';
import { usePageNotes } from '@/components/notes/usePageNotes';
import { PopupSourcesSection, useRecheckWhenCorpusChanged } from '@/components/sources/PopupSources';
import type { TabState } from '@/lib/messages';
import { call, NO_ANSWER, send, type ContentType, type PayloadOf, type Transport } from '@/lib/protocol';
import { coverageText, popupView, withPageResult } from '@/lib/popup/model';
import { PAGE_RESULT_REQUEST, type PageResult } from '@/lib/content/page-result';
import { parseSettings } from '@/lib/settings';
import { HighlightsControl } from '@/components/popup/HighlightsControl';
import { ShortcutList } from '@/components/shortcuts/Shortcuts';

const POLL_MS = 600;
const BUSY_TIMEOUT_MS = 15_000;

interface ActiveTab {
  id: number;
  url?: string;
}

async function activeTab(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

const toBackground: Transport = (m) => browser.runtime.sendMessage(m);
const toTab =
  (tabId: number): Transport =>
  (m) =>
    browser.tabs.sendMessage(tabId, m);

async function fetchTabState(tabId: number): Promise<TabState> {
  return call(toBackground, 'getTabState', { tabId });
}

/**
 * What the page's content script checked (a long page is checked in parts; the background keeps
 * only the last part's analysis). null when the page cannot say (no content script, an old one).
 */
async function fetchPageResult(tabId: number): Promise<PageResult | null> {
  try {
    const r = await send(toTab(tabId), PAGE_RESULT_REQUEST, {});
    return r.ok ? r.data : null;
  } catch {
    return null;
  }
}

/** Sends a request to the tab's content script; resolves to an error message, or null on success. */
async function tellPage<K extends ContentType>(tabId: number, type: K, payload: PayloadOf<K>): Promise<string | null> {
  try {
    const reply = await send(toTab(tabId), type, payload);
    // No answer at all is not a refusal (as before): the popup polls the tab's state anyway.
    if (!reply.ok && reply.error !== NO_ANSWER) return reply.error;
    return null;
  } catch {
    return "Crosscheck can't reach this page. Reload the page and try again.";
  }
}

/** This page is the toolbar popup (not popup.html opened in a tab). */
function isToolbarPopup(): boolean {
  try {
    return browser.extension?.getViews?.({ type: 'popup' }).includes(window) ?? false;
  } catch {
    return false;
  }
}

/**
 * The active tab, what the background knows of it and what its content script checked, kept fresh
 * while the page is being checked or has not reported yet.
 */
function usePopupTab() {
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  const [state, setState] = useState<TabState | null>(null);
  const [pageResult, setPageResult] = useState<PageResult | null>(null);
  const [showNotCovered, setShowNotCovered] = useState(true);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const alive = useRef(true);

  const refresh = useCallback(async (tabId: number) => {
    try {
      const s = await fetchTabState(tabId);
      const r = s.status === 'done' || s.status === 'no_claims' || s.status === 'analysing' || s.status === 'error' ? await fetchPageResult(tabId) : null;
      if (alive.current) {
        setState(s);
        setPageResult(r);
        setLoadError(null);
        if (s.status !== 'unknown' && s.status !== 'idle' && s.status !== 'blocked' && s.status !== 'not_article') setBusy(false);
      }
    } catch (e) {
      if (alive.current) setLoadError(`Crosscheck's background did not answer (${(e as Error).message}). Close and reopen this popup.`);
    }
  }, []);

  useEffect(() => {
    alive.current = true;
    (async () => {
      const t = await activeTab().catch(() => null);
      if (!alive.current) return;
      setTab(t);
      browser.storage.local
        .get('settings')
        .then((got) => alive.current && setShowNotCovered(parseSettings(got.settings).showNotCovered))
        .catch(() => {});
      if (t) await refresh(t.id);
    })();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  // A long page checked in parts: the whole page, as its content script merged it.
  const shown = withPageResult(state, pageResult);
  const view = tab === null ? 'unsupported' : popupView(shown, tab?.url);
  const waiting = busy || view === 'analysing' || view === 'unknown' || !!pageResult?.checking;
  useEffect(() => {
    if (!tab || !waiting) return;
    const timer = setInterval(() => void refresh(tab.id), POLL_MS);
    return () => clearInterval(timer);
  }, [tab, waiting, refresh]);

  return { tab, state, pageResult, shown, view, showNotCovered, busy, setBusy, loadError, refresh, alive };
}

/** The host name shown in the popup's header ('' for anything but a web page). */
function hostOf(url: string): string {
  try {
    return /^https?:/i.test(url) ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/** Popup: wiring only (tab, background, content script); PopupBody renders. */
export default function App() {
  const { tab, state, pageResult, shown, view, showNotCovered, busy, setBusy, loadError, refresh, alive } = usePopupTab();
  const [notice, setNotice] = useState<string | null>(null);
  /** Highlights shown on the page (as the page last said) and the last change, announced. */
  const [visible, setVisible] = useState<boolean | null>(null);
  const [visibleSaid, setVisibleSaid] = useState<string | null>(null);
  const coverage = pageResult && shown?.analysis === pageResult.analysis ? coverageText(pageResult.coverage, pageResult.checking) : null;

  const onCheck = async () => {
    if (!tab) return;
    setNotice(null);
    setBusy(true);
    const err = await tellPage(tab.id, 'analyzeNow', {});
    if (!alive.current) return;
    if (err) {
      setNotice(err);
      setBusy(false);
    } else {
      // The page said yes; if it never reports back, give the button back after a while.
      setTimeout(() => alive.current && setBusy(false), BUSY_TIMEOUT_MS);
    }
    await refresh(tab.id);
  };

  // The reader's sources changed since this page was checked: check it again with the new corpus.
  useRecheckWhenCorpusChanged(state, () => void onCheck());

  const onChoose = async (index: number, byKeyboard = false) => {
    if (!tab) return;
    const err = await tellPage(tab.id, 'scrollToClaim', { index });
    if (alive.current) setNotice(err);
    // From the keyboard: the page has focused the claim's tooltip; close the toolbar popup so the
    // reader is there (a popup keeps focus while open). Not when this page is open as a tab.
    if (!err && byKeyboard && isToolbarPopup()) window.close();
  };

  const onToggleHighlights = async () => {
    if (!tab) return;
    try {
      const reply = await send(toTab(tab.id), 'toggleHighlights', {});
      const now = reply.ok && 'visible' in reply.data ? reply.data.visible : null;
      if (!alive.current || now === null) return;
      setVisible(now);
      setVisibleSaid(now ? 'Highlights shown on the page.' : 'Highlights hidden on the page.');
    } catch {
      if (alive.current) setNotice("Crosscheck can't reach this page. Reload the page and try again.");
    }
  };

  const onOpenOptions = () => void browser.runtime.openOptionsPage();

  // The page's notes, as its content script placed them; asked again whenever the tab's result changes.
  const notes = usePageNotes(tab?.id, `${state?.status}|${state?.updatedAt}`);
  const onOpenNotes = () => {
    void browser.tabs.create({ url: browser.runtime.getURL('/notes.html') });
    window.close();
  };

  const host = hostOf(tab?.url ?? state?.url ?? '');

  return (
    <main className="cc-popup">
      <header className="cc-header">
        <h1>Crosscheck</h1>
        {host && <span className="cc-header-url">{host}</span>}
      </header>
      {tab !== undefined && <PopupSourcesSection tabId={tab?.id ?? null} canAdd={view !== 'unsupported'} />}
      {tab === undefined ? (
        <p className="cc-note" role="status">
          Loading…
        </p>
      ) : (
        <PopupNotesContext.Provider value={notes}>
          <PopupBody
            view={view}
            state={shown}
            coverage={coverage}
            showNotCovered={showNotCovered}
            notice={loadError ?? notice}
            busy={busy}
            onCheck={() => void onCheck()}
            onChoose={(i, byKeyboard) => void onChoose(i, byKeyboard)}
            onOpenOptions={onOpenOptions}
          />
          {view === 'done' && (
            <HighlightsControl visible={visible ?? pageResult?.highlightsVisible ?? null} said={visibleSaid} onToggle={() => void onToggleHighlights()} />
          )}
          <PopupNotesSection />
        </PopupNotesContext.Provider>
      )}
      <ShortcutList id="cc-shortcuts-h" />
      <footer className="cc-footer">
        <span className="cc-note">Checked on your computer against a local corpus. Nothing is sent anywhere.</span>
        <button type="button" onClick={onOpenNotes}>
          All notes
        </button>
        <button type="button" onClick={onOpenOptions}>
          Settings
        </button>
      </footer>
    </main>
  );
}
