/**
 * The state of each tab as the background knows it (what the page is doing, its analysis), kept in
 * a Map and mirrored to an optional `TabStore` (storage.session in the extension) so that a
 * restarted MV3 service worker finds it again. The store keeps the analysis *key*; the analysis
 * itself is read back from IndexedDB.
 *
 * `seq` orders updates: a message never overwrites a state written after it arrived.
 */
import { z } from '../zod';
import { TabStateSchema, type Analysis, type TabState } from '../messages';
import { getAnalysis, type AnalysisKey, type CacheDB, type StoredAnalysis } from '../store/db';

/** What is persisted per tab (small: the analysis itself stays in IndexedDB). */
export const PersistedTabSchema = z.extend(z.omit(TabStateSchema, { analysis: true }), {
  analysisKey: z.nullable(z.tuple([z.string(), z.string(), z.string()])),
});
export type PersistedTab = z.infer<typeof PersistedTabSchema>;

export interface TabStore {
  get(tabId: number): Promise<unknown>;
  set(tabId: number, value: PersistedTab): Promise<void>;
  remove(tabId: number): Promise<void>;
}

export interface TabStatesDeps {
  db: CacheDB | null;
  now(): number;
  tabStore?: TabStore;
  /** Called after every change (the wiring updates the toolbar badge). */
  onTabState?(tabId: number, state: TabState): void;
  log(message: string, error?: unknown): void;
}

export interface TabEntry {
  state: TabState;
  key: AnalysisKey | null;
  seq: number;
}

/** A stored analysis as the messages carry it. */
export function fromRow(row: StoredAnalysis, cached: boolean, ms: number): Analysis {
  const { engineMs: _e, ...rest } = row;
  return { ...rest, cached, ms };
}

export class TabStates {
  private tabs = new Map<number, TabEntry>();
  /** The number of the last change. */
  seq = 0;

  constructor(private deps: TabStatesDeps) {}

  /** A tab nothing is known of. */
  blank(tabId: number): TabState {
    return { tabId, status: 'unknown', url: null, title: '', error: null, analysis: null, updatedAt: this.deps.now() };
  }

  /** The tab's entry in memory (after `get`, also what a restarted worker read back). */
  entry(tabId: number): TabEntry | undefined {
    return this.tabs.get(tabId);
  }

  async set(tabId: number, state: TabState, key: AnalysisKey | null): Promise<TabState> {
    const { deps } = this;
    this.tabs.set(tabId, { state, key, seq: ++this.seq });
    if (deps.tabStore) {
      const { analysis: _a, ...rest } = state;
      try {
        await deps.tabStore.set(tabId, { ...rest, analysisKey: key });
      } catch (e) {
        deps.log('could not persist tab state', e);
      }
    }
    try {
      deps.onTabState?.(tabId, state);
    } catch (e) {
      deps.log('onTabState failed', e);
    }
    return state;
  }

  /** The tab's state: from memory, else as persisted before a worker restart, else blank. */
  async get(tabId: number): Promise<TabState> {
    const mem = this.tabs.get(tabId);
    if (mem) return mem.state;
    const persisted = await this.readPersisted(tabId);
    if (!persisted) return this.blank(tabId);
    const { analysisKey: key, ...rest } = persisted;
    let analysis: Analysis | null = null;
    if (key && this.deps.db) {
      const row = await getAnalysis(this.deps.db, key, this.deps.log);
      if (row) analysis = fromRow(row, true, 0);
    }
    let state: TabState = { ...rest, tabId, analysis };
    // The analysis was evicted: the popup can ask the content script to re-send.
    if (key && !analysis && (state.status === 'done' || state.status === 'no_claims')) state = { ...state, status: 'unknown' };
    // A request may have set a fresher state while we were reading.
    const fresher = this.tabs.get(tabId);
    if (fresher) return fresher.state;
    this.tabs.set(tabId, { state, key: analysis ? key : null, seq: 0 });
    return state;
  }

  private async readPersisted(tabId: number): Promise<PersistedTab | null> {
    if (!this.deps.tabStore) return null;
    try {
      const p = PersistedTabSchema.safeParse(await this.deps.tabStore.get(tabId));
      return p.success ? p.data : null;
    } catch (e) {
      this.deps.log('could not read persisted tab state', e);
      return null;
    }
  }

  async forget(tabId: number): Promise<void> {
    this.tabs.delete(tabId);
    try {
      await this.deps.tabStore?.remove(tabId);
    } catch (e) {
      this.deps.log('could not forget tab state', e);
    }
  }
}
