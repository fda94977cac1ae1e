/**
 * FNV-1a, 32-bit, hex: a cache key, not security. In a module of its own so that code that only
 * needs the hash (parsing a reader's source in an extension page) does not pull in the index and
 * the engine's lexicon.
 */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
