/**
 * What the extension should paint on a fixture page, computed in Node with the same code the
 * extension runs: the page's article text (extractArticle on a linkedom document) analysed by the
 * engine over the seed corpus. The e2e tests compare the browser's highlights with this.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../../lib/extract/html';
import { makeSeedEngine } from '../../../scripts/seeds-node';
import type { ClaimResult } from '../../../lib/types';
import { highlightName } from '../../../lib/content/style';
import { FIXTURES_DIR } from './server';

export interface ExpectedPage {
  text: string;
  claims: ClaimResult[];
}

let enginePromise: ReturnType<typeof makeSeedEngine> | null = null;

export async function expectedFor(file: string, extraHtml?: { before: string; insert: string }): Promise<ExpectedPage> {
  let html = readFileSync(join(FIXTURES_DIR, file), 'utf8');
  if (extraHtml) html = html.replace(extraHtml.before, `${extraHtml.insert}${extraHtml.before}`);
  const { document } = parseHTML(html);
  const article = extractArticle(document as unknown as Document);
  enginePromise ??= makeSeedEngine();
  const engine = await enginePromise;
  const { claims } = engine.analyze(article.text, { docDate: article.date });
  return { text: article.text, claims };
}

/** Whitespace-collapsed, for comparing a Range's text with a claim. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The highlights the page should have: name → sorted claim texts. */
export function expectedHighlights(claims: ClaimResult[], showNotCovered = true): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of claims) {
    if (c.verdict === 'not_covered' && !showNotCovered) continue;
    (out[highlightName(c.verdict)] ??= []).push(squash(c.text));
  }
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}
