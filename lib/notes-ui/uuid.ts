/**
 * A version-4 UUID from crypto.getRandomValues. `crypto.randomUUID` exists only in secure
 * contexts, and a content script on a plain-http news site runs in the page's (insecure) context,
 * where it is undefined; getRandomValues is available everywhere.
 */
export function uuidV4(getRandomValues: (a: Uint8Array) => Uint8Array = (a) => globalThis.crypto.getRandomValues(a)): string {
  const b = getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** crypto.randomUUID where the context has it, uuidV4 otherwise. */
export function newUuid(): string {
  const c = globalThis.crypto as Crypto | undefined;
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : uuidV4();
}
