/** Reading a sentence (lib/facts) and cutting a claim into parts (lib/parts). */
import { describe, expect, it } from 'vitest';
import { readFacts } from '../lib/facts/read';
import { modalAt, negatedAt } from '../lib/facts/clauses';
import { splitParts } from '../lib/parts/index';

const facts = (s: string) => readFacts(s, { defaultYear: 2025 });
const word = (f: ReturnType<typeof facts>, text: string) => f.words.findIndex((w) => w.text === text);

describe('names', () => {
  it('a run of proper nouns is one mention keyed by its last word, titles left out', () => {
    const f = facts('Turkish Foreign Minister Hakan Fidan opened the talks.');
    expect(f.mentions.map((m) => [m.key, m.kind])).toEqual([
      ['turkey', 'country'],
      ['fidan', 'per'],
    ]);
  });
  it('a demonym is its country; a venue keeps its common noun as a word', () => {
    const f = facts('The Russian delegation met at the Dolmabahce Palace.');
    expect(f.mentions.map((m) => m.key)).toEqual(['russia', 'dolmabahce']);
    expect(f.mentions[0].demonym).toBe(true);
    expect(f.words.some((w) => w.content && w.lemma === 'palace')).toBe(true);
  });
  it('letters with diacritics do not split a name', () => {
    expect(facts('They met at the Çırağan Palace.').mentions.map((m) => m.key)).toEqual(['ciragan']);
  });
});

describe('clauses and frames', () => {
  it('the reported clause is the frame, the reporter its speaker', () => {
    const f = facts('Umerov said the delegations agreed to a new prisoner swap.');
    const c = f.clauses[0];
    expect(f.words[c.predicate[0]].lemma).toBe('agree');
    expect(f.mentions[c.speaker].key).toBe('umerov');
  });
  it('negation where it stands: a negator, a negative implicative, "without"', () => {
    let f = facts('The two delegations did not shake hands.');
    expect(negatedAt(f.words, f.clauses, f.clauses[0].predicate[0])).toBe(true);
    f = facts('The talks failed to produce a ceasefire.');
    expect(f.words[f.clauses[0].predicate[0]].lemma).toBe('produce');
    expect(f.clauses[0].negated).toBe(true);
    f = facts('The delegations left without agreeing on an exchange.');
    expect(negatedAt(f.words, f.clauses, word(f, 'agreeing'))).toBe(true);
    expect(negatedAt(f.words, f.clauses, word(f, 'left'))).toBe(false);
  });
  it('modality: a modal or a hedge on the verb, not "May" the month', () => {
    let f = facts('Zelensky could attend the summit.');
    expect(modalAt(f.words, f.clauses, word(f, 'attend'))).toBe(true);
    f = facts('On 16 May the delegations met in Istanbul.');
    expect(modalAt(f.words, f.clauses, word(f, 'met'))).toBe(false);
    f = facts('Putin plans to attend the talks.');
    expect(modalAt(f.words, f.clauses, word(f, 'attend'))).toBe(true);
  });
  it('subjects: who acts, not the place ("in Istanbul") nor the speaker', () => {
    const f = facts('In Istanbul, Russia rejected the proposal.');
    expect(f.clauses[0].subjects.map((k) => f.mentions[k].key)).toEqual(['russia']);
  });
  it('appositions are frames of the name they follow', () => {
    const f = facts("Rustem Umerov, heading Kyiv's delegation, said the sides discussed a ceasefire.");
    const app = f.clauses.find((c) => c.apposition)!;
    expect(f.words[app.predicate[0]].lemma).toBe('head');
    expect(f.mentions[app.subjects[0]].key).toBe('umerov');
  });
  it('figures and times are read with offsets into the sentence', () => {
    const s = 'On Monday the sides agreed to exchange 6,000 bodies each.';
    const f = facts(s);
    expect(f.quantities.map((q) => s.slice(q.start, q.end))).toEqual([f.quantities[0].text]);
    expect(f.quantities[0]).toMatchObject({ value: 6000, perSide: true });
    expect(f.times[0]).toMatchObject({ kind: 'weekday', weekday: 1 });
  });
});

describe('parts', () => {
  it('a compound claim is cut into its facts; a coordinated verb keeps its subject', () => {
    const parts = splitParts(facts('Russia and Ukraine met in Istanbul on Monday and agreed to swap prisoners of war.'));
    expect(parts.length).toBe(2);
    expect(parts[1].text).toMatch(/^Russia and Ukraine agreed/);
  });
  it('a simple claim is one part, the whole claim', () => {
    const s = 'The talks lasted just over an hour.';
    expect(splitParts(facts(s))).toEqual([{ text: s, start: 0, end: s.length, words: s }]);
  });
  it('an apposition is not a part', () => {
    expect(splitParts(facts("Hakan Fidan, Turkey's foreign minister, chaired the meeting in Istanbul.")).length).toBe(1);
  });
});

describe('clauses told with a light verb', () => {
  it('"had gone on for two hours" is a predicate of its own, so the claim splits into its two facts', () => {
    const f = readFacts("Monday's session lasted an hour, whereas the previous round had gone on for nearly two hours.");
    expect(f.clauses.filter((c) => c.predicate.length).length).toBe(2);
    expect(splitParts(f).map((p) => p.words)).toEqual(["Monday's session lasted an hour", 'whereas the previous round had gone on for nearly two hours']);
  });
});
