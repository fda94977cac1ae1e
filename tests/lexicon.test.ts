import { describe, expect, it } from 'vitest';
import { analyseWords, conceptOf } from '../lib/lexicon/concepts';

const concepts = (s: string) => analyseWords(s).concepts;

describe('name variants are unified', () => {
  it.each([
    ['Kiev', 'ukraine'], ['Kief', 'ukraine'], ['Kyiv', 'ukraine'],
    ['Zelenskiy', 'zelensky'], ['Zelenskyy', 'zelensky'], ['Zelensky', 'zelensky'],
    ['Dormabach', 'dolmabahce'], ['Dolmabahçe', 'dolmabahce'],
    ['Türkiye', 'turkey'], ['Turkiy', 'turkey'], ['Turkey', 'turkey'],
    ['Medeski', 'medinsky'], ['Medinsky', 'medinsky'], ['Umierov', 'umerov'],
  ])('%s → %s', (word, id) => {
    expect(concepts(`Officials in ${word} spoke.`)).toContain(id);
  });
});

describe('paraphrases share concepts', () => {
  it('swap / exchange / trade', () => {
    expect(conceptOf('swap')).toBe(conceptOf('exchanged'));
    expect(conceptOf('traded')).toBe(conceptOf('exchange'));
  });
  it('POWs / prisoners of war / captives', () => {
    expect(concepts('They freed POWs')).toContain('prisoner');
    expect(concepts('They freed prisoners of war')).toContain('prisoner');
    expect(concepts('They freed 1,000 captives')).toContain('prisoner');
  });
  it('truce / ceasefire / cease-fire', () => {
    for (const s of ['a truce', 'a ceasefire', 'a cease-fire', 'a pause in fighting']) expect(concepts(s)).toContain('ceasefire');
  });
  it('figures become comparable tokens', () => {
    expect(concepts('1,000 prisoners')).toContain('#1000');
    expect(concepts('two sides')).toContain('#2');
  });
});

describe('clause polarity', () => {
  it('negation words mark a clause', () => {
    const a = analyseWords('The two delegations did not shake hands.');
    expect(a.clauses[0].neg).toBe(true);
    expect(a.concepts).toContain('handshake');
    expect(analyseWords('The two delegations shook hands.').clauses[0].neg).toBe(false);
  });
  it('opposite verbs count as negation', () => {
    expect(analyseWords('Russia rejected the proposal for a ceasefire.').clauses[0].neg).toBe(true);
    expect(analyseWords('Russia failed to agree on a ceasefire.').clauses[0].neg).toBe(true);
    const d = analyseWords('Moscow was dissatisfied with the outcome.');
    expect(d.clauses[0].neg).toBe(true);
    expect(d.concepts).toContain('satisfied');
  });
  it('a negated clause does not negate the next one', () => {
    const a = analyseWords('The talks ended without a breakthrough, but both sides agreed to a prisoner swap.');
    expect(a.clauses.length).toBeGreaterThanOrEqual(2);
    expect(a.clauses[0].neg).toBe(true);
    expect(a.clauses[a.clauses.length - 1].neg).toBe(false);
  });
  it('agents are read after the reporting verb', () => {
    const a = analyseWords('Medinsky said Moscow had offered a ceasefire.');
    expect(a.clauses[0].agents[0]).toBe('russia');
  });
});
