/**
 * A member's erasure in the mediation quality system. Records about the member alone are deleted (licence
 * entries); records the organisation keeps about its cases (the register, audits) keep their shape, with the
 * member replaced by a pseudonym that is the same across those records and can be traced back by no one.
 * Intervision contributions are part of the session and are deleted; a case the member presented is emptied.
 */
import { erasedMemberId, isErasedMember } from '../domain/mediation/case-file.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { getMediationSettings } from './mediation-settings.js';
import { type QualitySystemErasure } from '../domain/erasure.js';

const swap = (ids: string[], memberId: string, pseudonym: string) => ids.map((id) => (id === memberId ? pseudonym : id));

/** Call after requireSelfOrAdmin: the member's case register references, audit assignments, licence entries and log membership. */
export async function eraseMemberFromQualitySystem(ctx: AppContext, actor: Actor, memberId: string): Promise<QualitySystemErasure> {
  const { tenantId } = actor;
  if (isErasedMember(memberId)) return { caseFiles: 0, audits: 0, licenceEntries: 0, contributions: 0, sessions: 0 };
  const pseudonym = erasedMemberId(ctx.newId());
  const files = (await ctx.stores.cases.list(tenantId)).filter((f) => f.mediators.includes(memberId));
  await ctx.stores.cases.putMany(
    tenantId,
    files.map((f) => ({ ...f, mediators: swap(f.mediators, memberId, pseudonym) })),
  );
  const audits = (await ctx.stores.audits.list(tenantId)).filter((a) =>
    a.files.some((f) => f.reviewers.includes(memberId) || f.mediators.includes(memberId)),
  );
  for (const audit of audits) {
    await ctx.stores.audits.replace({
      ...audit,
      drawnBy: audit.drawnBy === memberId ? pseudonym : audit.drawnBy,
      files: audit.files.map((f) => ({
        ...f,
        mediators: swap(f.mediators, memberId, pseudonym),
        reviewers: swap(f.reviewers, memberId, pseudonym),
      })),
    });
  }
  const licenceEntries = await ctx.stores.licenceEntries.deleteForMember(tenantId, memberId);
  const settings = await getMediationSettings(ctx, tenantId);
  if (settings.members.includes(memberId)) {
    await ctx.stores.mediationSettings.put({ ...settings, members: settings.members.filter((m) => m !== memberId) }, ctx.clock.now());
  }
  const intervision = await ctx.stores.intervision.eraseMember(tenantId, memberId, pseudonym);
  return { caseFiles: files.length, audits: audits.length, licenceEntries, ...intervision };
}
