import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import table from '../lib/lexicon/wordnet.json';
import * as morph from '../lib/lexicon/wordnet';
import { antonymsOf, areAntonyms, lemmatize, phraseAnchor, synonymAnchor } from '../lib/lexicon/wordnet';
import { buildTable, corpusTokens, parseWordNet, serializeTable, type WordNetFiles } from '../scripts/build-wordnet';

const ROOT = join(__dirname, '..');
const JSON_PATH = join(ROOT, 'lib/lexicon/wordnet.json');
const seedTexts = () =>
  readdirSync(join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));

describe('wordnet.json', () => {
  it('loads, has the documented shape and stays small', () => {
    expect(table.version).toBe(1);
    expect(table.source).toMatch(/WordNet 3\.1/);
    expect(Object.keys(table.syn).length).toBeGreaterThan(1000);
    expect(Object.keys(table.ant).length).toBeGreaterThan(50);
    expect(table.lemmas.length).toBeGreaterThan(300);
    expect(statSync(JSON_PATH).size).toBeLessThan(400 * 1024);
  });

  it('is serialised deterministically (sorted keys, same text when written again)', () => {
    for (const o of [table.syn, table.ant, table.exc, table.phr]) {
      const keys = Object.keys(o);
      expect(keys).toEqual([...keys].sort());
    }
    expect(table.lemmas).toEqual([...table.lemmas].sort());
    expect(serializeTable(table)).toBe(readFileSync(JSON_PATH, 'utf8'));
  });

  it('anchors on corpus lemmas only, and never lists a corpus lemma as a synonym key', () => {
    const lemmas = new Set(table.lemmas);
    for (const [k, v] of Object.entries(table.syn)) {
      expect(lemmas.has(v), `${k} → ${v}`).toBe(true);
      expect(lemmas.has(k), k).toBe(false);
    }
    for (const k of Object.keys(table.ant)) expect(lemmas.has(k), k).toBe(true);
    for (const v of Object.values(table.phr)) expect(lemmas.has(v)).toBe(true);
  });

  it('corpus words map to their own lemma, exactly as at build time', () => {
    const lemmas = new Set(table.lemmas);
    const { counts } = corpusTokens(seedTexts());
    expect(counts.size).toBeGreaterThan(300);
    for (const w of counts.keys()) {
      const l = lemmatize(w);
      expect(lemmas.has(l), `${w} → ${l}`).toBe(true);
      expect(synonymAnchor(w), w).toBe(l);
    }
    for (const l of table.lemmas) expect(lemmatize(l), l).toBe(l);
  });
});

describe('lemmatize (no WordNet files at run time)', () => {
  it.each([
    ['prisoners', 'prisoner'],
    ['captives', 'captive'],
    ['sent', 'send'],
    ['met', 'meet'],
    ['meetings', 'meet'],
    ['negotiations', 'negotiation'],
    ['Killed', 'kill'],
    ['swapped', 'swap'],
  ])('%s → %s', (w, l) => expect(lemmatize(w)).toBe(l));

  it('leaves unknown words alone', () => {
    expect(lemmatize('zzqx')).toBe('zzqx');
    expect(lemmatize('Blorfs')).toBe('blorfs');
  });
});

