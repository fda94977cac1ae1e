/**
 * Links from the notes page back to a note's place in its article: the page URL with a
 * `#crosscheck-note=<id>` fragment. The content script reads the fragment on load, scrolls to the
 * note's (re-anchored) claim and flashes it. A fragment is never sent to the site's server, and
 * notes are keyed by the URL without its fragment, so the link finds the same notes.
 *
 * Pure: no DOM, no extension API.
 */

export const NOTE_FRAGMENT_KEY = 'crosscheck-note';

/** A note id as the library makes them (RFC 4122 UUID); anything else in a fragment is ignored. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The page URL with `#crosscheck-note=<id>` (replacing any fragment), or null when the URL is not
 * http(s) — a stored `javascript:` or `data:` URL must never become a link.
 */
export function noteLinkUrl(pageUrl: string, id: string): string | null {
  let u: URL;
  try {
    u = new URL(pageUrl);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = `${NOTE_FRAGMENT_KEY}=${encodeURIComponent(id)}`;
  return u.href;
}

/**
 * The note id in a location.hash such as '#crosscheck-note=<uuid>' (also accepted among other
 * '&'-separated fragment parameters), or null.
 */
export function noteIdFromHash(hash: string): string | null {
  const h = hash.replace(/^#/, '');
  if (!h) return null;
  for (const part of h.split('&')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq) !== NOTE_FRAGMENT_KEY) continue;
    let v: string;
    try {
      v = decodeURIComponent(part.slice(eq + 1));
    } catch {
      return null;
    }
    return UUID.test(v) ? v.toLowerCase() : null;
  }
  return null;
}

/** http(s) URLs only: whether a stored page URL may be rendered as a link. */
export function isWebUrl(url: string): boolean {
  try {
    const p = new URL(url).protocol;
    return p === 'http:' || p === 'https:';
  } catch {
    return false;
  }
}
