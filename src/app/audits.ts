/** Random case-file audits: the draw, the reviewers' invitations (a scheduler job) and the audit report. */
import { randomBytes } from 'node:crypto';
import { auditExclusionStart, type Audit } from '../domain/audit/audit.js';
import { drawAudit as drawSample, type DrawRefusal } from '../domain/audit/draw.js';
import { computeAuditResults, type AuditReport } from '../domain/audit/results.js';
import { SpiegelError } from '../domain/errors.js';
import type { Locale } from '../domain/framework.js';
import { isIsoDate } from '../domain/mediation/case-file.js';
import type { Place } from '../domain/round.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { knownMembers, requireQualityCoordinator } from './mediation-settings.js';
import { buildRound } from './rounds.js';
import { frameworksOf } from './tenant-frameworks.js';
import { inputInvalid } from '../domain/input-problems.js';

export const AUDIT_FRAMEWORK = 'case-file-audit';
export const DEFAULT_REVIEWERS = 2;
export const MAX_AUDIT_SIZE = 200;

export interface DrawAuditInput {
  size: number;
  from: string;
  to: string;
  seed?: string;
  reviewersPerFile?: number;
  /** Where the audit is drawn; its rounds live there. */
  place: Place;
  locale: Locale;
  /** The name of a file's review round, in the audit's language. */
  roundName: (caseId: string) => string;
}

function refusalError(refusal: DrawRefusal): SpiegelError {
  switch (refusal.reason) {
    case 'sample-too-large':
      return new SpiegelError('audit.sampleTooLarge', `sample of ${refusal.size} > ${refusal.eligible} eligible files`, { ...refusal });
    case 'no-reviewer':
      return new SpiegelError('audit.noReviewer', `case ${refusal.caseId}: ${refusal.available} of ${refusal.needed} reviewers`, {
        case: refusal.caseId,
        available: refusal.available,
        needed: refusal.needed,
      });
    case 'bad-size':
      return inputInvalid('sampleSize', { max: MAX_AUDIT_SIZE });
    case 'bad-reviewers':
      return inputInvalid('reviewersPerFile');
  }
}

export function invitationJobId(auditId: string): string {
  return `audit-invitations:${auditId}`;
}

/**
 * Draws an audit of the files closed in [from, to] (files audited in the last 12 months excluded), opens one
 * round per file for its reviewers, records the audit with its seed, and queues the reviewers' invitations.
 * Nothing is stored when the draw is refused.
 */
export async function drawAudit(ctx: AppContext, actor: Actor, input: DrawAuditInput): Promise<Audit> {
  const settings = await requireQualityCoordinator(ctx, actor);
  if (!isIsoDate(input.from) || !isIsoDate(input.to) || input.from > input.to) throw inputInvalid('auditPeriod');
  if (input.size > MAX_AUDIT_SIZE) throw inputInvalid('sampleSize', { max: MAX_AUDIT_SIZE });
  const seed = input.seed?.trim() || randomBytes(6).toString('hex');
  if (seed.length > 64) throw inputInvalid('seedTooLong', { max: 64 });
  const now = ctx.clock.now();
  const [files, recent, pool] = await Promise.all([
    ctx.stores.cases.list(actor.tenantId),
    ctx.stores.audits.list(actor.tenantId, auditExclusionStart(now)),
    knownMembers(ctx, settings),
  ]);
  const audited = new Set(recent.flatMap((a) => a.files.map((f) => f.caseId)));
  const eligible = files.filter((f) => f.closed !== null && f.closed >= input.from && f.closed <= input.to && !audited.has(f.caseId));
  const reviewersPerFile = input.reviewersPerFile ?? DEFAULT_REVIEWERS;
  const drawn = drawSample({ files: eligible, size: input.size, seed, reviewersPerFile, pool });
  if (!drawn.ok) throw refusalError(drawn.refusal);

  const framework = (await frameworksOf(ctx, actor.tenantId)).get(AUDIT_FRAMEWORK);
  const rounds = drawn.files.map((file) =>
    buildRound(
      ctx,
      actor,
      {
        place: input.place,
        frameworkId: AUDIT_FRAMEWORK,
        name: input.roundName(file.caseId),
        participants: file.reviewers,
        locale: input.locale,
        caseId: file.caseId,
        reminderPlan: { hoursBeforeDeadline: [], max: 0 },
      },
      framework,
    ),
  );
  const audit: Audit = {
    id: ctx.newId(),
    tenantId: actor.tenantId,
    seed,
    from: input.from,
    to: input.to,
    size: input.size,
    reviewersPerFile,
    frameworkId: AUDIT_FRAMEWORK,
    place: input.place,
    drawnBy: actor.userId,
    drawnAt: now,
    files: drawn.files.map((file, i) => ({ ...file, roundId: rounds[i]?.id ?? '' })),
  };
  // Rounds first, the audit that names them next, the invitations last: a crash leaves at most unused rounds.
  for (const round of rounds) await ctx.stores.rounds.insert(round);
  await ctx.stores.audits.insert(audit);
  await ctx.stores.jobs.enqueueOnce(
    {
      id: invitationJobId(audit.id),
      kind: 'audit-invitations',
      tenantId: actor.tenantId,
      roundId: null,
      recurrenceId: null,
      slot: audit.id,
      runAt: now,
    },
    now,
  );
  return audit;
}

export async function listAudits(ctx: AppContext, actor: Actor): Promise<Audit[]> {
  await requireQualityCoordinator(ctx, actor);
  return ctx.stores.audits.list(actor.tenantId);
}

async function findAudit(ctx: AppContext, actor: Actor, auditId: string | undefined): Promise<Audit> {
  const audit = auditId
    ? await ctx.stores.audits.get(actor.tenantId, auditId)
    : ((await ctx.stores.audits.list(actor.tenantId))[0] ?? null);
  if (!audit) throw new SpiegelError('audit.unknown', `audit ${auditId ?? '(latest)'} not found in ${actor.tenantId}`);
  return audit;
}

/** The audit's results per file, per mediator and for the period (the latest audit without an id): coordinators. */
export async function auditReport(ctx: AppContext, actor: Actor, auditId?: string): Promise<AuditReport> {
  await requireQualityCoordinator(ctx, actor);
  const audit = await findAudit(ctx, actor, auditId);
  // The criteria as the reviewers were asked them: the snapshot of the audit's rounds, not today's framework.
  const first = audit.files[0] ? await ctx.stores.rounds.get(actor.tenantId, audit.files[0].roundId) : null;
  const criterionIds = (first?.framework ?? (await frameworksOf(ctx, actor.tenantId)).get(audit.frameworkId)).criteria.map((c) => c.id);
  const ratings = (
    await Promise.all(
      audit.files.map(async (file) =>
        (await ctx.stores.responses.listForRound(actor.tenantId, file.roundId)).map((r) => ({
          caseId: file.caseId,
          reviewer: r.respondent,
          criterionId: r.criterionId,
          value: r.value,
          comment: r.comment,
        })),
      ),
    )
  ).flat();
  return { audit, criterionIds, results: computeAuditResults(audit.files, criterionIds, ratings) };
}