describe('synonymAnchor: paraphrases WordNet actually lists', () => {
  const anchor = (w: string) => synonymAnchor(w);
  // each pair shares a synset within both words' first senses (checked against WordNet 3.1)
  it.each([
    ['captives', 'prisoners'], // {prisoner, captive}
    ['captive', 'prisoner'],
    ['armistice', 'truce'], // {armistice, cease-fire, truce}
    ['swop', 'swap'], // {trade, swap, swop, switch}
    ['barter', 'swap'], // {barter, swap, swop, trade}
    ['concurred', 'agreed'], // {agree, hold, concur, concord}
    ['retreating', 'withdraw'], // {withdraw, retreat, pull back, …}
    ['hurt', 'wounded'], // adjective {hurt, wounded}
    ['completion', 'completed'], // derivationally related form
  ])('%s ≈ %s', (a, b) => {
    expect(anchor(a)).toBeDefined();
    expect(anchor(a)).toBe(anchor(b));
  });

  it('groundwork ≈ foundation / basis (both synsets list all three)', () => {
    expect(['basis', 'foundation']).toContain(anchor('groundwork'));
    expect(['basis', 'foundation']).toContain(anchor('fundament'));
  });

  it('hyphenated and multi-word forms', () => {
    expect(anchor('cease-fire')).toBe(anchor('ceasefire') ?? anchor('truce'));
    expect(phraseAnchor('prisoner of war')).toBeDefined();
    expect(anchor('prisoner of war')).toBe(phraseAnchor('prisoner-of-war'));
  });

  it('unrelated and function words have no anchor', () => {
    expect(anchor('zzqx')).toBeUndefined();
    expect(anchor('the')).toBeUndefined();
    expect(anchor('pineapple')).toBeUndefined();
  });
});

describe('antonyms', () => {
  it('satisfied / dissatisfied (WordNet 3.1 links the verbs satisfy ! dissatisfy)', () => {
    expect(antonymsOf('satisfied')).toContain('dissatisfy');
    expect(areAntonyms('satisfied', 'dissatisfied')).toBe(true);
    expect(areAntonyms('dissatisfied', 'satisfied')).toBe(true);
  });
  it('pairs are read both ways and through inflections', () => {
    expect(areAntonyms('agreement', 'disagreement')).toBe(true);
    expect(areAntonyms('agreed', 'disagreed')).toBe(true);
    expect(areAntonyms('rose', 'fell')).toBe(true);
    expect(areAntonyms('prisoner', 'captive')).toBe(false);
    expect(antonymsOf('zzqx')).toEqual([]);
  });
});

// ---- the pure build on a tiny fake WordNet -------------------------------------------------

const FAKE: WordNetFiles = {
  data: {
    n: [
      '  1 This software and database is being provided to you, the LICENSEE',
      '00000010 18 n 02 prisoner 0 captive 0 000 | a person who is confined',
      '00000020 18 n 01 captive 0 000 | a person held by emotion',
      '00000030 04 n 03 armistice 0 cease-fire 0 truce 0 000 | a state of peace',
      '00000040 04 n 02 agreement 0 accord 1 002 + 00000100 v 0101 ! 00000050 n 0101 | harmony',
      '00000050 04 n 01 disagreement 0 001 ! 00000040 n 0101 | discord',
      '00000060 15 n 03 Istanbul 0 Stambul 0 Constantinople 0 000 | a city',
      '00000070 18 n 02 Nation 0 Carry_Nation 0 000 | a reformer',
      '00000080 14 n 02 nation 0 state 0 000 | a political unit',
    ].join('\n'),
    v: [
      '00000100 31 v 02 agree 0 concur 0 001 + 00000040 n 0101 01 + 08 00 | be in accord',
      '00000110 31 v 02 free 0 release 0 000 01 + 08 00 | let go',
    ].join('\n'),
    a: [
      '00000200 00 a 01 satisfied 0 002 ! 00000210 a 0101 & 00000220 a 0000 | content',
      '00000210 00 a 01 dissatisfied 0 001 ! 00000200 a 0101 | not content',
      '00000220 00 s 02 contented 0 content(p) 0 001 & 00000200 a 0000 | pleased',
      '00000230 00 s 01 gruntled 0 001 & 00000200 a 0000 | pleased (never tagged)',
    ].join('\n'),
  },
  index: {
    n: [
      'prisoner n 1 0 1 1 00000010  ',
      'captive n 2 0 2 1 00000010 00000020  ',
      'armistice n 1 0 1 0 00000030  ',
      'cease-fire n 1 0 1 0 00000030  ',
      'truce n 1 0 1 0 00000030  ',
      'agreement n 1 2 + ! 1 1 00000040  ',
      'accord n 1 0 1 0 00000040  ',
      'disagreement n 1 1 ! 1 0 00000050  ',
      'istanbul n 1 0 1 0 00000060  ',
      'stambul n 1 0 1 0 00000060  ',
      'constantinople n 1 0 1 0 00000060  ',
      'nation n 2 0 2 1 00000080 00000070  ',
      'carry_nation n 1 0 1 0 00000070  ',
      'state n 1 0 1 0 00000080  ',
    ].join('\n'),
    v: ['agree v 1 1 + 1 1 00000100  ', 'concur v 1 0 1 0 00000100  ', 'free v 1 0 1 0 00000110  ', 'release v 1 0 1 0 00000110  '].join('\n'),
    a: [
      'satisfied a 1 2 ! & 1 1 00000200  ',
      'dissatisfied a 1 1 ! 1 0 00000210  ',
      'contented a 1 1 & 1 0 00000220  ',
      'content a 1 1 & 1 0 00000220  ',
      'gruntled a 1 1 & 1 0 00000230  ',
    ].join('\n'),
  },
  exc: { v: 'concurred concur\nfreed free' },
  sense: 'contented%5:00:00:satisfied:00 00000220 1 3\ncontent%5:00:00:satisfied:00 00000220 1 2\nagree%2:31:00:: 00000100 1 9',
};
const TEXTS = ['Prisoners were freed after the truce in Istanbul. Both sides agreed.', 'The agreement left the nation satisfied.'];
const build = (files: WordNetFiles, texts: string[]) => buildTable(parseWordNet(files), texts, morph);

