/** The ephemeral answers to commands and clicks, as mrkdwn texts in the reader's language. Pure. */
import type { Locale } from '../../../domain/framework.js';
import type { FrameworkEntry } from '../../../domain/workspace-framework.js';
import type { Response, Round } from '../../../domain/round.js';
import { translator } from '../../../i18n/translator.js';
import { commandVerbs, managementVerbs, methodVerbs } from '../../../presentation/commands.js';
import { escapeMrkdwn } from './limits.js';
import { criterionNameMrkdwn, dimensionText, progressText, quote, slackDate, type ProgressCount } from './round-format.js';
import { answerLabel } from '../../../presentation/answer-texts.js';

export function helpText(locale: Locale, unknownWord?: string): string {
  const t = translator(locale);
  const lines = [
    ...commandVerbs.map((verb) => t(`slack.help.${verb}`)),
    ...methodVerbs.map((verb) => t(`method.help.${verb}`, { command: '`/reflect ' }).replace(':', '`:')),
    ...managementVerbs.map((verb) => t(`manage.help.${verb}`, { command: '`/reflect ' }).replace(':', '`:')),
  ];
  return [
    ...(unknownWord ? [t('slack.help.unknown', { word: escapeMrkdwn(unknownWord) })] : []),
    t('slack.help.title'),
    ...lines,
    t('slack.help.roundId'),
  ].join('\n');
}

export function statusText(round: Round, progress: ProgressCount, locale: Locale): string {
  const t = translator(locale);
  const line = t('slack.status.line', {
    name: escapeMrkdwn(round.name),
    state: t(`state.${round.state}`),
    progress: progressText(t, progress),
  });
  return round.deadline && round.state === 'open'
    ? `${line}\n${t('slack.status.deadline', { deadline: slackDate(round.deadline, locale) })}`
    : line;
}

export function listText(items: { round: Round; progress: ProgressCount }[], locale: Locale): string {
  const t = translator(locale);
  if (items.length === 0) return t('slack.list.none');
  const lines = items.map(({ round, progress }) =>
    t('slack.list.line', {
      name: escapeMrkdwn(round.name),
      state: t(`state.${round.state}`),
      progress: progressText(t, progress),
      id: round.id,
    }),
  );
  return [t('slack.list.title'), ...lines].join('\n');
}

export function frameworksText(entries: readonly FrameworkEntry[], locale: Locale): string {
  const t = translator(locale);
  const lines = entries.map(({ framework: f, revision }) => {
    const dimensions =
      f.dimensions.length > 0
        ? t('slack.frameworks.dimensions', { dimensions: f.dimensions.map((d) => d.label[locale].toLowerCase()).join(', ') })
        : '';
    return (
      t('slack.frameworks.line', {
        title: escapeMrkdwn(f.title[locale]),
        id: f.id,
        version: f.version,
        criteria: f.criteria.length,
        components: f.components.length,
      }) +
      escapeMrkdwn(dimensions) +
      (revision === null ? '' : t('fw.workspaceMark', { revision }))
    );
  });
  return [t('slack.frameworks.title'), ...lines, t('fw.usage')].join('\n');
}

/** One answer: "criterion (dimension)". */
function answerName(round: Round, answer: Pick<Response, 'criterionId' | 'dimension'>, locale: Locale): string {
  const dimension = dimensionText(round, answer.dimension, locale);
  const criterion = criterionNameMrkdwn(round, answer.criterionId, locale);
  return dimension ? `${criterion} (${escapeMrkdwn(dimension.toLowerCase())})` : criterion;
}

export function mineText(round: Round, answers: readonly Response[], locale: Locale): string {
  const t = translator(locale);
  if (answers.length === 0) return t('slack.mine.none', { name: escapeMrkdwn(round.name) });
  const order = new Map(round.framework.criteria.map((c, i) => [c.id, i]));
  const sorted = [...answers].sort(
    (a, b) => (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0) || a.dimension.localeCompare(b.dimension),
  );
  const lines = sorted.flatMap((a) => [
    t('slack.mine.line', { criterion: answerName(round, a, locale), answer: escapeMrkdwn(answerLabel(round, a.value, locale)) }),
    ...(a.comment ? [quote(a.comment)] : []),
  ]);
  return [t('slack.mine.title', { name: escapeMrkdwn(round.name) }), ...lines].join('\n');
}

/** The confirmation of a rating click: the member's answer as stored, and their comment. */
export function savedText(round: Round, answer: Response, locale: Locale): string {
  const t = translator(locale);
  const dimension = dimensionText(round, answer.dimension, locale);
  const vars = {
    criterion: criterionNameMrkdwn(round, answer.criterionId, locale),
    answer: escapeMrkdwn(answerLabel(round, answer.value, locale)),
  };
  const first = dimension
    ? t('slack.saved.answerDimension', { ...vars, dimension: escapeMrkdwn(dimension.toLowerCase()) })
    : t('slack.saved.answer', vars);
  return [first, answer.comment ? t('slack.saved.comment', { comment: `\n${quote(answer.comment)}` }) : t('slack.saved.addComment')].join(
    '\n',
  );
}
