import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadFrameworkCatalogue, loadFrameworkFile, MAX_FRAMEWORK_FILE_BYTES, tooLarge } from '../app/framework-catalogue.js';
import { addFramework, describeFramework, retireFramework, workspaceFrameworks } from '../app/tenant-frameworks.js';
import { diffFrameworks } from '../domain/framework-diff.js';
import { criteriaByComponent, type Locale } from '../domain/framework.js';
import type { FrameworkEntry } from '../domain/workspace-framework.js';
import { translator } from '../i18n/translator.js';
import { frameworkDiffLines } from '../presentation/framework-diff-texts.js';
import { frameworkAddedLines, frameworkDetailLines } from '../presentation/framework-texts.js';
import type { CliSession } from './cli-context.js';
import { asJson, asLines } from './output.js';

const builtIn = (framework: FrameworkEntry['framework']): FrameworkEntry => ({
  framework,
  origin: 'built-in',
  revision: null,
  source: null,
});

/** The frameworks of the installation, or with a session those a workspace can use (its own beside the built-ins). */
export async function listFrameworks(
  format: 'text' | 'json',
  locale: Locale,
  from: { extraDir?: string | undefined; session?: CliSession },
): Promise<string> {
  const entries = from.session
    ? await workspaceFrameworks(from.session.ctx, from.session.actor.tenantId)
    : (await loadFrameworkCatalogue(from.extraDir)).list().map(builtIn);
  if (format === 'json') {
    return asJson(
      entries.map(({ framework: f, origin, revision }) => ({
        id: f.id,
        version: f.version,
        title: f.title,
        origin,
        revision,
        criteria: f.criteria.length,
        components: f.components.map((c) => c.id),
        dimensions: f.dimensions.map((d) => d.id),
      })),
    );
  }
  const t = translator(locale);
  const width = Math.max(...entries.map((e) => e.framework.id.length));
  return asLines(
    entries.map(
      ({ framework: f, revision }) =>
        `${f.id.padEnd(width)}  v${f.version}  ${t('cli.criteria', { count: f.criteria.length }).padStart(12)}  ${f.title[locale]}${
          revision === null ? '' : t('fw.workspaceMark', { revision })
        }`,
    ),
  );
}

/** `frameworks show ID`: every criterion with its id, by component, with scale, dimensions and perspectives. */
export async function showFramework(
  id: string,
  format: 'text' | 'json',
  locale: Locale,
  from: { extraDir?: string | undefined; session?: CliSession },
): Promise<string> {
  const entry = from.session
    ? await describeFramework(from.session.ctx, from.session.actor, id)
    : builtIn((await loadFrameworkCatalogue(from.extraDir)).get(id));
  if (format === 'text') return asLines(frameworkDetailLines(entry, locale));
  const f = entry.framework;
  return asJson({
    id: f.id,
    version: f.version,
    title: f.title,
    description: f.description ?? null,
    origin: entry.origin,
    revision: entry.revision,
    scale: f.scale,
    dimensions: f.dimensions,
    perspectives: [...new Set(f.criteria.map((c) => c.perspective))],
    components: criteriaByComponent(f).map(({ component, criteria }) => ({
      ...component,
      criteria,
      questions: f.questions.filter((q) => q.component === component.id),
    })),
    questions: f.questions.filter((q) => q.component === undefined),
  });
}

/** `frameworks add FILE --tenant T`: the file becomes the workspace's next revision of its framework. */
export async function addFrameworkCommand(session: CliSession, path: string, locale: Locale): Promise<string> {
  const size = (await stat(path)).size;
  if (size > MAX_FRAMEWORK_FILE_BYTES) throw tooLarge(path, size);
  const added = await addFramework(session.ctx, session.actor, { name: basename(path), text: await readFile(path, 'utf8') });
  return asLines(frameworkAddedLines(added, locale));
}

/** `frameworks retire ID --tenant T`. */
export async function retireFrameworkCommand(session: CliSession, id: string, locale: Locale): Promise<string> {
  const retired = await retireFramework(session.ctx, session.actor, id);
  return asLines([translator(locale)('fw.retired', { id: retired.frameworkId })]);
}

export async function validateFrameworkFile(path: string, locale: Locale): Promise<string> {
  const framework = await loadFrameworkFile(path);
  return asLines([
    translator(locale)('cli.validFramework', { path, id: framework.id, version: framework.version, count: framework.criteria.length }),
  ]);
}

/** What changed between two versions of a framework file: criteria added, removed, reworded or moved, by id. */
export async function diffFrameworkFiles(previous: string, next: string, format: 'text' | 'json', locale: Locale): Promise<string> {
  const diff = diffFrameworks(await loadFrameworkFile(previous), await loadFrameworkFile(next));
  return format === 'json' ? asJson(diff) : asLines(frameworkDiffLines(diff, locale));
}
