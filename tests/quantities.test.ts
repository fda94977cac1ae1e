import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quantity } from '../lib/types';
import { APPROX_SPREAD, extractQuantities, governingNoun, isVagueQuantity, JUST_OVER_CEILING, lemma, NEARLY_FLOOR, totalOf } from '../lib/facts/quantities';
import { normalizeText, parseDigits, tokenize } from '../lib/facts/numbers';

/** The single quantity of a given kind (fails the test when there is not exactly one). */
function one(sentence: string, kind?: Quantity['kind']): Quantity {
  const qs = extractQuantities(sentence).filter((q) => !kind || q.kind === kind);
  expect(qs, `${sentence} → ${JSON.stringify(qs)}`).toHaveLength(1);
  return qs[0];
}

function interval(q: Quantity): string {
  const f = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '∞');
  return `${q.loOpen ? '(' : '['}${f(q.lo)},${f(q.hi)}${q.hiOpen ? ')' : ']'}`;
}

describe('counts and per-side figures', () => {
  it('"1,000 prisoners each" is a per-side exact count of prisoners', () => {
    const q = one('Both delegations agreed to a swap of 1,000 prisoners each.');
    expect(q).toMatchObject({ kind: 'count', value: 1000, high: 1000, bound: 'exact', perSide: true, unit: 'prisoner' });
    expect(interval(q)).toBe('[1000,1000]');
    expect(totalOf(q).value).toBe(2000);
    expect(q.text).toBe('1,000 prisoners each');
  });

  it('words: "a thousand", "one thousand", "twenty-five", "a dozen", "1.2 million"', () => {
    expect(one('They promised to free a thousand prisoners.')).toMatchObject({ value: 1000, unit: 'prisoner', bound: 'exact' });
    expect(one('One thousand captives were freed.')).toMatchObject({ value: 1000, unit: 'captive' });
    expect(one('Twenty-five soldiers returned.')).toMatchObject({ value: 25, unit: 'soldier' });
    expect(one('He counted two hundred and fifty drones.')).toMatchObject({ value: 250, unit: 'drone' });
    expect(one('A dozen drones were shot down.')).toMatchObject({ value: 12, unit: 'drone' });
    expect(one('Some 1.2 million people fled.')).toMatchObject({ value: 1.2e6, unit: 'person', bound: 'approx' });
    expect(one('They exchanged 1000 prisoners.')).toMatchObject({ value: 1000, unit: 'prisoner' });
  });

  it('ranges: "1,000 to 1,200", "between … and …", "1,000-1,200"', () => {
    for (const s of [
      'The next exchange should involve 1,000 to 1,200 prisoners.',
      'The next exchange should involve between 1,000 and 1,200 prisoners.',
      'The next exchange should involve 1,000-1,200 prisoners.',
    ]) {
      const q = one(s);
      expect(q).toMatchObject({ kind: 'count', value: 1000, high: 1200, bound: 'range', unit: 'prisoner', perSide: false });
      expect(interval(q)).toBe('[1000,1200]');
    }
  });

  it('"rose from 500 to 1,000" is a change, not a range', () => {
    const qs = extractQuantities('The number rose from 500 to 1,000 prisoners.');
    expect(qs.map((q) => q.value)).toEqual([500, 1000]);
    expect(qs.every((q) => q.bound === 'exact')).toBe(true);
  });

  it('bounds: at least, more than, nearly, up to, fewer than, about', () => {
    expect(interval(one('At least 1,000 prisoners were freed.'))).toBe('[1000,∞]');
    expect(one('At least 1,000 prisoners were freed.').bound).toBe('at_least');
    const more = one('More than 1,000 prisoners were freed.');
    expect(more.bound).toBe('more_than');
    expect(interval(more)).toBe('(1000,∞]');
    const nearly = one('Zelensky said nearly 400 people had returned home.');
    expect(nearly).toMatchObject({ bound: 'less_than', unit: 'person', value: 400 });
    expect(interval(nearly)).toBe(`[${400 * NEARLY_FLOOR},400]`);
    const upTo = one('The deal covers up to 200 people.');
    expect(upTo.bound).toBe('at_most');
    expect(interval(upTo)).toBe('[0,200]');
    expect(interval(one('Fewer than 50 drones got through.'))).toBe('[0,50)');
    const about = one('About 5,000 civilians have been killed.');
    expect(about.bound).toBe('approx');
    expect(about.lo).toBeCloseTo(5000 * (1 - APPROX_SPREAD));
    expect(about.hi).toBeCloseTo(5000 * (1 + APPROX_SPREAD));
    expect(one('They released 1,000 or more prisoners.')).toMatchObject({ bound: 'at_least', unit: 'prisoner' });
  });

  it('"hand over 1,000 prisoners": the particle "over" is not a bound', () => {
    expect(one('The deal for each side to hand over 1,000 prisoners was signed.')).toMatchObject({ bound: 'exact', perSide: true });
  });

  it('"6,000 for 6,000" and "1,000-for-1,000" are per side; "12,000 bodies" is a total', () => {
    const q = one('They agreed a 6,000 for 6,000 exchange of bodies.');
    expect(q).toMatchObject({ value: 6000, perSide: true, unit: 'body' });
    expect(totalOf(q)).toMatchObject({ value: 12000, lo: 12000, hi: 12000, perSide: false });
    expect(one('The sides settled on a 1,000-for-1,000 prisoner exchange.')).toMatchObject({ value: 1000, perSide: true, unit: 'prisoner' });
    const total = one('Moscow and Kyiv agreed to send home the bodies of 12,000 soldiers.');
    expect(total).toMatchObject({ value: 12000, perSide: false, unit: 'soldier' });
    expect(totalOf(total)).toBe(total);
    expect(governingNoun('Moscow and Kyiv agreed to send home the bodies of 12,000 soldiers.', total)).toBe('body');
  });

  it('per side from "each" before or after the figure', () => {
    expect(one('They agreed to exchange 6,000 bodies of killed soldiers each.')).toMatchObject({ value: 6000, unit: 'body', perSide: true });
    const capitals = extractQuantities('On Friday the two capitals each freed 390 captives.');
    expect(capitals.map((q) => [q.unit, q.perSide])).toEqual([
      ['capital', false],
      ['captive', true],
    ]);
    expect(one('Each side released 250 prisoners on Saturday.')).toMatchObject({ perSide: true });
    expect(one('The deal will see 1,000 people freed by each side.')).toMatchObject({ perSide: true, unit: 'person' });
    expect(extractQuantities('The armies shelled each other, killing 12 civilians.')[0]).toMatchObject({ unit: 'civilian', perSide: false });
    // The sides themselves are not a per-side figure.
    const qs = extractQuantities('The two sides each freed 300 captives.');
    expect(qs.find((q) => q.unit === 'side')?.perSide).toBe(false);
    expect(qs.find((q) => q.unit === 'captive')?.perSide).toBe(true);
  });

  it('vague amounts', () => {
    const kids = one('Kyiv handed over a list of several hundred Ukrainian children.');
    expect(kids).toMatchObject({ unit: 'child', lo: 200, hi: 999, bound: 'range' });
    expect(isVagueQuantity(kids)).toBe(true);
    expect(one('Ukraine hit dozens of Russian planes.')).toMatchObject({ unit: 'plane', lo: 24, hi: 99 });
    expect(one('Thousands of towns were destroyed.')).toMatchObject({ unit: 'town', lo: 2000, hi: 9999 });
    expect(one('Tens of thousands of soldiers have died.')).toMatchObject({ unit: 'soldier', lo: 20000, hi: 99999 });
    expect(one('A few drones got through.')).toMatchObject({ unit: 'drone', lo: 2, hi: 5 });
    expect(isVagueQuantity(one('A dozen drones were shot down.'))).toBe(false);
  });

  it('the counted noun skips adjectives and hyphenated modifiers', () => {
    expect(one('Russia attacked with 472 unmanned air vehicles.').unit).toBe('vehicle');
    expect(one('Russia attacked with 472 drones.').unit).toBe('drone');
    expect(one('Around 50,000 Russian troops have massed near Sumy.')).toMatchObject({ unit: 'troop', bound: 'approx' });
    expect(one('Russia demanded four partially occupied regions.').unit).toBe('region');
    expect(one('Russia demanded four regions.').unit).toBe('region');
    expect(one('A strike left at least 12 Ukrainian servicemen dead.')).toMatchObject({ unit: 'serviceman', bound: 'at_least' });
    expect(one('They each freed 1,000 captives.').unit).toBe('captive');
    expect(one('It freed 1,000 people.').unit).toBe('person');
    expect(one('They agreed to exchange 1,000 prisoners of war.').unit).toBe('prisoner');
    expect(one('Air defences intercepted 711 of the drones.').unit).toBe('drone');
    expect(one('Russia rejected an American 22-point peace plan.')).toMatchObject({ kind: 'count', value: 22, unit: 'point' });
  });
});

