/** `/reflect <verb> [round id]`: acknowledged at once, answered privately through the response_url. */
import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import type { Actor } from '../../app/actor.js';
import { remindNow } from '../../app/jobs.js';
import { roundForChannel } from '../../app/channel-rounds.js';
import { comparisonUrl, issueComparisonLink, issueReportLink, reportUrl } from '../../app/report-links.js';
import { publicBaseUrl } from '../../config.js';
import { myAnswers } from '../../app/responses.js';
import { cancelRound, closeRound, listRounds, progressOf, roundProgress } from '../../app/rounds.js';
import { roundSummary } from '../../app/summaries.js';
import { compareFromWords } from '../../app/comparisons.js';
import { assignChannelToUnit, unitOfChannel, unitStructure } from '../../app/units.js';
import { comparisonLines, trendLines, unitsLines } from '../../presentation/method-texts.js';
import { trendFromWords } from '../../app/trends.js';
import { followUpFromWords } from '../../app/follow-ups.js';
import { announceFollowUp } from '../follow-up-chat.js';
import { escapeMrkdwn, limits } from './blocks/limits.js';
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import { translator } from '../../i18n/translator.js';
import { parseCommand, type ParsedCommand } from '../../presentation/commands.js';
import { remindNowText } from '../../presentation/remind-now-text.js';
import { auditChat, casesChat, licenceChat, type MediationChatCall } from '../mediation-chat.js';
import { postSummary, retireRound } from './announce.js';
import { askToForget } from './erasure-flow.js';
import { sendMyData } from './member-data.js';
import { sendTrendChart } from './trend-chart.js';
import { frameworksText, helpText, listText, mineText, statusText } from './blocks/replies.js';
import { renderSummaryMessages } from './blocks/summary.js';
import { actorFor, SLASH_COMMAND } from './ids.js';
import { ephemeral, refusal } from './reply.js';
import { teamOf, type SlackRuntime } from './runtime.js';
import { withStoredAdmins } from '../../app/workspace-settings.js';
import { isCoordinator } from '../../app/actor.js';
import { copyRound } from '../../app/round-changes.js';
import { SpiegelError } from '../../domain/errors.js';
import {
  coordinatorStatusLines,
  deadlineChat,
  parseWhen,
  peopleChat,
  reopenChat,
  splitRoundId,
  type RoundChatCall,
} from '../round-chat.js';
import { exportRoundFiles } from './export.js';
import { postRound } from './announce.js';
import { channelHumans, NOT_IN_CHANNEL } from './start-flow.js';
import { settingsCommandText } from '../settings-chat.js';
import { frameworksCommandLines } from '../frameworks-chat.js';
import { workspaceFrameworks } from '../../app/tenant-frameworks.js';
import { openScheduleForm, scheduleCommandText } from './schedule-flow.js';
import { openStartForm } from './start-flow.js';
import { openIntervisionForm } from './intervision-flow.js';
import type { StartFormMetadata } from './blocks/start-form.js';
import type { WebClient } from './web-api.js';

interface CommandCall {
  rt: SlackRuntime;
  command: SlashCommand;
  parsed: ParsedCommand;
  actor: Actor;
  teamId: string;
  locale: Locale;
  client: WebClient;
  respond: RespondFn;
  botUserId: string | undefined;
}

type Handler = (call: CommandCall) => Promise<void>;

const roundArg = (call: CommandCall) => call.parsed.args[0];

/** A mediation command answered privately with the text it returns. */
const mediation =
  (command: (call: MediationChatCall) => Promise<string>): Handler =>
  async ({ rt, actor, parsed, command: slash, locale, respond }) => {
    const place = { platform: 'slack' as const, tenantId: actor.tenantId, channelId: slash.channel_id };
    await ephemeral(respond, await command({ ctx: rt.ctx, actor, args: parsed.args, place, locale }));
  };
/** Members a command names: Slack mentions `<@U123|name>` or plain ids. */
const mentionedMembers = (words: string[]) =>
  words
    .map((w) => /^<@([A-Z0-9]+)(\|[^>]*)?>$/.exec(w)?.[1] ?? (/^[UW][A-Z0-9]{2,}$/.test(w) ? w : null))
    .filter((id): id is string => id !== null);

