/**
 * The mediation quality system's chat commands, the same on Slack and Teams: `cases`, `audit …`. Each returns
 * the text to answer with; the platform adapters only carry it (Slack: ephemeral; Teams: in the conversation).
 */
import type { Actor } from '../app/actor.js';
import { auditReport, drawAudit, listAudits } from '../app/audits.js';
import type { AppContext } from '../app/context.js';
import { caseCounts } from '../app/cases.js';
import { SpiegelError } from '../domain/errors.js';
import type { Locale } from '../domain/framework.js';
import type { Place } from '../domain/round.js';
import { translator } from '../i18n/translator.js';
import { auditDrawnLines, auditListLines, auditReportLines, caseCountLines } from '../presentation/audit-texts.js';

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
  if (!word || !Number.isInteger(value))
    throw new SpiegelError('input.invalid', 'size', { detail: `“${word ?? ''}” is not a whole number` });
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
    });
    return auditDrawnLines(audit, locale).join('\n');
  }
  if (action === 'report' || action === 'rapport') return auditReportLines(await auditReport(ctx, actor, rest[0]), locale).join('\n');
  return [...auditListLines(await listAudits(ctx, actor), locale), t('mediation.audit.usage')].join('\n');
}
