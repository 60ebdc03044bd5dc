/**
 * Starting a Delphi follow-up from chat, the same on Slack and Teams: the follow-up is announced in the round's
 * channel, and each member gets a private briefing (Slack DM, Teams personal chat) with the way to answer again.
 */
import type { Actor } from '../app/actor.js';
import type { AppContext } from '../app/context.js';
import { followUpBriefing } from '../app/follow-ups.js';
import type { Notifier } from '../app/notifier.js';
import type { Locale } from '../domain/framework.js';
import type { Round } from '../domain/round.js';
import { translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import { briefingText } from '../presentation/delphi-texts.js';
import { zonedDateTime } from '../presentation/recurrence-texts.js';

export interface FollowUpChatCall {
  ctx: AppContext;
  actor: Actor;
  notifier: Notifier;
  logger: Logger;
  locale: Locale;
  timeZone: string;
}

/** Announces a new follow-up and briefs its members; says what happened (a follow-up found again is not sent twice). */
export async function announceFollowUp(call: FollowUpChatCall, started: { round: Round; created: boolean }): Promise<string> {
  const t = translator(call.locale);
  const { round } = started;
  if (!started.created) return t('delphi.already', { name: round.name });
  await call.notifier.announceRound(round).catch((error: unknown) => {
    call.logger.warn({ err: error, roundId: round.id }, 'could not announce a follow-up in its channel');
  });
  let unreached = 0;
  for (const member of round.participants) {
    try {
      const briefing = await followUpBriefing(call.ctx, round, member);
      await call.notifier.sendPrivateMessage(round.place.tenantId, member, { text: (locale) => briefingText(briefing, locale), round });
    } catch (error) {
      unreached += 1;
      call.logger.warn({ err: error, roundId: round.id }, 'could not brief a member on a follow-up');
    }
  }
  const link = round.followUp!;
  const text = t('delphi.started', {
    iteration: link.iteration,
    max: link.maxIterations,
    name: round.name,
    count: round.framework.criteria.length,
    deadline: round.deadline ? zonedDateTime(round.deadline, call.timeZone, call.locale) : '–',
  });
  return unreached > 0 ? `${text} ${t('delphi.unreached', { count: unreached })}` : text;
}
