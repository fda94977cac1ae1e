/**
 * The light part of the sources messages, for the content script and the extension pages: the
 * page article (the reply to `sourceArticle`, lib/protocol/map.ts) and the reader's address.
 * Only zod here — nothing that would pull the engine, Dexie or Readability into a bundle.
 */
import { z } from '../zod';

/** The page's article as the content script extracts it for "Add this page to my sources". */
export const PageArticleSchema = z.object({
  url: z.string(),
  title: z.string(),
  text: z.string(),
  date: z.nullable(z.string()),
  siteName: z.nullable(z.string()),
});
export type PageArticle = z.infer<typeof PageArticleSchema>;

// -------------------------------------------------------------------------------------------------
// The reader page's address

export function readerPath(source: string, quote?: string): string {
  const q = new URLSearchParams({ source });
  if (quote) q.set('quote', quote);
  return `/reader.html?${q.toString()}`;
}

export function parseReaderQuery(search: string): { source: string | null; quote: string } {
  const q = new URLSearchParams(search);
  return { source: q.get('source'), quote: q.get('quote') ?? '' };
}

/**
 * A refusal about `subject` as a sentence: "This page: is empty (…)" → "This page is empty (…)";
 * "The pasted text: too large (…)" → "The pasted text is too large (…)"; a message that is a
 * sentence already ("This page is already in your sources …") loses the prefix only.
 */
export function aboutSubject(subject: string, m: string): string {
  const rest = m.startsWith(`${subject}: `) ? m.slice(subject.length + 2) : m;
  if (/^too large/.test(rest)) return `${subject} is ${rest}`;
  if (/^(is|does|looks|has)\b/.test(rest)) return `${subject} ${rest}`;
  return rest;
}