/** A round-management command: the round named by id (or the channel's), answered privately with the text it returns. */
const manage =
  (command: (call: RoundChatCall, round: Round, members: string[]) => Promise<string>, anyState = false): Handler =>
  async ({ rt, actor, parsed, command: slash, locale, respond, client }) => {
    const { roundId, rest } = splitRoundId(parsed.args);
    const round = await roundForChannel(rt.ctx, actor, slash.channel_id, roundId, anyState);
    const call = { ctx: rt.ctx, actor, locale, args: rest, notifier: rt.notifier, logger: rt.logger };
    const text = await command(call, round, mentionedMembers(rest));
    // The round's intro shows its deadline and progress (and, reopened, its buttons again).
    rt.progress.answered(round, client);
    await ephemeral(respond, escapeMrkdwn(text));
  };

function messageParts(text: string): string[] {
  const parts: string[] = [];
  for (const line of text.split('\n')) {
    const last = parts.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= limits.messageText) parts[parts.length - 1] = `${last}\n${line}`;
    else parts.push(line);
  }
  return parts;
}

const inChannel = (command: SlashCommand) => command.channel_id.startsWith('C') || command.channel_id.startsWith('G');

async function formMetadata(rt: SlackRuntime, client: WebClient, teamId: string, command: SlashCommand): Promise<StartFormMetadata> {
  const user = await rt.directory.user(client, teamId, command.user_id);
  return { channelId: command.channel_id, responseUrl: command.response_url, timeZone: user?.timeZone ?? 'UTC' };
}

