/** The intervision methods: the built-in ones under `methods/`, each YAML file validated on load. */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { SpiegelError } from '../domain/errors.js';
import { formatIssuePath } from '../domain/framework-loading.js';
import { intervisionMethodSchema, type IntervisionMethod } from '../domain/intervision/method.js';

export const builtInMethodsDir: string = fileURLToPath(new URL('../../methods/', import.meta.url));

/** Validates one method file's text; the refusal names the file, the path inside it and the problem. */
export function parseMethodText(text: string, source: string): IntervisionMethod {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new SpiegelError('framework.invalid', `${source}: ${(error as Error).message}`, { source });
  }
  const result = intervisionMethodSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${source}: ${formatIssuePath(issue.path) || '(file)'}: ${issue.message}`);
  throw new SpiegelError('framework.invalid', lines.join('\n'), { source });
}

/** Every method in a folder (.yaml, .yml), in file-name order; two methods with one id are refused. */
export async function loadMethods(dir: string): Promise<IntervisionMethod[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && ['.yaml', '.yml'].includes(extname(n))).sort();
  const methods = await Promise.all(names.map(async (n) => parseMethodText(await readFile(join(dir, n), 'utf8'), join(dir, n))));
  const ids = methods.map((m) => m.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new SpiegelError('framework.invalid', `${dir}: two methods have the id “${twice}”`, { source: dir });
  return methods;
}

let builtIns: Promise<IntervisionMethod[]> | undefined;

/** The built-in methods, read once per process. */
export function intervisionMethods(): Promise<IntervisionMethod[]> {
  builtIns ??= loadMethods(builtInMethodsDir);
  return builtIns;
}
