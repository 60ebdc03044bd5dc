/**
 * Starting a round from Slack: `/reflect start` opens the form; its submission is checked before the
 * acknowledgement (so mistakes show beside their field), then the round opens and its messages are posted.
 */
import type { Actor } from '../../app/actor.js';
import { buildRound, cancelRound, openRound } from '../../app/rounds.js';
import { frameworkChoices } from '../../app/tenant-frameworks.js';
import { isSpiegelError, SpiegelError } from '../../domain/errors.js';
import { formFields } from '../../presentation/schedule-form.js';
import { scalePoints, type Framework, type Locale } from '../../domain/framework.js';
import type { Place } from '../../domain/round.js';
import { translator } from '../../i18n/translator.js';
import { errorText } from '../../presentation/error-text.js';
import { startFormSchema, startFormToRoundInput, zonedTimeToUtc, type StartForm } from '../../presentation/start-form.js';
import { frameworkBlockId, renderStartForm, type StartFormMetadata } from './blocks/start-form.js';
import { actionIds, startBlockIds } from './ids.js';
import { postRound } from './announce.js';
import { planRound } from '../../app/round-plans.js';
import { formatInstant } from '../../presentation/schedule-texts.js';
import { ephemeralTo, refusal } from './reply.js';
import type { SlackRuntime } from './runtime.js';
import { isSlackError, type WebClient } from './web-api.js';
import { element, type StateValues } from './view-state.js';
import { inputInvalid } from '../../domain/input-problems.js';

/** Channels larger than this are not checked member by member for bots (users.info each). */
const MAX_MEMBERS_CHECKED_FOR_BOTS = 200;

export async function openStartForm(
  rt: SlackRuntime,
  client: WebClient,
  triggerId: string,
  locale: Locale,
  metadata: StartFormMetadata,
  actor: Pick<Actor, 'tenantId'>,
): Promise<void> {
  const frameworks = await frameworkChoices(rt.ctx, actor);
  const view = renderStartForm({ locale, frameworks, frameworkId: frameworks[0]?.id ?? '', metadata });
  await client.views.open({ trigger_id: triggerId, view });
}

export function parseMetadata(text: string): StartFormMetadata | null {
  try {
    const m = JSON.parse(text) as Partial<StartFormMetadata>;
    if (typeof m.channelId !== 'string' || typeof m.responseUrl !== 'string' || typeof m.timeZone !== 'string') return null;
    const startAt = typeof m.startAt === 'string' && !Number.isNaN(Date.parse(m.startAt)) ? { startAt: m.startAt } : {};
    return { channelId: m.channelId, responseUrl: m.responseUrl, timeZone: m.timeZone, ...startAt };
  } catch {
    return null;
  }
}

/** The start form again, for the framework just chosen (its criteria, dimensions and scale). */
export async function refreshStartForm(
  rt: SlackRuntime,
  client: WebClient,
  view: { id: string; hash: string; private_metadata: string },
  frameworkId: string,
  locale: Locale,
  actor: Pick<Actor, 'tenantId'>,
): Promise<void> {
  const metadata = parseMetadata(view.private_metadata);
  if (!metadata) return;
  const frameworks = await frameworkChoices(rt.ctx, actor);
  await client.views.update({ view_id: view.id, hash: view.hash, view: renderStartForm({ locale, frameworks, frameworkId, metadata }) });
}

/** Reads the form into the shared start-form shape; framework-bound inputs count only for the chosen framework. */
export function readStartForm(values: StateValues, metadata: StartFormMetadata, hasDimensions: (frameworkId: string) => boolean): unknown {
  const frameworkId = element(values, startBlockIds.framework, actionIds.startFramework).selected_option?.value ?? '';
  const target = element(values, frameworkBlockId(startBlockIds.target, frameworkId)).value;
  const k = element(values, startBlockIds.k).value;
  const anonymous = (element(values, startBlockIds.options).selected_options ?? []).some((o) => o.value === 'anonymous');
  const dimensions = element(values, frameworkBlockId(startBlockIds.dimensions, frameworkId)).selected_options;
  return {
    frameworkId,
    name: element(values, startBlockIds.name).value ?? undefined,
    criterionIds: (element(values, frameworkBlockId(startBlockIds.criteria, frameworkId)).selected_options ?? []).map((o) => o.value),
    perspectives: (element(values, frameworkBlockId(startBlockIds.perspectives, frameworkId)).selected_options ?? []).map((o) => o.value),
    participants: element(values, startBlockIds.participants).selected_users ?? [],
    deadlineDate: element(values, startBlockIds.deadlineDate).selected_date ?? undefined,
    deadlineTime: element(values, startBlockIds.deadlineTime).selected_time ?? undefined,
    timeZone: metadata.timeZone,
    anonymous,
    ...(hasDimensions(frameworkId) ? { dimensionIds: (dimensions ?? []).map((o) => o.value) } : {}),
    locale: element(values, startBlockIds.language).selected_option?.value,
    ...(target !== undefined && target !== null && target !== '' ? { targetScore: Number(target) } : {}),
    ...(k !== undefined && k !== null && k !== '' ? { anonymityThreshold: Number(k) } : {}),
  };
}

export type StartCheck = { ok: true; form: StartForm } | { ok: false; errors: Record<string, string> };

