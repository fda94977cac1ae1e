/**
 * A very long article page (about 100,000 words in 876 paragraphs, over 550,000 characters of
 * article text: more than one analysis request may carry), written to a temporary folder for the
 * fixture server. Most paragraphs are scene-setting prose the claim detector leaves alone (so the
 * engine's time stays small); a few carry known claims, the last ones far past the first 400,000
 * characters.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LONG_PARAGRAPHS = 876;

/** Claims planted in the page: paragraph number (1-based) → sentence. */
export const LONG_CLAIMS: ReadonlyArray<readonly [number, string]> = [
  [
    5,
    'Delegations from Russia and Ukraine agreed on Monday to a new exchange of prisoners of war after a second round of direct talks in Istanbul, but the meeting produced no ceasefire.',
  ],
  [300, 'Umerov said the two sides would also hand over the bodies of 6,000 killed soldiers each.'],
  [700, 'The talks lasted roughly four hours, according to officials briefed on the meeting.'],
  [870, 'The previous round of talks, held in Istanbul on 16 May, ended with an agreement to swap 1,000 prisoners each.'],
];

/** Sentences the claim detector leaves alone (questions, the writer's doubts, the reader addressed). */
const FILLER = [
  'What would a lasting peace look like for the families who live along the front line, and who would be able to promise it to them?',
  'You might wonder whether any of this will still matter in a year, when the cameras have moved on and the hotels near the palace are quiet again.',
  'It is hard not to feel a little hopeful, and it is just as hard not to feel tired of hoping, after so many rounds of talks like this one.',
  'Is it possible to trust a promise made in a room where neither side believes the other, and where every word is weighed for the cameras outside?',
  'I think the honest answer is that we simply do not know yet, and that pretending otherwise would be a disservice to anyone reading this.',
  'Maybe the next meeting will feel different, or maybe it will feel exactly the same as this one, with the same faces and the same long silences.',
  'Imagine, for a moment, how it must feel to wait for news of a son or a brother who might be on one of those lists of prisoners.',
];

/** The HTML of the long page. */
export function longPageHtml(): string {
  const planted = new Map(LONG_CLAIMS);
  const paras: string[] = [];
  for (let i = 1; i <= LONG_PARAGRAPHS; i++) {
    const n = i % 5 === 0 ? 5 : 4;
    const body = Array.from({ length: n }, (_, k) => FILLER[(i + 2 * k) % FILLER.length]!).join(' ');
    const claim = planted.get(i);
    paras.push(`<p>${claim ? `${claim} ` : ''}${body}</p>`);
  }
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>The long read: a season of talks in Istanbul | The Harbour Ledger</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="The Harbour Ledger">
<style>body{font-family:Georgia,serif;margin:0}main{max-width:700px;margin:24px auto;padding:0 16px}p{font-size:18px;line-height:1.6}</style>
</head>
<body>
<main><article>
<header><h1>The long read: a season of talks in Istanbul</h1>
<div class="byline">By Mira Castell · <time datetime="2025-06-02T20:15:00+01:00">2 June 2025</time></div></header>
<div class="story-body">
${paras.join('\n')}
</div>
</article></main>
</body>
</html>
`;
}

/** Write the page to a new temporary folder; returns the folder (serve it with startFixtureServer(dir)). */
export function writeLongPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-long-'));
  writeFileSync(join(dir, 'long.html'), longPageHtml());
  return dir;
}
