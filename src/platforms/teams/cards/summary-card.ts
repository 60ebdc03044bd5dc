/**
 * A round's summary as Adaptive Cards, with the same content as Slack's: response rate, strengths, gaps,
 * discussion points with their (anonymous) comments, and the median and class of every criterion per
 * component. A summary too large for one Teams message continues on further cards.
 */
import type { Locale } from '../../../domain/framework.js';
import type { Round } from '../../../domain/round.js';
import type { Summary } from '../../../domain/summary-types.js';
import { translator } from '../../../i18n/translator.js';
import { buildSummaryView } from '../../../presentation/summary-view.js';
import { verbs } from '../ids.js';
import {
  adaptiveCard,
  attention,
  bullets,
  cardBytes,
  container,
  execute,
  heading,
  MAX_CARD_BYTES,
  plain,
  subtle,
  textBlock,
  truncate,
  type AdaptiveCardJson,
  type CardElement,
} from './elements.js';

/** Comments shown per discussion point; the rest are in the export. */
const MAX_COMMENTS_PER_POINT = 8;
/** A comment longer than this is cut in the summary (the export has it whole). */
const MAX_COMMENT_CHARS = 600;
/** Answers shown per open question; the rest are in the export. */
const MAX_OPEN_ANSWERS_SHOWN = 20;

function section(title: string, items: readonly string[], none: string): CardElement {
  return container([textBlock(title, { weight: 'Bolder', size: 'Medium' }), items.length > 0 ? bullets(items.map(plain)) : subtle(none)], {
    spacing: 'Medium',
  });
}

/** The summary's chart as an image the Teams client fetches (a signed, expiring link to our server). */
export interface SummaryChart {
  url: string;
  alt: string;
}

export function renderSummaryCards(
  round: Round,
  summary: Summary,
  locale: Locale,
  interim: boolean,
  chart?: SummaryChart,
): AdaptiveCardJson[] {
  const t = translator(locale);
  const view = buildSummaryView(round, summary, locale, interim);
  const groups: CardElement[] = [];
  groups.push(
    container([
      heading(plain(view.title)),
      ...(interim ? [attention(view.labels.interim)] : []),
      textBlock(view.responseRate, { weight: 'Bolder' }),
      ...(chart ? [{ type: 'Image', url: chart.url, altText: chart.alt, size: 'Stretch' }] : []),
    ]),
  );
  if (view.convergence) {
    const { title, lines, next } = view.convergence;
    groups.push(
      container([textBlock(plain(title), { weight: 'Bolder', size: 'Medium' }), bullets(lines.map(plain)), textBlock(plain(next))], {
        spacing: 'Medium',
      }),
    );
  }
  if (view.canFollowUp) {
    groups.push({ type: 'ActionSet', actions: [execute(view.labels.followUp, verbs.followUp, { r: round.id })] });
  }
  groups.push(section(view.labels.strengths, view.strengths, view.labels.none));
  groups.push(section(view.labels.gaps, view.gaps, view.labels.none));

  groups.push(
    container(
      [
        textBlock(view.labels.discussion, { weight: 'Bolder', size: 'Medium' }),
        ...(view.discussion.length === 0 ? [subtle(view.labels.none)] : []),
      ],
      {
        separator: true,
        spacing: 'Large',
      },
    ),
  );
  for (const point of view.discussion) {
    const comments = point.comments.slice(0, MAX_COMMENTS_PER_POINT).map((c) => `“${truncate(c, MAX_COMMENT_CHARS)}”`);
    groups.push(
      container([
        textBlock(plain(point.title), { weight: 'Bolder' }),
        textBlock(point.reasons, { isSubtle: true, spacing: 'None' }),
        ...(comments.length > 0 ? [bullets(comments.map(plain))] : []),
      ]),
    );
  }

  if (view.openQuestions.length > 0) {
    groups.push(
      container([textBlock(view.labels.openQuestions, { weight: 'Bolder', size: 'Medium' })], { separator: true, spacing: 'Large' }),
    );
  }
  for (const question of view.openQuestions) {
    const shown = question.answers.slice(0, MAX_OPEN_ANSWERS_SHOWN).map((a) => `“${truncate(a, MAX_COMMENT_CHARS)}”`);
    const more = question.answers.length - shown.length;
    groups.push(
      container([
        textBlock(plain(question.title), { weight: 'Bolder' }),
        textBlock(question.note, { isSubtle: true, spacing: 'None' }),
        ...(shown.length > 0 ? [bullets(shown.map(plain))] : []),
        ...(more > 0 ? [subtle(t('open.summary.more', { count: more }))] : []),
      ]),
    );
  }
  for (const group of view.groups) groups.push(section(group.title, group.lines, view.labels.none));
  groups.push(container([textBlock(view.labels.criteria, { weight: 'Bolder', size: 'Medium' })], { separator: true, spacing: 'Large' }));
  for (const component of view.components) {
    groups.push(
      container([
        textBlock(plain(component.title), { weight: 'Bolder', color: 'Accent' }),
        bullets(component.items.map((item) => `${plain(item.text)}: ${item.detail}`)),
      ]),
    );
  }
  return packGroups(groups, subtle(t('teams.summary.continued', { title: plain(view.title) })));
}

/** Groups in order on as few cards as fit MAX_CARD_BYTES; every card after the first starts with `continued`. */
function packGroups(groups: CardElement[], continued: CardElement): AdaptiveCardJson[] {
  const cards: AdaptiveCardJson[] = [];
  let body: CardElement[] = [];
  for (const group of groups) {
    const candidate = [...body, group];
    if (body.length > 0 && cardBytes(adaptiveCard(candidate)) > MAX_CARD_BYTES) {
      cards.push(adaptiveCard(body));
      body = [continued, group];
    } else {
      body = candidate;
    }
  }
  if (body.length > 0) cards.push(adaptiveCard(body));
  return cards;
}