/** Everything that can be checked before the acknowledgement, with each problem next to its field. */
export function checkStartForm(
  rt: SlackRuntime,
  actor: Actor,
  place: Place,
  raw: unknown,
  locale: Locale,
  frameworks: readonly Framework[],
): StartCheck {
  const t = translator(locale);
  const parsed = startFormSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: { [startBlockIds.framework]: errorText(inputInvalid('formFields', { fields: formFields(parsed.error) }), locale) },
    };
  }
  const form = parsed.data;
  const errors: Record<string, string> = {};
  const framework = frameworks.find((f) => f.id === form.frameworkId);
  if (!framework) {
    const unknown = new SpiegelError('framework.unknown', form.frameworkId, { id: form.frameworkId });
    return { ok: false, errors: { [startBlockIds.framework]: errorText(unknown, locale) } };
  }
  if (form.targetScore !== undefined) {
    const points = scalePoints(framework.scale);
    const [min, max] = [points[0] ?? 0, points[points.length - 1] ?? 0];
    if (!(form.targetScore >= min && form.targetScore <= max))
      errors[frameworkBlockId(startBlockIds.target, framework.id)] = t('slack.start.targetRange', { min, max });
  }
  if (form.deadlineDate) {
    let deadline: Date | null;
    try {
      deadline = zonedTimeToUtc(form.deadlineDate, form.deadlineTime ?? '17:00', form.timeZone);
    } catch {
      deadline = null;
    }
    if (!deadline || !(deadline.getTime() > rt.ctx.clock.now().getTime()))
      errors[startBlockIds.deadlineDate] = t('slack.start.deadlinePast');
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  try {
    buildRound(rt.ctx, actor, startFormToRoundInput(form, place, [actor.userId]), framework);
  } catch (error) {
    const tooFew = isSpiegelError(error, 'round.tooFewForAnonymity');
    const blockId = tooFew
      ? startBlockIds.participants
      : isSpiegelError(error, 'round.thresholdTooLow')
        ? startBlockIds.k
        : startBlockIds.framework;
    // Without chosen participants the channel's members take part: they are counted after the acknowledgement.
    if (!(tooFew && form.participants.length === 0)) {
      return { ok: false, errors: { [blockId]: refusal(error, locale, rt.logger) } };
    }
  }
  return { ok: true, form };
}

/** Every member of the channel (paginated); throws Slack's error when the bot cannot see the channel. */
async function channelMembers(client: WebClient, channel: string): Promise<string[]> {
  const members: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
    members.push(...(page.members ?? []));
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return members;
}

async function humans(rt: SlackRuntime, client: WebClient, teamId: string, members: string[]): Promise<string[]> {
  if (members.length > MAX_MEMBERS_CHECKED_FOR_BOTS) return members;
  const kept: string[] = [];
  for (let i = 0; i < members.length; i += 8) {
    const batch = members.slice(i, i + 8);
    const users = await Promise.all(batch.map((m) => rt.directory.user(client, teamId, m)));
    batch.forEach((m, j) => {
      if (!users[j]?.isBot) kept.push(m);
    });
  }
  return kept;
}

export const NOT_IN_CHANNEL = Symbol('not in channel');

/** The channel's people (bots left out), or NOT_IN_CHANNEL when the bot is not a member of it. */
export async function channelHumans(
  rt: SlackRuntime,
  client: WebClient,
  teamId: string,
  channelId: string,
  botUserId: string | undefined,
): Promise<string[] | typeof NOT_IN_CHANNEL> {
  let members: string[];
  try {
    members = await channelMembers(client, channelId);
  } catch (error) {
    if (!isSlackError(error, 'channel_not_found', 'not_in_channel', 'missing_scope')) throw error;
    members = [];
  }
  if (botUserId && !members.includes(botUserId)) return NOT_IN_CHANNEL;
  return humans(
    rt,
    client,
    teamId,
    members.filter((m) => m !== botUserId),
  );
}

/** After the acknowledgement: opens the round, posts its messages, and tells the member how it went. */
export async function startRound(
  rt: SlackRuntime,
  client: WebClient,
  args: { actor: Actor; teamId: string; botUserId: string | undefined; form: StartForm; metadata: StartFormMetadata; locale: Locale },
): Promise<void> {
  const { actor, teamId, botUserId, form, metadata, locale } = args;
  const t = translator(locale);
  const place: Place = { platform: 'slack', tenantId: actor.tenantId, channelId: metadata.channelId };
  const tell = (text: string) =>
    ephemeralTo(metadata.responseUrl, text).catch((error: unknown) => {
      rt.logger.warn({ err: error }, 'could not answer the start form');
    });
  const members = await channelHumans(rt, client, teamId, metadata.channelId, botUserId);
  if (members === NOT_IN_CHANNEL) return tell(t('slack.start.notInChannel', { channel: metadata.channelId }));
  const participants = form.participants.length > 0 ? form.participants : members;
  const input = startFormToRoundInput(form, place, participants);
  if (metadata.startAt) {
    const startAt = new Date(metadata.startAt);
    const planned = await planRound(rt.ctx, actor, input, startAt).catch((error: unknown) => refusal(error, locale, rt.logger));
    if (typeof planned === 'string') return tell(planned);
    const when = formatInstant(startAt, locale, metadata.timeZone);
    return tell(t('manage.later.planned', { name: planned.name, id: planned.id, when, count: planned.participants.length }));
  }
  let round;
  try {
    round = await openRound(rt.ctx, actor, input);
  } catch (error) {
    return tell(refusal(error, locale, rt.logger));
  }
  try {
    await postRound(rt.ctx, client, round);
  } catch (error) {
    rt.logger.warn({ err: error, roundId: round.id }, 'could not post the round; cancelling it');
    await cancelRound(rt.ctx, actor, round.id).catch(() => {});
    return tell(
      isSlackError(error, 'not_in_channel', 'channel_not_found') ? t('slack.errors.notInChannel') : refusal(error, locale, rt.logger),
    );
  }
  await tell(t('slack.start.started', { name: round.name, count: round.participants.length }));
}
