import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { readerPath } from '@/lib/sources/protocol';
import type { TabState } from '@/lib/messages';
import { callSources, openExtensionPage } from './api';
import './sources.css';

/**
 * The popup's sources section: "Add this page to my sources" (the background asks the page's
 * content script for its article and adds it) and a way to the sources page.
 */
export function PopupSourcesSection({ tabId, canAdd }: { tabId: number | null; canAdd: boolean }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; ok: boolean } | null>(null);
  const add = async () => {
    if (tabId === null) return;
    setBusy(true);
    setResult(null);
    try {
      const r = await callSources({ type: 'addPageSource', tabId });
      setResult({ text: r.message, ok: r.status === 'added' });
    } catch (e) {
      setResult({ text: (e as Error).message, ok: false });
    } finally {
      setBusy(false);
    }
  };
  const openSources = () => {
    openExtensionPage('/sources.html');
    window.close();
  };
  return (
    <section className="cc-popup-sources" aria-label="Your sources">
      <div className="cc-actions">
        {canAdd && (
          <button type="button" onClick={() => void add()} disabled={busy || tabId === null}>
            {busy ? 'Adding…' : 'Add this page to my sources'}
          </button>
        )}
        <button type="button" onClick={openSources}>
          Your sources
        </button>
      </div>
      <p role="status" className={result?.ok ? 'cc-ok cc-source-result' : 'cc-err cc-source-result'}>
        {result?.text}
      </p>
    </section>
  );
}

/**
 * "Read in <outlet>" under an evidence quote: opens the reader with the quote highlighted. Named by
 * its source, so a screen reader's list of links tells them apart ("source" when it has no name).
 */
export function ReadSourceLink({ source, quote, name }: { source: string; quote: string; name?: string }) {
  const path = readerPath(source, quote.slice(0, 5000));
  return (
    <a
      className="cc-link cc-read-source"
      href={browser.runtime.getURL(path as '/reader.html')}
      target="_blank"
      rel="noopener"
      onClick={(ev) => {
        ev.preventDefault();
        openExtensionPage(path);
      }}
    >
      Read in {name || 'source'}
    </a>
  );
}

/**
 * When the tab's analysis was made with another corpus (the reader added, removed or switched
 * sources since), ask the page to check again — once per analysis. The background also tells open
 * tabs when the corpus changes; this covers a page that missed it (e.g. reloaded meanwhile).
 */
export function useRecheckWhenCorpusChanged(state: TabState | null, recheck: () => void): void {
  const done = useRef<string | null>(null);
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    callSources({ type: 'sourcesStatus' })
      .then((s) => setVersion(s.engineVersion))
      .catch(() => {});
  }, []);
  const analysed = state?.analysis?.engineVersion ?? null;
  useEffect(() => {
    if (!version || !analysed || analysed === version) return;
    const key = `${state?.url}|${analysed}`;
    if (done.current === key) return;
    done.current = key;
    recheck();
  }, [version, analysed, state?.url, recheck]);
}
