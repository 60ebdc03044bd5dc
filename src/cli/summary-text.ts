import type { SummaryView } from '../presentation/summary-view.js';

function section(title: string, lines: string[], none: string): string[] {
  return [title, ...(lines.length > 0 ? lines.map((l) => `  - ${l}`) : [`  ${none}`]), ''];
}

/** A summary as plain text for the terminal, from the same view the chat platforms render. */
export function renderSummaryText(view: SummaryView): string {
  const lines = [view.title, '='.repeat(Math.min(view.title.length, 80)), view.responseRate, ''];
  if (view.interim) lines.push(view.labels.interim, '');
  lines.push(...section(view.labels.strengths, view.strengths, view.labels.none));
  lines.push(...section(view.labels.gaps, view.gaps, view.labels.none));
  lines.push(view.labels.discussion);
  if (view.discussion.length === 0) lines.push(`  ${view.labels.none}`);
  for (const point of view.discussion) {
    lines.push(`  - ${point.title} (${point.reasons})`, ...point.comments.map((c) => `      “${c}”`));
  }
  if (view.openQuestions.length > 0) lines.push('', view.labels.openQuestions);
  for (const question of view.openQuestions) {
    lines.push(`  - ${question.title} (${question.note})`, ...question.answers.map((a) => `      “${a}”`));
  }
  lines.push('', view.labels.criteria);
  for (const component of view.components) {
    lines.push(`  ${component.title}`, ...component.items.map((i) => `    - ${i.text}: ${i.detail}`));
  }
  return `${lines.join('\n')}\n`;
}
