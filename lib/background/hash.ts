/** Content hashes for the analysis cache key. Pure: the Web Crypto implementation is passed in. */

/** SHA-256 of the UTF-8 text, lowercase hex. `subtle` is `crypto.subtle` (service worker, page or Node 20). */
export function sha256Hex(subtle: Pick<SubtleCrypto, 'digest'>): (text: string) => Promise<string> {
  return async (text) => {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  };
}
