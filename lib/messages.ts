/**
 * The data the extension's messages carry (analysis, tab state, a note draft) and the reply
 * envelope `{ ok, data } | { ok, error }`. Which messages exist, who answers them and who may
 * send them is the protocol map (lib/protocol/map.ts); sending and answering go through
 * lib/protocol (`send`, `createHandler`), which validate with these schemas.
 */
import { z } from './zod';

export const VerdictSchema = z.enum(['corroborated', 'contradicted', 'mixed', 'not_covered']);
export const StanceSchema = z.enum(['supports', 'conflicts', 'related']);

export const EvidenceSchema = z.object({
  source: z.string(),
  quote: z.string(),
  stance: StanceSchema,
  reason: z.string(),
  score: z.number(),
  /** For a compound claim: the words of the part this sentence bears on. */
  part: z.optional(z.string()),
});

export const PartStatusSchema = z.enum(['supported', 'disputed', 'mixed', 'not_covered']);

export const ClaimResultSchema = z.object({
  text: z.string(),
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.nonnegative()),
  verdict: VerdictSchema,
  evidence: z.array(EvidenceSchema),
  /** For a compound claim: each part's words and what the sources say of it. */
  parts: z.optional(z.array(z.object({ words: z.string(), status: PartStatusSchema }))),
});

/** Source metadata the UI shows next to a quote (outlet, date, title). */
export const SourceMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.nullable(z.string()),
  date: z.nullable(z.string()),
});

export const AnalysisSchema = z.object({
  url: z.string(),
  contentHash: z.string(),
  engineVersion: z.string(),
  claims: z.array(ClaimResultSchema),
  sources: z.array(SourceMetaSchema),
  analysedAt: z.number(),
  /** true when served from the IndexedDB cache without running the engine. */
  cached: z.boolean(),
  /** Engine time in ms (0 when cached). */
  ms: z.number(),
});

export type Analysis = z.infer<typeof AnalysisSchema>;

/** Largest article text accepted (characters): beyond this the page is not a news article. */
export const MAX_TEXT_CHARS = 400_000;

/** Longest page address accepted in any message (browsers cap shown URLs near this). */
export const MAX_URL_CHARS = 4096;
/** Longest error text a content script may report. */
export const MAX_ERROR_CHARS = 2000;

export const AnalyzeRequest = z.object({
  type: z.literal('analyze'),
  url: z.string().check(z.minLength(1), z.maxLength(MAX_URL_CHARS)),
  title: z._default(z.string().check(z.maxLength(2000)), ''),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_CHARS)),
  docDate: z._default(z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))), null),
  /**
   * When the page sent the request (its clock, Date.now()). A browser may deliver a request
   * late, to a restarted worker, after the page stopped waiting and reported so: its result must
   * not then replace what the page said since.
   */
  sentAt: z.optional(z.number().check(z.nonnegative())),
  /**
   * A long page is checked in parts (lib/content/chunks.ts): which part this is and where its text
   * starts in the page's. Parts after the first add to the tab's analysis, so the badge and the
   * popup count the whole page, not the last part.
   */
  part: z.optional(z.object({ index: z.number().check(z.int(), z.nonnegative()), start: z.number().check(z.int(), z.nonnegative()) })),
});

export const TabStatusSchema = z.enum(['idle', 'analysing', 'done', 'not_article', 'no_claims', 'blocked', 'error']);
export type TabStatus = z.infer<typeof TabStatusSchema>;

/** Content script → background: what the page is doing (for the popup and the badge). */
export const ReportStatusRequest = z.object({
  type: z.literal('status'),
  status: TabStatusSchema,
  url: z.string().check(z.maxLength(MAX_URL_CHARS)),
  error: z.optional(z.string().check(z.maxLength(MAX_ERROR_CHARS))),
});

/** Popup → background: the state of a tab. */
export const GetTabStateRequest = z.object({ type: z.literal('getTabState'), tabId: z.number().check(z.int(), z.nonnegative()) });

/** The background's page messages (before lib/protocol/map.ts; kept for older imports). */
export type Request = import('./protocol/map').RequestOf<'analyze' | 'status' | 'getTabState'>;

/** A note as the reader typed it (popup → content script, which builds and saves the note). */
export const NoteDraftSchema = z.object({
  text: z.string().check(z.maxLength(50_000)),
  tags: z.string().check(z.maxLength(10_000)),
  readerVerdict: z.nullable(VerdictSchema),
  readerReason: z.string().check(z.maxLength(5_000)),
});

/** Background / popup → content script (the map's `to: 'content'` messages; kept for older imports). */
export type ContentRequest = import('./protocol/map').RequestOf<import('./protocol/map').ContentType>;

export type Response<T> = { ok: true; data: T } | { ok: false; error: string };

export function ok<T>(data: T): Response<T> {
  return { ok: true, data };
}

export function fail(error: string): Response<never> {
  return { ok: false, error };
}

/**
 * Validates data against a schema in the envelope; the error names what was wrong. Messages are
 * validated by lib/protocol (createHandler, send); this stays for other callers.
 */
export function parseRequest<T>(schema: z.ZodMiniType<T>, raw: unknown): Response<T> {
  const r = schema.safeParse(raw);
  if (r.success) return ok(r.data);
  const first = r.error.issues[0];
  return fail(`malformed message: ${first ? `${first.path.join('.') || 'message'}: ${first.message}` : 'invalid'}`);
}

/**
 * What the background knows about one tab, for the popup (reply to `getTabState`, and to
 * `status`). `unknown`: nothing has been reported for this tab since it last navigated (the page
 * cannot be scripted, e.g. a browser page, or it was open before the extension was installed).
 * `analysis` is the last analysis of `url` (present when status is 'done' or 'no_claims').
 */
export const TabStateStatusSchema = z.enum([...TabStatusSchema.options, 'unknown']);
export type TabStateStatus = z.infer<typeof TabStateStatusSchema>;

export const TabStateSchema = z.object({
  tabId: z.number().check(z.int()),
  status: TabStateStatusSchema,
  url: z.nullable(z.string()),
  title: z.string(),
  error: z.nullable(z.string()),
  analysis: z.nullable(AnalysisSchema),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabStateSchema>;
