import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

const run = promisify(execFile);
let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'spiegel-cli-'));
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the real `spiegel` bin against the test database; never throws, returns the exit code. */
async function spiegel(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    MONGODB_URI: inject('mongodbUri'),
    MONGODB_DB: database.db.databaseName,
    SPIEGEL_SECRET: 'cli-test-secret-'.repeat(3),
    SPIEGEL_DATA_DIR: dir,
    DEFAULT_LOCALE: 'en',
  };
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/spiegel.js', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

it('lists the four built-in frameworks', async () => {
  const { code, stdout } = await spiegel('frameworks', 'list', '--format', 'json');
  expect(code).toBe(0);
  expect(JSON.parse(stdout).map((f: { id: string }) => f.id)).toEqual([
    'intervision-case',
    'mediation-quality',
    'mentoring-to-work',
    'team-health',
  ]);
});

it('validates framework files and names the problem', async () => {
  const valid = await spiegel('frameworks', 'validate', 'frameworks/team-health.yaml');
  expect(valid.stdout).toBe('frameworks/team-health.yaml: a valid framework “team-health” v1.0 with 18 criteria\n');
  const file = join(dir, 'broken.yaml');
  await writeFile(
    file,
    'id: broken\nversion: "1"\ntitle: {nl: a, en: b}\ncomponents: [{id: c, title: {nl: a, en: b}}]\ncriteria:\n  - {id: x, component: c, perspective: money, text: {nl: a, en: b}}\n',
  );
  const { code, stderr } = await spiegel('frameworks', 'validate', file);
  expect(code).toBe(1);
  expect(stderr).toContain('framework.invalid');
  expect(stderr).toContain('criteria[0].perspective');
});

it('imports a CSV round, then summarises and exports it', async () => {
  const { code, stdout, stderr } = await spiegel(
    'round',
    'import',
    'examples/team-health-paper-round.csv',
    '--framework',
    'team-health',
    '--name',
    'Paper round',
  );
  expect(stderr).not.toContain('Error');
  expect(code).toBe(0);
  const roundId = stdout.trim();
  expect(roundId).toMatch(/^[A-Za-z0-9_-]{12}$/);

  const summary = await spiegel('round', 'summary', roundId, '--format', 'json');
  expect(summary.code).toBe(0);
  const json = JSON.parse(summary.stdout);
  expect(json.respondents).toBe(6);
  expect(json.criteria).toHaveLength(12);
  for (const key of ['criterionId', 'dimension', 'n', 'naCount', 'mean', 'median', 'iqr', 'sd', 'rwg', 'consensus', 'class']) {
    expect(json.criteria[0]).toHaveProperty(key);
  }
  expect(json.gaps.length).toBeGreaterThan(0);
  expect(json.discussionPoints.length).toBeGreaterThan(0);

  const text = await spiegel('round', 'summary', roundId, '--locale', 'nl');
  expect(text.stdout).toContain('Samenvatting: Paper round');

  const csv = await spiegel('round', 'export', roundId, '--format', 'csv');
  expect(csv.stdout.split('\n')[0]).toBe('criterion,component,dimension,value,comment');
  expect(csv.stdout.trim().split('\n')).toHaveLength(73);

  const list = await spiegel('rounds', 'list');
  expect(list.stdout).toContain(roundId);
});

it('reports bad CSV rows with line numbers and imports nothing', async () => {
  const file = join(dir, 'bad.csv');
  await writeFile(file, 'member,criterion,dimension,value,comment\nan,go-clear,,9,\nbo,go-clear,,3,\n');
  const { code, stderr } = await spiegel('round', 'import', file, '--framework', 'team-health', '--name', 'Bad file');
  expect(code).toBe(1);
  expect(stderr).toContain('line 2');
  const list = await spiegel('rounds', 'list', '--format', 'json');
  expect(JSON.parse(list.stdout).map((r: { name: string }) => r.name)).not.toContain('Bad file');
});

it('answers unknown commands and rounds clearly', async () => {
  const unknownCommand = await spiegel('round', 'explode');
  expect(unknownCommand.code).toBe(2);
  expect(unknownCommand.stderr).toContain('there is no command “round explode”');
  const badFormat = await spiegel('rounds', 'list', '--format', 'xml');
  expect(badFormat.code).toBe(2);
  expect(badFormat.stderr).toContain('--format must be one of text, json');
  const missingFile = await spiegel('frameworks', 'validate');
  expect(missingFile.stderr).toContain('FILE is missing');
  const unknown = await spiegel('round', 'summary', 'forged-round');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('round.unknown');
});
