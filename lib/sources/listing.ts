/**
 * What the corpus manager tells the sources page, the popup and the reader about sources:
 * one source's info (metadata, switched on or off, its stance counts), the list of all of them
 * including damaged stored rows, and one source with its text.
 */
import type { StoredAnalysis } from '../store/db';
import { getUserSource, type DamagedSource, type SourcesDB } from './db';
import { SourceError } from './parse';
import type { CorpusState } from './state';
import type { SourceInfo, StanceCount } from './types';

type CountRow = Pick<StoredAnalysis, 'url' | 'analysedAt' | 'claims'> & { engineVersion?: string };

/** Of several analyses per page, the one to count: made with `engineVersion` when there is one, else the latest. */
function latestPerPage(rows: ReadonlyArray<CountRow>, engineVersion?: string): CountRow[] {
  const latest = new Map<string, CountRow>();
  const rank = (r: CountRow) => (engineVersion !== undefined && r.engineVersion === engineVersion ? 1 : 0);
  for (const r of rows) {
    const prev = latest.get(r.url);
    if (!prev || rank(r) > rank(prev) || (rank(r) === rank(prev) && r.analysedAt > prev.analysedAt)) latest.set(r.url, r);
  }
  return [...latest.values()];
}

/**
 * Claims each source supported and contradicted, counted over the cached analyses: one analysis
 * per page (several analyses of the same page, made with other corpus or engine versions, would
 * count the same claims more than once) — the one made with `engineVersion` (the current corpus)
 * when there is one, else the latest. A claim counts once per source however many of that
 * source's sentences support it.
 */
export function countStances(rows: ReadonlyArray<CountRow>, engineVersion?: string): Map<string, StanceCount> {
  const out = new Map<string, StanceCount>();
  const bump = (id: string, k: keyof StanceCount) => {
    let c = out.get(id);
    if (!c) out.set(id, (c = { supported: 0, contradicted: 0 }));
    c[k]++;
  };
  for (const r of latestPerPage(rows, engineVersion)) {
    for (const claim of r.claims) {
      const sup = new Set<string>();
      const con = new Set<string>();
      for (const e of claim.evidence) {
        if (e.stance === 'supports') sup.add(e.source);
        else if (e.stance === 'conflicts') con.add(e.source);
      }
      for (const id of sup) bump(id, 'supported');
      for (const id of con) bump(id, 'contradicted');
    }
  }
  return out;
}

/** A damaged stored source as the sources page lists it: switched off, with what is wrong. */
export function damagedInfo(d: DamagedSource): SourceInfo {
  return {
    id: d.id,
    kind: 'user',
    title: d.title ?? `(damaged source ${d.id})`,
    outlet: null,
    date: null,
    url: null,
    event: null,
    enabled: false,
    addedAt: null,
    origin: null,
    fileName: null,
    chars: d.chars,
    supported: 0,
    contradicted: 0,
    damaged: `This stored source is damaged (${d.problem}). It is kept but not used; add its text again to use it.`,
  };
}

/** One indexed source as listed (throws the "no source" error for an id not in the index). */
export function sourceInfo(state: CorpusState, id: string, counts?: Map<string, StanceCount>): SourceInfo {
  const i = state.position(id);
  const d = i === undefined ? undefined : state.index.docs[i];
  if (!d) throw new SourceError(`There is no source “${id}”.`);
  const c = counts?.get(id) ?? { supported: 0, contradicted: 0 };
  const u = state.users.get(id);
  const seed = state.seeds.find((s) => s.id === id);
  return {
    id,
    kind: u ? 'user' : 'seed',
    title: d.title,
    outlet: d.outlet,
    date: d.date,
    url: u?.url ?? null,
    event: d.event,
    enabled: !state.index.disabled.has(i!),
    addedAt: u?.addedAt ?? null,
    origin: u?.origin ?? null,
    fileName: u?.fileName ?? null,
    chars: u?.chars ?? seed?.text.length ?? 0,
    supported: c.supported,
    contradicted: c.contradicted,
  };
}

/** Every source in index order (deleted ones left out), then the damaged rows not added again since. */
export function listSources(state: CorpusState, damaged: DamagedSource[], counts: Map<string, StanceCount>): SourceInfo[] {
  const out: SourceInfo[] = [];
  for (const d of state.index.docs) if (!state.tombstones.has(d.id)) out.push(sourceInfo(state, d.id, counts));
  // A damaged row whose text was added again since was overwritten by the new, valid row.
  for (const d of damaged) if (!state.users.has(d.id)) out.push(damagedInfo(d));
  return out;
}

/** One source with its text (a seed's from memory, a reader's from the database), or null. */
export async function getSource(
  state: CorpusState,
  sdb: SourcesDB,
  id: string,
  counts: () => Promise<Map<string, StanceCount>>,
): Promise<{ source: SourceInfo; text: string } | null> {
  if (!state.has(id)) return null;
  const c = await counts();
  const seed = state.seeds.find((s) => s.id === id);
  if (seed) return { source: sourceInfo(state, id, c), text: seed.text };
  const row = await getUserSource(sdb, id);
  return row ? { source: sourceInfo(state, id, c), text: row.text } : null;
}
