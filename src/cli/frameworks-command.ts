import { loadFrameworkCatalogue, loadFrameworkFile } from '../app/framework-catalogue.js';
import { diffFrameworks } from '../domain/framework-diff.js';
import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import { frameworkDiffLines } from '../presentation/framework-diff-texts.js';
import { asJson, asLines } from './output.js';

export async function listFrameworks(format: 'text' | 'json', locale: Locale, extraDir?: string): Promise<string> {
  const frameworks = (await loadFrameworkCatalogue(extraDir)).list();
  if (format === 'json') {
    return asJson(
      frameworks.map((f) => ({
        id: f.id,
        version: f.version,
        title: f.title,
        criteria: f.criteria.length,
        components: f.components.map((c) => c.id),
        dimensions: f.dimensions.map((d) => d.id),
      })),
    );
  }
  const t = translator(locale);
  const width = Math.max(...frameworks.map((f) => f.id.length));
  return asLines(
    frameworks.map(
      (f) => `${f.id.padEnd(width)}  v${f.version}  ${t('cli.criteria', { count: f.criteria.length }).padStart(12)}  ${f.title[locale]}`,
    ),
  );
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
