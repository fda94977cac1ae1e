/**
 * Adding sources to the live corpus, and restoring a deleted one (Undo).
 *
 * A batch is planned first without side effects (`planAdditions`: parse each item, refuse what
 * cannot be a source, mark duplicates of the corpus or of an earlier item of the same batch),
 * then committed: rows written, then indexed incrementally with `addToCorpus` (nothing already
 * indexed is redone). A source deleted earlier is still in the index as a tombstone: it is
 * switched back on with its new metadata rather than indexed twice. If indexing fails, the new
 * rows are deleted again, so nothing is half-added.
 */
import { addToCorpus, setDocEnabled, setDocMeta } from '../corpus/index';
import { getUserSource, putUserSources, UserSourceSchema, type UserSource } from './db';
import { textHash } from './index';
import { parseSource, SourceError } from './parse';
import { sourceInfo } from './listing';
import type { CorpusState, MutationContext } from './state';
import { errorMessage, quoted, sameUrlKey, type AddItem, type AddOutcome } from './types';

/** A source of the corpus with the same page URL (preferred) or the same text, with the message to show; null when new. */
export function duplicateOf(state: CorpusState, contentHash: string, url: string | null): { id: string; message: string } | null {
  const u = sameUrlKey(url);
  const byPage = u ? state.byUrl.get(u) : undefined;
  const sameId = byPage ?? state.byHash.get(contentHash);
  if (!sameId || state.tombstones.has(sameId)) return null;
  const title = state.quotedTitle(sameId);
  if (state.seedIds.has(sameId)) return { id: sameId, message: `This text is already in the bundled corpus (${title}).` };
  return { id: sameId, message: byPage ? `This page is already in your sources (${title}).` : `This text is already in your sources (${title}).` };
}

export interface Planned {
  /** Outcomes of the refused and duplicate items (the rest are holes, filled when committed). */
  out: AddOutcome[];
  /** The new rows with their item's position. */
  fresh: Array<{ at: number; row: UserSource }>;
}

/**
 * Parses a batch and sorts it into refused, duplicate and new items. `at` is the time of the
 * batch: each new row is stamped a thousandth of a millisecond after the previous one, so the
 * list keeps the batch's order.
 */
export function planAdditions(
  items: AddItem[],
  isDuplicate: (contentHash: string, url: string | null) => { id: string; message: string } | null,
  at: number,
): Planned {
  const out: AddOutcome[] = new Array(items.length);
  const fresh: Planned['fresh'] = [];
  const batchHash = new Map<string, string>();
  const batchUrl = new Map<string, string>();
  items.forEach((item, i) => {
    let parsed;
    try {
      parsed = parseSource({ name: item.name, content: item.text, type: 'txt', meta: item.meta });
    } catch (e) {
      out[i] = { status: 'refused', name: item.name, message: e instanceof SourceError ? e.message : `${item.name}: ${errorMessage(e)}` };
      return;
    }
    const url = sameUrlKey(parsed.url);
    const dup = isDuplicate(parsed.contentHash, parsed.url);
    const inBatch = batchHash.get(parsed.contentHash) ?? (url ? batchUrl.get(url) : undefined);
    if (dup || inBatch) {
      out[i] = dup
        ? { status: 'duplicate', name: item.name, sameAs: dup.id, message: `${item.name}: ${dup.message}` }
        : { status: 'duplicate', name: item.name, sameAs: inBatch!, message: `${item.name}: the same text as another file in this import.` };
      return;
    }
    const { id, title, outlet, date, url: pageUrl, event, text, contentHash } = parsed;
    const row: UserSource = {
      id,
      title,
      outlet,
      date,
      url: pageUrl,
      event,
      text,
      contentHash,
      addedAt: at + fresh.length / 1000,
      origin: item.origin,
      fileName: item.fileName ?? null,
    };
    batchHash.set(row.contentHash, row.id);
    if (url) batchUrl.set(url, row.id);
    fresh.push({ at: i, row });
  });
  return { out, fresh };
}

/** Puts the written rows into the index (tombstones switched back on) and the lookups. */
function indexRows(state: CorpusState, rows: UserSource[]): void {
  const revived = rows.filter((r) => state.tombstones.has(r.id));
  const added = rows.filter((r) => !state.tombstones.has(r.id));
  const before = state.index.docs.length;
  if (added.length) addToCorpus(state.index, added);
  for (const r of revived) {
    setDocMeta(state.index, r.id, { title: r.title, outlet: r.outlet, date: r.date, event: r.event });
    setDocEnabled(state.index, r.id, true);
    state.tombstones.delete(r.id);
  }
  for (const r of rows) state.rememberUser(r);
  state.appended(before);
  if (revived.length) state.rekey(); // metadata of documents before `before` changed
}

export async function addSources(ctx: MutationContext, items: AddItem[]): Promise<AddOutcome[]> {
  const { state, sdb } = ctx;
  const { out, fresh } = planAdditions(items, (h, url) => duplicateOf(state, h, url), ctx.now());
  if (!fresh.length) return out;
  const refuse = (message: (name: string) => string) => {
    for (const f of fresh) out[f.at] = { status: 'refused', name: items[f.at]!.name, message: message(items[f.at]!.name) };
    return out;
  };
  try {
    await putUserSources(
      sdb,
      fresh.map((f) => f.row),
    );
  } catch (e) {
    return refuse(() => errorMessage(e));
  }
  try {
    indexRows(
      state,
      fresh.map((f) => f.row),
    );
  } catch (e) {
    // Nothing half-added: take the rows out again.
    ctx.log('indexing the new sources failed', e);
    await sdb.sources.bulkDelete(fresh.map((f) => f.row.id)).catch((err: unknown) => ctx.log('could not roll back the new sources', err));
    return refuse((name) => `${name}: could not be indexed (${errorMessage(e)})`);
  }
  ctx.changed({ save: true });
  for (const f of fresh) {
    out[f.at] = { status: 'added', name: items[f.at]!.name, source: sourceInfo(state, f.row.id), message: `Added ${quoted(f.row.title)} to your sources.` };
  }
  return out;
}

/** Adds a deleted source's row again (Undo), back in its place in the list. */
export async function restoreSource(ctx: MutationContext, raw: unknown): Promise<AddOutcome> {
  const p = UserSourceSchema.safeParse(raw);
  if (!p.success) return { status: 'refused', name: 'source', message: 'That source cannot be restored (its data is incomplete).' };
  const row = p.data;
  if (`user_${textHash(row.text)}` !== row.id || textHash(row.text) !== row.contentHash) {
    return { status: 'refused', name: row.title, message: 'That source cannot be restored (its text does not match its id).' };
  }
  const meta = { title: row.title, outlet: row.outlet, date: row.date, url: row.url, event: row.event };
  const [outcome] = await addSources(ctx, [{ name: row.fileName ?? row.title, text: row.text, meta, origin: row.origin, fileName: row.fileName }]);
  if (outcome!.status !== 'added') return outcome!;
  const again = await getUserSource(ctx.sdb, row.id);
  if (again && again.text === row.text) {
    await putUserSources(ctx.sdb, [{ ...again, addedAt: row.addedAt }]);
    ctx.state.rememberUser({ ...again, addedAt: row.addedAt });
  }
  return { ...outcome!, source: sourceInfo(ctx.state, row.id), message: `Restored ${quoted(row.title)}.` };
}
