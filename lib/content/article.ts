/**
 * Is the extracted text an article worth analysing? Pure: used by the content script on the
 * text extractArticle() returns from a clone of the live page.
 */
import { splitSentences } from '../text/sentences';

/** Fewer characters than this and a page is a section front, a search page or a stub. */
export const MIN_ARTICLE_CHARS = 500;
/** Fewer sentences than this and there is nothing to cross-check. */
export const MIN_ARTICLE_SENTENCES = 4;

export function isArticleText(text: string): boolean {
  const t = text.trim();
  if (t.length < MIN_ARTICLE_CHARS) return false;
  let n = 0;
  for (const s of splitSentences(t)) {
    if (s.text.trim().length >= 20 && ++n >= MIN_ARTICLE_SENTENCES) return true;
  }
  return false;
}

/** The page address without its #fragment: in-page anchors are not a new article. */
export function pageKey(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}