describe('durations (minutes)', () => {
  it('"two to three days", "between two and three days", "two-to-three-day"', () => {
    for (const s of [
      'Moscow offered a ceasefire for two to three days.',
      'Moscow offered a ceasefire that would last between two and three days.',
      'Moscow offered a two-to-three-day ceasefire.',
    ]) {
      const q = one(s, 'duration');
      expect(q).toMatchObject({ value: 2 * 1440, high: 3 * 1440, unit: 'day', bound: 'range' });
      expect(interval(q)).toBe('[2880,4320]');
    }
  });

  it('"just over an hour" = "slightly more than sixty minutes" = (60, 90]', () => {
    const a = one('The talks lasted just over an hour.');
    const b = one("Monday's meeting wrapped up after slightly more than sixty minutes.");
    const c = one('The talks lasted slightly more than an hour.');
    for (const q of [a, b, c]) {
      expect(q).toMatchObject({ kind: 'duration', bound: 'more_than', lo: 60, hi: 60 * JUST_OVER_CEILING, loOpen: true, hiOpen: false });
    }
    expect(a.unit).toBe('hour');
    expect(b.unit).toBe('minute');
  });

  it('less than / under / inside two hours; more than four hours; close to three hours; after an hour', () => {
    for (const s of ['The talks lasted less than two hours.', 'The talks ended in under two hours.', 'The meeting was over inside two hours.']) {
      const q = one(s);
      expect(q).toMatchObject({ kind: 'duration', bound: 'less_than', unit: 'hour' });
      expect(interval(q)).toBe('[0,120)');
    }
    expect(interval(one('The talks lasted more than four hours.'))).toBe('(240,∞]');
    expect(interval(one('The talks lasted close to three hours.'))).toBe('[153,180]');
    const after = one('The negotiations broke up on Monday after an hour.');
    expect(after).toMatchObject({ bound: 'approx', unit: 'hour' });
    expect(interval(after)).toBe('[48,72]');
    expect(interval(one('The meeting was over in under an hour.'))).toBe('[0,60)');
  });

  it('hyphenated and multi-word durations', () => {
    expect(one('Kyiv proposed a 30-day ceasefire.')).toMatchObject({ kind: 'duration', value: 30 * 1440, unit: 'day', bound: 'exact' });
    expect(one('They want a ceasefire for at least 30 days.')).toMatchObject({ value: 30 * 1440, bound: 'at_least' });
    expect(one('The three-year war goes on.')).toMatchObject({ kind: 'duration', unit: 'year' });
    expect(one('The first direct talks in more than three years.', 'duration')).toMatchObject({ bound: 'more_than', unit: 'year' });
    expect(one('It started over an hour and a half behind schedule.')).toMatchObject({ lo: 90, loOpen: true });
    expect(one('They waited half an hour.')).toMatchObject({ value: 30 });
    expect(one('A one-hour meeting followed.')).toMatchObject({ value: 60, unit: 'hour' });
    expect(one('Moscow offered only a two- or three-day pause.')).toMatchObject({ value: 2880, high: 4320, bound: 'range' });
  });

  it('"a day after", "two weeks ago" are points in time (time.ts), not durations', () => {
    expect(extractQuantities('The talks came just a day after the raid.')).toEqual([]);
    expect(extractQuantities('They met two weeks ago.')).toEqual([]);
    expect(extractQuantities('He hoped one day to host the leaders.')).toEqual([]);
  });
});

