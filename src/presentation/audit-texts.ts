/** Platform-neutral texts of the case register and the audits: the same lines in chat and in the CLI. */
import type { Audit } from '../domain/audit/audit.js';
import type { Locale } from '../domain/framework.js';
import type { countByMediator } from '../domain/mediation/case-file.js';
import { translator } from '../i18n/translator.js';
import { type AuditReport } from '../domain/audit/results.js';

const score = (value: number | null) => (value === null ? '–' : value.toFixed(2));

export function auditRoundName(caseId: string, locale: Locale): string {
  return translator(locale)('mediation.audit.roundName', { case: caseId });
}

export function caseCountLines(counts: ReturnType<typeof countByMediator>, locale: Locale): string[] {
  const t = translator(locale);
  if (counts.length === 0) return [t('mediation.cases.none')];
  return [
    t('mediation.cases.title'),
    ...counts.map((c) => t('mediation.cases.line', { mediator: c.mediator, count: c.files, closed: c.closed })),
  ];
}

export function auditDrawnLines(audit: Audit, locale: Locale): string[] {
  const t = translator(locale);
  return [
    t('mediation.audit.drawn', { id: audit.id, count: audit.files.length, from: audit.from, to: audit.to, seed: audit.seed }),
    ...audit.files.map((f) =>
      t('mediation.audit.drawnFile', { case: f.caseId, mediators: f.mediators.join(', '), reviewers: f.reviewers.join(', ') }),
    ),
    t('mediation.audit.invitationsQueued'),
  ];
}

export function auditListLines(audits: readonly Audit[], locale: Locale): string[] {
  const t = translator(locale);
  if (audits.length === 0) return [t('mediation.audit.none')];
  return audits.map((a) =>
    t('mediation.audit.listLine', {
      id: a.id,
      from: a.from,
      to: a.to,
      count: a.files.length,
      drawnAt: a.drawnAt.toISOString().slice(0, 10),
    }),
  );
}

/** The audit report: the period, then per file (with the items for discussion), per mediator and per criterion. */
export function auditReportLines({ audit, results }: AuditReport, locale: Locale): string[] {
  const t = translator(locale);
  const { period } = results;
  const lines = [
    t('mediation.report.header', { id: audit.id, from: audit.from, to: audit.to, seed: audit.seed, count: period.files }),
    t('mediation.report.period', {
      complete: period.reviewsComplete,
      reviews: period.reviews,
      mean: score(period.mean),
      discuss: period.discussionItems,
    }),
    '',
    t('mediation.report.perFile'),
  ];
  for (const file of results.files) {
    lines.push(
      t('mediation.report.file', {
        case: file.caseId,
        mediators: file.mediators.join(', '),
        reviewers: file.reviewers.join(', '),
        complete: file.complete.length,
        count: file.reviewers.length,
        mean: score(file.mean),
      }),
    );
    for (const item of file.items.filter((i) => i.discuss)) {
      const ratings = Object.entries(item.ratings)
        .map(([reviewer, value]) => `${reviewer}: ${value === 'na' ? t('scale.notApplicable') : value}`)
        .join(', ');
      lines.push(t('mediation.report.discuss', { criterion: item.criterionId, ratings }));
    }
  }
  lines.push('', t('mediation.report.perMediator'));
  for (const m of results.mediators) {
    lines.push(t('mediation.report.mediator', { mediator: m.mediator, count: m.files, mean: score(m.mean), discuss: m.discussionItems }));
  }
  lines.push('', t('mediation.report.perCriterion'));
  for (const c of results.criteria)
    lines.push(t('mediation.report.criterion', { criterion: c.criterionId, mean: score(c.mean), discuss: c.discussionItems }));
  return lines;
}

/** One row per (file, criterion, reviewer): the CSV of an audit report. */
export function auditReportRows({ results }: AuditReport): Record<string, string | number>[] {
  return results.files.flatMap((file) =>
    file.items.flatMap((item) =>
      file.reviewers.map((reviewer) => ({
        case: file.caseId,
        mediators: file.mediators.join(';'),
        criterion: item.criterionId,
        reviewer,
        value: item.ratings[reviewer] ?? '',
        discuss: item.discuss ? 'yes' : 'no',
      })),
    ),
  );
}
