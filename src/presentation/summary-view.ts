import type { Locale } from '../domain/framework.js';
import type { Round } from '../domain/round.js';
import type { CriterionStatistics, Gap, Summary } from '../domain/summary-types.js';
import { classText, perspectiveName } from './group-names.js';
import { translator } from '../i18n/translator.js';
import { UNSETTLED_CLASSES } from '../domain/delphi.js';
import { convergenceView, type ConvergenceView } from './delphi-texts.js';
import { openQuestionViews, type OpenQuestionView } from './open-answer-texts.js';
import { componentTitle, criterionName, dimensionLabel, formatNumber, itemName } from './round-texts.js';

export interface SummaryItemView {
  text: string;
  detail: string;
}

/** A summary as localised text, ready for Block Kit or an Adaptive Card; no platform knowledge. */
export interface SummaryView {
  title: string;
  interim: boolean;
  responseRate: string;
  strengths: string[];
  gaps: string[];
  discussion: { title: string; reasons: string; comments: string[] }[];
  /** The answers to the round's open questions (none when it asked none). */
  openQuestions: OpenQuestionView[];
  components: { title: string; items: SummaryItemView[] }[];
  /** All ratings pooled per perspective, then per component (summaries stored before this have none). */
  groups: { title: string; lines: string[] }[];
  /** A Delphi follow-up's convergence against the step before it. */
  convergence: ConvergenceView | null;
  /** A final summary with items left divergent or polarised (and follow-ups left): offer a follow-up. */
  canFollowUp: boolean;
  labels: {
    strengths: string;
    gaps: string;
    discussion: string;
    openQuestions: string;
    criteria: string;
    none: string;
    interim: string;
    followUp: string;
  };
}

function groupSections(round: Round, summary: Summary, locale: Locale): SummaryView['groups'] {
  const t = translator(locale);
  const sections = (['perspective', 'component'] as const).map((by) => ({
    title: t(by === 'perspective' ? 'summary.byPerspective' : 'summary.byComponent'),
    lines: (summary.groups ?? [])
      .filter((g) => g.by === by)
      .map((g) => {
        const name = by === 'perspective' ? perspectiveName(t, g.group) : componentTitle(round, g.group, locale);
        const dimension = dimensionLabel(round, g.dimension, locale);
        const group = dimension ? `${name} (${dimension.toLowerCase()})` : name;
        return g.fewerThanK
          ? `${group}: ${t('anonymity.suppressed', { k: round.settings.anonymityThreshold })}`
          : t('summary.groupLine', { group, median: formatNumber(g.median, locale), class: classText(t, g.class), n: g.n });
      }),
  }));
  return sections.filter((section) => section.lines.length > 0);
}

function offersFollowUp(summary: Summary, interim: boolean): boolean {
  if (interim) return false;
  if (summary.convergence) return summary.convergence.next === 'continue';
  return summary.criteria.some((c) => !c.suppressed && UNSETTLED_CLASSES.includes(c.class));
}

function gapText(round: Round, gap: Gap, locale: Locale): string {
  const t = translator(locale);
  const n = (v: number) => formatNumber(v, locale);
  const criterion =
    gap.kind === 'dimensionGap' ? criterionName(round, gap.criterionId, locale) : itemName(round, gap.criterionId, gap.dimension, locale);
  switch (gap.kind) {
    case 'lowScore':
      return t('summary.gap.lowScore', { criterion, median: n(gap.median), target: n(gap.target) });
    case 'dimensionGap':
      return t('summary.gap.dimensionGap', {
        criterion,
        high: dimensionLabel(round, gap.high, locale).toLowerCase(),
        low: dimensionLabel(round, gap.low, locale).toLowerCase(),
        highMedian: n(gap.highMedian),
        lowMedian: n(gap.lowMedian),
        difference: n(gap.difference),
      });
    case 'lowResponse':
      return t('summary.gap.lowResponse', { criterion, answered: gap.answered, participants: gap.participants });
    case 'change':
      return t('summary.gap.change', { criterion, previousMedian: n(gap.previousMedian), median: n(gap.median) });
  }
}

/** What is shown of an item: for one below k, that there are fewer than k answers and nothing else. */
function itemDetail(stat: CriterionStatistics, round: Round, locale: Locale): string {
  const t = translator(locale);
  if (stat.suppressed) return t('anonymity.suppressed', { k: round.settings.anonymityThreshold });
  return t('summary.medianClass', { median: formatNumber(stat.median, locale), class: t(`class.${stat.class}`), n: stat.n });
}

/** The summary's title, marked when it was recomputed after an erasure or after the round was reopened. */
function summaryTitle(round: Round, summary: Summary, t: ReturnType<typeof translator>): string {
  const title = t('summary.title', { name: round.name });
  const reopened = summary.closing ? t('summary.updatedTitle', { title }) : title;
  return summary.updatedAfterErasure ? t('lifecycle.erasure.summaryTitle', { title: reopened }) : reopened;
}

export function buildSummaryView(round: Round, summary: Summary, locale: Locale, interim: boolean): SummaryView {
  const t = translator(locale);
  const components = round.framework.components.map((component) => ({
    title: componentTitle(round, component.id, locale),
    items: summary.criteria
      .filter((s) => s.component === component.id)
      .map((s) => ({ text: itemName(round, s.criterionId, s.dimension, locale), detail: itemDetail(s, round, locale) })),
  }));
  return {
    title: summaryTitle(round, summary, t),
    interim,
    responseRate: t('summary.responseRate', {
      respondents: summary.respondents,
      participants: summary.participants,
      percent: Math.round(summary.responseRate * 100),
    }),
    strengths: summary.strengths.map(
      (s) =>
        `${itemName(round, s.criterionId, s.dimension, locale)} (${t('summary.medianShort', { median: formatNumber(s.median, locale) })})`,
    ),
    gaps: summary.gaps.map((g) => gapText(round, g, locale)),
    discussion: summary.discussionPoints.map((p) => ({
      title: itemName(round, p.criterionId, p.dimension, locale),
      reasons: p.reasons.map((r) => t(`summary.reason.${r}`)).join(' · '),
      comments: p.comments,
    })),
    openQuestions: openQuestionViews(round, summary, locale),
    components: components.filter((c) => c.items.length > 0),
    groups: groupSections(round, summary, locale),
    convergence: summary.convergence ? convergenceView(round, summary.convergence, locale) : null,
    canFollowUp: offersFollowUp(summary, interim),
    labels: {
      strengths: t('summary.strengths'),
      gaps: t('summary.gaps'),
      discussion: t('summary.discussion'),
      openQuestions: t('open.summary.heading'),
      criteria: t('summary.criteria'),
      none: t('summary.none'),
      interim: t('summary.interim'),
      followUp: t('delphi.startButton'),
    },
  };
}
