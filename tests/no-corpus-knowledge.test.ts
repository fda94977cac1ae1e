/**
 * Knowledge of a particular corpus is data, never engine code: no name, spelling, date or event
 * id of the seeds appears in lib/ code (comments may use them as examples). The list is derived
 * from the seeds themselves — their manifest's dates and event ids, and every capitalised word
 * of their texts that general English (WordNet) does not know as a common word or a country —
 * so a new seed's names are guarded without editing this test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryOf, isKnownWord, properKind } from '../lib/lexicon/wn';
import { lemmatize } from '../lib/lexicon/lemma';
import { STOPWORDS } from '../lib/lexicon/function-words';
import { loadSeedDocsFromDisk } from '../scripts/seeds-node';

const LIB = join(__dirname, '..', 'lib');

/**
 * Wire and photo agencies: the boilerplate reader knows their credit lines ("Getty Images",
 * "… /Reuters") on any news page. They are news-page knowledge, not this corpus's.
 */
const PRESS_AGENCIES = new Set(['getty', 'reuters']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Code without its comments (block and line), so examples in comments are allowed. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The seeds' own specifics: dates, event ids, and names general English does not have. */
function seedSpecifics(): string[] {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'seeds', 'manifest.json'), 'utf8')) as {
    seeds: Array<{ date: string | null; event: string | null }>;
  };
  const out = new Set<string>();
  for (const s of manifest.seeds) {
    if (s.date) out.add(s.date);
    if (s.event) out.add(s.event);
  }
  const docs = loadSeedDocsFromDisk();
  // A word the seeds also write in lower case is a common word ("since", "sources"), not a name.
  const lower = new Set(docs.flatMap((d) => d.text.match(/\b[a-z]+\b/g) ?? []));
  for (const d of docs) {
    for (const m of d.text.matchAll(/\b[A-Z][a-z]{4,}\b/g)) {
      const w = m[0].toLowerCase();
      // General English, countries and well-known places (WordNet) are not the corpus's knowledge.
      if (lower.has(w) || STOPWORDS.has(w) || isKnownWord(w) || isKnownWord(lemmatize(w)) || countryOf(w) || properKind(w)) continue;
      if (PRESS_AGENCIES.has(w)) continue;
      out.add(w);
    }
  }
  return [...out];
}

describe('no corpus knowledge in lib/ code', () => {
  const specifics = seedSpecifics();
  it('derives a non-trivial list from the seeds', () => {
    expect(specifics.length).toBeGreaterThan(30);
    // Names, the seeds' machine-translation misspellings, the meetings' dates and event ids.
    for (const x of ['medinsky', 'dormabach', 'tukiy', '2025-05-16', 'round2']) expect(specifics).toContain(x);
  });
  it('no seed name, date or event id appears in engine code', () => {
    const hits: string[] = [];
    const pattern = new RegExp(`(?<![a-z0-9-])(${specifics.map((s) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})(?![a-z0-9-])`, 'gi');
    for (const f of sources(LIB)) {
      for (const m of code(readFileSync(f, 'utf8')).matchAll(pattern)) hits.push(`${f.slice(LIB.length + 1)}: ${m[0]}`);
    }
    expect(hits).toEqual([]);
  });
});