describe('ages, percent, money, years, ordinals', () => {
  it('ages', () => {
    for (const s of [
      'They agreed to exchange soldiers under the age of 25.',
      'They agreed to exchange all captured soldiers younger than 25.',
      'They agreed to exchange prisoners of war of less than 25 years.',
    ]) {
      const q = one(s);
      expect(q).toMatchObject({ kind: 'age', value: 25, bound: 'less_than', unit: 'year' });
      expect(interval(q)).toBe('[0,25)');
    }
    expect(one('A strike killed a 55-year-old woman.')).toMatchObject({ kind: 'age', value: 55, bound: 'exact' });
    expect(one('Men aged 18 to 60 may not leave.')).toMatchObject({ kind: 'age', value: 18, high: 60 });
  });

  it('percent, fractions, money', () => {
    expect(one('Turnout fell to 20% this year.')).toMatchObject({ kind: 'percent', value: 20 });
    expect(one('Some 20 per cent of voters agreed.')).toMatchObject({ kind: 'percent', value: 20, bound: 'approx' });
    expect(one('Russia holds about a fifth of Ukrainian territory.')).toMatchObject({ kind: 'percent', value: 20, bound: 'approx', unit: 'territory' });
    expect(one('The US pledged $5bn in aid.')).toMatchObject({ kind: 'money', value: 5e9, unit: 'usd' });
    expect(one('About one in five Ukrainians has left.')).toMatchObject({ kind: 'percent', value: 20, bound: 'approx' });
  });

  it('years are not counts; dates are neither', () => {
    expect(one('It was the biggest strike since 2022.')).toMatchObject({ kind: 'year', value: 2022 });
    expect(one("Moscow's 2022 invasion changed everything.")).toMatchObject({ kind: 'year', value: 2022 });
    expect(extractQuantities('On 16 May 2025 in Istanbul, the delegations met.')).toEqual([]);
    expect(extractQuantities('They last met on May 16, in Istanbul.')).toEqual([]);
    expect(extractQuantities('Their second call since 10 May.').filter((q) => q.kind !== 'ordinal')).toEqual([]);
    expect(one('It came after 2000 prisoners were freed.')).toMatchObject({ kind: 'count', value: 2000 });
  });

  it('ordinals', () => {
    expect(one('It was the second round of talks.')).toMatchObject({ kind: 'ordinal', value: 2, unit: 'round' });
    expect(one('They held the first direct talks in Istanbul.')).toMatchObject({ kind: 'ordinal', value: 1, unit: 'talk' });
    expect(one('Kyiv proposed a third meeting later in June.')).toMatchObject({ kind: 'ordinal', value: 3, unit: 'meeting' });
    expect(one('The second round began late.')).toMatchObject({ kind: 'ordinal', value: 2, unit: 'round' });
    expect(one('It was their 22nd round of talks.')).toMatchObject({ kind: 'ordinal', value: 22, unit: 'round' });
  });

  it('no junk from names, codes, times of day and pronouns', () => {
    for (const s of [
      'They sat at a U-shaped table.',
      'Kyiv claimed success in the operation, dubbed "Spider\'s Web."',
      'Retired Lt. Gen. Keith Kellogg led the delegation.',
      'Fidan posted on X (formerly Twitter).',
      'The meeting began at 13:35 local time.',
      'The meeting began at 10 am.',
      'Ukraine wants more F-16 jets and G7 support.',
      'It was one of the largest exchanges.',
      'The two said nothing.',
      'Putin rejected a one-on-one meeting.',
      'In the palace, half Ukrainians wore camouflage.',
      'The first was to ensure a ceasefire, and the second was to free prisoners.',
      'Resolution 2231 and Article 5 apply.',
      'Fighting went on 24/7.',
    ]) {
      expect(extractQuantities(s), s).toEqual([]);
    }
  });
});

