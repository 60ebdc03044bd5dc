/** Intervision methods as data (validated YAML) and attendance, as pure functions. */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { builtInMethodsDir, loadMethods, parseMethodText } from '../../src/app/intervision-methods.js';
import { stepDeadlines } from '../../src/domain/intervision/method.js';
import { attendees, currentStep } from '../../src/domain/intervision/session.js';

it('ships the incident method and a short problem-solving method, each step with texts in both languages', async () => {
  const methods = await loadMethods(builtInMethodsDir);
  expect(methods.map((m) => m.id)).toEqual(['incident-method', 'problem-solving']);
  expect(methods[0]?.steps.map((s) => s.id)).toEqual(['case', 'clarifying-questions', 'analysis', 'advice', 'reflection', 'evaluation']);
});

it('refuses a method file naming the file, the path inside it and the problem', async () => {
  const text = await readFile(`${builtInMethodsDir}/problem-solving.yaml`, 'utf8');
  expect(() => parseMethodText(text.replace('hours: 48', 'hours: -1'), 'mine.yaml')).toThrow(/mine\.yaml: steps\[1\]\.hours: /);
  expect(() => parseMethodText(text.replace("en: 'Ideas'", "fr: 'Idées'"), 'mine.yaml')).toThrow(/mine\.yaml: steps\[1\]\.title/);
  expect(() => parseMethodText(text.replace('id: ideas', 'id: question'), 'mine.yaml')).toThrow(/step ids are unique/);
  expect(() => parseMethodText('steps: [', 'broken.yaml')).toThrow(/^broken\.yaml: /);
});

it('gives each step its deadline, the first as chosen and each next one its hours later', async () => {
  const [, method] = await loadMethods(builtInMethodsDir);
  const deadlines = stepDeadlines(method!, new Date('2026-03-02T16:00:00Z')).map((d) => d.toISOString());
  expect(deadlines).toEqual(['2026-03-02T16:00:00.000Z', '2026-03-04T16:00:00.000Z', '2026-03-05T16:00:00.000Z']);
});

it('counts as attending who contributed to at least the set number of different steps', () => {
  const contributions = [
    { member: 'ann', step: 0 },
    { member: 'ann', step: 0 },
    { member: 'bob', step: 0 },
    { member: 'bob', step: 2 },
    { member: 'ann', step: 1 },
    { member: 'cas', step: 1 },
  ];
  expect(attendees(contributions, 2)).toEqual(['ann', 'bob']);
  expect(attendees(contributions, 1)).toEqual(['ann', 'bob', 'cas']);
  expect(attendees(contributions, 3)).toEqual([]);
  expect(currentStep([{ step: 0 }, { step: 2 }, { step: 1 }])).toBe(2);
});
