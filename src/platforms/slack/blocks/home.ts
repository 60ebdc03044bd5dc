/** The App Home tab: my open rounds with my progress and a button to continue; the rounds I coordinate. */
import type { types } from '@slack/bolt';
import { locales, type Locale } from '../../../domain/framework.js';
import { translator, type Translate } from '../../../i18n/translator.js';
import { recurrenceSummary } from '../../../presentation/recurrence-texts.js';
import { settingsLines } from '../../../presentation/settings-text.js';
import type { WorkspaceSettings } from '../../../domain/scheduling.js';
import { actionIds } from '../ids.js';
import { button, context, escapeMrkdwn, header, limits, option, plain, section } from './limits.js';
import { progressText, slackDate } from './round-format.js';
import { type RecurrenceAction, type RecurrenceView } from '../../../domain/recurrence.js';
import type { OverviewRound } from '../../../app/member-overview.js';

export interface HomeInput {
  locale: Locale;
  participating: OverviewRound[];
  coordinating: OverviewRound[];
  /** The recurring rounds the viewer may manage. */
  schedules?: RecurrenceView[];
  /** Set for admins: the workspace settings, which they may change here. */
  settings?: WorkspaceSettings;
  /** Set for admins: the workspace's default language, which they may change here. */
  workspaceLocale?: Locale;
}

/** Rounds listed per section; a home view holds at most 100 blocks. */
const MAX_ROUNDS = 20;

function roundLine(t: Translate, locale: Locale, item: OverviewRound): string {
  const deadline = item.round.deadline ? slackDate(item.round.deadline, locale) : t('slack.intro.noDeadline');
  const progress = [progressText(t, item.progress), ...(item.mine ? [t('slack.home.yourProgress', item.mine)] : [])].join(' · ');
  return t('slack.home.line', { name: escapeMrkdwn(item.round.name), channel: item.round.place.channelId, progress, deadline });
}

function scheduleBlocks(t: Translate, locale: Locale, schedules: RecurrenceView[]): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [{ type: 'divider' }, section(`*${t('coord.schedule.listTitle')}*`)];
  if (schedules.length === 0) blocks.push(context(t('coord.schedule.none')));
  for (const view of schedules.slice(0, MAX_ROUNDS)) {
    const { id, pausedAt } = view.recurrence;
    const { title, detail } = recurrenceSummary(view, locale);
    const toggle: RecurrenceAction = pausedAt ? 'resume' : 'pause';
    blocks.push(section(`*${escapeMrkdwn(title)}* <#${view.recurrence.place.channelId}>\n${escapeMrkdwn(detail)}`, `schedule|${id}`), {
      type: 'actions',
      block_id: `schedule-actions|${id}`,
      elements: [
        button(t(`coord.schedule.${toggle}`), actionIds.recurrence, `${toggle}|${id}`),
        button(t('coord.schedule.delete'), actionIds.recurrence, `delete|${id}`, 'danger'),
      ],
    });
  }
  return blocks;
}

export function renderHomeView({
  locale,
  participating,
  coordinating,
  schedules = [],
  workspaceLocale,
  settings,
}: HomeInput): types.HomeView {
  const t = translator(locale);
  const blocks: types.KnownBlock[] = [header(t('slack.home.title')), context(t('slack.home.intro'))];

  blocks.push(section(`*${t('slack.home.mine')}*`));
  if (participating.length === 0) blocks.push(context(t('slack.home.mineNone')));
  for (const item of participating.slice(0, MAX_ROUNDS)) {
    blocks.push({
      ...section(roundLine(t, locale, item), `mine|${item.round.id}`),
      accessory: button(t('slack.home.continue'), actionIds.continue, item.round.id, 'primary'),
    });
  }

  blocks.push({ type: 'divider' }, section(`*${t('slack.home.coordinating')}*`));
  if (coordinating.length === 0) blocks.push(context(t('slack.home.coordinatingNone')));
  for (const item of coordinating.slice(0, MAX_ROUNDS)) blocks.push(section(roundLine(t, locale, item), `coord|${item.round.id}`));

  blocks.push(...scheduleBlocks(t, locale, schedules));

  if (workspaceLocale) {
    const options = locales.map((l) => option(t(`slack.language.${l}`), l));
    blocks.push(
      { type: 'divider' },
      section(`*${t('slack.home.settings')}*`),
      {
        ...section(t('slack.home.workspaceLanguage'), 'workspace-locale'),
        accessory: {
          type: 'static_select',
          action_id: actionIds.workspaceLocale,
          options,
          initial_option: options.find((o) => o.value === workspaceLocale) ?? options[0],
          placeholder: plain(t('slack.home.workspaceLanguage'), limits.placeholder),
        },
      },
      context(t('slack.home.workspaceLanguageHint')),
    );
  }
  if (settings) {
    blocks.push({
      ...section(settingsLines(settings, locale).map(escapeMrkdwn).join('\n'), 'workspace-settings'),
      accessory: button(t('coord.settings.edit'), actionIds.settings, 'edit'),
    });
  }
  return { type: 'home', blocks: blocks.slice(0, limits.blocksPerView) };
}
