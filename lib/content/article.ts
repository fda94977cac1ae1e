/**
 * Is the extracted text an article Crosscheck can check? Pure: used by the content script on the
 * text extractArticle() returns from a clone of the live page. Two reasons not to check a page,
 * each with the message the reader is shown (the content script only displays it): it is no
 * article (a section front, a search page, a stub), or it is not in English — the engine reads
 * English only, and a page in another language would otherwise come back with nothing
 * check-worthy, or with highlights read as if it were English.
 */
import { splitSentences } from '../text/sentences';
import { detectLanguage, englishOnlyMessage } from '../text/language';

/** Fewer characters than this and a page is a section front, a search page or a stub. */
export const MIN_ARTICLE_CHARS = 500;
/** Fewer sentences than this and there is nothing to cross-check. */
export const MIN_ARTICLE_SENTENCES = 4;
/** Shorter sentences (characters) are furniture ("Share", "Read more"), not article sentences. */
const MIN_SENTENCE_CHARS = 20;

export const NOT_ARTICLE_MESSAGE = "This page doesn't look like an article, so nothing was checked.";

/** Whether a page's text is checked, and if not, why and what to tell the reader. */
export type Checkability = { checkable: true } | { checkable: false; reason: 'not_article' | 'not_english'; message: string };

/**
 * The content script's decision for the article text of a page. `listOfLinks`: extraction found
 * a list of stories (headline links, teasers — lib/extract/html.ts), not a story.
 */
export function checkability(text: string, shape: { listOfLinks?: boolean } = {}): Checkability {
  const t = text.trim();
  if (shape.listOfLinks || !looksLikeArticle(t)) return { checkable: false, reason: 'not_article', message: NOT_ARTICLE_MESSAGE };
  const language = detectLanguage(t);
  if (!language.english) return { checkable: false, reason: 'not_english', message: `${englishOnlyMessage('this page', language)}.` };
  return { checkable: true };
}

/** True when the page's text is an English article (see checkability). */
export function isArticleText(text: string, shape: { listOfLinks?: boolean } = {}): boolean {
  return checkability(text, shape).checkable;
}

/** Long enough, with enough sentences of some length. */
function looksLikeArticle(t: string): boolean {
  if (t.length < MIN_ARTICLE_CHARS) return false;
  let n = 0;
  for (const s of splitSentences(t)) {
    if (s.text.trim().length >= MIN_SENTENCE_CHARS && ++n >= MIN_ARTICLE_SENTENCES) return true;
  }
  return false;
}

/** The page address without its #fragment: in-page anchors are not a new article. */
export function pageKey(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}
