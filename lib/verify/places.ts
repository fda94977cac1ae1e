/**
 * Places: the place hierarchy, and a place conflict between a claim and a sentence.
 *
 * A sentence that names a place inside the claim's ("Dolmabahce Palace" for "Istanbul"), or
 * one that contains it, confirms rather than contradicts it; only an unrelated place is a
 * different place. Places that stand for a government ("Moscow said", "Kyiv proposed") are
 * parties, not venues, and are never compared here (PARTY in the lexicon).
 */
import { PARTY, PLACES } from '../lexicon/lexicon';
import type { Rep } from './represent';
import type { Found } from './slots';

/** Every place that contains `p`: PLACES followed upward to the top (Dolmabahce → Istanbul → Turkey). */
export function ancestors(p: string): string[] {
  const out: string[] = [];
  const todo = [...(PLACES[p] ?? [])];
  while (todo.length) {
    const q = todo.pop()!;
    if (out.includes(q)) continue;
    out.push(q);
    todo.push(...(PLACES[q] ?? []));
  }
  return out;
}

/** A place in the claim where the source names a different, unrelated place. Capitals that stand for governments are skipped. */
export function placeConflict(claim: Rep, source: Rep): Found {
  const claimPlaces = claim.words.places.filter((p) => !PARTY[p]);
  const sourcePlaces = source.words.places.filter((p) => !PARTY[p]);
  // A list of places ("Kyiv, Kharkiv and Zaporizhzhia") enumerates; it does not pin one
  // location that another could contradict. Count places that do not contain one another.
  if (distinctPlaces(claimPlaces) > 1) return null;
  for (const p of claimPlaces) {
    const confirmed = sourcePlaces.some((q) => q === p || ancestors(q).includes(p));
    if (confirmed) continue;
    const other = sourcePlaces.find((q) => !ancestors(p).includes(q) && !ancestors(q).includes(p));
    if (other) {
      return { reason: `different place: source says ${source.words.surface[other] ?? other}, claim says ${claim.words.surface[p] ?? p}`, slot: { kind: 'place', place: p } };
    }
  }
  return null;
}

/** How many places remain once a place that contains another named one is dropped ("Brussels, Belgium" is one). */
function distinctPlaces(places: string[]): number {
  return places.filter((p) => !places.some((q) => q !== p && ancestors(q).includes(p))).length;
}
