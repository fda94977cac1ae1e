/**
 * Events are found from the corpus (lib/corpus/events.ts) and sentences assigned to them
 * (lib/facts/event.ts): nothing about the Istanbul meetings is written in the engine.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus, corpusEvents } from '../lib/corpus/index';
import { deriveEvents, type EventDoc } from '../lib/corpus/events';
import { eventOf, sameOccasion } from '../lib/facts/event';
import { readFacts } from '../lib/facts/read';
import { loadSeedDocsFromDisk } from '../scripts/seeds-node';
import { otherEventDocs } from '../scripts/evaluate';
import type { CorpusDoc } from '../lib/types';

const seeds = loadSeedDocsFromDisk();

describe('events from the corpus', () => {
  it('the seeds: two meetings, their days read from the reports, in order', () => {
    const ev = corpusEvents(buildCorpus(seeds));
    expect(ev.map((e) => [e.id, e.date, e.order])).toEqual([
      ['round1', '2025-05-16', 1],
      ['round2', '2025-06-02', 2],
    ]);
    expect(ev[1].docs).toContain(seeds.findIndex((d) => d.id.startsWith('003')));
  });

  it('without labels: dated reports group by date, the undated one joins by vocabulary', () => {
    const unlabelled: CorpusDoc[] = seeds.map((d) => ({ ...d, event: null }));
    const ev = corpusEvents(buildCorpus(unlabelled));
    expect(ev.map((e) => e.date)).toEqual(['2025-05-16', '2025-06-02']);
    const undated = unlabelled.findIndex((d) => d.date === null);
    expect(ev[1].docs).toContain(undated);
    expect(ev[0].names).toEqual(expect.arrayContaining(['dolmabahce']));
  });

  it('another corpus: one event per dated report of the grain deal', () => {
    const ev = corpusEvents(buildCorpus(otherEventDocs()));
    expect(ev.length).toBe(5);
    expect(ev.map((e) => e.date)).toEqual([...ev.map((e) => e.date)].sort());
    expect(ev[0].date!.startsWith('2022-07')).toBe(true);
  });

  it('reports a day or two apart are one event; the event day is the day they name', () => {
    const doc = (date: string, text: string): EventDoc => ({ date, event: null, terms: [[]], names: [[]], texts: [text] });
    const ev = deriveEvents([
      doc('2024-03-05', 'The strike hit the port on Monday.'),
      doc('2024-03-06', 'Officials said the port was hit on Monday.'),
      doc('2024-04-20', 'A summit was held on Saturday.'),
    ]);
    expect(ev.map((e) => [e.date, e.docs])).toEqual([
      ['2024-03-04', [0, 1]],
      ['2024-04-20', [2]],
    ]);
  });

  it('a report joins the first group with a report within the gap, across months; a date that is no date joins none', () => {
    const doc = (date: string): EventDoc => ({ date, event: null, terms: [[]], names: [[]], texts: [''] });
    const ev = deriveEvents([doc('2024-02-28'), doc('2024-03-01'), doc('2024-03-03'), doc('2024-03-07'), doc('2024-3'), doc('2024-03-09')]);
    expect(ev.map((e) => e.docs)).toEqual([[0, 1, 2], [3, 5], [4]]);
  });
});

describe('which event a claim is about', () => {
  const events = corpusEvents(buildCorpus(seeds));
  const of = (s: string, docDate: string | null = null) => eventOf(readFacts(s, { docDate, defaultYear: 2025 }), events, { docDate });
  it('by a date or weekday', () => {
    expect(of('The talks on 16 May ended without a truce.').id).toBe('round1');
    expect(of('The delegations met on Monday.', '2025-06-02').id).toBe('round2');
    expect(of('The talks were held on Friday.').id).toBe('round1');
  });
  it('by an ordinal meeting phrase, or a name only one event has', () => {
    expect(of('The second round of talks was brief.').id).toBe('round2');
    expect(of('The first round produced a prisoner deal.').id).toBe('round1');
    expect(of('The talks at the Dolmabahce Palace were short.').id).toBe('round1');
  });
  it('"the previous round" counts back from the article\'s event, or from the rest of the claim', () => {
    expect(of('The previous round had gone on for nearly two hours.', '2025-06-03').id).toBe('round1');
    const part = readFacts('the previous round had gone on for nearly two hours', { defaultYear: 2025 });
    expect(eventOf(part, events, { after: 'round2' }).id).toBe('round1');
    expect(eventOf(part, events, {}).id).toBe(null);
  });
  it('another occasion, or unknown', () => {
    const far = of('The talks on 3 March were short.');
    expect(far.id).toBeNull();
    expect(far.date).toBe('2025-03-03');
    expect(of('Russia holds a fifth of Ukraine.').id).toBeNull();
  });
  it('two references to different events are different occasions; unknown is compatible', () => {
    expect(sameOccasion({ id: 'a', by: 'date' }, { id: 'b', by: 'document' })).toBe('different');
    expect(sameOccasion({ id: 'a', by: 'date' }, { id: 'a', by: 'document' })).toBe('same');
    expect(sameOccasion({ id: null, by: 'none' }, { id: 'a', by: 'document' })).toBe('unknown');
  });
});
