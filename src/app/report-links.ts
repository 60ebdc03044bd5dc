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
import { requireCoordinatorSomewhere, type CompareInput } from './comparisons.js';
import type { AppContext } from './context.js';
import { getRound } from './rounds.js';
import type { TrendInput } from './trends.js';

export const REPORT_LINK_HOURS = 72;
export const linkPaths = { report: '/reports', comparison: '/comparisons', chart: '/charts', export: '/exports' } as const;
/** A round's export files behind a link (Teams has no bot file upload into a chat without a consent card). */
export const EXPORT_LINK_HOURS = 24;
export const linkFiles = ['answers.csv', 'summary.csv', 'open-answers.csv', 'round.json'] as const;
export type LinkFile = (typeof linkFiles)[number];

export const reportUrl = (base: string, token: string) => `${base}${linkPaths.report}/${token}`;
export const comparisonUrl = (base: string, token: string) => `${base}${linkPaths.comparison}/${token}`;
export const chartUrl = (base: string, token: string) => `${base}${linkPaths.chart}/${token}.png`;
export const exportUrl = (base: string, token: string) => `${base}${linkPaths.export}/${token}`;
/** Chat cards stay in a conversation: their chart images live a month. */
const CHART_LINK_DAYS = 30;
const MAX_TOKEN_LENGTH = 2_000;

const id = z.string().min(1).max(200);
const holder = { tenantId: id, userId: id, isAdmin: z.boolean(), locale: localeSchema, exp: z.number().int() };
const claimsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('report'), ...holder, roundId: z.string().min(1).max(64) }).strict(),
  z
    .object({
      kind: z.literal('chart'),
      ...holder,
      roundId: z.string().min(1).max(64),
      chart: z.enum(['distribution', 'quadrant', 'convergence']),
    })
    .strict(),
  z
    .object({
      kind: z.literal('comparison'),
      ...holder,
      frameworkId: id,
      level: id,
      /** Epoch milliseconds. */
      from: z.number().int().optional(),
      to: z.number().int().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('export'), ...holder, roundId: z.string().min(1).max(64), file: z.enum(linkFiles) }).strict(),
  z.object({ kind: z.literal('trendChart'), ...holder, frameworkId: id, channelId: id.optional(), unitId: id.optional() }).strict(),
]);
export type LinkClaims = z.infer<typeof claimsSchema>;
type Holder = Pick<LinkClaims, 'tenantId' | 'userId' | 'isAdmin' | 'locale' | 'exp'>;

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

const expiry = (ctx: AppContext, hours: number) => Math.floor(ctx.clock.now().getTime() / 1000) + hours * 3600;
const holderOf = (ctx: AppContext, actor: Actor, locale: Locale, hours: number): Holder => ({
  tenantId: actor.tenantId,
  userId: actor.userId,
  isAdmin: actor.isAdmin,
  locale,
  exp: expiry(ctx, hours),
});

/** A report link for a coordinator of the round (open or closed), valid REPORT_LINK_HOURS. */
export async function issueReportLink(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  locale: Locale,
): Promise<{ token: string; hours: number }> {
  const round = await getRound(ctx, actor, roundId);
  requireCoordinator(actor, round);
  const claims: LinkClaims = { kind: 'report', ...holderOf(ctx, actor, locale, REPORT_LINK_HOURS), roundId: round.id };
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
  const base = { kind: 'export' as const, ...holderOf(ctx, actor, locale, EXPORT_LINK_HOURS), roundId: round.id };
  return { round, links: files.map((file) => ({ file, token: signLinkToken(ctx.secret, { ...base, file }) })), hours: EXPORT_LINK_HOURS };
}

/** A link to a comparison's report page, for those who may compare (admins and coordinators), valid REPORT_LINK_HOURS. */
export async function issueComparisonLink(
  ctx: AppContext,
  actor: Actor,
  input: CompareInput,
  locale: Locale,
): Promise<{ token: string; hours: number }> {
  await requireCoordinatorSomewhere(ctx, actor);
  const claims: LinkClaims = {
    kind: 'comparison',
    ...holderOf(ctx, actor, locale, REPORT_LINK_HOURS),
    frameworkId: input.frameworkId,
    level: input.level,
    ...(input.from ? { from: input.from.getTime() } : {}),
    ...(input.to ? { to: input.to.getTime() } : {}),
  };
  return { token: signLinkToken(ctx.secret, claims), hours: REPORT_LINK_HOURS };
}

/** The comparison a comparison link names. */
export function comparisonOfLink(claims: Extract<LinkClaims, { kind: 'comparison' }>): CompareInput {
  return {
    frameworkId: claims.frameworkId,
    level: claims.level,
    ...(claims.from !== undefined ? { from: new Date(claims.from) } : {}),
    ...(claims.to !== undefined ? { to: new Date(claims.to) } : {}),
  };
}

/** A chart image link for a closed round's summary card (everyone sees a closed round's summary). */
export function chartLinkToken(
  ctx: AppContext,
  tenantId: string,
  roundId: string,
  chart: 'distribution' | 'quadrant' | 'convergence',
  locale: Locale,
): string {
  const summaryReader = { tenantId, userId: 'summary', isAdmin: false };
  return signLinkToken(ctx.secret, { kind: 'chart', ...holderOf(ctx, summaryReader, locale, CHART_LINK_DAYS * 24), roundId, chart });
}

/** A trend chart image link for the trend answer in chat; the trend is computed again, as the asker, on every fetch. */
export function trendChartToken(ctx: AppContext, actor: Actor, input: TrendInput, locale: Locale): string {
  return signLinkToken(ctx.secret, {
    kind: 'trendChart',
    ...holderOf(ctx, actor, locale, CHART_LINK_DAYS * 24),
    frameworkId: input.frameworkId,
    ...(input.channelId ? { channelId: input.channelId } : {}),
    ...(input.unitId ? { unitId: input.unitId } : {}),
  });
}

/** The actor a link speaks for. A chart link's actor is no coordinator, so it only ever shows a closed round. */
export function linkActor(claims: LinkClaims): Actor {
  return { tenantId: claims.tenantId, userId: claims.userId, isAdmin: claims.isAdmin };
}
