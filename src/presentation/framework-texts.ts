/** A framework shown in full, an upload's outcome and its problems, in the reader's language (chat and CLI). */
import type { AddedFramework, FrameworkEntry } from '../domain/workspace-framework.js';
import { isUnchanged } from '../domain/framework-diff.js';
import { criteriaByComponent, perspectives, type Framework, type Locale } from '../domain/framework.js';
import type { FrameworkIssue } from '../domain/framework-loading.js';
import { isSpiegelError } from '../domain/errors.js';
import { translator } from '../i18n/translator.js';
import { frameworkDiffLines } from './framework-diff-texts.js';

/** Every criterion with its id, grouped by component, with the scale, dimensions and perspectives. */
export function frameworkDetailLines(entry: FrameworkEntry, locale: Locale): string[] {
  const t = translator(locale);
  const f: Framework = entry.framework;
  const lines = [
    t('fw.show.title', { title: f.title[locale], id: f.id, version: f.version }),
    entry.origin === 'built-in' ? t('fw.show.builtIn') : t('fw.show.workspace', { revision: entry.revision, source: entry.source ?? '' }),
    ...(f.description ? [f.description[locale]] : []),
    t('fw.show.scale', { min: f.scale.min, max: f.scale.max }),
    ...Object.entries(f.scale.labels).map(([point, label]) => t('fw.show.scaleLabel', { point, label: label[locale] })),
    ...(f.scale.allowNotApplicable ? [t('fw.show.notApplicable')] : []),
    f.dimensions.length > 0
      ? t('fw.show.dimensions', { dimensions: f.dimensions.map((d) => `${d.label[locale]} (${d.id})`).join(', ') })
      : t('fw.show.oneRating'),
    t('fw.show.perspectives', {
      perspectives: perspectives
        .filter((p) => f.criteria.some((c) => c.perspective === p))
        .map((p) => t(`method.perspective.${p}`))
        .join(', '),
    }),
  ];
  for (const { component, criteria } of criteriaByComponent(f)) {
    lines.push('', t('fw.show.component', { title: component.title[locale], id: component.id }));
    for (const c of criteria)
      lines.push(t('fw.show.criterion', { id: c.id, perspective: t(`method.perspective.${c.perspective}`), text: c.text[locale] }));
    for (const q of f.questions.filter((q) => q.component === component.id))
      lines.push(t('open.show.question', { id: q.id, text: q.text[locale] }));
  }
  const roundQuestions = f.questions.filter((q) => q.component === undefined);
  if (roundQuestions.length > 0) {
    lines.push('', t('open.show.heading'));
    for (const q of roundQuestions) lines.push(t('open.show.roundQuestion', { id: q.id, text: q.text[locale] }));
  }
  return lines;
}

/** What an upload did: stored as a new revision (with what changed), or nothing because it is the current one. */
export function frameworkAddedLines(added: AddedFramework, locale: Locale): string[] {
  const t = translator(locale);
  const f = added.framework;
  if (added.state === 'unchanged') return [t('fw.unchanged', { id: f.id, revision: added.revision })];
  const lines = [t('fw.added', { title: f.title[locale], id: f.id, version: f.version, revision: added.revision })];
  if (added.diff) lines.push(...frameworkDiffLines(added.diff, locale));
  if (added.diff && !isUnchanged(added.diff)) lines.push(t('fw.news'));
  return lines;
}

/** One problem of a framework file: where (line, path) and what, with the problem in the reader's language where it is known. */
function issueLine(issue: FrameworkIssue, locale: Locale): string {
  const t = translator(locale);
  const where = [issue.line === undefined ? null : t('fw.line', { line: issue.line }), issue.path || null].filter(Boolean).join(', ');
  const problem = issue.problem ? t(`fw.problem.${issue.problem}`, issue.params ?? {}) : issue.message;
  return t('fw.issue', { where: where || t('fw.wholeFile'), problem });
}

/** The problems of a refused framework file, for chat; null when the error is not about the file. */
export function frameworkProblemLines(error: unknown, locale: Locale): string[] | null {
  if (!isSpiegelError(error, 'framework.invalid')) return null;
  const issues = Array.isArray(error.details.issues) ? (error.details.issues as FrameworkIssue[]) : [];
  const file = typeof error.details.source === 'string' ? error.details.source : '';
  return [translator(locale)('fw.invalid', { file, count: issues.length }), ...issues.map((issue) => issueLine(issue, locale))];
}

/** The private message a member gets when a framework of the workspace changed. */
export function frameworkNewsLines(framework: Framework, diffLines: string[], locale: Locale): string[] {
  return [translator(locale)('fw.newsIntro', { title: framework.title[locale] }), ...diffLines];
}
