/**
 * The messages a round posts in its channel: the intro (with progress) and the criteria with rating
 * buttons, grouped by component and split so that no message holds more than 50 blocks.
 * Pure: round in, Block Kit out. Channel messages are in the round's language.
 */
import type { types } from '@slack/bolt';
import { roundDimensionIds, type Round } from '../../../domain/round.js';
import { translator } from '../../../i18n/translator.js';
import { componentTitle, scaleChoices } from '../../../presentation/round-texts.js';
import { actionIds, encodeCriterionRef, encodeFormTarget, encodeRate } from '../ids.js';
import { partAt } from './form-parts.js';
import { button, context, escapeMrkdwn, header, limits, section, truncate } from './limits.js';
import { criterionMrkdwn, dimensionText, progressText, slackDate, type ProgressCount } from './round-format.js';

export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

export function renderIntroMessage(round: Round, progress: ProgressCount): SlackMessage {
  const locale = round.locale;
  const t = translator(locale);
  const title = t('slack.intro.header', { name: round.name });
  const about = [
    t('slack.intro.framework', { framework: escapeMrkdwn(round.framework.title[locale]), count: round.framework.criteria.length }),
    round.deadline ? t('slack.intro.deadline', { deadline: slackDate(round.deadline, locale) }) : t('slack.intro.noDeadline'),
    round.anonymous ? t('slack.intro.anonymous') : t('slack.intro.private'),
  ];
  const blocks: types.KnownBlock[] = [header(title)];
  if (round.state === 'open') {
    blocks.push(section([...about, t('slack.intro.howTo')].join('\n'), 'intro'));
    blocks.push({ ...context(progressText(t, progress)), block_id: 'progress' });
    blocks.push({
      type: 'actions',
      block_id: 'intro-actions',
      elements: [
        button(t('slack.intro.openForm'), actionIds.continue, round.id, 'primary'),
        button(t('slack.intro.mine'), actionIds.mine, round.id),
      ],
    });
  } else {
    blocks.push(section(about[0] ?? '', 'intro'));
    blocks.push({
      ...context(`${progressText(t, progress)} · ${t(round.state === 'closed' ? 'slack.intro.closed' : 'slack.intro.cancelled')}`),
      block_id: 'progress',
    });
  }
  return { text: truncate(title, limits.messageText), blocks };
}

/** The blocks of one criterion: its text with a comment button, then one row of rating buttons per dimension. */
function criterionBlocks(round: Round, criterionId: string, number: number): types.KnownBlock[] {
  const locale = round.locale;
  const t = translator(locale);
  const criterion = round.framework.criteria.find((c) => c.id === criterionId);
  const help = criterion?.help?.[locale];
  const text = `*${number}.* ${criterionMrkdwn(round, criterionId, locale)}${help ? `\n_${escapeMrkdwn(help)}_` : ''}`;
  const blocks: types.KnownBlock[] = [
    {
      ...section(text, `crit|${criterionId}`),
      accessory: button(t('slack.prompts.comment'), actionIds.comment, encodeCriterionRef(round.id, criterionId)),
    },
  ];
  const dimensions = roundDimensionIds(round);
  const choices = scaleChoices(round, locale);
  for (const dimension of dimensions) {
    if (dimensions.length > 1) {
      blocks.push({
        ...context(`*${escapeMrkdwn(dimensionText(round, dimension, locale))}*`),
        block_id: `dim|${criterionId}|${dimension}`,
      });
    }
    blocks.push({
      type: 'actions',
      block_id: `rate|${criterionId}|${dimension}`,
      elements: choices
        .slice(0, limits.actionsElements)
        .map((choice) =>
          button(
            choice.label,
            `${actionIds.rate}:${choice.value}`,
            encodeRate({ roundId: round.id, criterionId, dimension, value: choice.value }),
          ),
        ),
    });
  }
  return blocks;
}

function componentHeading(round: Round, componentId: string, firstIndex: number, part: number, parts: number): types.KnownBlock {
  const t = translator(round.locale);
  const title = escapeMrkdwn(componentTitle(round, componentId, round.locale));
  const text = parts > 1 ? t('slack.prompts.continued', { title, part, parts }) : title;
  return {
    ...section(`*${text}*`, `comp|${componentId}|${firstIndex}`),
    accessory: button(t('slack.prompts.form'), actionIds.form, encodeFormTarget(partAt(round, componentId, firstIndex))),
  };
}

/**
 * The criteria with their buttons: each component starts with a heading (and a "fill in as a form"
 * button); a component that does not fit in one message continues in the next under a repeated heading.
 */
export function renderPromptMessages(round: Round): SlackMessage[] {
  const t = translator(round.locale);
  const text = truncate(t('slack.prompts.text', { name: round.name }), limits.messageText);
  const max = limits.blocksPerMessage;
  const messages: types.KnownBlock[][] = [];
  let current: types.KnownBlock[] = [];
  let number = 0;
  for (const component of round.framework.components) {
    const ids = round.framework.criteria.filter((c) => c.component === component.id).map((c) => c.id);
    if (ids.length === 0) continue;
    const groups = ids.map((id) => criterionBlocks(round, id, ++number));
    // Where each message's share of this component starts, to number the parts of a split component.
    const starts: { message: number; index: number; at: number }[] = [];
    groups.forEach((group, index) => {
      const needsHeading = index === 0 || current.length === 0;
      const size = group.length + (needsHeading ? 1 : 0);
      if (current.length > 0 && current.length + size > max) {
        messages.push(current);
        current = [];
      }
      if (index === 0 || current.length === 0) {
        starts.push({ message: messages.length, index, at: current.length });
        current.push(section('')); // placeholder, replaced below once the number of parts is known
      }
      current.push(...group);
    });
    const parts = starts.length;
    starts.forEach((start, i) => {
      const heading = componentHeading(round, component.id, start.index, i + 1, parts);
      const target = start.message === messages.length ? current : messages[start.message];
      if (target) target[start.at] = heading;
    });
  }
  if (current.length > 0) messages.push(current);
  return messages.map((blocks) => ({ text, blocks }));
}

/** What a prompt message becomes once the round is closed or cancelled: no more buttons. */
export function renderRetiredPrompt(round: Round): SlackMessage {
  const t = translator(round.locale);
  const text = t('slack.intro.retired', { state: t(`state.${round.state}`) });
  return { text, blocks: [context(text)] };
}
