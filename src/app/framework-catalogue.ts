/**
 * The frameworks a Spiegel process knows: the built-in ones shipped in `frameworks/` at the
 * repository root, plus an organisation's own YAML/JSON files from a directory of its choice.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SpiegelError, isSpiegelError } from '../domain/errors.js';
import type { Framework } from '../domain/framework.js';
import { parseFrameworkText, type FrameworkFormat, type FrameworkIssue } from '../domain/framework-loading.js';

/** Framework files larger than this are refused before parsing (a real one is a few dozen KiB). */
export const MAX_FRAMEWORK_FILE_BYTES = 1024 * 1024;

const formatsByExtension: Record<string, FrameworkFormat> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' };

/** An immutable, id-indexed set of frameworks. Frameworks handed out are deeply frozen. */
export class FrameworkCatalogue {
  readonly #byId = new Map<string, Framework>();
  readonly #sorted: readonly Framework[];

  constructor(frameworks: Iterable<Framework>) {
    for (const framework of frameworks) {
      if (this.#byId.has(framework.id)) {
        throw new SpiegelError('framework.invalid', `Two frameworks share the id "${framework.id}".`, {
          id: framework.id,
        });
      }
      this.#byId.set(framework.id, deepFreeze(framework));
    }
    this.#sorted = Object.freeze([...this.#byId.values()].sort((a, b) => compareIds(a.id, b.id)));
  }

  /** @throws SpiegelError('framework.unknown') with `details: { id, known }`. */
  get(id: string): Framework {
    const framework = this.#byId.get(id);
    if (!framework) {
      const known = this.#sorted.map((f) => f.id);
      throw new SpiegelError('framework.unknown', `Unknown framework "${id}". Known frameworks: ${known.join(', ') || '(none)'}.`, {
        id,
        known,
      });
    }
    return framework;
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** All frameworks, sorted by id. */
  list(): readonly Framework[] {
    return this.#sorted;
  }

  get size(): number {
    return this.#byId.size;
  }
}

/** The directory of built-in frameworks (`frameworks/` at the repository root). */
export const builtInFrameworksDir: string = fileURLToPath(new URL('../../frameworks/', import.meta.url));

/** The format a framework file's name announces (.yaml, .yml, .json); undefined for any other name. */
export function frameworkFormatOf(name: string): FrameworkFormat | undefined {
  return formatsByExtension[extname(name).toLowerCase()];
}

/** True for file names the loaders pick up: .yaml, .yml or .json, not hidden. */
export function isFrameworkFileName(name: string): boolean {
  return !name.startsWith('.') && extname(name).toLowerCase() in formatsByExtension;
}

/**
 * Reads and validates one framework file; the format follows the extension (.yaml, .yml, .json).
 *
 * @throws SpiegelError('framework.invalid') with `details.source` = `path` when the file cannot be
 *   read, has another extension, is too large, or does not hold a valid framework.
 */
export async function loadFrameworkFile(path: string): Promise<Framework> {
  const format = frameworkFormatOf(path);
  if (!format) {
    throw fileTypeProblem(path);
  }
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw fileProblem(path, 'not a regular file');
    if (info.size > MAX_FRAMEWORK_FILE_BYTES) {
      throw tooLarge(path, info.size);
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isSpiegelError(error)) throw error;
    throw fileProblem(path, `cannot read the file (${describeFsError(error)})`);
  }
  return parseFrameworkText(stripBom(text), path, format);
}
/**
 * The built-in frameworks plus every .yaml/.yml/.json file directly inside `extraDir` (if given).
 *
 * Every file is read before failing, so one error lists all problems. A framework whose id is
 * already taken (by a built-in or another custom file) is an error naming both files.
 *
 * @throws SpiegelError('framework.invalid')
 */
export async function loadFrameworkCatalogue(extraDir?: string): Promise<FrameworkCatalogue> {
  const builtIns = await loadDirectory(builtInFrameworksDir);
  const custom = extraDir === undefined ? [] : await loadDirectory(extraDir);

  const bySource = new Map<string, string>();
  const clashes: { source: string; issue: FrameworkIssue }[] = [];
  for (const { framework, source } of [...builtIns, ...custom]) {
    const first = bySource.get(framework.id);
    if (first === undefined) {
      bySource.set(framework.id, source);
    } else {
      clashes.push({
        source,
        issue: { path: 'id', message: `framework id "${framework.id}" is already used by ${first}` },
      });
    }
  }
  if (clashes.length > 0) {
    throw combined(
      extraDir ?? builtInFrameworksDir,
      clashes.map(
        (c) =>
          new SpiegelError('framework.invalid', `${c.source}: ${c.issue.path}: ${c.issue.message}`, {
            source: c.source,
            issues: [c.issue],
          }),
      ),
    );
  }
  return new FrameworkCatalogue([...builtIns, ...custom].map((entry) => entry.framework));
}

// ---------------------------------------------------------------------------------------------

interface LoadedFramework {
  framework: Framework;
  source: string;
}

async function loadDirectory(dir: string): Promise<LoadedFramework[]> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isFrameworkFileName(entry.name))
      .map((entry) => entry.name)
      .sort(compareIds);
  } catch (error) {
    throw fileProblem(dir, `cannot read the framework directory (${describeFsError(error)})`);
  }

  const results = await Promise.allSettled(
    names.map(async (name) => {
      const source = join(dir, name);
      return { framework: await loadFrameworkFile(source), source };
    }),
  );
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length > 0) throw combined(dir, failures);
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

/** One error for several failed files: the messages one after the other, the issues tagged with their file. */
function combined(dir: string, failures: unknown[]): SpiegelError {
  const first = failures[0];
  if (failures.length === 1 && isSpiegelError(first)) return first;
  const issues: (FrameworkIssue & { source: string })[] = [];
  const messages: string[] = [];
  for (const failure of failures) {
    if (!isSpiegelError(failure)) throw failure;
    messages.push(failure.message);
    const source = typeof failure.details.source === 'string' ? failure.details.source : dir;
    const fileIssues = Array.isArray(failure.details.issues) ? (failure.details.issues as FrameworkIssue[]) : [];
    for (const issue of fileIssues) issues.push({ ...issue, source });
  }
  return new SpiegelError('framework.invalid', messages.join('\n'), { source: dir, issues });
}

function fileProblem(path: string, message: string, kind: Pick<FrameworkIssue, 'problem' | 'params'> = {}): SpiegelError {
  const issue: FrameworkIssue = { path: '', message, ...kind };
  return new SpiegelError('framework.invalid', `${path}: ${message}`, { source: path, issues: [issue] });
}

/** A file whose name ends in neither .yaml, .yml nor .json. */
export function fileTypeProblem(source: string): SpiegelError {
  return fileProblem(source, 'unsupported file type; a framework file ends in .yaml, .yml or .json', { problem: 'fileType' });
}

/** A framework file over {@link MAX_FRAMEWORK_FILE_BYTES}, refused before it is read any further. */
export function tooLarge(source: string, size: number): SpiegelError {
  return fileProblem(source, `file is too large (${size} bytes; at most ${MAX_FRAMEWORK_FILE_BYTES})`, {
    problem: 'tooLarge',
    params: { size, max: MAX_FRAMEWORK_FILE_BYTES },
  });
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'not a directory';
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
