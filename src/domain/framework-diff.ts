/** What changed between two versions of a framework, criterion by criterion, aligned by id. */
import type { Criterion, Framework, LocalizedText } from './framework.js';

export interface FrameworkDiff {
  id: string;
  from: string;
  to: string;
  added: Criterion[];
  removed: Criterion[];
  /** Same id, other text (in either language). */
  reworded: { id: string; before: LocalizedText; after: LocalizedText }[];
  /** Same id, moved to another component. */
  moved: { id: string; from: string; to: string }[];
}

const sameText = (a: LocalizedText, b: LocalizedText) => a.nl === b.nl && a.en === b.en;

export function diffFrameworks(
  previous: Pick<Framework, 'id' | 'version' | 'criteria'>,
  next: Pick<Framework, 'id' | 'version' | 'criteria'>,
): FrameworkDiff {
  const before = new Map(previous.criteria.map((c) => [c.id, c]));
  const after = new Map(next.criteria.map((c) => [c.id, c]));
  const kept = next.criteria.flatMap((c) => {
    const old = before.get(c.id);
    return old ? [{ old, now: c }] : [];
  });
  return {
    id: next.id,
    from: previous.version,
    to: next.version,
    added: next.criteria.filter((c) => !before.has(c.id)),
    removed: previous.criteria.filter((c) => !after.has(c.id)),
    reworded: kept
      .filter(({ old, now }) => !sameText(old.text, now.text))
      .map(({ old, now }) => ({ id: now.id, before: old.text, after: now.text })),
    moved: kept
      .filter(({ old, now }) => old.component !== now.component)
      .map(({ old, now }) => ({ id: now.id, from: old.component, to: now.component })),
  };
}

export function isUnchanged(diff: FrameworkDiff): boolean {
  return diff.added.length + diff.removed.length + diff.reworded.length + diff.moved.length === 0;
}
