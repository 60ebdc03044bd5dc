/**
 * Signed, expiring links to a round's report page and charts. A link is a capability: it names the tenant, the
 * round, who asked for it and until when, sealed with a key derived from SPIEGEL_SECRET; nothing is stored.
 * Only a round's coordinators get a report link; a chart link (for a summary card's image) is for a closed round.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { localeSchema, type Locale } from '../domain/framework.js';
import type { Round } from '../domain/round.js';
import { requireCoordinator, type Actor } from './actor.js';
import type { AppContext } from './context.js';
import { getRound } from './rounds.js';

export const REPORT_LINK_HOURS = 72;
export const linkPaths = { report: '/reports', chart: '/charts', export: '/exports' } as const;
/** A round's export files behind a link (Teams has no bot file upload into a chat without a consent card). */
export const EXPORT_LINK_HOURS = 24;
export const linkFiles = ['answers.csv', 'summary.csv', 'round.json'] as const;
export type LinkFile = (typeof linkFiles)[number];

export const reportUrl = (base: string, token: string) => `${base}${linkPaths.report}/${token}`;
export const chartUrl = (base: string, token: string) => `${base}${linkPaths.chart}/${token}.png`;
export const exportUrl = (base: string, token: string) => `${base}${linkPaths.export}/${token}`;
/** Summary cards stay in a channel: their chart images live a month. */
const CHART_LINK_DAYS = 30;
const MAX_TOKEN_LENGTH = 2_000;

const claimsSchema = z
  .object({
    kind: z.enum(['report', 'chart', 'export']),
    tenantId: z.string().min(1).max(200),
    roundId: z.string().min(1).max(64),
    userId: z.string().min(1).max(200),
    isAdmin: z.boolean(),
    locale: localeSchema,
    chart: z.enum(['distribution', 'quadrant']).optional(),
    file: z.enum(linkFiles).optional(),
    exp: z.number().int(),
  })
  .strict();
export type LinkClaims = z.infer<typeof claimsSchema>;

function linkKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('spiegel:report-links:v1').digest();
}

function seal(secret: string, body: string): string {
  return createHmac('sha256', linkKey(secret)).update(body).digest('base64url');
}

export function signLinkToken(secret: string, claims: LinkClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${seal(secret, body)}`;
}

/** The claims of a genuine, unexpired token; null for anything else (forged, altered, expired, malformed). */
export function openLinkToken(secret: string, token: string, now: Date): LinkClaims | null {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(seal(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const claims = claimsSchema.safeParse(parsed);
  if (!claims.success || claims.data.exp * 1000 <= now.getTime()) return null;
  return claims.data;
}

/** A report link for a coordinator of the round (open or closed), valid REPORT_LINK_HOURS. */
export async function issueReportLink(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  locale: Locale,
): Promise<{ token: string; hours: number }> {
  const round = await getRound(ctx, actor, roundId);
  requireCoordinator(actor, round);
  const exp = Math.floor(ctx.clock.now().getTime() / 1000) + REPORT_LINK_HOURS * 3600;
  const claims: LinkClaims = {
    kind: 'report',
    tenantId: actor.tenantId,
    roundId: round.id,
    userId: actor.userId,
    isAdmin: actor.isAdmin,
    locale,
    exp,
  };
  return { token: signLinkToken(ctx.secret, claims), hours: REPORT_LINK_HOURS };
}

/** Download links for a coordinator of the round, one per file, valid EXPORT_LINK_HOURS. */
export async function issueExportLinks(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  locale: Locale,
  files: readonly LinkFile[],
): Promise<{ round: Round; links: { file: LinkFile; token: string }[]; hours: number }> {
  const round = await getRound(ctx, actor, roundId);
  requireCoordinator(actor, round);
  const exp = Math.floor(ctx.clock.now().getTime() / 1000) + EXPORT_LINK_HOURS * 3600;
  const base = {
    kind: 'export' as const,
    tenantId: actor.tenantId,
    roundId: round.id,
    userId: actor.userId,
    isAdmin: actor.isAdmin,
    locale,
    exp,
  };
  return { round, links: files.map((file) => ({ file, token: signLinkToken(ctx.secret, { ...base, file }) })), hours: EXPORT_LINK_HOURS };
}

/** A chart image link for a closed round's summary card (everyone sees a closed round's summary). */
export function chartLinkToken(
  ctx: AppContext,
  tenantId: string,
  roundId: string,
  chart: 'distribution' | 'quadrant',
  locale: Locale,
): string {
  const exp = Math.floor(ctx.clock.now().getTime() / 1000) + CHART_LINK_DAYS * 24 * 3600;
  return signLinkToken(ctx.secret, { kind: 'chart', tenantId, roundId, userId: 'summary', isAdmin: false, locale, chart, exp });
}

/** The actor a link speaks for. A chart link's actor is no coordinator, so it only ever shows a closed round. */
export function linkActor(claims: LinkClaims): Actor {
  return { tenantId: claims.tenantId, userId: claims.userId, isAdmin: claims.isAdmin };
}
