/**
 * What one entry of the protocol map is (`Route`), and the pieces its parts share: who may send,
 * the `msg` request builder, the id and claim-index fields. The map (map.ts) is composed of
 * parts — the content script's (map-content.ts) and the extension pages' — so that the content
 * script bundles only the schemas of the messages it answers or sends; this module is what they
 * have in common.
 */
import { z } from '../zod';

export type Party = 'background' | 'content';
export type SenderKind = 'content' | 'extensionPage' | 'background';
export type Group = 'page' | 'notes' | 'sources';

/** One message type: its schemas, route and permissions. */
export interface Route {
  group: Group;
  to: Party;
  from: readonly SenderKind[];
  request: z.ZodMiniObject<{ type: z.ZodMiniLiteral<string> } & z.core.$ZodShape>;
  reply: z.ZodMiniType;
  /** For a content-script sender: the tab id or page URL in the message that must be its own. */
  own?: { tab: (message: Record<string, unknown>) => unknown } | { page: (message: Record<string, unknown>) => unknown };
}

/** Routes by message type: the whole map, or the content script's part of it. */
export type RouteTable = Readonly<Record<string, Route>>;

/** The route of `type` in `routes`, or undefined for a type they do not hold. */
export function routeIn(routes: RouteTable, type: unknown): Route | undefined {
  return typeof type === 'string' && Object.hasOwn(routes, type) ? routes[type] : undefined;
}

export const ANY_EXTENSION = ['content', 'extensionPage'] as const;
export const EXTENSION_PAGES = ['extensionPage'] as const;
/** Messages to a content script come from the background or an extension page (tabs.sendMessage). */
export const TO_PAGE = ['background', 'extensionPage'] as const;

export const Id = z.string().check(z.minLength(1), z.maxLength(200));
export const ClaimIndex = z.number().check(z.int(), z.nonnegative());

/** A request schema: the message's `type` literal and its fields. */
export const msg = <T extends string, S extends z.core.$ZodShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...shape });