describe('normalisation and offsets', () => {
  it('curly quotes, dashes and non-breaking spaces keep offsets', () => {
    const s = 'At the talks\u2014held on \u201CMonday\u201D\u2014they freed 1,000\u00A0prisoners\u00A0each.';
    expect(normalizeText(s)).toHaveLength(s.length);
    const q = one(s);
    expect(q).toMatchObject({ value: 1000, unit: 'prisoner', perSide: true });
    expect(s.slice(q.start, q.end)).toBe(q.text);
    expect(q.text).toBe('1,000\u00A0prisoners\u00A0each');
  });

  it('European thousands only when unambiguous', () => {
    expect(parseDigits('6.000')).toBe(6000);
    expect(parseDigits('1.000.000')).toBe(1e6);
    expect(parseDigits('2.5')).toBe(2.5);
    expect(parseDigits('12,000')).toBe(12000);
    expect(parseDigits('1,20')).toBeNull();
  });

  it('lemmas', () => {
    expect(
      ['servicemen', 'bodies', 'children', 'people', 'troops', 'vehicles', 'POWs', 'talks', 'captives', 'casualties', 'prisoner-of-war'].map(lemma),
    ).toEqual(['serviceman', 'body', 'child', 'person', 'troop', 'vehicle', 'pow', 'talk', 'captive', 'casualty', 'prisoner']);
  });
});

