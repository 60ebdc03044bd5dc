/** Action.Execute from Spiegel's cards (invoke `adaptiveCard/action`), dispatched by verb. */
import type { TurnContext } from 'botbuilder';
import { translator } from '../../i18n/translator.js';
import { actorOf, localeOf } from './activity.js';
import { saveCardAnswers, showOwnView, type ActionCall } from './answer-flow.js';
import { confirmErasure, keepAnswers } from './erasure-flow.js';
import { verbs, type Verb } from './ids.js';
import { checkCardData } from './parse.js';
import { invokeMessage } from './reply.js';
import type { TeamsRuntime } from './runtime.js';
import { withStoredAdmins } from '../../app/workspace-settings.js';
import { saveSettingsCard } from './settings-flow.js';
import { contributeOnCard, moveOnByCard, submitIntervisionForm } from './intervision-flow.js';
import { changeSchedule, submitScheduleForm } from './schedule-flow.js';
import { chooseFramework, chooseOtherFramework, submitStartForm } from './start-flow.js';
import { startFollowUpFromCard } from './follow-up-flow.js';

const handlers: Record<Verb, (call: ActionCall) => Promise<void>> = {
  [verbs.answer]: saveCardAnswers,
  [verbs.refresh]: showOwnView,
  [verbs.startFramework]: chooseFramework,
  [verbs.startBack]: chooseOtherFramework,
  [verbs.startSubmit]: submitStartForm,
  [verbs.forgetConfirm]: confirmErasure,
  [verbs.forgetKeep]: keepAnswers,
  [verbs.scheduleSubmit]: submitScheduleForm,
  [verbs.scheduleChange]: changeSchedule,
  [verbs.settingsSave]: saveSettingsCard,
  [verbs.intervisionStart]: submitIntervisionForm,
  [verbs.intervisionContribute]: contributeOnCard,
  [verbs.intervisionNext]: moveOnByCard,
  [verbs.followUp]: startFollowUpFromCard,
};

/** The verb and data are read from the activity as sent (teams-ai hands a missing or null data over as `{}`). */
export async function handleCardAction(rt: TeamsRuntime, context: TurnContext): Promise<void> {
  const locale = localeOf(context.activity, rt.config.DEFAULT_LOCALE);
  const configured = actorOf(context.activity, rt.config.SPIEGEL_ADMINS);
  const actor = configured && (await withStoredAdmins(rt.ctx, configured));
  const action = (context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  const { verb, data } = action ?? {};
  const handler = typeof verb === 'string' && Object.hasOwn(handlers, verb) ? handlers[verb as Verb] : undefined;
  if (!actor) return invokeMessage(context, translator(locale)('teams.errors.noTenant'));
  if (!handler) return invokeMessage(context, translator(locale)('teams.errors.unknownAction'));
  const checked = checkCardData(verb as Verb, data);
  if (!checked) return invokeMessage(context, translator(locale)('inbound.notUnderstood'));
  await handler({ rt, context, actor, locale, data: checked });
}
