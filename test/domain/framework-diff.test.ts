import { expect, it } from 'vitest';
import { diffFrameworks, isUnchanged } from '../../src/domain/framework-diff.js';
import type { Criterion } from '../../src/domain/framework.js';

const criterion = (id: string, en: string, component = 'c'): Criterion => ({
  id,
  component,
  perspective: 'process',
  text: { nl: `nl ${en}`, en },
});

it('aligns criteria by id: added, removed, reworded and moved', () => {
  const v1 = { id: 'f', version: '1.0', criteria: [criterion('a', 'A'), criterion('b', 'B'), criterion('c', 'C'), criterion('d', 'D')] };
  const v2 = {
    id: 'f',
    version: '1.1',
    criteria: [criterion('a', 'A'), criterion('c', 'C, clearer'), criterion('d', 'D', 'other'), criterion('e', 'E')],
  };
  const diff = diffFrameworks(v1, v2);
  expect(diff.added.map((c) => c.id)).toEqual(['e']);
  expect(diff.removed.map((c) => c.id)).toEqual(['b']);
  expect(diff.reworded).toEqual([{ id: 'c', before: { nl: 'nl C', en: 'C' }, after: { nl: 'nl C, clearer', en: 'C, clearer' } }]);
  expect(diff.moved).toEqual([{ id: 'd', from: 'c', to: 'other' }]);
  expect(isUnchanged(diffFrameworks(v1, { ...v1, version: '1.0.1' }))).toBe(true);
});
