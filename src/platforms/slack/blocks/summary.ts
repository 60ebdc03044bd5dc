/**
 * A round's summary as Block Kit: response rate, strengths, gaps, discussion points with their
 * (anonymous) comments, and the median and class of every criterion, grouped by component.
 * Long summaries become several messages of at most 50 blocks; long lists several sections.
 */
import type { types } from '@slack/bolt';
import type { Locale } from '../../../domain/framework.js';
import type { Round } from '../../../domain/round.js';
import type { Summary } from '../../../domain/summary-types.js';
import { translator } from '../../../i18n/translator.js';
import { buildSummaryView } from '../../../presentation/summary-view.js';
import { actionIds } from '../ids.js';
import { button, chunkGroups, context, escapeMrkdwn, header, limits, packLines, section, truncate } from './limits.js';
import { quote } from './round-format.js';
import type { SlackMessage } from './prompts.js';

/** Comments shown per discussion point; the rest are in the export. */
const MAX_COMMENTS_PER_POINT = 8;
/** Answers shown per open question; the rest are in the export. */
const MAX_OPEN_ANSWERS_SHOWN = 20;

function listSection(title: string, items: string[], none: string): types.KnownBlock[] {
  const lines = items.length > 0 ? items.map((item) => `• ${escapeMrkdwn(item)}`) : [none];
  return packLines([`*${escapeMrkdwn(title)}*`, ...lines]).map((text) => section(text));
}

export function renderSummaryMessages(round: Round, summary: Summary, locale: Locale, interim: boolean): SlackMessage[] {
  const t = translator(locale);
  const view = buildSummaryView(round, summary, locale, interim);
  const groups: types.KnownBlock[][] = [];
  groups.push([header(view.title), ...(interim ? [context(view.labels.interim)] : []), section(escapeMrkdwn(view.responseRate))]);
  if (view.convergence) {
    const { title, lines, next } = view.convergence;
    groups.push(
      packLines([`*${escapeMrkdwn(title)}*`, ...lines.map((l) => `• ${escapeMrkdwn(l)}`), escapeMrkdwn(next)]).map((text) => section(text)),
    );
  }
  if (view.canFollowUp) {
    groups.push([{ type: 'actions', block_id: 'follow-up', elements: [button(view.labels.followUp, actionIds.followUp, round.id)] }]);
  }
  groups.push(listSection(view.labels.strengths, view.strengths, view.labels.none));
  groups.push(listSection(view.labels.gaps, view.gaps, view.labels.none));

  groups.push([
    { type: 'divider' },
    section(`*${escapeMrkdwn(view.labels.discussion)}*${view.discussion.length === 0 ? `\n${view.labels.none}` : ''}`),
  ]);
  for (const point of view.discussion) {
    const comments = point.comments.slice(0, MAX_COMMENTS_PER_POINT).map(quote);
    const lines = [`*${escapeMrkdwn(point.title)}*`, `_${escapeMrkdwn(point.reasons)}_`, ...comments];
    groups.push(packLines(lines).map((text) => section(text)));
  }

  if (view.openQuestions.length > 0) groups.push([{ type: 'divider' }, section(`*${escapeMrkdwn(view.labels.openQuestions)}*`)]);
  for (const question of view.openQuestions) {
    const shown = question.answers.slice(0, MAX_OPEN_ANSWERS_SHOWN).map(quote);
    const more = question.answers.length - shown.length;
    const lines = [`*${escapeMrkdwn(question.title)}*`, `_${escapeMrkdwn(question.note)}_`, ...shown];
    if (more > 0) lines.push(escapeMrkdwn(t('open.summary.more', { count: more })));
    groups.push(packLines(lines).map((text) => section(text)));
  }

  for (const group of view.groups) groups.push(listSection(group.title, group.lines, view.labels.none));

  groups.push([{ type: 'divider' }, section(`*${escapeMrkdwn(view.labels.criteria)}*`)]);
  for (const component of view.components) {
    const lines = [
      `*${escapeMrkdwn(component.title)}*`,
      ...component.items.map((item) => `• ${escapeMrkdwn(item.text)}: ${escapeMrkdwn(item.detail)}`),
    ];
    groups.push(packLines(lines).map((text) => section(text)));
  }

  const text = truncate(`${view.title}: ${view.responseRate}`, limits.messageText);
  // One block per message is kept free for the "continued" line of the messages after the first.
  return chunkGroups(groups, limits.blocksPerMessage - 1).map((blocks, i) =>
    i === 0 ? { text, blocks } : { text, blocks: [context(escapeMrkdwn(t('slack.summary.continued', { title: view.title }))), ...blocks] },
  );
}
