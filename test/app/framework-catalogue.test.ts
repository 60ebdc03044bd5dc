import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FrameworkCatalogue, loadFrameworkCatalogue, loadFrameworkFile } from '../../src/app/framework-catalogue.js';
import { isSpiegelError, type SpiegelError } from '../../src/domain/errors.js';
import { perspectives, type Framework } from '../../src/domain/framework.js';

const builtInIds = ['case-file-audit', 'intervision-case', 'mediation-quality', 'mentoring-to-work', 'team-health'];

async function rejection(promise: Promise<unknown>): Promise<SpiegelError> {
  try {
    await promise;
  } catch (error) {
    if (isSpiegelError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function customYaml(id: string, criterionPerspective = 'client'): string {
  return [
    `id: ${id}`,
    'version: "2.1"',
    'title: { nl: "Eigen kader", en: "Own framework" }',
    'components:',
    '  - id: main',
    '    title: { nl: "Algemeen", en: "General" }',
    'criteria:',
    '  - id: c1',
    '    component: main',
    `    perspective: ${criterionPerspective}`,
    '    text: { nl: "We doen het goed.", en: "We do well." }',
    '',
  ].join('\n');
}

describe('built-in frameworks', () => {
  let builtIns: Framework[];
  beforeEach(async () => {
    builtIns ??= [...(await loadFrameworkCatalogue()).list()];
  });

  it('are the five shipped frameworks, version 1.0', () => {
    expect(builtIns.map((f) => f.id).sort()).toEqual(builtInIds);
    for (const f of builtIns) expect(f.version).toBe('1.0');
  });

  it('have at least 12 criteria, each with Dutch and English text of at most 140 characters', () => {
    for (const f of builtIns) {
      expect(f.criteria.length, f.id).toBeGreaterThanOrEqual(12);
      for (const c of f.criteria) {
        for (const text of [c.text.nl, c.text.en]) {
          expect(text.trim().length, `${f.id}/${c.id}`).toBeGreaterThan(0);
          expect(text.length, `${f.id}/${c.id}`).toBeLessThanOrEqual(140);
        }
        if (c.help) expect(c.help.nl && c.help.en, `${f.id}/${c.id} help`).toBeTruthy();
      }
      for (const component of f.components) {
        expect(component.title.nl && component.title.en).toBeTruthy();
        expect(
          f.criteria.some((c) => c.component === component.id),
          `${f.id}: empty component ${component.id}`,
        ).toBe(true);
      }
    }
  });

  it('use a 1-5 scale with labels in both languages and allow "not applicable"', () => {
    for (const f of builtIns) {
      expect(f.scale).toMatchObject({ min: 1, max: 5, allowNotApplicable: true });
      for (const point of ['1', '2', '3', '4', '5']) {
        const label = f.scale.labels[point];
        expect(label?.nl, `${f.id} label ${point}`).toBeTruthy();
        expect(label?.en, `${f.id} label ${point}`).toBeTruthy();
      }
    }
  });

  it('mentoring-to-work covers all seven components and all four perspectives, rated on importance and practice', () => {
    const f = builtIns.find((x) => x.id === 'mentoring-to-work')!;
    const components = ['recruitment', 'screening-intake', 'training', 'matching', 'monitoring-support', 'closure', 'evaluation'];
    expect(f.components.map((c) => c.id)).toEqual(components);
    expect(new Set(f.criteria.map((c) => c.component))).toEqual(new Set(components));
    for (const perspective of perspectives) {
      const count = f.criteria.filter((c) => c.perspective === perspective).length;
      expect(count, perspective).toBeGreaterThanOrEqual(4);
    }
    expect(f.dimensions.map((d) => d.id)).toEqual(['importance', 'practice']);
    expect(f.description?.en).toContain('worked example');
    expect(f.description?.en).toContain('not an official list');
    expect(f.description?.nl).toContain('geen officiële lijst');
  });

  it('mediation-quality covers the parts of the quality system', () => {
    const f = builtIns.find((x) => x.id === 'mediation-quality')!;
    expect(f.components.map((c) => c.id)).toEqual(['work-description', 'monitoring', 'research', 'basic-training', 'licence']);
  });
});

describe('FrameworkCatalogue', () => {
  it('lists by id, answers has(), and refuses an unknown id with framework.unknown', async () => {
    const builtIns = [...(await loadFrameworkCatalogue()).list()];
    const catalogue = new FrameworkCatalogue([...builtIns].reverse());
    expect(catalogue.list().map((f) => f.id)).toEqual(builtInIds);
    expect(catalogue.has('team-health')).toBe(true);
    expect(catalogue.has('nope')).toBe(false);
    expect(catalogue.get('team-health').id).toBe('team-health');

    let caught: unknown;
    try {
      catalogue.get('nope');
    } catch (error) {
      caught = error;
    }
    expect(isSpiegelError(caught, 'framework.unknown')).toBe(true);
    expect((caught as SpiegelError).details).toMatchObject({ id: 'nope', known: builtInIds });
  });

  it('hands out frozen frameworks', async () => {
    const catalogue = await loadFrameworkCatalogue();
    expect(Object.isFrozen(catalogue.get('team-health').criteria[0])).toBe(true);
  });

  it('refuses two frameworks with the same id', async () => {
    const [first] = [...(await loadFrameworkCatalogue()).list()];
    expect(() => new FrameworkCatalogue([first!, { ...first! }])).toThrow(/share the id/);
  });
});

describe('loading files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spiegel-frameworks-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loadFrameworkFile picks the format from the extension', async () => {
    await writeFile(join(dir, 'a.yml'), customYaml('own-yml'));
    const json = {
      id: 'own-json',
      version: '1',
      title: { nl: 'J', en: 'J' },
      components: [{ id: 'm', title: { nl: 'M', en: 'M' } }],
      criteria: [{ id: 'c', component: 'm', perspective: 'result', text: { nl: 'T', en: 'T' } }],
    };
    await writeFile(join(dir, 'b.json'), JSON.stringify(json));
    expect((await loadFrameworkFile(join(dir, 'a.yml'))).id).toBe('own-yml');
    expect((await loadFrameworkFile(join(dir, 'b.json'))).id).toBe('own-json');
  });

  it('loadFrameworkFile reports an unreadable file or another extension as framework.invalid with the path', async () => {
    const missing = join(dir, 'missing.yaml');
    const error = await rejection(loadFrameworkFile(missing));
    expect(error.code).toBe('framework.invalid');
    expect(error.details.source).toBe(missing);
    expect(error.message).toContain(missing);

    await writeFile(join(dir, 'notes.txt'), 'hello');
    expect((await rejection(loadFrameworkFile(join(dir, 'notes.txt')))).message).toMatch(/\.yaml, \.yml or \.json/);
  });

  it('loadFrameworkCatalogue adds every framework file of the extra directory', async () => {
    await writeFile(join(dir, 'own.yaml'), customYaml('own'));
    await writeFile(join(dir, 'README.md'), '# not a framework');
    await writeFile(join(dir, '.draft.yaml'), 'not: [valid');
    await mkdir(join(dir, 'archive'));
    await writeFile(join(dir, 'archive', 'old.yaml'), customYaml('old'));

    const catalogue = await loadFrameworkCatalogue(dir);
    expect(catalogue.list().map((f) => f.id)).toEqual([...builtInIds.slice(0, 4), 'own', 'team-health']);
    expect(catalogue.get('own').version).toBe('2.1');
    expect(catalogue.has('old')).toBe(false);
  });

  it('without an extra directory the catalogue holds the built-ins', async () => {
    expect((await loadFrameworkCatalogue()).list().map((f) => f.id)).toEqual(builtInIds);
  });

  it('a custom framework with a built-in id is an error naming both files', async () => {
    const clash = join(dir, 'my-team.yaml');
    await writeFile(clash, customYaml('team-health'));
    const error = await rejection(loadFrameworkCatalogue(dir));
    expect(error.code).toBe('framework.invalid');
    expect(error.message).toContain(clash);
    expect(error.message).toMatch(/frameworks[\\/]team-health\.yaml/);
    expect(error.message).toContain('"team-health"');
  });

  it('two custom files with the same id clash too', async () => {
    await writeFile(join(dir, 'a.yaml'), customYaml('own'));
    await writeFile(
      join(dir, 'b.json'),
      JSON.stringify({
        id: 'own',
        version: '1',
        title: { nl: 'B', en: 'B' },
        components: [{ id: 'm', title: { nl: 'M', en: 'M' } }],
        criteria: [{ id: 'c', component: 'm', perspective: 'result', text: { nl: 'T', en: 'T' } }],
      }),
    );
    const error = await rejection(loadFrameworkCatalogue(dir));
    expect(error.message).toContain(join(dir, 'a.yaml'));
    expect(error.message).toContain(join(dir, 'b.json'));
  });

  it('an invalid custom file fails the catalogue, listing every problem of every file', async () => {
    await writeFile(join(dir, 'one.yaml'), customYaml('one', 'klant'));
    await writeFile(join(dir, 'two.yaml'), 'id: two\n  version: [\n');
    const error = await rejection(loadFrameworkCatalogue(dir));
    expect(error.code).toBe('framework.invalid');
    const lines = error.message.split('\n');
    expect(lines.some((l) => l.startsWith(`${join(dir, 'one.yaml')}:10:`) && l.includes('criteria[0].perspective'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${join(dir, 'two.yaml')}:`))).toBe(true);
    expect(error.details.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: join(dir, 'one.yaml'), path: 'criteria[0].perspective' })]),
    );
  });

  it('a missing extra directory is reported with its path', async () => {
    const missing = join(dir, 'nope');
    const error = await rejection(loadFrameworkCatalogue(missing));
    expect(error.code).toBe('framework.invalid');
    expect(error.message).toContain(missing);
  });
});
