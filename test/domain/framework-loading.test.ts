import { describe, expect, it } from 'vitest';

import { isSpiegelError, type SpiegelError } from '../../src/domain/errors.js';
import { formatIssuePath, parseFrameworkText, type FrameworkIssue } from '../../src/domain/framework-loading.js';

const SOURCE = 'custom/team.yaml';

/** A small valid framework; line numbers matter for the tests below. */
const validYaml = `id: team
version: "1.0"
title: { nl: "Team", en: "Team" }
scale:
  min: 1
  max: 5
  labels:
    "1": { nl: "Helemaal oneens", en: "Strongly disagree" }
    "5": { nl: "Helemaal eens", en: "Strongly agree" }
components:
  - id: goals
    title: { nl: "Doelen", en: "Goals" }
criteria:
  - id: a
    component: goals
    perspective: client
    text: { nl: "Eerste", en: "First" }
  - id: b
    component: goals
    perspective: process
    text: { nl: "Tweede", en: "Second" }
`;

function failure(text: string, format: 'yaml' | 'json' = 'yaml', source = SOURCE): SpiegelError {
  try {
    parseFrameworkText(text, source, format);
  } catch (error) {
    if (isSpiegelError(error)) return error;
    throw error;
  }
  throw new Error('expected parseFrameworkText to throw');
}

function issuesOf(error: SpiegelError): FrameworkIssue[] {
  expect(error.code).toBe('framework.invalid');
  expect(error.details.source).toBe(SOURCE);
  return error.details.issues as FrameworkIssue[];
}

