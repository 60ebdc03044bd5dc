/**
 * The layer rules catch what they forbid: dependency-cruiser, with the project's own config, runs over a
 * small throw-away tree that breaks each rule exactly once.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Each file of the tree and the modules it imports (paths under src/). */
const tree: Record<string, string[]> = {
  'domain/round.ts': ['app/rounds.ts'],
  'app/rounds.ts': ['storage/rounds.ts'],
  'presentation/texts.ts': ['app/rounds.ts'],
  'platforms/slack/home.ts': ['storage/rounds.ts', 'platforms/teams/cards.ts'],
  'platforms/teams/cards.ts': [],
  'storage/rounds.ts': ['main.ts', 'cli/output.ts', 'platforms/teams/cards.ts'],
  'scheduling/a.ts': ['scheduling/b.ts'],
  'scheduling/b.ts': ['scheduling/a.ts'],
  'main.ts': [],
  'cli/output.ts': [],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'spiegel-layers-'));
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' }, include: ['src'] }),
  );
  for (const [file, imports] of Object.entries(tree)) {
    const from = path.join(dir, 'src', file);
    await mkdir(path.dirname(from), { recursive: true });
    const lines = imports.map((target, i) => {
      const relative = path.relative(path.dirname(from), path.join(dir, 'src', target)).replace(/\.ts$/, '.js');
      return `import * as m${i} from '${relative.startsWith('.') ? relative : `./${relative}`}';\nexport const use${i} = m${i};`;
    });
    await writeFile(from, `${lines.join('\n')}\nexport const here = '${file}';\n`);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('fails on every forbidden arrow, and only on those', async () => {
  const depcruise = path.join(repoRoot, 'node_modules/.bin/depcruise');
  const config = path.join(repoRoot, '.dependency-cruiser.cjs');
  const run = promisify(execFile)(depcruise, ['src', '--config', config, '--output-type', 'err'], { cwd: dir });
  // A violation makes depcruise exit non-zero: that is what fails `npm run lint` and CI.
  const failure = (await run.then(
    () => null,
    (error: unknown) => error,
  )) as { code: number; stdout: string } | null;
  expect(failure?.code).toBeGreaterThan(0);
  const found = [...failure!.stdout.matchAll(/^\s*error ([\w-]+): (\S+) → (\S*)/gm)].map(
    ([, rule, from, to]) => `${rule}: ${from} → ${to}`,
  );
  expect(found.sort()).toEqual(
    [
      'domain-is-pure: src/domain/round.ts → src/app/rounds.ts',
      'app-imports-only-domain: src/app/rounds.ts → src/storage/rounds.ts',
      'presentation-imports-domain-and-i18n: src/presentation/texts.ts → src/app/rounds.ts',
      'platforms-never-import-storage: src/platforms/slack/home.ts → src/storage/rounds.ts',
      'slack-and-teams-stay-apart: src/platforms/slack/home.ts → src/platforms/teams/cards.ts',
      'storage-never-imports-platforms: src/storage/rounds.ts → src/platforms/teams/cards.ts',
      'nothing-imports-main: src/storage/rounds.ts → src/main.ts',
      'nothing-imports-the-cli: src/storage/rounds.ts → src/cli/output.ts',
      // A cycle is reported once, from the module where the cruise meets it, with the rest on later lines.
      'no-cycles: src/scheduling/a.ts → ',
    ].sort(),
  );
});
