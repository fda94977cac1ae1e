/**
 * The engine's two data files — the WordNet table and the tagger's core lexicon — loaded once in
 * the extension's background (they are packaged as files, not bundled into code: stores refuse
 * to parse a script over 5 MB). The caller passes how a packaged file is read, so this runs in
 * tests and in either browser.
 */
import { installLexicon, lexiconInstalled } from '../lexicon/wn';
import { installTaggerCore, taggerInstalled } from '../nlp/model';

/** The packaged files, relative to the extension's root (wxt.config.ts copies them there). */
export const ENGINE_DATA_FILES = { lexicon: 'data/lexicon.json', lexiconKeys: 'data/lexicon-keys.json', taggerCore: 'data/tagger-core.json' } as const;

let pending: Promise<void> | null = null;

/** Loads and installs the data once; a failure is not kept (the next call retries). */
export function loadEngineData(readJson: (path: string) => Promise<unknown>): Promise<void> {
  if (lexiconInstalled() && taggerInstalled()) return Promise.resolve();
  pending ??= (async () => {
    const [lexicon, keys, core] = await Promise.all([
      readJson(ENGINE_DATA_FILES.lexicon),
      readJson(ENGINE_DATA_FILES.lexiconKeys),
      readJson(ENGINE_DATA_FILES.taggerCore),
    ]);
    installLexicon(lexicon, keys);
    installTaggerCore(core);
  })();
  pending.catch(() => {
    pending = null;
  });
  return pending;
}
