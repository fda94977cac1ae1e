/**
 * Claim detection: sentences whose form says they are not a news report (lib/claims/genre.ts),
 * and reports that share one of those features but stay claims. Sentences written for this test,
 * not taken from any fixture page.
 */
import { describe, expect, it } from 'vitest';
import { scoreClaim } from '../lib/claims/detect';

const notClaims: Array<[string, string]> = [
  ['author bio', 'Marta Keller is the Ledger’s energy correspondent and has covered the Caspian region since 2011.'],
  ['author bio', 'Jonas Pike writes about shipping and trade for the Harbour Review.'],
  ['caption', 'Foreign ministers pose for a group photograph before the opening session in Vienna.'],
  ['caption', 'Satellite images show damage to the port’s grain silos after the overnight attack.'],
  ['conditional', 'If the rains hold off until August, the harvest could still reach last year’s 30 million tonnes.'],
  ['quoted feeling', '“I thought the shelling would never stop,” said Oksana Bilyk, a nurse in Mykolaiv whose clinic was hit in March.'],
  ['reader address', 'Thank you for reading, and you can sign up for our morning briefing below.'],
  ['about the page', 'This story was first published in the autumn edition of the Review.'],
  ['scene', 'A cold drizzle fell on the quay as the last lorries queued at the gates.'],
  ['lead-in', 'In a statement on Friday evening, the ministry added:'],
  ['quoted remark', '“It was a long and honest conversation,” he told reporters.'],
];

const claims: string[] = [
  // A report in the past with the same nouns as a caption.
  'The foreign ministers signed the accord in Vienna on Tuesday after three days of talks.',
  // A condition that someone is reported saying.
  'If the corridor closes, grain prices will rise by a fifth, the ministry said on Monday.',
  // A quotation that states a fact, not a feeling.
  '“We shipped 420,000 tonnes in the first week,” said the port’s director, Pavlo Hrytsenko.',
  // A journalist named in a report, without a bio's job title or "since".
  'Reuters reported on Friday that the two ministers had met in Geneva.',
  // A quotation standing alone (its speaker in the next sentence) that states a deal.
  '“We have agreed to reopen three ports for a hundred and twenty days.”',
];

describe('claim detection: genre markers', () => {
  for (const [kind, s] of notClaims) {
    it(`not a claim (${kind}): ${s.slice(0, 50)}…`, () => {
      expect(scoreClaim(s).isClaim).toBe(false);
    });
  }
  for (const s of claims) {
    it(`still a claim: ${s.slice(0, 50)}…`, () => {
      expect(scoreClaim(s).isClaim).toBe(true);
    });
  }
});
