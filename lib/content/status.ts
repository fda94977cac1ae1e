/**
 * What the content script says it is doing: the status it keeps for the popup's page result
 * (lib/content/page-result.ts) and the status message it sends the background.
 *
 * Pure: the caller sends the message.
 */
import type { TabStatus } from '../messages';

/** Longest error a page keeps and reports (the popup shows it in a line or two). */
export const REPORT_ERROR_CHARS = 500;

/** The last status this page reported, and its error. */
export interface PageReport {
  status: TabStatus;
  error: string | null;
}

export function statusReport(status: TabStatus, url: string, error?: string) {
  const err = error ? error.slice(0, REPORT_ERROR_CHARS) : null;
  const report: PageReport = { status, error: err };
  const message = { type: 'status' as const, status, url, ...(err ? { error: err } : {}) };
  return { report, message };
}