describe('buildTable on a tiny fake WordNet', () => {
  const t = build(FAKE, TEXTS);

  it('maps synset mates, derived forms and similar adjectives to corpus lemmas', () => {
    expect(t.syn).toMatchObject({ captive: 'prisoner', armistice: 'truce', accord: 'agreement', concur: 'agree', release: 'free' });
    expect(t.syn.stambul).toBe('istanbul');
    expect(t.syn.contented).toBe('satisfied');
    expect(t.phr['cease fire']).toBe('truce');
  });

  it('skips corpus words, rare similar-to lemmas and proper-name senses of common words', () => {
    for (const k of ['prisoner', 'truce', 'agree', 'agreement', 'satisfied', 'nation', 'agreed', 'prisoners']) expect(t.syn[k]).toBeUndefined();
    expect(t.syn.gruntled).toBeUndefined(); // similar-to, never sense-tagged
    expect(t.syn.state).toBe('nation');
    expect(t.phr['carry nation']).toBeUndefined();
  });

  it('records antonyms of corpus lemmas and the irregular forms it needs', () => {
    expect(t.ant).toEqual({ agreement: ['disagreement'], satisfied: ['dissatisfied'] });
    expect(t.exc).toMatchObject({ concurred: 'concur' });
    expect(t.lemmas).toEqual(expect.arrayContaining(['prisoner', 'free', 'truce', 'istanbul', 'agree', 'agreement', 'nation', 'satisfied']));
  });

  it('is deterministic: same input twice, shuffled data lines or texts give the same bytes', () => {
    const once = serializeTable(t);
    expect(serializeTable(build(FAKE, TEXTS))).toBe(once);
    const reverse = (s?: string) => s?.split('\n').reverse().join('\n');
    const shuffled: WordNetFiles = {
      data: { n: reverse(FAKE.data.n), v: reverse(FAKE.data.v), a: reverse(FAKE.data.a) },
      index: { n: reverse(FAKE.index.n), v: reverse(FAKE.index.v), a: reverse(FAKE.index.a) },
      exc: FAKE.exc,
      sense: reverse(FAKE.sense),
    };
    expect(serializeTable(build(shuffled, [...TEXTS].reverse()))).toBe(once);
    expect(JSON.parse(once)).toEqual(t);
  });
});
