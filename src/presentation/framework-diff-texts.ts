/** The "what changed" message of a new framework version, in the reader's language. */
import { isUnchanged, type FrameworkDiff } from '../domain/framework-diff.js';
import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';

export function frameworkDiffLines(diff: FrameworkDiff, locale: Locale): string[] {
  const t = translator(locale);
  const lines = [t('mediation.diff.header', { id: diff.id, from: diff.from, to: diff.to })];
  if (isUnchanged(diff)) return [...lines, t('mediation.diff.none')];
  if (diff.added.length > 0)
    lines.push(t('mediation.diff.added', { count: diff.added.length }), ...diff.added.map((c) => `+ ${c.id}: ${c.text[locale]}`));
  if (diff.removed.length > 0)
    lines.push(t('mediation.diff.removed', { count: diff.removed.length }), ...diff.removed.map((c) => `- ${c.id}: ${c.text[locale]}`));
  if (diff.reworded.length > 0) {
    lines.push(t('mediation.diff.reworded', { count: diff.reworded.length }));
    for (const r of diff.reworded) lines.push(`~ ${r.id}: ${r.before[locale]}`, `  → ${r.after[locale]}`);
  }
  if (diff.moved.length > 0)
    lines.push(t('mediation.diff.moved', { count: diff.moved.length }), ...diff.moved.map((m) => `> ${m.id}: ${m.from} → ${m.to}`));
  return lines;
}
