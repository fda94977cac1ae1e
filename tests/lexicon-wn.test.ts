/**
 * The general lexicon (lib/lexicon: WordNet table, lemmatiser, evaluation words): what must and
 * must not be related. Nothing here is about the seeds: these are English facts.
 */
import { describe, expect, it } from 'vitest';
import { antonymsOf, areAntonyms, countryOf, isCapital, isPhrase, pertainymOf, properKind, relatedness, RELATION } from '../lib/lexicon/wn';
import { lemmatize } from '../lib/lexicon/lemma';
import { afinnScore } from '../lib/lexicon/evaluation';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import table from '../lib/lexicon/wn.json';

describe('WordNet relatedness', () => {
  it('synonyms share a sense', () => {
    expect(relatedness('ceasefire', 'truce')).toBeGreaterThanOrEqual(RELATION.synonym);
    expect(relatedness('truce', 'armistice')).toBeGreaterThanOrEqual(RELATION.synonym);
    expect(relatedness('truce', 'ceasefire')).toBeGreaterThanOrEqual(RELATION.synonym);
    expect(relatedness('captive', 'prisoner')).toBeGreaterThanOrEqual(RELATION.synonym);
  });
  it('derived forms and more specific or general words are related, less strongly', () => {
    expect(relatedness('agreement', 'agree')).toBe(RELATION.derived);
    expect(relatedness('proposal', 'propose')).toBe(RELATION.derived);
    expect(relatedness('exchange', 'swap')).toBeGreaterThanOrEqual(RELATION.specific);
    expect(relatedness('swap', 'exchange')).toBeGreaterThanOrEqual(RELATION.general);
  });
  it('unrelated words and co-hyponyms of a general word are not', () => {
    expect(relatedness('prisoner', 'palace')).toBe(0);
    expect(relatedness('russia', 'ukraine')).toBe(0);
    expect(relatedness('meet', 'satisfy')).toBe(0);
  });
  it('antonyms, read both ways', () => {
    expect(antonymsOf('accept')).toContain('reject');
    expect(areAntonyms('reject', 'accept')).toBe(true);
    expect(areAntonyms('success', 'failure')).toBe(true);
    expect(areAntonyms('agree', 'disagree')).toBe(true);
    expect(areAntonyms('agree', 'accept')).toBe(false);
  });
  it('names: demonyms, countries, capitals, kinds', () => {
    expect(pertainymOf('russian')).toBe('russia');
    expect(pertainymOf('turkish')).toBe('turkey');
    // A country WordNet names in two words: "British" is of Great Britain, the UK.
    expect(pertainymOf('british')).toBe('great britain');
    expect(countryOf('great britain')).toBe(countryOf('uk'));
    expect(countryOf('kiev')).toBe('ukraine');
    expect(countryOf('usa')).toBe(countryOf('united states'));
    expect(isCapital('kiev')).toBe(true);
    expect(isCapital('istanbul')).toBe(false);
    expect(properKind('istanbul')).toBe('loc');
    expect(isPhrase('prisoner of war')).toBe(true);
  });
  it('the table names its source and holds no corpus vocabulary field', () => {
    expect((table as { source: string }).source).toMatch(/WordNet 3\.1/);
    expect(Object.keys(table)).not.toContain('lemmas');
  });
  it('each packaged data file stays under the 5 MB the stores parse', () => {
    for (const f of ['wn.json', 'wn-keys.json']) expect(statSync(join(import.meta.dirname, '..', 'lib', 'lexicon', f)).size).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('lemmatiser', () => {
  it('irregular forms, participles, plurals; names stay whole', () => {
    expect(lemmatize('went')).toBe('go');
    expect(lemmatize('agreed')).toBe('agree');
    expect(lemmatize('bodies')).toBe('body');
    expect(lemmatize('talks')).toBe('talks');
    expect(lemmatize('stopped')).toBe('stop');
    expect(lemmatize('memoranda')).toBe('memorandum');
    expect(lemmatize('Zelenskiy')).toBe('zelenskiy');
  });
});

describe('evaluation words', () => {
  it('judgements score, grim topics do not', () => {
    expect(afinnScore('success', 'success')).toBeGreaterThan(0);
    expect(afinnScore('failure', 'failure')).toBeLessThan(0);
    expect(afinnScore('killed', 'kill')).toBe(0);
    expect(afinnScore('war', 'war')).toBe(0);
  });
});
