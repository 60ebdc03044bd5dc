/**
 * `@Spiegel <verb> [round id]` in a channel or chat, or `<verb>` in the personal chat (parseCommand, with the
 * Dutch aliases). Answers go to the conversation, except what is private: a member's own answers and interim
 * results travel to their personal chat.
 */
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../app/actor.js';
import { roundForChannel } from '../../app/channel-rounds.js';
import { remindNow } from '../../app/jobs.js';
import { memberData } from '../../app/member-data.js';
import { cancelRound, closeRound, getRound, listRounds, roundProgress } from '../../app/rounds.js';
import { requireAnswerable } from '../../app/save-answers.js';
import { roundSummary } from '../../app/summaries.js';
import { compareFromWords } from '../../app/comparisons.js';
import { assignChannelToUnit, unitOfChannel, unitStructure } from '../../app/units.js';
import { comparisonLines, trendLines, unitsLines } from '../../presentation/method-texts.js';
import { trendFromWords } from '../../app/trends.js';
import { followUpFromWords } from '../../app/follow-ups.js';
import { followUpReply } from './follow-up-flow.js';
import { plain } from './cards/elements.js';
import { renderImageCard, renderLinesCard } from './cards/method-cards.js';
import { SpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import { translator } from '../../i18n/translator.js';
import { parseCommand, type ParsedCommand } from '../../presentation/commands.js';
import { remindNowText } from '../../presentation/remind-now-text.js';
import { auditChat, casesChat, licenceChat, type MediationChatCall } from '../mediation-chat.js';
import { actorOf, commandTextOf, conversationKindOf, localeOf, placeIdOf, referenceOf } from './activity.js';
import { personalPromptCards } from './answer-flow.js';
import { TeamsNotifier } from './notifier.js';
import type { AdaptiveCardJson } from './cards/elements.js';
import {
  renderFrameworksCard,
  renderHelpCard,
  renderLinkCard,
  renderListCard,
  renderMineIntroCard,
  renderStatusCard,
} from './cards/reply-cards.js';
import { renderSummaryCards } from './cards/summary-card.js';
import {
  chartUrl,
  comparisonUrl,
  exportUrl,
  issueComparisonLink,
  issueExportLinks,
  issueReportLink,
  reportUrl,
  trendChartToken,
} from '../../app/report-links.js';
import { trendChart } from '../../presentation/charts/trend-chart.js';
import { isCoordinator } from '../../app/actor.js';
import { copyRound } from '../../app/round-changes.js';
import { exportFileKindsOf, exportFormats, type ExportFormat } from '../../presentation/round-export.js';
import {
  coordinatorStatusLines,
  deadlineChat,
  parseWhen,
  peopleChat,
  reopenChat,
  splitRoundId,
  type RoundChatCall,
} from '../round-chat.js';
import { memberIdOf } from './ids.js';
import { publicBaseUrl } from '../../config.js';
import { erasureQuestionCard } from './erasure-flow.js';
import { renderMemberDataCard } from './cards/member-data-card.js';
import { sendCards } from './messenger.js';
import type { ConversationKind } from '../../app/teams-conversation-ports.js';
import { refusal, replyCard, replyText } from './reply.js';
import type { TeamsRuntime } from './runtime.js';
import { scheduleCommand } from './schedule-flow.js';
import { settingsCommand } from './settings-flow.js';
import { withStoredAdmins } from '../../app/workspace-settings.js';
import { frameworkChoiceCard, frameworkOf, startFormCard, startTimeZone } from './start-flow.js';
import { downloadFrameworkFile, frameworkFileLines, frameworksCommandLines } from '../frameworks-chat.js';
import { fileAttachmentOf } from './framework-upload.js';
import { frameworkChoices, workspaceFrameworks } from '../../app/tenant-frameworks.js';
import { type MessageKey } from '../../i18n/catalogue.js';
import { intervisionFormCard } from './intervision-flow.js';

interface CommandCall {
  rt: TeamsRuntime;
  context: TurnContext;
  parsed: ParsedCommand;
  actor: Actor;
  locale: Locale;
  kind: ConversationKind;
}

/** Open rounds shown by `mine` in the personal chat. */
const MAX_MINE_ROUNDS = 3;

/**
 * The round a command is about: the one named by id; in a channel or chat its open round (or latest, with
 * `anyState`); in the personal chat the member's latest such round, as participant or coordinator.
 */
async function roundOf(call: CommandCall, options: { anyState?: boolean; as: 'participant' | 'coordinator' }): Promise<Round> {
  const { rt, actor, parsed } = call;
  const roundId = parsed.args[0];
  if (roundId) return getRound(rt.ctx, actor, roundId);
  if (call.kind !== 'personal')
    return roundForChannel(rt.ctx, actor, placeIdOf(call.context.activity), undefined, options.anyState ?? false);
  const [open] = await listRounds(rt.ctx, actor, { state: 'open', [options.as]: actor.userId, limit: 1 });
  if (open) return open;
  const [latest] = options.anyState ? await listRounds(rt.ctx, actor, { [options.as]: actor.userId, limit: 1 }) : [];
  if (latest) return latest;
  throw new SpiegelError('round.unknown', `no round for ${actor.userId} in the personal chat`);
}

async function withProgress(rt: TeamsRuntime, rounds: Round[]) {
  return Promise.all(rounds.map(async (round) => ({ round, progress: await rt.rounds.progressOf(round) })));
}

/** Private cards: in the personal chat directly; from a channel or chat, to the member's personal chat, with a note here. */
async function sendPrivately(call: CommandCall, cards: AdaptiveCardJson[], noteKey: MessageKey): Promise<void> {
  if (call.kind === 'personal') {
    await sendCards(call.context, cards);
    return;
  }
  const member = await call.rt.directory.sender(call.context.activity);
  if (!member) throw new SpiegelError('member.unreachable', 'the sender cannot be reached in a personal chat');
  await call.rt.messenger.sendToMember(member, cards);
  await replyText(call.context, translator(call.locale)(noteKey));
}

/** A mediation command answered in the conversation with the text it returns. */
const mediation =
  (command: (call: MediationChatCall) => Promise<string>) =>
  async ({ rt, actor, parsed, context, locale }: CommandCall): Promise<void> => {
    const place = { platform: 'teams' as const, tenantId: actor.tenantId, channelId: placeIdOf(context.activity) };
    // Teams renders a single line break inside a text block as a space: paragraphs keep the lines apart.
    await replyText(context, (await command({ ctx: rt.ctx, actor, args: parsed.args, place, locale })).replace(/\n/g, '\n\n'));
  };

/** The members a message @mentions (the bot left out), by Spiegel's member id where the roster knows them. */
async function mentionedMembers(call: CommandCall): Promise<string[]> {
  const activity = call.context.activity;
  const mentioned = (activity.entities ?? [])
    .filter((e) => e.type === 'mention')
    .map((e) => (e as { mentioned?: { id?: string; aadObjectId?: string } }).mentioned)
    .filter((m): m is { id: string; aadObjectId?: string } => typeof m?.id === 'string' && m.id !== activity.recipient?.id);
  if (mentioned.length === 0) return [];
  const roster = await call.rt.directory.roster(call.context);
  return mentioned.map((m) => roster.find((r) => r.teamsId === m.id)?.memberId ?? memberIdOf(m));
}

/** The call with only the round id (if any) as its words, for roundOf. */
const withRoundArg = (call: CommandCall, roundId: string | undefined): CommandCall => ({
  ...call,
  parsed: { ...call.parsed, args: roundId ? [roundId] : [] },
});

/** A round-management command: the round named by id (or the place's), answered here with the text it returns. */
const manage =
  (command: (chat: RoundChatCall, round: Round, members: string[]) => Promise<string>, reopens = false) =>
  async (call: CommandCall): Promise<void> => {
    const { roundId, rest } = splitRoundId(call.parsed.args);
    const round = await roundOf(withRoundArg(call, roundId), { anyState: reopens, as: 'coordinator' });
    const chat = {
      ctx: call.rt.ctx,
      actor: call.actor,
      locale: call.locale,
      args: rest,
      notifier: new TeamsNotifier(call.rt),
      logger: call.rt.logger,
    };
    await replyText(call.context, plain(await command(chat, round, await mentionedMembers(call))));
    // A reopened round gets every card's inputs back; otherwise the shared card shows its progress.
    if (reopens) await call.rt.rounds.restoreCards(call.actor.tenantId, round.id);
    else call.rt.progress.answered(call.actor.tenantId, round.id);
  };

const handlers: Record<ParsedCommand['verb'], (call: CommandCall) => Promise<void>> = {
  async help({ context, locale, parsed }) {
    await replyCard(context, renderHelpCard(locale, parsed.unknown));
  },

  async start(call) {
    const { rt, context, actor, locale, parsed, kind } = call;
    if (kind === 'personal') return replyText(context, translator(locale)('teams.start.notPersonal'));
    const frameworkId = parsed.args[0];
    const framework = await frameworkOf(rt, actor, frameworkId);
    await replyCard(
      context,
      framework ? await startFormCard(rt, context, actor, locale, framework) : await frameworkChoiceCard(rt, actor, locale, frameworkId),
    );
  },

  async settings({ rt, context, actor, locale, parsed }) {
    await settingsCommand(rt, context, actor, locale, parsed.args);
  },

  async schedule({ rt, context, actor, locale, parsed }) {
    await scheduleCommand(rt, context, actor, locale, parsed.args);
  },

  async report(call) {
    const t = translator(call.locale);
    const base = publicBaseUrl(call.rt.config);
    if (!base) return replyText(call.context, t('report.noPublicUrl'));
    const round = await roundOf(call, { anyState: true, as: 'coordinator' });
    const { token, hours } = await issueReportLink(call.rt.ctx, call.actor, round.id, call.locale);
    const card = renderLinkCard(t('report.linkIntro', { name: plain(round.name), hours }), [
      { title: t('report.open'), url: reportUrl(base, token) },
    ]);
    await sendPrivately(call, [card], 'report.sentPrivately');
  },

  /** Members see progress here; a coordinator also sees deadline, reminders and jobs, privately. */
  async status(call) {
    const round = await roundOf(call, { anyState: true, as: 'participant' });
    const { progress } = await roundProgress(call.rt.ctx, call.actor, round.id);
    if (!isCoordinator(call.actor, round)) return replyCard(call.context, renderStatusCard(round, progress, call.locale));
    const lines = await coordinatorStatusLines(call.rt.ctx, call.actor, round, call.locale);
    await sendPrivately(
      call,
      [renderStatusCard(round, progress, call.locale), renderLinesCard(['', ...lines])],
      'manage.status.sentPrivately',
    );
  },

  async list(call) {
    const { rt, actor } = call;
    if (call.kind !== 'personal') {
      const rounds = await listRounds(rt.ctx, actor, { channelId: placeIdOf(call.context.activity), limit: 10 });
      return replyCard(call.context, renderListCard(await withProgress(rt, rounds), call.locale, 'place'));
    }
    const [taking, coordinating] = await Promise.all([
      listRounds(rt.ctx, actor, { participant: actor.userId, limit: 10 }),
      listRounds(rt.ctx, actor, { coordinator: actor.userId, limit: 10 }),
    ]);
    const rounds = [...new Map([...taking, ...coordinating].map((r) => [r.id, r])).values()]
      .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime())
      .slice(0, 10);
    await replyCard(call.context, renderListCard(await withProgress(rt, rounds), call.locale, 'mine'));
  },

  async frameworks({ rt, context, locale, actor, parsed }) {
    const lines = await frameworksCommandLines(rt.ctx, actor, parsed.args, locale);
    if (lines) return replyCard(context, renderLinesCard(lines));
    await replyCard(context, renderFrameworksCard(await workspaceFrameworks(rt.ctx, actor.tenantId), locale));
  },

  async mine(call) {
    const { rt, actor, locale } = call;
    const rounds =
      call.kind === 'personal' && !call.parsed.args[0]
        ? await listRounds(rt.ctx, actor, { state: 'open', participant: actor.userId, limit: MAX_MINE_ROUNDS })
        : [await roundOf(call, { as: 'participant' })];
    if (rounds.length === 0) return replyText(call.context, translator(locale)('teams.mine.none'));
    const teamsId = call.context.activity.from?.id ?? '';
    const cards: AdaptiveCardJson[] = [];
    for (const round of rounds) {
      requireAnswerable(round, actor);
      cards.push(renderMineIntroCard(round, locale), ...(await personalPromptCards(rt, round, actor, locale, teamsId)));
    }
    await sendPrivately(call, cards, 'teams.mine.sent');
  },

  async 'my-data'(call) {
    const data = await memberData(call.rt.ctx, call.actor, call.actor.userId);
    await sendPrivately(call, [renderMemberDataCard(data, call.locale)], 'lifecycle.access.sentPrivately');
  },

  async 'forget-me'(call) {
    await sendPrivately(call, [await erasureQuestionCard(call.rt, call.actor, call.locale)], 'lifecycle.erasure.sentPrivately');
  },

  async summary(call) {
    const found = await roundOf(call, { anyState: true, as: 'participant' });
    const { round, summary, interim } = await roundSummary(call.rt.ctx, call.actor, found.id);
    const cards = renderSummaryCards(round, summary, call.locale, interim);
    if (interim) return sendPrivately(call, cards, 'teams.summary.sentPrivately');
    await sendCards(call.context, cards);
  },

  async remind(call) {
    const round = await roundOf(call, { anyState: true, as: 'coordinator' });
    await replyText(call.context, remindNowText(await remindNow(call.rt.ctx, call.actor, round.id), call.locale));
  },

  async close(call) {
    const { rt, actor } = call;
    const found = await roundOf(call, { anyState: true, as: 'coordinator' });
    const post = (round: Round, summary: Summary) => rt.rounds.postSummary(round, summary, referenceOf(call.context.activity));
    const { round, summaryPost } = await closeRound(rt.ctx, actor, found.id, post);
    const key = summaryPost.state === 'posted' ? 'teams.close.closed' : 'teams.close.already';
    await replyText(call.context, translator(call.locale)(key, { name: round.name }));
  },

  async cancel(call) {
    const { rt, actor } = call;
    const found = await roundOf(call, { anyState: true, as: 'coordinator' });
    const { round, firstCancel } = await cancelRound(rt.ctx, actor, found.id);
    if (firstCancel) await rt.rounds.retire(round);
    await replyText(
      call.context,
      translator(call.locale)(firstCancel ? 'teams.cancel.cancelled' : 'teams.cancel.already', { name: round.name }),
    );
  },

  async units(call) {
    const { rt, actor } = call;
    const channelUnit = call.kind === 'personal' ? undefined : await unitOfChannel(rt.ctx, actor, placeIdOf(call.context.activity));
    await replyCard(call.context, renderLinesCard(unitsLines(await unitStructure(rt.ctx, actor), channelUnit, call.locale)));
  },

  async unit(call) {
    const t = translator(call.locale);
    const unitId = call.parsed.args[0];
    if (call.kind === 'personal') return replyText(call.context, t('teams.start.notPersonal'));
    if (!unitId) return replyText(call.context, t('method.units.missingId'));
    const unit = await assignChannelToUnit(call.rt.ctx, call.actor, placeIdOf(call.context.activity), unitId);
    await replyText(call.context, plain(t('method.units.assigned', { name: unit.name, level: unit.level })));
  },

  async compare(call) {
    const t = translator(call.locale);
    const result = await compareFromWords(call.rt.ctx, call.actor, call.parsed.args);
    if (result.kind === 'noFramework') return replyText(call.context, t('method.compare.noFramework'));
    const cards = [renderLinesCard(comparisonLines(result.rollup, result.framework, call.locale))];
    const base = publicBaseUrl(call.rt.config);
    if (base) {
      const { token, hours } = await issueComparisonLink(call.rt.ctx, call.actor, result.input, call.locale);
      cards.push(
        renderLinkCard(t('report.compare.linkIntro', { hours }), [{ title: t('report.compare.open'), url: comparisonUrl(base, token) }]),
      );
    }
    await sendPrivately(call, cards, 'method.compare.sentPrivately');
  },

  async trend(call) {
    const t = translator(call.locale);
    if (call.kind === 'personal') return replyText(call.context, t('teams.start.notPersonal'));
    const result = await trendFromWords(call.rt.ctx, call.actor, placeIdOf(call.context.activity), call.parsed.args);
    if (result.kind === 'noFramework') return replyText(call.context, t('method.trend.noFramework'));
    const cards = [renderLinesCard(trendLines(result.trend, result.framework, call.locale))];
    const base = publicBaseUrl(call.rt.config);
    const chart = base && trendChart(result.trend, result.framework, call.locale);
    if (base && chart) {
      const token = trendChartToken(call.rt.ctx, call.actor, result.input, call.locale);
      cards.push(renderImageCard(chartUrl(base, token), chart.alt));
    }
    await sendPrivately(call, cards, 'method.trend.sentPrivately');
  },
  async intervision(call) {
    if (call.kind === 'personal') return replyText(call.context, translator(call.locale)('intervision.noChannel'));
    await replyCard(call.context, await intervisionFormCard(call.rt, call.context, call.actor, call.locale));
  },
  deadline: manage((chat, round) => deadlineChat(chat, round)),
  participants: manage((chat, round, members) => peopleChat(chat, round, 'participants', members)),
  coordinators: manage((chat, round, members) => peopleChat(chat, round, 'coordinators', members)),
  reopen: manage((chat, round) => reopenChat(chat, round), true),

  async copy(call) {
    const { rt, actor, context } = call;
    const t = translator(call.locale);
    const roundId = call.parsed.args[0];
    if (!roundId || call.kind === 'personal') return replyText(context, t('manage.copy.usage'));
    const members = (await rt.directory.roster(context)).map((m) => m.memberId);
    const place = { platform: 'teams' as const, tenantId: actor.tenantId, channelId: placeIdOf(context.activity) };
    const round = await copyRound(rt.ctx, actor, roundId, place, members);
    await rt.rounds.postRound(round, referenceOf(context.activity));
    await replyText(context, plain(t('manage.copy.done', { name: round.name, id: round.id, count: round.participants.length })));
  },

  async later(call) {
    const { rt, context, actor, locale, parsed, kind } = call;
    const t = translator(locale);
    if (kind === 'personal') return replyText(context, t('teams.start.notPersonal'));
    const timeZone = await startTimeZone(rt, context, actor);
    const framework = (await frameworkChoices(rt.ctx, actor)).find((f) => parsed.args.includes(f.id));
    const startAt = parseWhen(
      parsed.args.filter((word) => word !== framework?.id),
      timeZone,
      rt.ctx.clock.now(),
    );
    if (!startAt || !framework) return replyText(context, t('manage.later.usage'));
    if (startAt.getTime() <= rt.ctx.clock.now().getTime()) {
      throw new SpiegelError('deadline.past', 'start in the past', { deadline: startAt.toISOString() });
    }
    await replyCard(context, await startFormCard(rt, context, actor, locale, framework, { startAt }));
  },

  async export(call) {
    const t = translator(call.locale);
    const base = publicBaseUrl(call.rt.config);
    if (!base) return replyText(call.context, t('report.noPublicUrl'));
    const { roundId, rest } = splitRoundId(call.parsed.args);
    const format = rest[0]?.toLowerCase();
    if (format && !(exportFormats as readonly string[]).includes(format)) return replyText(call.context, t('manage.export.badFormat'));
    const round = await roundOf(withRoundArg(call, roundId), { anyState: true, as: 'coordinator' });
    const files = exportFileKindsOf(round, format as ExportFormat | undefined);
    const { links, hours } = await issueExportLinks(call.rt.ctx, call.actor, round.id, call.locale, files);
    const card = renderLinkCard(
      t('manage.export.links', { name: plain(round.name), hours }),
      links.map((link) => ({ title: link.file, url: exportUrl(base, link.token) })),
    );
    await sendPrivately(call, [card], 'manage.export.sentPrivately');
  },

  async followup(call) {
    if (call.kind === 'personal') return replyText(call.context, translator(call.locale)('teams.start.notPersonal'));
    const started = await followUpFromWords(call.rt.ctx, call.actor, placeIdOf(call.context.activity), call.parsed.args);
    await replyText(call.context, await followUpReply(call.rt, call.actor, call.locale, started));
  },

  cases: mediation(casesChat),
  audit: mediation(auditChat),
  licence: mediation(licenceChat),
};

export async function handleMessage(rt: TeamsRuntime, context: TurnContext): Promise<void> {
  const locale = localeOf(context.activity, rt.config.DEFAULT_LOCALE);
  const configured = actorOf(context.activity, rt.config.SPIEGEL_ADMINS);
  const actor = configured && (await withStoredAdmins(rt.ctx, configured));
  if (!actor) return replyText(context, translator(locale)('teams.errors.noTenant'));
  const kind = conversationKindOf(context.activity);
  const file = kind === 'personal' ? fileAttachmentOf(rt, context.activity) : null;
  if (file) {
    const lines = await frameworkFileLines(rt.ctx, actor, () => downloadFrameworkFile(file.name, file.url), locale, rt.logger);
    return replyCard(context, renderLinesCard(lines));
  }
  const parsed = parseCommand(commandTextOf(context.activity));
  try {
    await handlers[parsed.verb]({ rt, context, parsed, actor, locale, kind });
  } catch (error) {
    await replyText(context, refusal(error, locale, rt.logger));
  }
}
