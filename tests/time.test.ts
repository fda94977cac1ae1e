import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeRef } from '../lib/types';
import { addDays, DEFAULT_YEAR, extractTimes, resolveWeekday, weekdayOf } from '../lib/facts/time';

/** The fixtures' year, given as the default year (the engine passes its corpus's usual year). */
const YEAR = 2025;

function only(sentence: string, docDate: string | null, kind?: TimeRef['kind']): TimeRef {
  const ts = extractTimes(sentence, docDate, YEAR).filter((t) => !kind || t.kind === kind);
  expect(ts, `${sentence} → ${JSON.stringify(ts)}`).toHaveLength(1);
  return ts[0];
}

describe('weekdays', () => {
  it('resolve to the most recent such day on or before the document date', () => {
    // 2025-06-02 is a Monday.
    expect(weekdayOf('2025-06-02')).toBe(1);
    expect(only('Ukraine struck airfields on Sunday.', '2025-06-02')).toMatchObject({ kind: 'weekday', weekday: 0, date: '2025-06-01' });
    expect(only('The delegations met on Monday.', '2025-06-02')).toMatchObject({ weekday: 1, date: '2025-06-02' });
    expect(only('On Thursday, Putin declined to attend.', '2025-05-16')).toMatchObject({ weekday: 4, date: '2025-05-15' });
    expect(only('On Friday morning, a drone hit the city.', '2025-05-16')).toMatchObject({ weekday: 5, date: '2025-05-16', text: 'Friday morning' });
    expect(only("Monday's talks were short.", '2025-06-02')).toMatchObject({ weekday: 1, date: '2025-06-02' });
  });

  it('without a document date keep only the weekday', () => {
    const t = only('The talks took place on Tuesday.', null);
    expect(t).toMatchObject({ kind: 'weekday', weekday: 2 });
    expect(t.date).toBeUndefined();
  });

  it('"last" / "next" / future clauses', () => {
    expect(only('They spoke last Friday.', '2025-05-16').date).toBe('2025-05-09');
    expect(only('They will meet next Monday.', '2025-05-30').date).toBe('2025-06-02');
    expect(only('The delegations will meet on Monday.', '2025-05-30').date).toBe('2025-06-02');
  });

  it('resolveWeekday is always within a week of the document date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3000 }), (wd, dayOffset) => {
        const doc = addDays('2020-01-01', dayOffset);
        const d = resolveWeekday(wd, doc);
        expect(weekdayOf(d)).toBe(wd);
        const back = (new Date(doc).getTime() - new Date(d).getTime()) / 86400000;
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThan(7);
      }),
    );
  });
});

describe('dates, months, years', () => {
  it('day-month in either order, with or without a year', () => {
    expect(only('The two sides last met in Istanbul on May 16.', null)).toMatchObject({ kind: 'date', date: '2025-05-16', weekday: 5, text: 'May 16' });
    expect(only('On 16 May 2025 the delegations met.', null)).toMatchObject({ date: '2025-05-16', text: '16 May 2025' });
    expect(only('The meeting is on 2 June.', '2025-05-30')).toMatchObject({ date: '2025-06-02', weekday: 1 });
    expect(only('He will set out the stance on June 2.', null)).toMatchObject({ date: '2025-06-02' });
    expect(only('Published 2025-06-02 at noon.', null)).toMatchObject({ date: '2025-06-02', weekday: 1 });
    expect(only('Their second call since 10 May.', null)).toMatchObject({ date: '2025-05-10', text: '10 May' });
    expect(only('It happened on the 2nd of June.', null)).toMatchObject({ date: '2025-06-02' });
    expect(only('It happened on June 2, 2024.', null)).toMatchObject({ date: '2024-06-02' });
  });

  it('year-less dates take the document year, else the default year given, else the current year', () => {
    expect(DEFAULT_YEAR).toBe(new Date().getUTCFullYear());
    expect(only('They met on 3 March.', '2023-05-01').date).toBe('2023-03-03');
    expect(only('They met on 3 March.', null).date).toBe(`${YEAR}-03-03`);
    expect(extractTimes('They met on 3 March.', null)[0].date).toBe(`${DEFAULT_YEAR}-03-03`);
  });

  it('months', () => {
    expect(only('Ukraine proposed a third meeting later in June.', '2025-06-02')).toMatchObject({ kind: 'month', date: '2025-06-01', text: 'June' });
    expect(only('A reply could come by the end of June.', '2025-06-02')).toMatchObject({ kind: 'month', date: '2025-06-01' });
    expect(only('An offensive is expected in late July.', null)).toMatchObject({ kind: 'month', date: '2025-07-01', text: 'late July' });
    expect(only('The invasion began in February 2022.', null)).toMatchObject({ kind: 'month', date: '2022-02-01' });
    expect(only('The talks in May produced a swap.', null)).toMatchObject({ kind: 'month', date: '2025-05-01' });
    expect(only('Kyiv heard nothing last December.', '2025-06-02').date).toBe('2024-12-01');
  });

  it('"may" the verb is not a month', () => {
    expect(extractTimes('Russia may agree to a truce.', null)).toEqual([]);
    expect(extractTimes('May I ask a question?', null)).toEqual([]);
  });

  it('years', () => {
    expect(only('The biggest strike since 2022.', null)).toMatchObject({ kind: 'year', date: '2022-01-01', text: '2022' });
    expect(extractTimes('They freed 2000 prisoners.', null)).toEqual([]);
  });
});

