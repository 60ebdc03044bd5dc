/** The answers to commands, and the reminder, as small cards in the reader's language. Pure. */
import type { Locale } from '../../../domain/framework.js';
import type { FrameworkEntry } from '../../../domain/workspace-framework.js';
import type { Round } from '../../../domain/round.js';
import { translator } from '../../../i18n/translator.js';
import { commandVerbs, managementVerbs, methodVerbs } from '../../../presentation/commands.js';
import { progressText, type ProgressCount } from '../../../presentation/answer-texts.js';
import { reminderText } from '../../../presentation/schedule-texts.js';
import { adaptiveCard, bullets, cardDateTime, plain, subtle, textBlock, type AdaptiveCardJson } from './elements.js';

/** A card with one message (confirmations, refusals). */
export function renderMessageCard(text: string, title?: string): AdaptiveCardJson {
  return adaptiveCard([...(title ? [textBlock(title, { weight: 'Bolder', size: 'Medium' })] : []), textBlock(text)]);
}

/** A message with one button that opens a link (a report page). */
/** A text with one button per link. */
export function renderLinkCard(text: string, links: readonly { title: string; url: string }[]): AdaptiveCardJson {
  return adaptiveCard(
    [textBlock(text)],
    links.map((link) => ({ type: 'Action.OpenUrl', title: link.title, url: link.url })),
  );
}

export function renderHelpCard(locale: Locale, unknownWord?: string): AdaptiveCardJson {
  const t = translator(locale);
  return adaptiveCard([
    ...(unknownWord ? [textBlock(t('teams.help.unknown', { word: plain(unknownWord) }), { color: 'Attention' })] : []),
    textBlock(t('teams.help.title'), { weight: 'Bolder' }),
    bullets([
      ...commandVerbs.map((verb) => t(`teams.help.${verb}`)),
      ...methodVerbs.map((verb) => t(`method.help.${verb}`, { command: '**' }).replace(':', '**:')),
      ...managementVerbs.map((verb) => t(`manage.help.${verb}`, { command: '**' }).replace(':', '**:')),
    ]),
    subtle(t('teams.help.roundId')),
  ]);
}

export function renderStatusCard(round: Round, progress: ProgressCount, locale: Locale): AdaptiveCardJson {
  const t = translator(locale);
  return adaptiveCard([
    textBlock(t('teams.status.line', { name: plain(round.name), state: t(`state.${round.state}`), progress: progressText(t, progress) })),
    ...(round.deadline && round.state === 'open' ? [subtle(t('teams.status.deadline', { deadline: cardDateTime(round.deadline) }))] : []),
  ]);
}

export function renderListCard(
  items: readonly { round: Round; progress: ProgressCount }[],
  locale: Locale,
  scope: 'place' | 'mine',
): AdaptiveCardJson {
  const t = translator(locale);
  if (items.length === 0) return renderMessageCard(t(scope === 'place' ? 'teams.list.none' : 'teams.list.noneMine'));
  const lines = items.map(({ round, progress }) =>
    t('teams.list.line', { name: plain(round.name), state: t(`state.${round.state}`), progress: progressText(t, progress), id: round.id }),
  );
  return adaptiveCard([
    textBlock(t(scope === 'place' ? 'teams.list.title' : 'teams.list.titleMine'), { weight: 'Bolder' }),
    bullets(lines),
  ]);
}

export function renderFrameworksCard(entries: readonly FrameworkEntry[], locale: Locale): AdaptiveCardJson {
  const t = translator(locale);
  const lines = entries.map(({ framework: f, revision }) => {
    const dimensions =
      f.dimensions.length > 0
        ? t('teams.frameworks.dimensions', { dimensions: f.dimensions.map((d) => d.label[locale].toLowerCase()).join(', ') })
        : '';
    return `${t('teams.frameworks.line', { title: plain(f.title[locale]), id: f.id, version: f.version, criteria: f.criteria.length, components: f.components.length })}${dimensions}${revision === null ? '' : t('fw.workspaceMark', { revision })}`;
  });
  return adaptiveCard([textBlock(t('teams.frameworks.title'), { weight: 'Bolder' }), bullets(lines), textBlock(t('fw.usage'))]);
}

/** The reminder in a member's personal chat (the shared wording of src/presentation/schedule-texts.ts); their questions follow it. */
export function renderReminderCard(round: Round, progress: ProgressCount, locale: Locale, timeZone: string): AdaptiveCardJson {
  const t = translator(locale);
  return adaptiveCard([
    textBlock(plain(reminderText(round, progress, { timeZone, locale })), { weight: 'Bolder' }),
    subtle(t('teams.remind.below')),
  ]);
}

/** The heading above a member's own cards in their personal chat (`mine`). */
export function renderMineIntroCard(round: Round, locale: Locale): AdaptiveCardJson {
  const t = translator(locale);
  return adaptiveCard([textBlock(t('teams.mine.intro', { name: plain(round.name) }), { weight: 'Bolder' })]);
}