describe('properties', () => {
  it('integers written with thousands separators round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (n) => {
        const written = n.toLocaleString('en-US');
        fc.pre(!(n >= 1900 && n <= 2099)); // bare years are years, by design
        const s = `Officials said ${written} prisoners were freed.`;
        const qs = extractQuantities(s);
        expect(qs).toHaveLength(1);
        expect(qs[0].value).toBe(n);
        expect(qs[0].kind).toBe('count');
        expect(qs[0].unit).toBe('prisoner');
      }),
      { numRuns: 300 },
    );
  });

  it('offsets always slice back to the quantity text, for any bound phrase', () => {
    const bounds = ['', 'about ', 'at least ', 'more than ', 'nearly ', 'up to ', 'just over ', 'less than ', 'some '];
    const units = ['prisoners', 'hours', 'days', 'Ukrainian soldiers', 'drones each'];
    const spaces = [' ', '\u00A0', '  '];
    fc.assert(
      fc.property(
        fc.constantFrom(...bounds),
        fc.integer({ min: 2, max: 50_000 }),
        fc.constantFrom(...units),
        fc.constantFrom(...spaces),
        fc.string({ maxLength: 12 }),
        (b, n, u, sp, junk) => {
          const s = `${junk.replace(/[0-9]/g, '')} \u201CThey\u201D freed ${b}${n.toLocaleString('en-US')}${sp}${u}\u2014reportedly.`;
          for (const q of extractQuantities(s)) {
            expect(s.slice(q.start, q.end)).toBe(q.text);
            expect(q.lo).toBeLessThanOrEqual(q.hi);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('intervals are ordered and contain the stated value unless the bound is strict', () => {
    fc.assert(
      fc.property(fc.constantFrom('about', 'at least', 'nearly', 'up to', 'exactly', 'roughly'), fc.integer({ min: 3, max: 90_000 }), (b, n) => {
        const q = extractQuantities(`They freed ${b} ${n.toLocaleString('en-US')} captives.`).find((x) => x.kind === 'count');
        fc.pre(!!q);
        expect(q!.lo).toBeLessThanOrEqual(n);
        expect(q!.hi).toBeGreaterThanOrEqual(n);
      }),
      { numRuns: 200 },
    );
  });
});

describe('corpus sweep', () => {
  const seedDir = join(__dirname, '..', 'seeds');
  const sentences: string[] = [];
  for (const f of readdirSync(seedDir).filter((x) => x.endsWith('.txt'))) {
    sentences.push(
      ...readFileSync(join(seedDir, f), 'utf8')
        .split(/(?<=[.!?])\s+|\n+/)
        .filter((x) => x.trim()),
    );
  }

  it('every quantity in the seeds has valid offsets, ordered intervals and no date numbers', () => {
    let n = 0;
    for (const s of sentences) {
      for (const q of extractQuantities(s)) {
        n++;
        expect(s.slice(q.start, q.end)).toBe(q.text);
        expect(q.lo <= q.hi).toBe(true);
        expect(q.text).not.toMatch(/\b(May|June) \d|\d{1,2} (May|June)\b/);
      }
    }
    expect(n).toBeGreaterThan(40);
  });

  it('tokenizer covers the text', () => {
    for (const s of sentences.slice(0, 20)) {
      const toks = tokenize(s);
      expect(
        toks.map((t) =>
          s
            .slice(t.start, t.end)
            .replace(/[\u2018\u2019]/g, "'")
            .replace(/[\u201C\u201D]/g, '"')
            .replace(/[\u2013\u2014]/g, '-'),
        ),
      ).toEqual(toks.map((t) => t.text));
    }
  });
});

describe('participles before the counted noun', () => {
  it('"6,000 killed soldiers each" counts soldiers, per side', () => {
    const q = extractQuantities('The two sides would hand over the bodies of 6,000 killed soldiers each.').find((x) => x.value === 6000);
    expect(q).toMatchObject({ value: 6000, unit: 'soldier', perSide: true });
  });
  it('"12 soldiers killed" still ends the phrase at the participle', () => {
    const [q] = extractQuantities('At least 12 soldiers killed in the strike were buried.');
    expect(q).toMatchObject({ value: 12, unit: 'soldier' });
  });
});
