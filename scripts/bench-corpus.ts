/**
 * A deterministic synthetic corpus for the benchmark: documents recombined from the seed
 * sentences with varied figures, names, weekdays and months, so that retrieval has real work
 * (shared vocabulary, many near-duplicates) and the verifier sees figures that differ.
 * Same seed number → same corpus, byte for byte.
 */
import { splitSentences } from '../lib/text/sentences';
import type { CorpusDoc } from '../lib/types';

/** mulberry32: a tiny seeded PRNG (not for security). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PERSONS = ['Medinsky', 'Umerov', 'Lavrov', 'Fidan', 'Peskov', 'Yermak', 'Rubio', 'Kellogg', 'Erdogan', 'Zelensky', 'Putin', 'Sybiha'];
const PLACES = ['Istanbul', 'Geneva', 'Riyadh', 'Doha', 'Ankara', 'Vienna', 'Minsk', 'Jeddah'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const OUTLETS = ['Daily Ledger', 'Evening Post', 'Wire Service', 'Morning Herald', 'Courier', null];

/** Sentences per generated document: news pieces of a few paragraphs. */
const SENTENCES_PER_DOC = [6, 14] as const;

export function generateCorpus(seeds: CorpusDoc[], count: number, seed = 20250602): CorpusDoc[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const pool = seeds.flatMap((d) => splitSentences(d.text).map((s) => s.text)).filter((t) => t.split(/\s+/).length >= 6);
  const personRe = new RegExp(`\\b(${PERSONS.join('|')})\\b`, 'g');
  const placeRe = new RegExp(`\\b(${PLACES.join('|')})\\b`, 'g');
  const dayRe = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'g');
  const monthRe = new RegExp(`\\b(${MONTHS.join('|')})\\b`, 'g');
  const vary = (s: string): string =>
    s
      .replace(/\b\d{1,3}(?:,\d{3})+\b|\b\d+\b/g, (m) => {
        const n = Number(m.replace(/,/g, ''));
        if (n >= 1900 && n <= 2100) return m; // years stay
        const v = Math.max(1, Math.round(n * (0.5 + rand())));
        return v >= 1000 ? v.toLocaleString('en-US') : String(v);
      })
      .replace(personRe, () => pick(PERSONS))
      .replace(placeRe, () => pick(PLACES))
      .replace(dayRe, () => pick(WEEKDAYS))
      .replace(monthRe, () => pick(MONTHS));
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < count; i++) {
    const n = SENTENCES_PER_DOC[0] + Math.floor(rand() * (SENTENCES_PER_DOC[1] - SENTENCES_PER_DOC[0] + 1));
    const lines: string[] = [];
    for (let k = 0; k < n; k++) lines.push(vary(pick(pool)));
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    docs.push({
      id: `gen_${String(i).padStart(5, '0')}`,
      title: lines[0].slice(0, 80),
      outlet: pick(OUTLETS),
      date: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      event: null,
      text: lines.join('\n'),
    });
  }
  return docs;
}
