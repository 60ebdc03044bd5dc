import { expect, it } from 'vitest';
import { errorCodes, roundInvalid, roundProblems, SpiegelError } from '../../src/domain/errors.js';
import { catalogue, mergeMessageModules } from '../../src/i18n/catalogue.js';
import { errorText } from '../../src/presentation/error-text.js';
import { inputInvalid, inputProblems, type InputIssue } from '../../src/domain/input-problems.js';
import { pickLocale, translator } from '../../src/i18n/translator.js';

interface Tree {
  [key: string]: string | Tree;
}

function paths(tree: Tree, prefix: string[] = []): string[][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[...prefix, k]] : paths(v, [...prefix, k])));
}

function lookup(tree: Tree, path: string[]): string | Tree | undefined {
  return path.reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
}

it('has every message in Dutch and in English', () => {
  const names = (tree: Tree) =>
    paths(tree)
      .map((p) => p.join(' › '))
      .sort();
  expect(names(catalogue.nl)).toEqual(names(catalogue.en));
});

it('keeps the placeholders of each message in both languages', () => {
  const placeholders = (s: unknown) => [...String(s).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
  for (const path of paths(catalogue.en)) {
    expect(placeholders(lookup(catalogue.nl, path)), path.join('.')).toEqual(placeholders(lookup(catalogue.en, path)));
  }
});

it('translates with plurals and picks a locale from platform locales', () => {
  expect(translator('nl')('progress', { answered: 7, count: 10 })).toBe('7 van 10 hebben geantwoord');
  expect(translator('en')('progress', { answered: 1, count: 1 })).toBe('1 of 1 answered');
  expect(pickLocale('nl-BE', 'en')).toBe('nl');
  expect(pickLocale('en_US', 'nl')).toBe('en');
  expect(pickLocale('fr-FR', 'nl')).toBe('nl');
  expect(pickLocale(undefined, 'en')).toBe('en');
});

it('refuses two message modules that define the same key', () => {
  const a = { en: { errors: { x: 'A' } }, nl: { errors: { x: 'A' } } };
  const b = { en: { errors: { y: 'B' } }, nl: { errors: { y: 'B' } } };
  expect(mergeMessageModules([a, b]).en).toEqual({ errors: { x: 'A', y: 'B' } });
  expect(() => mergeMessageModules([a, { en: { errors: { x: 'C' } }, nl: {} }])).toThrow(
    'message key "errors.x" is defined by two message modules',
  );
  expect(() => mergeMessageModules([a, { en: { errors: 'flat' }, nl: {} }])).toThrow('"errors"');
});

it('has a message for every error code, in both languages', () => {
  for (const code of errorCodes) {
    const error = new SpiegelError(code, 'test', {});
    const [en, nl] = [errorText(error, 'en'), errorText(error, 'nl')];
    expect(en, code).not.toContain(`errors.${code}`);
    expect(nl, code).not.toContain(`errors.${code}`);
    expect(nl, code).not.toBe(en);
    expect(en, code).not.toBe(errorText(new Error('x'), 'en'));
  }
});

it('words every reason a round is refused in the reader’s language, never in English inside Dutch', () => {
  const params = { ids: 'x-1', min: 1, max: 5, days: 60 };
  for (const problem of roundProblems) {
    const [en, nl] = [errorText(roundInvalid(problem, params), 'en'), errorText(roundInvalid(problem, params), 'nl')];
    expect(nl, problem).toMatch(/^De ronde kon niet starten: \S/);
    expect(en, problem).toMatch(/^The round could not be started: \S/);
    expect(nl, problem).not.toContain(errorText(roundInvalid(problem, params), 'en').split(': ')[1]!);
    expect(`${en}${nl}`, problem).not.toMatch(/{{|errors\./);
  }
});

it('words every reason input is refused in the reader’s language, never in English inside Dutch', () => {
  const params = {
    value: 'x-1',
    name: 'max',
    timeZone: 'Mars/Olympus',
    key: 'colour',
    keys: 'k, target',
    min: 1,
    max: 5,
    hours: 720,
    cron: '* * *',
    time: '25:00',
    fields: 'time',
    levels: 'school, team',
    member: 'U1',
    kinds: 'mediation, training',
    line: 3,
    header: 'member,date,hours,note',
    method: 'x-1',
    level: 'school',
    id: 'north',
    earlier: 2,
    parent: 'south',
    parentLevel: 'team',
    columns: '“party”',
    allowed: 'case,mediator',
    count: 7,
    values: 4,
    caseId: 'X-1',
    mediator: 'U2',
    closed: '2025-01-01',
    opened: '2025-02-01',
    criterion: 'go-clear',
    dimension: 'practice',
    dimensions: 'importance, practice',
    length: 2001,
  };
  for (const problem of inputProblems) {
    const [en, nl] = [errorText(inputInvalid(problem, params), 'en'), errorText(inputInvalid(problem, params), 'nl')];
    expect(en, problem).toMatch(/^I did not understand that: \S/);
    expect(nl, problem).toMatch(/^Dat begreep ik niet: \S/);
    expect(nl, problem).not.toContain(en.split(': ').slice(1).join(': '));
    expect(`${en}${nl}`, problem).not.toMatch(/{{|errors\.|undefined/);
  }
  const issue: InputIssue = { problem: 'notADate', params: { value: '31-12' }, line: 4 };
  const imported = new SpiegelError('import.invalid', 'test', { problems: [issue] });
  expect(errorText(imported, 'nl')).toBe('Er is niets geïmporteerd: regel 4: “31-12” is geen datum JJJJ-MM-DD.');
  expect(errorText(imported, 'en')).toBe('Nothing was imported: line 4: “31-12” is not a date YYYY-MM-DD.');
  expect(errorText(inputInvalid('notANumber', { value: 'x', setting: 'k' }), 'nl')).toBe('Dat begreep ik niet: k: “x” is geen getal.');
});