const handlers: Record<ParsedCommand['verb'], Handler> = {
  async help({ respond, locale, parsed }) {
    // The list outgrew one Slack message (3,000 characters): it comes in as many as it needs, whole lines each.
    for (const part of messageParts(helpText(locale, parsed.unknown))) await ephemeral(respond, part);
  },

  async start({ rt, command, client, respond, locale, teamId, actor }) {
    if (!inChannel(command)) return ephemeral(respond, translator(locale)('slack.start.noChannel'));
    await openStartForm(rt, client, command.trigger_id, locale, await formMetadata(rt, client, teamId, command), actor);
  },

  async settings({ rt, respond, locale, actor, parsed }) {
    const lines = await settingsCommandText(rt.ctx, actor, parsed.args, locale);
    await ephemeral(respond, lines.map(escapeMrkdwn).join('\n'));
  },

  async schedule({ rt, command, client, respond, locale, teamId, actor, parsed }) {
    if (parsed.args.length > 0) return ephemeral(respond, await scheduleCommandText(rt, actor, parsed.args, locale));
    if (!inChannel(command)) return ephemeral(respond, translator(locale)('coord.schedule.noChannel'));
    await openScheduleForm(rt, client, command.trigger_id, locale, await formMetadata(rt, client, teamId, command), actor);
  },

  async report(call) {
    const t = translator(call.locale);
    const base = publicBaseUrl(call.rt.config);
    if (!base) return ephemeral(call.respond, t('report.noPublicUrl'));
    const round = await roundForChannel(call.rt.ctx, call.actor, call.command.channel_id, roundArg(call), true);
    const { token, hours } = await issueReportLink(call.rt.ctx, call.actor, round.id, call.locale);
    await ephemeral(
      call.respond,
      `${t('report.linkIntro', { name: escapeMrkdwn(round.name), hours })}\n<${reportUrl(base, token)}|${t('report.open')}>`,
    );
  },

  async status(call) {
    const round = await roundForChannel(call.rt.ctx, call.actor, call.command.channel_id, roundArg(call), true);
    const { progress } = await roundProgress(call.rt.ctx, call.actor, round.id);
    const details = isCoordinator(call.actor, round) ? await coordinatorStatusLines(call.rt.ctx, call.actor, round, call.locale) : [];
    await ephemeral(call.respond, [statusText(round, progress, call.locale), ...details.map(escapeMrkdwn)].join('\n'));
  },

  async list({ rt, actor, command, respond, locale }) {
    const rounds = await listRounds(rt.ctx, actor, { channelId: command.channel_id, limit: 10 });
    const items = await Promise.all(
      rounds.map(async (round) => ({
        round,
        progress: await progressOf(rt.ctx, round),
      })),
    );
    await ephemeral(respond, listText(items, locale));
  },

  async frameworks({ rt, respond, locale, actor, parsed }) {
    const lines = await frameworksCommandLines(rt.ctx, actor, parsed.args, locale);
    if (lines) return ephemeral(respond, lines.map(escapeMrkdwn).join('\n'));
    await ephemeral(respond, frameworksText(await workspaceFrameworks(rt.ctx, actor.tenantId), locale));
  },

  async 'my-data'({ rt, actor, locale, client, respond }) {
    await sendMyData(rt, client, actor, locale, respond);
  },

  async 'forget-me'({ rt, actor, locale, respond }) {
    await askToForget(rt, actor, locale, respond);
  },

  async mine(call) {
    const round = await roundForChannel(call.rt.ctx, call.actor, call.command.channel_id, roundArg(call), true);
    const { responses } = await myAnswers(call.rt.ctx, call.actor, round.id);
    await ephemeral(call.respond, mineText(round, responses, call.locale));
  },

  async summary(call) {
    const found = await roundForChannel(call.rt.ctx, call.actor, call.command.channel_id, roundArg(call), true);
    const { round, summary, interim } = await roundSummary(call.rt.ctx, call.actor, found.id);
    for (const message of renderSummaryMessages(round, summary, call.locale, interim)) await ephemeral(call.respond, message);
  },

  async remind(call) {
    const round = await roundForChannel(call.rt.ctx, call.actor, call.command.channel_id, roundArg(call), true);
    await ephemeral(call.respond, remindNowText(await remindNow(call.rt.ctx, call.actor, round.id), call.locale));
  },

  async close(call) {
    const { rt, actor } = call;
    const t = translator(call.locale);
    const found = await roundForChannel(rt.ctx, actor, call.command.channel_id, roundArg(call), true);
    const post = (round: Round, summary: Summary) => postSummary(rt.ctx, call.client, round, summary, rt.logger);
    const { round, summaryPost } = await closeRound(rt.ctx, actor, found.id, post);
    await ephemeral(call.respond, t(summaryPost.state === 'posted' ? 'slack.close.closed' : 'slack.close.already', { name: round.name }));
  },

  async cancel(call) {
    const { rt, actor } = call;
    const found = await roundForChannel(rt.ctx, actor, call.command.channel_id, roundArg(call), true);
    const { round, firstCancel } = await cancelRound(rt.ctx, actor, found.id);
    if (firstCancel) await retireRound(rt.ctx, call.client, round, rt.logger);
    await ephemeral(
      call.respond,
      translator(call.locale)(firstCancel ? 'slack.cancel.cancelled' : 'slack.cancel.already', { name: round.name }),
    );
  },

  async units({ rt, actor, command, respond, locale }) {
    const [structure, channelUnit] = await Promise.all([unitStructure(rt.ctx, actor), unitOfChannel(rt.ctx, actor, command.channel_id)]);
    await ephemeral(respond, escapeMrkdwn(unitsLines(structure, channelUnit, locale).join('\n')));
  },

  async unit({ rt, actor, command, respond, locale, parsed }) {
    const t = translator(locale);
    const unitId = parsed.args[0];
    if (!unitId) return ephemeral(respond, t('method.units.missingId'));
    const unit = await assignChannelToUnit(rt.ctx, actor, command.channel_id, unitId);
    await ephemeral(respond, escapeMrkdwn(t('method.units.assigned', { name: unit.name, level: unit.level })));
  },

  async compare({ rt, actor, respond, locale, parsed }) {
    const t = translator(locale);
    const result = await compareFromWords(rt.ctx, actor, parsed.args);
    if (result.kind === 'noFramework') return ephemeral(respond, t('method.compare.noFramework'));
    const text = escapeMrkdwn(comparisonLines(result.rollup, result.framework, locale).join('\n'));
    const base = publicBaseUrl(rt.config);
    if (!base) return ephemeral(respond, text);
    const { token, hours } = await issueComparisonLink(rt.ctx, actor, result.input, locale);
    await ephemeral(
      respond,
      `${text}\n\n${t('report.compare.linkIntro', { hours })}\n<${comparisonUrl(base, token)}|${t('report.compare.open')}>`,
    );
  },

  async trend({ rt, actor, command, client, respond, locale, parsed }) {
    const result = await trendFromWords(rt.ctx, actor, command.channel_id, parsed.args);
    if (result.kind === 'noFramework') return ephemeral(respond, translator(locale)('method.trend.noFramework'));
    await ephemeral(respond, escapeMrkdwn(trendLines(result.trend, result.framework, locale).join('\n')));
    await sendTrendChart(rt, client, command.user_id, result, locale, respond);
  },
  async intervision({ rt, command, client, respond, locale, teamId }) {
    if (!inChannel(command)) return ephemeral(respond, translator(locale)('intervision.noChannel'));
    await openIntervisionForm(client, command.trigger_id, locale, await formMetadata(rt, client, teamId, command));
  },
  deadline: manage((call, round) => deadlineChat(call, round)),
  participants: manage((call, round, members) => peopleChat(call, round, 'participants', members)),
  coordinators: manage((call, round, members) => peopleChat(call, round, 'coordinators', members)),
  reopen: manage((call, round) => reopenChat(call, round), true),
  async export({ rt, client, actor, command, parsed, locale, respond }) {
    await exportRoundFiles({ rt, client, actor, channelId: command.channel_id, args: parsed.args, locale, respond });
  },

  async copy(call) {
    const t = translator(call.locale);
    const { rt, actor, command } = call;
    const roundId = roundArg(call);
    if (!roundId || !inChannel(command)) return ephemeral(call.respond, t('manage.copy.usage'));
    const members = await channelHumans(rt, call.client, call.teamId, command.channel_id, call.botUserId);
    if (members === NOT_IN_CHANNEL) return ephemeral(call.respond, t('slack.start.notInChannel', { channel: command.channel_id }));
    const round = await copyRound(
      rt.ctx,
      actor,
      roundId,
      { platform: 'slack', tenantId: actor.tenantId, channelId: command.channel_id },
      members,
    );
    await postRound(rt.ctx, call.client, round);
    await ephemeral(
      call.respond,
      escapeMrkdwn(t('manage.copy.done', { name: round.name, id: round.id, count: round.participants.length })),
    );
  },

  async later(call) {
    const { rt, command, client, respond, locale, teamId, actor } = call;
    const t = translator(locale);
    if (!inChannel(command)) return ephemeral(respond, t('slack.start.noChannel'));
    const metadata = await formMetadata(rt, client, teamId, command);
    const startAt = parseWhen(call.parsed.args, metadata.timeZone, rt.ctx.clock.now());
    if (!startAt) return ephemeral(respond, t('manage.later.usage'));
    if (startAt.getTime() <= rt.ctx.clock.now().getTime()) {
      throw new SpiegelError('deadline.past', 'start in the past', { deadline: startAt.toISOString() });
    }
    await openStartForm(rt, client, command.trigger_id, locale, { ...metadata, startAt: startAt.toISOString() }, actor);
  },

  async followup({ rt, actor, command, client, teamId, respond, locale, parsed }) {
    const started = await followUpFromWords(rt.ctx, actor, command.channel_id, parsed.args);
    const timeZone = (await rt.directory.user(client, teamId, command.user_id))?.timeZone ?? 'UTC';
    const text = await announceFollowUp({ ctx: rt.ctx, actor, notifier: rt.notifier, logger: rt.logger, locale, timeZone }, started);
    await ephemeral(respond, escapeMrkdwn(text));
  },

  cases: mediation(casesChat),
  audit: mediation(auditChat),
  licence: mediation(licenceChat),
};

export function registerCommands(app: App, rt: SlackRuntime): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client, context, body }) => {
    await ack();
    const teamId = teamOf(context, body);
    const actor = await withStoredAdmins(rt.ctx, actorFor(teamId, command.user_id, rt.config.SPIEGEL_ADMINS));
    const locale = await rt.directory.localeOf(client, teamId, command.user_id);
    const parsed = parseCommand(command.text);
    try {
      await handlers[parsed.verb]({ rt, command, parsed, actor, teamId, locale, client, respond, botUserId: context.botUserId });
    } catch (error) {
      await ephemeral(respond, refusal(error, locale, rt.logger));
    }
  });
}
