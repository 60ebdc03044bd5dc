import { eraseMemberAnswers } from '../app/erasure.js';
import { memberData } from '../app/member-data.js';
import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import { memberDataCsv, memberDataJson } from '../presentation/member-data.js';
import { qualitySystemErasureLines } from '../presentation/erasure-texts.js';
import type { CliSession } from './cli-context.js';
import { asLines } from './output.js';

/** `member erase --member ID`: an admin erases a member's answers in every round of the tenant. */
export async function eraseMemberCommand(session: CliSession, memberId: string, locale: Locale): Promise<string> {
  const result = await eraseMemberAnswers(session.ctx, session.actor, memberId);
  return asLines([
    translator(locale)('lifecycle.cli.erased', {
      member: memberId,
      tenant: session.actor.tenantId,
      count: result.answers,
      rounds: result.rounds,
      summaries: result.summariesUpdated,
    }),
    ...qualitySystemErasureLines(result, locale),
  ]);
}

/** `member export --member ID --format json|csv`: every stored answer of a member (an access request). */
export async function exportMemberCommand(session: CliSession, memberId: string, format: 'json' | 'csv', locale: Locale): Promise<string> {
  const data = await memberData(session.ctx, session.actor, memberId);
  return format === 'json' ? memberDataJson(data, locale) : memberDataCsv(data, locale);
}
