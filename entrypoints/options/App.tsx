import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { OptionsForm } from '@/components/options/OptionsForm';
import { parseSettings, type Settings } from '@/lib/settings';
import { ShortcutList } from '@/components/shortcuts/Shortcuts';

/** Options page: loads the settings from storage.local ('settings'), saves them back. */
export default function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadNote, setLoadNote] = useState<string | null>(null);

  useEffect(() => {
    browser.storage.local
      .get('settings')
      .then((got) => setSettings(parseSettings(got.settings)))
      .catch((e: unknown) => {
        setLoadNote(`Your saved settings could not be read (${String(e)}); showing the defaults.`);
        setSettings(parseSettings(undefined));
      });
  }, []);

  const save = async (s: Settings) => {
    await browser.storage.local.set({ settings: parseSettings(s) });
  };

  return (
    <main className="cc-options">
      <h1>Crosscheck settings</h1>
      {loadNote && (
        <p className="cc-notice" role="alert">
          {loadNote}
        </p>
      )}
      {settings ? <OptionsForm initial={settings} onSave={save} /> : <p role="status">Loading…</p>}
      <ShortcutList id="cc-options-shortcuts" />
    </main>
  );
}
