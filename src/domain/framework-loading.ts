/**
 * Turning the text of a framework file (YAML or JSON) into a validated {@link Framework}.
 *
 * Pure: no file system, no clock. The caller passes the text and a `source` (usually the
 * file path) that is only used to name the file in error messages.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

import { SpiegelError } from './errors.js';
import { frameworkRuleMessages, frameworkSchema, type Framework } from './framework.js';

export type FrameworkFormat = 'yaml' | 'json';

/** The kinds of problem chat names in the reader's language; any other keeps its (English) message. */
export type FrameworkProblem =
  | keyof typeof frameworkRuleMessages
  | 'syntax'
  | 'unknownField'
  | 'missing'
  | 'quoteIt'
  | 'notAFramework'
  | 'unknownComponent'
  | 'duplicateId'
  | 'fileType'
  | 'tooLarge';

/** One problem in a framework file. `path` is '' for problems with the file as a whole (syntax). */
export interface FrameworkIssue {
  path: string;
  message: string;
  problem?: FrameworkProblem;
  /** What the problem's text needs: the value found, the size, … */
  params?: Record<string, string | number>;
  /** 1-based line and column, when known (YAML files, and JSON syntax errors). */
  line?: number;
  column?: number;
}

/** The `details` of a `framework.invalid` SpiegelError raised by this module. */
export interface FrameworkInvalidDetails {
  source: string;
  issues: FrameworkIssue[];
}

/**
 * Parses and validates a framework.
 *
 * @throws SpiegelError('framework.invalid') with `details: { source, issues }` and a message
 *   with one line per issue: `<source>[:line:column]: <path>: <problem>`.
 */
export function parseFrameworkText(text: string, source: string, format: FrameworkFormat): Framework {
  const parsed = format === 'yaml' ? parseYaml(text) : parseJson(text);
  if (!parsed.ok) throw invalid(source, parsed.issues);

  const result = frameworkSchema.safeParse(parsed.value);
  if (result.success) return result.data;

  const issues = result.error.issues.flatMap((issue) => toFrameworkIssues(issue, parsed.value, parsed.locate));
  throw invalid(source, issues);
}

/** Formats a path the way a reader finds it in the file: `criteria[3].perspective`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The one-line-per-issue message used by {@link parseFrameworkText}. */
export function formatFrameworkIssues(source: string, issues: readonly FrameworkIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.line === undefined ? source : `${source}:${issue.line}:${issue.column ?? 1}`;
      const what = issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
      return `${where}: ${what}`;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------

type Locate = (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;

type Parsed = { ok: true; value: unknown; locate: Locate } | { ok: false; issues: FrameworkIssue[] };

const noLocation: Locate = () => undefined;

const yamlMessages: Record<string, string> = {
  MULTIPLE_DOCS: 'a framework file holds a single YAML document; remove the "---" separator',
  DUPLICATE_KEY: 'this key appears twice in the same mapping',
};

function parseYaml(text: string): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        const message = yamlMessages[error.code] ?? firstLine(error.message);
        return { path: '', message: `YAML syntax error: ${message}`, problem: 'syntax', params: { detail: message }, line, column: col };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `YAML error: ${firstLine(errorMessage(error))}` }] };
  }
  return { ok: true, value, locate: yamlLocator(doc, lineCounter) };
}

/** Finds the line of the deepest node along `path` that exists in the document. */
function yamlLocator(doc: Document, lineCounter: LineCounter): Locate {
  return (path) => {
    const keys = path.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
    for (let n = keys.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return undefined;
  };
}

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown, locate: noLocation };
  } catch (error) {
    const message = firstLine(errorMessage(error));
    const issue: FrameworkIssue = { path: '', message: `JSON syntax error: ${message}`, problem: 'syntax', params: { detail: message } };
    const position = /at position (\d+)/.exec(message);
    if (position?.[1] !== undefined) Object.assign(issue, lineAndColumn(text, Number(position[1])));
    return { ok: false, issues: [issue] };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function toFrameworkIssues(issue: z.core.$ZodIssue, value: unknown, locate: Locate): FrameworkIssue[] {
  // An unknown key is easier to find when the path names the key itself.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      withLocation([...issue.path, key], 'unknown field (check the spelling)', locate, { problem: 'unknownField' }),
    );
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) {
    const message = 'the file must hold one framework: a mapping with id, version, title, components and criteria';
    return [withLocation(issue.path, message, locate, { problem: 'notAFramework' })];
  }
  if (issue.code === 'invalid_type') {
    const actual = valueAt(value, issue.path);
    if (actual === undefined)
      return [
        withLocation(issue.path, `missing (${issue.expected} required)`, locate, {
          problem: 'missing',
          params: { expected: issue.expected },
        }),
      ];
    if (issue.expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')) {
      const message = `expected text but found ${typeof actual} ${String(actual)}; put the value in quotes, e.g. "1.0"`;
      return [withLocation(issue.path, message, locate, { problem: 'quoteIt', params: { found: String(actual) } })];
    }
  }
  return [withLocation(issue.path, issue.message, locate, problemOf(issue))];
}

/** The problem kind of an issue raised by the framework's own rules (see frameworkRuleMessages and the schema's custom issues). */
function problemOf(issue: z.core.$ZodIssue): Pick<FrameworkIssue, 'problem' | 'params'> {
  const rule = (Object.keys(frameworkRuleMessages) as (keyof typeof frameworkRuleMessages)[]).find(
    (key) => frameworkRuleMessages[key] === issue.message,
  );
  if (rule) return { problem: rule };
  const params = issue.code === 'custom' ? (issue.params as { problem?: FrameworkProblem; value?: string } | undefined) : undefined;
  return params?.problem ? { problem: params.problem, params: { value: params.value ?? '' } } : {};
}

function withLocation(
  path: readonly PropertyKey[],
  message: string,
  locate: Locate,
  kind: Pick<FrameworkIssue, 'problem' | 'params'> = {},
): FrameworkIssue {
  const issue: FrameworkIssue = { path: formatIssuePath(path), message, ...kind };
  const at = locate(path);
  if (at) Object.assign(issue, at);
  return issue;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function invalid(source: string, issues: FrameworkIssue[]): SpiegelError {
  const details: FrameworkInvalidDetails = { source, issues };
  return new SpiegelError('framework.invalid', formatFrameworkIssues(source, issues), { ...details });
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
