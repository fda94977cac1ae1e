import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_TUNING, detectClaims, scoreClaim, scoreDetection } from '../lib/claims';
import { splitSentences } from '../lib/text';

const FIXTURES = join(__dirname, 'fixtures', 'dev', 'articles');
const SEEDS = join(__dirname, '..', 'seeds');

/** Precision and recall must stay above this on every dev article. */
const FLOOR = 0.85;

interface Gold {
  claims: Array<{ text: string }>;
  non_claims: string[];
}

const isClaim = (s: string): boolean => scoreClaim(s).isClaim;
const reasonsOf = (s: string): string => scoreClaim(s).reasons.join(' | ');

describe('scoreDetection', () => {
  it('matches sentences by normalised text and counts tp/fp/fn', () => {
    const gold = { claims: ['Russia “agreed” to swap 1,000 prisoners.', 'Talks lasted an hour.', 'Kyiv refused.'], nonClaims: ['Why?'] };
    const r = scoreDetection(['russia "agreed"  to swap 1,000 prisoners.', 'Talks lasted an hour.', 'Why?', 'A fragment'], gold);
    expect(r).toEqual({ tp: 2, fp: 2, fn: 1, precision: 0.5, recall: 2 / 3 });
  });

  it('handles empty inputs', () => {
    expect(scoreDetection([], { claims: [], nonClaims: [] })).toEqual({ tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(scoreDetection([], { claims: ['A claim here.'], nonClaims: [] }).recall).toBe(0);
  });
});

describe('detectClaims on the dev articles', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  it('has dev articles to score', () => expect(files.length).toBeGreaterThanOrEqual(2));
  for (const f of files) {
    it(`${f}: precision and recall ≥ ${FLOOR}`, () => {
      const gold = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Gold;
      const claims = gold.claims.map((c) => c.text);
      const text = [...claims, ...gold.non_claims].join(' ');
      const predicted = detectClaims(splitSentences(text)).map((s) => s.text);
      const r = scoreDetection(predicted, { claims, nonClaims: gold.non_claims });
      expect(r.precision, JSON.stringify(r)).toBeGreaterThanOrEqual(FLOOR);
      expect(r.recall, JSON.stringify(r)).toBeGreaterThanOrEqual(FLOOR);
    });
  }
});

describe('detectClaims on the hand-labelled dev claims', () => {
  it('recognises ≥ 90% of the claims in claims.jsonl as claims', () => {
    const lines = readFileSync(join(__dirname, 'fixtures', 'dev', 'claims.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const texts = lines.map((l) => (JSON.parse(l) as { claim: string }).claim);
    const missed = texts.filter((t) => !isClaim(t));
    expect(1 - missed.length / texts.length, missed.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});

describe('seeds are mostly claims', () => {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  it('≥ 85% of seed sentences are detected as claims, and the page furniture is not', () => {
    let total = 0;
    let claims = 0;
    const detected = new Set<string>();
    for (const f of seeds) {
      const sentences = splitSentences(readFileSync(join(SEEDS, f), 'utf8'));
      total += sentences.length;
      for (const s of detectClaims(sentences)) {
        claims++;
        detected.add(s.text);
      }
    }
    expect(claims / total).toBeGreaterThanOrEqual(0.85);
    for (const furniture of [
      'Photography: Getty Images',
      '[ Analysis: Kyiv braced for Russian summer offensiveOpens in new window ]',
      'Copyright the Financial Times Limited 2025',
      'Reuters contributed reporting.',
      'The previous "two paths"',
    ]) {
      expect(detected.has(furniture), furniture).toBe(false);
    }
  });

  it('treats the sentence before a photo credit in the same paragraph as a caption', () => {
    const text =
      'Talks ended in Istanbul on Monday.\nVladimir Medinsky, head of the Russian delegation, delivers a statement to the press. Photograph: Getty Images\nMedinsky said Russia was satisfied.';
    const got = detectClaims(splitSentences(text)).map((s) => s.text);
    expect(got).toEqual(['Talks ended in Istanbul on Monday.', 'Medinsky said Russia was satisfied.']);
  });
});

describe('scoreClaim: claims', () => {
  const claims = [
    // Reported events, figures, dates, named actors.
    'Russia and Ukraine agreed to exchange 1,000 prisoners of war each.',
    'The talks lasted just over an hour on Monday.',
    'A Russian missile strike on Sumy killed nine people on a bus.',
    'Turkey offered to host a third round.',
    'The delegations did not shake hands.',
    'Putin did not attend.',
    'Kyiv wants a 30-day ceasefire before any political negotiations.',
    'The meeting was over in under an hour.',
    'Russia currently occupies about a fifth of Ukraine’s territory.',
    'The talks were mediated by Turkey.',
    'No date has been set for a third round.',
    'The Kremlin has not commented.',
    'Air raid sirens sounded in Kyiv overnight.',
    'Turkish Foreign Minister Hakan Fidan chaired the meeting.',
    'A Reuters/Ipsos poll found that 60% of Americans backed the talks.',
    // Attribution.
    'Medinsky told reporters that Moscow was satisfied with the results.',
    'According to Ukraine, Russia holds around 400 Ukrainian children.',
    'The talks could resume next week, officials said.',
  ];
  for (const c of claims) it(c, () => expect(isClaim(c), reasonsOf(c)).toBe(true));

  it('attributed opinions are claims (it is checkable that they were said)', () => {
    for (const c of [
      'Zelensky said the talks were a political performance.',
      'Peskov said it was too early to talk about a summit.',
      'Ukrainian officials described the Russian demands as unacceptable.',
      'Rubio said expectations were “not high” and that a breakthrough might be possible only through a summit.',
      '“Pressure on Russia must be maintained,” Zelenskyy posted on X.',
      'Russia may demand more territory, analysts warn.',
    ]) {
      expect(isClaim(c), `${c} → ${reasonsOf(c)}`).toBe(true);
    }
  });

  it('gives readable reasons', () => {
    const r = scoreClaim('Medinsky said on Monday that Russia had freed 1,000 prisoners in Istanbul.');
    expect(r.isClaim).toBe(true);
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.reasons).toEqual(expect.arrayContaining(['attribution: said', 'figure: 1,000', 'date: Monday', 'named actor: Russia', 'outcome verb: freed']));
  });
});

describe('scoreClaim: non-claims, by family', () => {
  const families: Record<string, string[]> = {
    question: [
      'Will the ceasefire hold through the summer?',
      'Can sanctions alone force Moscow back to the table?',
      'What would a summit between the two leaders achieve?',
      'Is the Kremlin serious about peace',
    ],
    'embedded question / uncertainty': [
      'Why Moscow waited so long to respond is anyone’s guess.',
      'Whether any of this leads to peace remains to be seen.',
      'How long the goodwill lasts is another question.',
      'It is too early to say whether the deal will hold.',
      'What happens next is unclear.',
    ],
    'evaluation / hope': [
      'It was a thin harvest for so much diplomacy.',
      'The symbolism was hard to miss.',
      'A prisoner swap is welcome, but it is not a peace plan.',
      'Even a small exchange is a reason for hope.',
      'Seen from Washington, the outcome looks modest.',
      'The bigger problem is trust.',
      'The outcome was predictable.',
      'The swap is a reminder that even enemies can make deals.',
      'It is a start.',
      'Putin has little reason to compromise while his troops advance.',
      'The timing was hardly accidental.',
    ],
    'hedging / speculation': [
      'The answer may depend less on diplomats than on generals.',
      'Perhaps that was the point.',
      'Moscow, it seems, is playing for time.',
      'One interpretation is that the Kremlin wanted to buy time.',
      'The stakes could hardly be higher.',
      'If the past three years are any guide, the fighting will continue.',
      'Much now depends on Washington.',
      'The result is certainly not peace.',
    ],
    'normative / editorial voice': [
      'Both governments deserve to be judged by their deeds.',
      'We should not pretend otherwise.',
      'In our view, the sanctions came too late.',
      'Diplomacy, after all, is the art of the possible.',
      'Talks like these usually produce little.',
      'Few in Kyiv were surprised.',
      'Both sides are playing to an audience in Washington.',
      'Kyiv has every reason to be wary.',
    ],
    boilerplate: [
      'This story has been updated with comments from the Kremlin.',
      'This article was amended on 17 May 2025 to correct the spelling of a name.',
      'Additional reporting by our Kyiv bureau.',
      'Reporting by Jane Doe; Editing by John Smith',
      'The Associated Press contributed to this report.',
      'Photograph: Murat Cetinmuhurdar/AP',
      'Photography: Getty Images',
      'Copyright the Financial Times Limited 2025',
      '© 2025 Northbridge Courier Media Ltd. All rights reserved.',
      '[ Analysis: Kyiv braced for Russian summer offensiveOpens in new window ]',
      'Sign up to our Europe Today newsletter.',
      'Read more: Putin snubs Zelenskyy challenge',
      'Related: What Russia wants from Ukraine',
      'We use cookies and similar technologies to run this site and show you relevant advertising.',
      'By Elena Marsh in Istanbul and Tom Reddaway',
      'A Russian delegation attends a meeting with the Ukrainian delegation (not shown) in Istanbul (Murat Gok/Turkish Foreign Ministry/via Reuters Handout).',
    ],
    'fragment / headline': ['Talks end.', 'Fri 16 May 2025 19.42 BST', 'The previous "two paths"', '"A full, unconditional and honest ceasefire"', 'Europe'],
  };
  for (const [family, sentences] of Object.entries(families)) {
    it(family, () => {
      for (const s of sentences) expect(isClaim(s), `${s} → ${reasonsOf(s)}`).toBe(false);
    });
  }

  it('names the marker in the reasons', () => {
    expect(scoreClaim('Why the Kremlin held back is anyone’s guess.').reasons.join(' ')).toMatch(/anyone's guess/);
    expect(scoreClaim('Will talks resume in June?').reasons).toContain('question');
    expect(scoreClaim('Additional reporting by our Moscow bureau.').reasons).toEqual(['boilerplate: credit line']);
    expect(scoreClaim('Too short.').reasons[0]).toMatch(/^fragment/);
  });
});

describe('scoreClaim: contract', () => {
  it('returns a score in 0..1 consistent with isClaim and the threshold', () => {
    for (const s of ['Russia agreed to swap 1,000 prisoners on Friday.', 'Is this peace?', 'Sign up', '', '   ']) {
      const r = scoreClaim(s);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.isClaim).toBe(r.score >= CLAIM_TUNING.threshold);
      expect(r.reasons.length).toBeGreaterThan(0);
    }
  });

  it('keeps the sentence fields and offsets in detectClaims output', () => {
    const text = 'Is this peace? Russia agreed to swap 1,000 prisoners on Friday.';
    const [c] = detectClaims(splitSentences(text));
    expect(c).toMatchObject({ text: 'Russia agreed to swap 1,000 prisoners on Friday.', start: 15, end: text.length, paragraph: 0 });
    expect(c!.detection.isClaim).toBe(true);
  });

  // Speed is measured by `npm run bench`, not asserted here: machines are shared and noisy.
});
