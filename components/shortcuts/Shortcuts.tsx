/**
 * Crosscheck's keyboard shortcuts as the reader has them (the browser's current binding, which the
 * reader may have changed, else the suggested key: lib/shortcuts.ts), for the popup and the
 * options page. A definition list: the keys, then what they do.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { effectiveShortcuts } from '@/lib/shortcuts';

type Bound = Array<{ name?: string; shortcut?: string }>;

/** The browser's bindings (null while unknown, or where the commands API is missing). */
function useBoundCommands(): Bound | null {
  const [bound, setBound] = useState<Bound | null>(null);
  useEffect(() => {
    let alive = true;
    browser.commands
      ?.getAll()
      .then((all) => alive && setBound(all))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, []);
  return bound;
}

export function ShortcutList({ headingLevel = 2, id }: { headingLevel?: 2 | 3; id: string }) {
  const shortcuts = effectiveShortcuts(useBoundCommands());
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="cc-shortcuts" aria-labelledby={id}>
      <H id={id} className="cc-h">
        Keyboard shortcuts
      </H>
      <dl className="cc-shortcut-list">
        {shortcuts.map((s) => (
          <div key={s.command} className="cc-shortcut">
            <dt>{s.current ? <kbd>{s.current}</kbd> : <span className="cc-note">not set</span>}</dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
      <p className="cc-note">
        In the details of a claim, Tab moves through its links and buttons and Escape closes them, taking you back where you were. Change the keys on your
        browser&apos;s extension shortcuts page.
      </p>
    </section>
  );
}
