/**
 * The popup asks the page's content script what it checked: a long page is checked in parts
 * (lib/content/chunks.ts), and while the background only keeps the analysis of the part it
 * answered last, the content script holds them all, merged. Only the extension's own pages can
 * send this message (tabs.sendMessage); a web page cannot. Its route is in lib/protocol/map.ts.
 */
import { z } from '../zod';
import { AnalysisSchema, TabStatusSchema, type Analysis } from '../messages';
import { coverageOf, type TextChunk } from './chunks';
import type { PageReport } from './status';

export const PAGE_RESULT_REQUEST = 'crosscheckPageResult' as const;

const Count = z.number().check(z.int(), z.nonnegative());

export const CoverageSchema = z.object({
  parts: Count,
  checkedParts: Count,
  complete: z.boolean(),
  totalChars: Count,
  checkedChars: Count,
  paragraphs: Count,
  checkedParagraphs: Count,
});

export const PageResultSchema = z.object({
  /** The page (without #fragment) the result is for. */
  url: z.string(),
  /** true while parts are still being checked. */
  checking: z.boolean(),
  coverage: CoverageSchema,
  /** Every checked part's claims, merged (null before the first part is done). */
  analysis: z.nullable(AnalysisSchema),
  /**
   * What the page last said it is doing, and why it failed. The page is the authority: its
   * report to the background can be lost when the background is stopped at that moment.
   */
  status: z.optional(TabStatusSchema),
  error: z.optional(z.nullable(z.string().check(z.maxLength(500)))),
  /** Whether the highlights are shown (the popup's show/hide control); absent from older scripts. */
  highlightsVisible: z.optional(z.boolean()),
});
export type PageResult = z.infer<typeof PageResultSchema>;

/** What the current page's run checked: its parts, and how many are done. */
export interface PageRun {
  /** The page (pageKey: without #fragment). */
  url: string;
  /** Every part of the text, also those beyond the most a run checks. */
  chunks: TextChunk[];
  done: number;
  checking: boolean;
  totalChars: number;
}

/** The popup's page result from what the content script holds (`url`: the page key when no run started). */
export function pageResultOf(run: PageRun | null, analysis: Analysis | null, lastReport: PageReport | null, url: string): PageResult {
  const chunks = run?.chunks ?? [];
  return {
    url: run?.url ?? url,
    checking: run?.checking ?? false,
    coverage: coverageOf(chunks, run?.done ?? 0, run?.totalChars),
    analysis,
    ...(lastReport ? { status: lastReport.status, error: lastReport.error } : {}),
  };
}
