/**
 * Spelling measures for names: a transliteration skeleton (the letters that survive spelling
 * variation between English, French and German renderings of Slavic and Turkish names), and the
 * Jaro–Winkler and edit distances the name matching uses on it.
 */
import { foldLetters } from '../text/normalize';

/** Memo bound: skeletons are asked for every name read and every pair of corpus names compared. */
const SKELETON_MEMO_MAX = 50_000;
const skeletonMemo = new Map<string, string>();

/**
 * A transliteration skeleton: the letters that survive spelling variation between English,
 * French and German renderings of Slavic and Turkish names.
 */
export function skeleton(name: string): string {
  let s = skeletonMemo.get(name);
  if (s === undefined) {
    if (skeletonMemo.size >= SKELETON_MEMO_MAX) skeletonMemo.clear();
    skeletonMemo.set(name, (s = readSkeleton(name)));
  }
  return s;
}

function readSkeleton(name: string): string {
  let s = foldLetters(name)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  s = s
    .replace(/(?<=.{3})(e?s|'s)$/, '')
    .replace(/kh/g, 'h')
    .replace(/zh/g, 'j')
    .replace(/tch/g, 'ch')
    .replace(/ts/g, 'c')
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/ou/g, 'u')
    .replace(/ch/g, 'C')
    .replace(/c/g, 'k')
    .replace(/C/g, 'ch')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/f$/, 'v')
    .replace(/x/g, 'ks')
    .replace(/[yj]/g, 'i')
    .replace(/ie/g, 'i')
    .replace(/ei/g, 'i')
    .replace(/ue/g, 'u')
    .replace(/(.)\1+/g, '$1')
    .replace(/(?<=.{3})e$/, '');
  return s;
}

/** Jaro–Winkler similarity of two strings (0..1). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Array<boolean>(la).fill(false);
  const mb = new Array<boolean>(lb).fill(false);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(lb, i + range + 1); j++) {
      if (mb[j] || a[i] !== b[j]) continue;
      ma[i] = mb[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let t = 0;
  for (let i = 0, k = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Edit distance (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}
