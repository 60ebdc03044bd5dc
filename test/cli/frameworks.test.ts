/** A workspace's own frameworks from the command line: add (versions), list, show, retire; other workspaces never see them. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BROKEN_FRAMEWORK, OUR_FRAMEWORK_V1, OUR_FRAMEWORK_V2 } from '../support/workspace-frameworks.js';
import { useCli } from './support.js';

const { dir, spiegel } = useCli();
const tenant = ['--tenant', 'slack:TOURS'];

async function file(name: string, text: string): Promise<string> {
  const path = join(dir(), name);
  await writeFile(path, text);
  return path;
}

it('adds a framework for one workspace, versions it, shows it, and retires it', { timeout: 240_000 }, async () => {
  const added = await spiegel('frameworks', 'add', await file('our-intake.yaml', OUR_FRAMEWORK_V1), ...tenant);
  expect(added.code).toBe(0);
  expect(added.stdout).toContain('“Our intake” (our-intake, version 1) is stored for this workspace as revision 1');

  const listed = await spiegel('frameworks', 'list', '--format', 'json', ...tenant);
  const entries = JSON.parse(listed.stdout) as { id: string; origin: string; revision: number | null }[];
  expect(entries.find((e) => e.id === 'our-intake')).toMatchObject({ origin: 'workspace', revision: 1 });
  expect(entries.find((e) => e.id === 'team-health')).toMatchObject({ origin: 'built-in', revision: null });
  // Another workspace, and the installation without a workspace, do not see it.
  const other = await spiegel('frameworks', 'list', '--format', 'json', '--tenant', 'slack:TOTHER');
  expect((JSON.parse(other.stdout) as { id: string }[]).map((e) => e.id)).not.toContain('our-intake');
  expect((await spiegel('frameworks', 'show', 'our-intake', '--tenant', 'slack:TOTHER')).stderr).toContain('framework.unknown');
  expect((await spiegel('frameworks', 'list')).stdout).not.toContain('our-intake');

  const again = await spiegel('frameworks', 'add', await file('same.yaml', OUR_FRAMEWORK_V1), ...tenant);
  expect(again.stdout).toContain('nothing changed, nothing stored');
  const v2 = await spiegel('frameworks', 'add', await file('our-intake-2.yaml', OUR_FRAMEWORK_V2), ...tenant);
  expect(v2.stdout).toContain('as revision 2');
  expect(v2.stdout).toContain('+ in-follow: We follow up within a week.');
  expect(v2.stdout).toContain('- in-paper: The paperwork is complete.');
  expect(v2.stdout).toContain('~ in-plan: We make a plan together.');

  const shown = await spiegel('frameworks', 'show', 'our-intake', '--format', 'json', ...tenant);
  const detail = JSON.parse(shown.stdout) as {
    version: string;
    revision: number;
    scale: { min: number; max: number };
    perspectives: string[];
    components: { id: string; criteria: { id: string }[]; questions: { id: string }[] }[];
    questions: { id: string; text: { en: string } }[];
  };
  expect(detail).toMatchObject({ version: '2', revision: 2, scale: { min: 1, max: 5 }, perspectives: ['process'] });
  expect(detail.components.map((c) => [c.id, c.criteria.map((x) => x.id)])).toEqual([['intake', ['in-listen', 'in-plan', 'in-follow']]]);
  expect(detail.components[0]?.questions.map((q) => q.id)).toEqual(['in-missing']);
  expect(detail.questions).toEqual([{ id: 'best-moment', text: { en: 'Which moment went best?', nl: 'Welk moment ging het best?' } }]);
  const text = await spiegel('frameworks', 'show', 'team-health', '--locale', 'nl');
  expect(text.stdout).toContain('Teamgezondheid (team-health, versie 1.0)');
  expect(text.stdout).toContain('  go-clear [organisatie]: Ik weet wat ons team de komende maanden wil bereiken.');
  const mentoring = await spiegel('frameworks', 'show', 'mentoring-to-work', '--locale', 'en');
  expect(mentoring.stdout).toContain(
    'Open questions about the whole round\n  missing-criterion: Which quality criterion that matters to your work is missing',
  );

  const retired = await spiegel('frameworks', 'retire', 'our-intake', ...tenant);
  expect(retired.stdout).toContain('is retired');
  expect((await spiegel('frameworks', 'list', ...tenant)).stdout).not.toContain('our-intake');
  const builtIn = await spiegel('frameworks', 'retire', 'team-health', ...tenant);
  expect(builtIn.code).toBe(1);
  expect(builtIn.stderr).toContain('is built in and cannot be retired');
});

it('refuses a broken file with its line and path, and an oversized one, storing nothing', { timeout: 120_000 }, async () => {
  const broken = await spiegel('frameworks', 'add', await file('broken.yaml', BROKEN_FRAMEWORK), '--tenant', 'slack:TBROKEN');
  expect(broken.code).toBe(1);
  expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+: criteria\[0\]\.perspective/);
  const huge = await spiegel(
    'frameworks',
    'add',
    await file('huge.yaml', `# ${'x'.repeat(1024 * 1024)}\n${OUR_FRAMEWORK_V1}`),
    '--tenant',
    'slack:TBROKEN',
  );
  expect(huge.code).toBe(1);
  expect(huge.stderr).toContain('file is too large');
  const listed = await spiegel('frameworks', 'list', '--format', 'json', '--tenant', 'slack:TBROKEN');
  expect((JSON.parse(listed.stdout) as { id: string }[]).map((e) => e.id)).not.toContain('our-intake');
});
