import { loadFrameworkCatalogue, loadFrameworkFile } from '../app/framework-catalogue.js';
import type { Locale } from '../domain/framework.js';

export async function listFrameworks(format: 'text' | 'json', locale: Locale, extraDir?: string): Promise<string> {
  const catalogue = await loadFrameworkCatalogue(extraDir);
  const frameworks = catalogue.list();
  if (format === 'json') {
    return `${JSON.stringify(
      frameworks.map((f) => ({
        id: f.id,
        version: f.version,
        title: f.title,
        criteria: f.criteria.length,
        components: f.components.map((c) => c.id),
        dimensions: f.dimensions.map((d) => d.id),
      })),
      null,
      2,
    )}\n`;
  }
  const width = Math.max(...frameworks.map((f) => f.id.length));
  return `${frameworks
    .map((f) => `${f.id.padEnd(width)}  v${f.version}  ${String(f.criteria.length).padStart(3)} criteria  ${f.title[locale]}`)
    .join('\n')}\n`;
}

export async function validateFrameworkFile(path: string): Promise<string> {
  const framework = await loadFrameworkFile(path);
  return `${path}: valid framework "${framework.id}" v${framework.version} with ${framework.criteria.length} criteria\n`;
}
