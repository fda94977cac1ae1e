import { useEffect, useRef, useState } from 'react';
import type { SourceInfo } from '@/lib/sources/manager';
import { parseReaderQuery } from '@/lib/sources/protocol';
import { splitAtQuote } from '@/lib/sources/reader';
import { formatDate } from '@/lib/content/tooltip-model';
import { callSources, openExtensionPage } from './api';
import './sources.css';

/**
 * The source reader (`reader.html?source=ID&quote=…`): the source's text, rendered as text (never
 * as HTML), with the quoted sentence marked and scrolled into view.
 */
export function SourceReader({ search }: { search: string }) {
  const { source, quote } = parseReaderQuery(search);
  const [got, setGot] = useState<{ source: SourceInfo; text: string } | null>(null);
  const [error, setError] = useState<string | null>(source ? null : 'No source was given.');
  const mark = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!source) return;
    callSources({ type: 'getSource', id: source })
      .then((g) => {
        setGot(g);
        document.title = `Crosscheck: ${g.source.title}`;
      })
      .catch((e: Error) => setError(e.message));
  }, [source]);

  const parts = got && quote ? splitAtQuote(got.text, quote) : null;

  useEffect(() => {
    if (!mark.current) return;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    mark.current.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    mark.current.focus({ preventScroll: true });
  }, [parts?.quote, got]);

  if (error) {
    return (
      <main className="cc-reader">
        <h1>Source not available</h1>
        <p className="cc-notice" role="alert">
          {error}
        </p>
        <button type="button" onClick={() => openExtensionPage('/sources.html')}>
          All sources
        </button>
      </main>
    );
  }
  if (!got) {
    return (
      <main className="cc-reader">
        <p role="status">Loading…</p>
      </main>
    );
  }
  const s = got.source;
  const meta = [s.outlet, formatDate(s.date), s.kind === 'seed' ? 'bundled source' : 'your source', s.enabled ? null : 'switched off']
    .filter(Boolean)
    .join(' · ');
  return (
    <main className="cc-reader">
      <p className="cc-note">
        <button type="button" className="cc-link" onClick={() => openExtensionPage('/sources.html')}>
          All sources
        </button>
      </p>
      <h1>{s.title}</h1>
      <p className="cc-source-meta">{meta}</p>
      {s.url && (
        <p className="cc-source-meta">
          <a href={s.url} target="_blank" rel="noopener noreferrer">
            {s.url}
          </a>
        </p>
      )}
      {quote && !parts && (
        <p className="cc-notice" role="status">
          The quoted sentence was not found in this source's text: “{quote}”
        </p>
      )}
      <div className="cc-reader-text" data-source-id={s.id}>
        {parts ? (
          <>
            {parts.before}
            <mark ref={mark} tabIndex={-1} className="cc-quote-mark">
              {parts.quote}
            </mark>
            {parts.after}
          </>
        ) : (
          got.text
        )}
      </div>
    </main>
  );
}