describe('relative phrases', () => {
  it('offsets in days, with anchors when a noun phrase follows', () => {
    expect(only('The day before the talks, Putin declined.', null)).toMatchObject({ kind: 'relative', offsetDays: -1, anchor: 'the talks' });
    expect(only('The talks came just a day after Ukraine launched drones.', null)).toMatchObject({ offsetDays: 1, anchor: '' });
    expect(only('The talks came a week after the raid.', null)).toMatchObject({ offsetDays: 7, anchor: 'the raid' });
    expect(only('A week later they met again.', null)).toMatchObject({ offsetDays: 7 });
    expect(only('They had met a week before.', null)).toMatchObject({ offsetDays: -7 });
    expect(only('The next day, prisoners were freed.', null)).toMatchObject({ offsetDays: 1 });
    expect(only('Nearly 400 people returned that day.', null)).toMatchObject({ offsetDays: 0 });
    expect(only('Three days before the summit, talks stalled.', null)).toMatchObject({ offsetDays: -3, anchor: 'the summit' });
  });

  it('vague relative phrases keep sign and rough size', () => {
    const t = only('Kyiv sent its proposals days before the meeting.', null);
    expect(t).toMatchObject({ offsetDays: -2, anchor: 'the meeting' });
    expect(only('In the weeks following the first meeting, little changed.', null).offsetDays).toBe(14);
  });

  it('deictic phrases resolve against the document date', () => {
    expect(only('Talks ended yesterday.', '2025-06-02')).toMatchObject({ offsetDays: -1, date: '2025-06-01' });
    expect(only('Talks resume tomorrow.', '2025-06-02')).toMatchObject({ offsetDays: 1, date: '2025-06-03' });
    expect(only('Talks are held today.', '2025-06-02').offsetDays).toBe(0);
    expect(only('They met last week.', '2025-05-23')).toMatchObject({ offsetDays: -7, date: '2025-05-16' });
    expect(only('Talks restarted last month.', '2025-06-02')).toMatchObject({ offsetDays: -30 });
    expect(only('Talks restarted a month ago.', '2025-06-02')).toMatchObject({ offsetDays: -30, date: '2025-05-03' });
  });

  it('offsets are into the original string, even with curly quotes and non-breaking spaces', () => {
    const s = '\u201CWe met\u201D on\u00A0Monday\u2014a\u00A0day after the raid\u2014in Istanbul.';
    for (const t of extractTimes(s, '2025-06-02')) expect(s.slice(t.start, t.end)).toBe(t.text);
    expect(extractTimes(s, '2025-06-02').map((t) => t.kind)).toEqual(['weekday', 'relative']);
  });
});
