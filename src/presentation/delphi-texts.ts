/** Delphi follow-ups as plain, localised text: a member's private briefing and a follow-up's convergence. Pure. */
import { STABLE_MOVED_SHARE, type Convergence, type FollowUpBriefing } from '../domain/delphi.js';
import type { Locale } from '../domain/framework.js';
import type { Round } from '../domain/round.js';
import { translator } from '../i18n/translator.js';
import { answerLabel } from './answer-texts.js';
import { formatNumber, itemName } from './round-texts.js';

/** Comments shown per item in a briefing, each at most this long: the rest stays in the summary and the export. */
const BRIEFING_COMMENTS = 5;
const COMMENT_LENGTH = 200;

const clip = (text: string) => (text.length > COMMENT_LENGTH ? `${text.slice(0, COMMENT_LENGTH - 1)}…` : text);

/** The group's answers per item (only items with at least k), the anonymous comments, and the member's own earlier answer. */
export function briefingText({ round, items }: FollowUpBriefing, locale: Locale): string {
  const t = translator(locale);
  const link = round.followUp!;
  const lines = [t('delphi.briefing.title', { iteration: link.iteration, max: link.maxIterations, name: round.name })];
  items.forEach((item, i) => {
    lines.push('', t('delphi.briefing.item', { number: i + 1, criterion: itemName(round, item.criterionId, item.dimension, locale) }));
    if (item.group) {
      const distribution = Object.entries(item.group.distribution)
        .map(([point, count]) => `${point}: ${count}`)
        .join(' · ');
      const { n, median, iqr } = item.group;
      lines.push(t('delphi.briefing.group', { n, distribution, median: formatNumber(median, locale), iqr: formatNumber(iqr, locale, 2) }));
      const comments = item.group.comments.slice(0, BRIEFING_COMMENTS).map((c) => `“${clip(c)}”`);
      if (comments.length > 0) lines.push(t('delphi.briefing.comments', { comments: comments.join(' · ') }));
    } else {
      lines.push(t('delphi.briefing.fewerThanK', { k: round.settings.anonymityThreshold }));
    }
    lines.push(item.own ? t('delphi.briefing.own', { value: answerLabel(round, item.own.value, locale) }) : t('delphi.briefing.ownNone'));
    if (item.own?.comment) lines.push(t('delphi.briefing.ownComment', { comment: clip(item.own.comment) }));
  });
  return lines.join('\n');
}

export interface ConvergenceView {
  title: string;
  lines: string[];
  next: string;
}

/** Per item IQR and rwg before → after and who moved; then whether to stop (agreed, stable, maximum) or go on. */
export function convergenceView(round: Round, convergence: Convergence, locale: Locale): ConvergenceView {
  const t = translator(locale);
  const n = (v: number | null | undefined, digits = 2) => formatNumber(v ?? null, locale, digits);
  const k = round.settings.anonymityThreshold;
  const lines = convergence.items.map((item) =>
    t('delphi.convergence.line', {
      criterion: itemName(round, item.criterionId, item.dimension, locale),
      iqrBefore: n(item.before?.iqr),
      iqrAfter: n(item.after?.iqr),
      rwgBefore: n(item.before?.rwg),
      rwgAfter: n(item.after?.rwg),
      moved:
        item.movedShare === null
          ? t('delphi.convergence.movedHidden', { k })
          : t('delphi.convergence.moved', { moved: item.moved, paired: item.paired, percent: Math.round(item.movedShare * 100) }),
    }),
  );
  const unsettled = convergence.items.filter((i) => i.unsettled).length;
  const next = t(`delphi.convergence.next.${convergence.next}`, {
    percent: Math.round(STABLE_MOVED_SHARE * 100),
    max: convergence.maxIterations,
    next: convergence.iteration + 1,
    count: unsettled,
  });
  return { title: t('delphi.convergence.title', { iteration: convergence.iteration, max: convergence.maxIterations }), lines, next };
}
