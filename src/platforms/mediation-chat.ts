/**
 * The mediation quality system's chat commands, the same on Slack and Teams: `cases`, `audit …`. Each returns
 * the text to answer with; the platform adapters only carry it (Slack: ephemeral; Teams: in the conversation).
 */
import type { Actor } from '../app/actor.js';
import { auditReport, drawAudit, listAudits } from '../app/audits.js';
import type { AppContext } from '../app/context.js';
import { caseCounts } from '../app/cases.js';
import { addLicenceEntry, licenceReport, myLicence } from '../app/licence.js';
import type { Locale } from '../domain/framework.js';
import type { Place } from '../domain/round.js';
import { translator } from '../i18n/translator.js';
import { auditDrawnLines, auditListLines, auditReportLines, caseCountLines, auditRoundName } from '../presentation/audit-texts.js';
import { licenceReportLines, myLicenceLines } from '../presentation/licence-texts.js';
import type { LicenceEntryKind } from '../domain/mediation/licence.js';
import { inputInvalid } from '../domain/input-problems.js';

export interface MediationChatCall {
  ctx: AppContext;
  actor: Actor;
  args: string[];
  /** Where the command was given: audits drawn here live here. */
  place: Place;
  locale: Locale;
}

export async function casesChat({ ctx, actor, locale }: MediationChatCall): Promise<string> {
  return caseCountLines(await caseCounts(ctx, actor), locale).join('\n');
}

function number(word: string | undefined): number {
  const value = Number(word);
  if (!word || !Number.isInteger(value)) throw inputInvalid('notAWholeNumber', { value: word ?? '' });
  return value;
}

export async function auditChat({ ctx, actor, args, place, locale }: MediationChatCall): Promise<string> {
  const [action, ...rest] = args.map((a) => a.trim());
  const t = translator(locale);
  if (action === 'draw') {
    const [size, from, to, seed, reviewers] = rest;
    if (!from || !to) return t('mediation.audit.usage');
    const audit = await drawAudit(ctx, actor, {
      size: number(size),
      from,
      to,
      ...(seed ? { seed } : {}),
      ...(reviewers ? { reviewersPerFile: number(reviewers) } : {}),
      place,
      locale,
      roundName: (caseId) => auditRoundName(caseId, locale),
    });
    return auditDrawnLines(audit, locale).join('\n');
  }
  if (action === 'report' || action === 'rapport') return auditReportLines(await auditReport(ctx, actor, rest[0]), locale).join('\n');
  return [...auditListLines(await listAudits(ctx, actor), locale), t('mediation.audit.usage')].join('\n');
}

/** A member named in chat: a plain id, or a Slack mention `<@U123|name>`. */
function memberArg(word: string | undefined): string {
  return /^<@([A-Z0-9]+)(\|[^>]*)?>$/.exec(word ?? '')?.[1] ?? word ?? '';
}

export async function licenceChat({ ctx, actor, args, locale }: MediationChatCall): Promise<string> {
  const [action, ...rest] = args.map((a) => a.trim());
  const t = translator(locale);
  if (!action) {
    const { year, standing } = await myLicence(ctx, actor);
    return myLicenceLines(year, standing, locale).join('\n');
  }
  if (action === 'report' || action === 'rapport') {
    return licenceReportLines(await licenceReport(ctx, actor, rest[0] ? number(rest[0]) : undefined), locale).join('\n');
  }
  if (action === 'add' || action === 'voeg') {
    const [member, kind, date, amount] = rest;
    if (!member || !kind || !date) return t('mediation.licence.usage');
    const entry = await addLicenceEntry(ctx, actor, {
      member: memberArg(member),
      kind: kind as LicenceEntryKind,
      date,
      ...(amount ? { amount: Number(amount.replace(',', '.')) } : {}),
    });
    return t('mediation.licence.added', {
      kind: t(`mediation.licence.kind.${entry.kind}`),
      member: entry.member,
      date: entry.date,
      amount: entry.amount,
    });
  }
  return t('mediation.licence.usage');
}
