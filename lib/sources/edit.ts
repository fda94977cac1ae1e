/**
 * Changing sources already in the live corpus: switching one off or on (seeds too), editing the
 * metadata of one of the reader's sources, deleting one. The database is written first, then
 * the index is changed in place (`setDocEnabled`, `setDocMeta`); a deleted source stays in the
 * index switched off — a tombstone — until the next rebuild, since an index cannot forget
 * postings cheaply.
 */
import { setDocEnabled, setDocMeta } from '../corpus/index';
import { deleteUserSource, getUserSource, putUserSources, setDisabled, UserSourceSchema, type UserSource } from './db';
import { SourceError } from './parse';
import { sourceInfo } from './listing';
import type { MutationContext } from './state';
import { quoted, sameUrlKey, type MetaPatch, type SourceInfo } from './types';

/** The date format a source's date is edited in. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function setSourceEnabled(ctx: MutationContext, id: string, enabled: boolean): Promise<SourceInfo> {
  const { state } = ctx;
  state.require(id);
  if (enabled === state.isEnabled(id)) return sourceInfo(state, id);
  await setDisabled(ctx.sdb, id, !enabled);
  setDocEnabled(state.index, id, enabled);
  ctx.changed({ save: false });
  return sourceInfo(state, id);
}

/** The row with the patch applied (fields trimmed, blanks as null); throws a SourceError for a blank title or a malformed date. */
export function applyMetaPatch(row: UserSource, patch: MetaPatch): UserSource {
  const next: UserSource = { ...row };
  if (patch.title !== undefined) {
    const title = patch.title.trim();
    if (!title) throw new SourceError('A source needs a title.');
    next.title = title;
  }
  if (patch.outlet !== undefined) next.outlet = patch.outlet?.trim() || null;
  if (patch.date !== undefined) {
    const d = patch.date?.trim() || null;
    if (d && !ISO_DATE.test(d)) throw new SourceError('The date must be written YYYY-MM-DD.');
    next.date = d;
  }
  if (patch.url !== undefined) next.url = patch.url?.trim() || null;
  if (patch.event !== undefined) next.event = patch.event;
  return next;
}

export async function updateSource(ctx: MutationContext, id: string, patch: MetaPatch): Promise<SourceInfo> {
  const { state } = ctx;
  state.require(id);
  if (!state.users.has(id)) throw new SourceError('The bundled sources cannot be edited (they can be switched off).');
  const row = await getUserSource(ctx.sdb, id);
  if (!row) throw new SourceError(`There is no source “${id}”.`);
  const next = applyMetaPatch(row, patch);
  const newUrl = sameUrlKey(next.url);
  if (newUrl && newUrl !== sameUrlKey(row.url)) {
    const other = state.byUrl.get(newUrl);
    if (other && other !== id && !state.tombstones.has(other)) {
      throw new SourceError(`Another source already has this URL (${quoted(state.index.docs[state.position(other)!]?.title ?? other)}).`);
    }
  }
  await putUserSources(ctx.sdb, [UserSourceSchema.parse(next)]);
  state.moveUrl(id, row.url, next.url);
  state.rememberUser(next);
  setDocMeta(state.index, id, { title: next.title, outlet: next.outlet, date: next.date, event: next.event });
  state.rekey();
  ctx.changed({ save: true });
  return sourceInfo(state, id);
}

/** Deletes one of the reader's sources; returns the deleted row (for Undo). */
export async function removeSource(ctx: MutationContext, id: string): Promise<UserSource> {
  const { state } = ctx;
  state.require(id);
  if (state.seedIds.has(id)) throw new SourceError('The bundled sources cannot be deleted; switch them off instead.');
  const row = await deleteUserSource(ctx.sdb, id);
  if (!row) throw new SourceError(`There is no source “${id}”.`);
  state.forgetUser(row);
  // Kept in the index, switched off, until the next rebuild (an index cannot forget postings cheaply).
  setDocEnabled(state.index, id, false);
  state.tombstones.add(id);
  ctx.changed({ save: false });
  return row;
}
