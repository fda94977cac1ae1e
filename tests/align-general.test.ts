/**
 * When opposite words, modals and counts are a dispute and when they are not (lib/align): an
 * antonym needs the same part of speech and the same thing spoken of; a modal needs the other
 * side to say the thing happened; two counts need the same thing counted. Checked on a small
 * corpus written here, not on the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../lib/engine';
import type { CorpusDoc } from '../lib/types';

const doc = (id: string, text: string): CorpusDoc => ({ id, title: id, outlet: 'Wire', date: '2024-03-01', event: null, text });

const engine = createEngine([
  doc('a', 'Russia offered only a short pause in fighting along the front line.'),
  doc('b', 'The two sides discussed the possibility of a future meeting between the ministers.'),
  doc('c', 'Officials in Kyiv said the delegations made little progress at the talks in Istanbul on Friday.'),
  doc('d', 'The foreign ministers met in Geneva on Tuesday.'),
  doc('e', 'The foreign ministers will meet in Vienna next week.'),
  doc('f', 'There was no major breakthrough, only minor measures on prisoners.'),
  doc('g', 'The negotiators agreed to exchange 6,000 bodies of killed soldiers each.'),
  doc('h', 'Officials say around 50,000 troops have massed near the border.'),
]);

/** The disputed slots each sentence of the corpus raises against the claim, by document id. */
function slots(claim: string): Record<string, string[]> {
  const ex = engine.explain(claim, { whole: true, sentences: engine.index.sentences.map((_, i) => i) });
  const out: Record<string, string[]> = {};
  for (const c of ex.parts[0].comparisons) out[engine.index.sentences[c.sentence].doc] = c.alignment.disputes.map((d) => d.slot);
  return out;
}

describe('opposite words', () => {
  it('oppose when they speak of the same thing: "a long pause in fighting" against "a short pause"', () => {
    expect(slots('Russia offered a long pause in fighting along the front line.').a).toContain('polarity');
  });
  it('do not oppose across parts of speech: "present" the verb is not the opposite of "future"', () => {
    expect(slots('The two sides will present their views on a meeting between the ministers.').b ?? []).not.toContain('polarity');
  });
  it('do not oppose when they speak of different things: "the biggest barrage" against "little progress"', () => {
    expect(
      slots('Officials in Kyiv said the delegations at the talks in Istanbul on Friday faced the biggest drone barrage of the war.').c ?? [],
    ).not.toContain('polarity');
    expect(slots('Officials in Kyiv said the delegations made big progress at the talks in Istanbul on Friday.').c).toContain('polarity');
  });
  it('do not oppose when the source says both words', () => {
    expect(slots('There was a major breakthrough on prisoners.').f ?? []).not.toContain('polarity');
  });
});

describe('modality', () => {
  it('"may meet" against "met" is a dispute', () => {
    expect(slots('The foreign ministers may meet in Geneva on Tuesday.').d).toContain('modality');
  });
  it('"could meet" against "will meet" is not: neither says it happened', () => {
    expect(slots('The foreign ministers could meet in Vienna next week.').e ?? []).not.toContain('modality');
  });
});

describe('counts', () => {
  it('of the same thing conflict, whatever verb tells them: "give back the bodies of 5,000 soldiers" against "exchange 6,000 bodies of killed soldiers"', () => {
    expect(slots('Each side will give back the bodies of 5,000 fallen soldiers.').g).toContain('figure');
  });
  it('sharing one noun are two figures: the remains of 6,000 troops against 50,000 troops massing', () => {
    expect(slots('Each side will hand back the remains of 6,000 troops.').h ?? []).not.toContain('figure');
  });
});
