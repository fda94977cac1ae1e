/**
 * The popup asks the page's content script what it checked: a long page is checked in parts
 * (lib/content/chunks.ts), and while the background only keeps the analysis of the part it
 * answered last, the content script holds them all, merged. Only the extension's own pages can
 * send this message (tabs.sendMessage); a web page cannot.
 */
import { z } from 'zod';
import { AnalysisSchema, TabStatusSchema } from '../messages';

export const PAGE_RESULT_REQUEST = 'crosscheckPageResult' as const;

export const PageResultRequestSchema = z.object({ type: z.literal(PAGE_RESULT_REQUEST) });

export function isPageResultRequest(msg: unknown): boolean {
  return PageResultRequestSchema.safeParse(msg).success;
}

export const CoverageSchema = z.object({
  parts: z.number().int().nonnegative(),
  checkedParts: z.number().int().nonnegative(),
  complete: z.boolean(),
  totalChars: z.number().int().nonnegative(),
  checkedChars: z.number().int().nonnegative(),
  paragraphs: z.number().int().nonnegative(),
  checkedParagraphs: z.number().int().nonnegative(),
});

export const PageResultSchema = z.object({
  /** The page (without #fragment) the result is for. */
  url: z.string(),
  /** true while parts are still being checked. */
  checking: z.boolean(),
  coverage: CoverageSchema,
  /** Every checked part's claims, merged (null before the first part is done). */
  analysis: AnalysisSchema.nullable(),
  /**
   * What the page last said it is doing, and why it failed. The page is the authority: its
   * report to the background can be lost when the background is stopped at that moment.
   */
  status: TabStatusSchema.optional(),
  error: z.string().max(500).nullable().optional(),
  /** Whether the highlights are shown (the popup's show/hide control); absent from older scripts. */
  highlightsVisible: z.boolean().optional(),
});
export type PageResult = z.infer<typeof PageResultSchema>;
