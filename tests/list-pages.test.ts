/**
 * Pages that list stories — a home page of headline links, a search-results page of teasers —
 * are not an article: nothing on them is checked (issue: 60 headlines highlighted, 41 search
 * snippets "corroborated"). Articles with links in their paragraphs stay articles.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../lib/extract/html';
import { checkability } from '../lib/content/article';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const TOPICS = [
  'grain corridor',
  'prisoner exchange',
  'ceasefire talks',
  'energy strikes',
  'port of Odesa',
  'sanctions package',
  'drone attack',
  'peace summit',
  'front line',
  'aid convoy',
];
const headline = (i: number) => `Officials say the ${TOPICS[i % TOPICS.length]} will be discussed again next week after round ${i + 1}`;

function homePage(n: number): string {
  const items = Array.from({ length: n }, (_, i) => `<li><h3><a href="/news/${i}">${headline(i)}</a></h3></li>`).join('');
  return `<html><head><title>The Daily Example – News</title></head><body><main><h1>Top stories</h1><ul class="stories">${items}</ul></main></body></html>`;
}

function searchPage(n: number): string {
  const items = Array.from(
    { length: n },
    (_, i) =>
      `<div class="result"><h3><a href="/r/${i}">${headline(i)}</a></h3><p>Delegations met on Monday and agreed that the ${TOPICS[(i + 3) % TOPICS.length]} would continue, according to officials who spoke to reporters.</p></div>`,
  ).join('');
  return `<html><head><title>Search: talks</title></head><body><main><h1>Results for “talks”</h1>${items}</main></body></html>`;
}

function linkedArticle(): string {
  const paras = Array.from(
    { length: 12 },
    (_, i) =>
      `<p>The ${TOPICS[i % TOPICS.length]} was discussed by <a href="/p/${i}">the delegations</a> on Monday, officials said, and a further meeting was planned for the ${i + 2}th of June in <a href="/city">Istanbul</a>, according to a statement.</p>`,
  ).join('');
  return `<html><head><title>Talks resume</title></head><body><article><h1>Talks resume in Istanbul</h1>${paras}<p>Read our <a href="/live">full coverage of the Istanbul negotiations between the two delegations</a>.</p></article></body></html>`;
}

function decide(html: string) {
  const a = extractArticle(doc(html));
  return checkability(a.text, { listOfLinks: a.listOfLinks });
}

describe('pages that list stories are not articles', () => {
  it('a home page of 60 headline links', () => {
    const d = decide(homePage(60));
    expect(d.checkable).toBe(false);
    expect(!d.checkable && d.reason).toBe('not_article');
  });
  it('a search-results page of 60 teasers', () => {
    expect(decide(searchPage(60)).checkable).toBe(false);
  });
  it('an article with links inside its paragraphs is still an article', () => {
    expect(decide(linkedArticle()).checkable).toBe(true);
  });
  // (Not the section front, a source or claim page, or the single-page app whose article is
  // written by script after load.)
  it('every article fixture page is still an article', () => {
    const dirs = ['tests/fixtures/dev/articles', 'tests/fixtures/validation/pages', 'tests/e2e/fixtures'];
    let n = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter(
        (x) => x.endsWith('.html') && !['section-front.html', 'claim-geneva.html', 'spa.html'].includes(x) && !x.startsWith('source-'),
      )) {
        expect(decide(readFileSync(join(dir, f), 'utf8')).checkable, f).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(13);
  });
});