describe('parseFrameworkText', () => {
  it('parses a valid YAML framework and applies defaults', () => {
    const framework = parseFrameworkText(validYaml, SOURCE, 'yaml');
    expect(framework.id).toBe('team');
    expect(framework.criteria.map((c) => c.id)).toEqual(['a', 'b']);
    expect(framework.scale.allowNotApplicable).toBe(true);
    expect(framework.dimensions).toEqual([]);
  });

  it('reports malformed YAML with the file and line', () => {
    const text = validYaml.replace('    component: goals\n    perspective: client', '    component: goals\n   perspective: client');
    const error = failure(text);
    const [issue] = issuesOf(error);
    expect(issue).toMatchObject({ path: '', line: 16 });
    expect(issue?.message).toMatch(/^YAML syntax error: /);
    expect(error.message.split('\n')[0]).toMatch(/^custom\/team\.yaml:16:\d+: YAML syntax error: /);
  });

  it('reports a duplicate key and several documents as YAML errors', () => {
    const duplicate = issuesOf(failure(`${validYaml}id: again\n`));
    expect(duplicate[0]).toMatchObject({ line: 22 });
    expect(duplicate[0]?.message).toContain('twice');

    const twoDocs = issuesOf(failure(`${validYaml}---\n${validYaml}`));
    expect(twoDocs[0]?.message).toContain('single YAML document');
  });

  it('reports an unknown perspective with its path and line', () => {
    const error = failure(validYaml.replace('perspective: process', 'perspective: proces'));
    const issues = issuesOf(error);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'criteria[1].perspective', line: 20 });
    expect(issues[0]?.message).toContain('organisation');
    expect(error.message).toMatch(/^custom\/team\.yaml:20:\d+: criteria\[1\]\.perspective: /);
  });

  it('reports a duplicate criterion id', () => {
    const issues = issuesOf(failure(validYaml.replace('  - id: b', '  - id: a')));
    expect(issues).toEqual([expect.objectContaining({ path: 'criteria[1].id', message: 'duplicate criterion id "a"', line: 18 })]);
  });

  it('reports a criterion in an unknown component', () => {
    const text = validYaml.replace('    component: goals\n    perspective: client', '    component: gaols\n    perspective: client');
    const issues = issuesOf(failure(text));
    expect(issues).toEqual([expect.objectContaining({ path: 'criteria[0].component', message: 'unknown component "gaols"' })]);
  });

  describe('open questions', () => {
    const withQuestions = (questions: string) => `${validYaml}questions:\n${questions}`;
    const question = (id: string, component?: string) =>
      `  - id: ${id}\n${component ? `    component: ${component}\n` : ''}    text: { nl: "Wat ontbreekt?", en: "What is missing?" }\n`;

    it('parses questions about a component and about the whole round; none by default', () => {
      const framework = parseFrameworkText(withQuestions(question('missing', 'goals') + question('overall')), SOURCE, 'yaml');
      expect(framework.questions).toEqual([
        { id: 'missing', component: 'goals', text: { nl: 'Wat ontbreekt?', en: 'What is missing?' } },
        { id: 'overall', text: { nl: 'Wat ontbreekt?', en: 'What is missing?' } },
      ]);
      expect(parseFrameworkText(validYaml, SOURCE, 'yaml').questions).toEqual([]);
    });

    it('refuses an id a criterion or another question has, and an unknown component, each with its line', () => {
      const issues = issuesOf(failure(withQuestions(question('a') + question('q', 'gaols') + question('q'))));
      expect(issues).toEqual([
        expect.objectContaining({ path: 'questions[0].id', problem: 'duplicateId', params: { value: 'a' }, line: 23 }),
        expect.objectContaining({ path: 'questions[1].component', problem: 'unknownComponent', params: { value: 'gaols' }, line: 26 }),
        expect.objectContaining({ path: 'questions[2].id', problem: 'duplicateId', params: { value: 'q' }, line: 28 }),
      ]);
    });

    it('refuses a question without both languages, and more than ten questions', () => {
      const oneLanguage = withQuestions('  - id: q\n    text: { nl: "Wat ontbreekt?" }\n');
      expect(issuesOf(failure(oneLanguage))).toEqual([expect.objectContaining({ path: 'questions[0].text.en', problem: 'missing' })]);
      const many = withQuestions(Array.from({ length: 11 }, (_, i) => question(`q${i}`)).join(''));
      expect(issuesOf(failure(many))).toEqual([expect.objectContaining({ path: 'questions' })]);
    });
  });

  it('reports a label for a point outside the scale', () => {
    const issues = issuesOf(failure(validYaml.replace('"5": { nl: "Helemaal eens"', '"7": { nl: "Helemaal eens"')));
    expect(issues).toEqual([expect.objectContaining({ path: 'scale', message: 'every label belongs to a point on the scale', line: 5 })]);
  });

  it('names missing fields and unknown fields precisely', () => {
    const text = validYaml.replace('    text: { nl: "Tweede", en: "Second" }', '    txt: { nl: "Tweede", en: "Second" }');
    const issues = issuesOf(failure(text));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'criteria[1].text', message: expect.stringMatching(/^missing/) }),
        expect.objectContaining({ path: 'criteria[1].txt', message: expect.stringContaining('unknown field'), line: 21 }),
      ]),
    );
  });

  it('writes one line per issue, each naming the file and the path', () => {
    const text = validYaml.replace('perspective: client', 'perspective: klant').replace('perspective: process', 'perspective: proces');
    const error = failure(text);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('criteria[0].perspective: ');
    expect(lines[1]).toContain('criteria[1].perspective: ');
    for (const line of lines) expect(line.startsWith(`${SOURCE}:`)).toBe(true);
  });

  it('suggests quotes when YAML reads a version as a number', () => {
    const issues = issuesOf(failure(validYaml.replace('version: "1.0"', 'version: 1.0')));
    expect(issues).toEqual([expect.objectContaining({ path: 'version', line: 2, message: expect.stringContaining('quotes') })]);
  });

  it('refuses an empty file with a clear message', () => {
    const [issue] = issuesOf(failure(''));
    expect(issue?.message).toContain('one framework');
  });

  describe('JSON', () => {
    const valid = {
      id: 'team',
      version: '1.0',
      title: { nl: 'Team', en: 'Team' },
      components: [{ id: 'goals', title: { nl: 'Doelen', en: 'Goals' } }],
      criteria: [{ id: 'a', component: 'goals', perspective: 'result', text: { nl: 'Eerste', en: 'First' } }],
    };

    it('parses a valid JSON framework', () => {
      const framework = parseFrameworkText(JSON.stringify(valid, null, 2), 'team.json', 'json');
      expect(framework.criteria[0]?.perspective).toBe('result');
      expect(framework.scale).toMatchObject({ min: 1, max: 5 });
    });

    it('reports a JSON syntax error with its line', () => {
      const text = JSON.stringify(valid, null, 2).replace('"version": "1.0",', '"version": "1.0",,');
      const [issue] = issuesOf(failure(text, 'json'));
      expect(issue?.message).toMatch(/^JSON syntax error: /);
      expect(issue?.line).toBe(3);
    });

    it('reports schema problems with their path', () => {
      const text = JSON.stringify({ ...valid, criteria: [{ ...valid.criteria[0], perspective: 'customer' }] });
      const error = failure(text, 'json', 'custom/team.json');
      expect(error.details.source).toBe('custom/team.json');
      expect(error.details.issues).toEqual([expect.objectContaining({ path: 'criteria[0].perspective' })]);
      expect(error.message).toMatch(/^custom\/team\.json: criteria\[0\]\.perspective: /);
    });
  });
});

describe('formatIssuePath', () => {
  it('writes indexes in brackets and odd keys quoted', () => {
    expect(formatIssuePath(['criteria', 3, 'perspective'])).toBe('criteria[3].perspective');
    expect(formatIssuePath(['scale', 'labels', '7'])).toBe('scale.labels["7"]');
    expect(formatIssuePath([])).toBe('');
  });
});
