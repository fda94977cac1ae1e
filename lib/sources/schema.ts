/**
 * The shapes of the reader's sources as they cross a boundary: a stored row, what the sources
 * page and the popup are told about a source, the outcome of an add, and metadata as a form sends
 * it. Only zod here — the protocol map (lib/protocol/map.ts) reaches the background and every
 * extension page, so nothing may pull Dexie, Readability or the engine in.
 */
import { z } from '../zod';

/** Largest source accepted: a long article is ~100 KB; 5 MB is a book, not a news source. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/**
 * Which event of the corpus a source reports, as the reader or the source's metadata says: an
 * event id the corpus gives (lib/corpus/events.ts), 'other', or 'unknown'. Free text of a few
 * words at most; the engine groups sources that share one.
 */
export const EventLabelSchema = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(80), z.regex(/^[\p{L}\p{N} ._:-]+$/u, 'an event label is letters, digits, spaces, dots, dashes or colons'));

/** How a source came in (shown on the sources page). */
export const SourceOriginSchema = z.enum(['page', 'menu', 'paste', 'file', 'restore', 'import']);
export type SourceOrigin = z.infer<typeof SourceOriginSchema>;

/** A row of the sources database (lib/sources/db.ts), also the payload of `restoreSource` (Undo). */
export const UserSourceSchema = z.object({
  id: z.string().check(z.regex(/^user_[0-9a-f]{8}$/)),
  title: z.string(),
  outlet: z.nullable(z.string()),
  date: z.nullable(z.string()),
  url: z.nullable(z.string()),
  event: z.nullable(EventLabelSchema),
  text: z.string().check(z.minLength(1)),
  contentHash: z.string(),
  addedAt: z.number(),
  origin: SourceOriginSchema,
  /** File name for imported files, null otherwise. */
  fileName: z._default(z.nullable(z.string()), null),
});
export type UserSource = z.infer<typeof UserSourceSchema>;

/** What the sources page, the popup and the reader are told about one source (SourceInfo in manager.ts). */
export const SourceInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(['seed', 'user']),
  title: z.string(),
  outlet: z.nullable(z.string()),
  date: z.nullable(z.string()),
  url: z.nullable(z.string()),
  event: z.nullable(z.string()),
  enabled: z.boolean(),
  addedAt: z.nullable(z.number()),
  origin: z.nullable(SourceOriginSchema),
  fileName: z.nullable(z.string()),
  chars: z.number(),
  supported: z.number(),
  contradicted: z.number(),
  damaged: z.optional(z.string()),
});

/** The outcome of adding one source (AddOutcome in manager.ts). */
export const AddOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('added'), name: z.string(), source: SourceInfoSchema, message: z.string() }),
  z.object({ status: z.literal('duplicate'), name: z.string(), sameAs: z.string(), message: z.string() }),
  z.object({ status: z.literal('refused'), name: z.string(), message: z.string() }),
]);

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'));

/** Metadata as a page or a form sends it (all optional; '' means "not given"). */
export const MetaInputSchema = z.object({
  title: z.optional(z.string().check(z.maxLength(1000))),
  outlet: z.optional(z.nullable(z.string().check(z.maxLength(300)))),
  date: z.optional(z.nullable(z.union([IsoDate, z.literal('')]))),
  url: z.optional(z.nullable(z.string().check(z.maxLength(4096)))),
  event: z.optional(z.nullable(EventLabelSchema)),
});
export type MetaInput = z.infer<typeof MetaInputSchema>;
