import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useCli } from './support.js';

const { dir, spiegel } = useCli();

it('lists the four built-in frameworks', async () => {
  const { code, stdout } = await spiegel('frameworks', 'list', '--format', 'json');
  expect(code).toBe(0);
  expect((JSON.parse(stdout) as { id: string }[]).map((f) => f.id)).toEqual([
    'case-file-audit',
    'intervision-case',
    'mediation-quality',
    'mentoring-to-work',
    'team-health',
  ]);
});

it('validates framework files and names the problem', async () => {
  const valid = await spiegel('frameworks', 'validate', 'frameworks/team-health.yaml');
  expect(valid.stdout).toBe('frameworks/team-health.yaml: a valid framework “team-health” v1.0 with 18 criteria\n');
  const file = join(dir(), 'broken.yaml');
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
  const json = JSON.parse(summary.stdout) as { respondents: number; criteria: object[]; gaps: unknown[]; discussionPoints: unknown[] };
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
  const file = join(dir(), 'bad.csv');
  await writeFile(file, 'member,criterion,dimension,value,comment\nan,go-clear,,9,\nbo,go-clear,,3,\n');
  const { code, stderr } = await spiegel('round', 'import', file, '--framework', 'team-health', '--name', 'Bad file');
  expect(code).toBe(1);
  expect(stderr).toContain('line 2');
  const list = await spiegel('rounds', 'list', '--format', 'json');
  expect((JSON.parse(list.stdout) as { name: string }[]).map((r) => r.name)).not.toContain('Bad file');
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

it('imports units (all or nothing), rounds into units, and compares the units on a level', async () => {
  const units = join(dir(), 'units.csv');
  await writeFile(
    units,
    'id,name,parent,level\nnorth,North,,region\nsouth,South,,region\noa,Org A,north,organisation\nob,Org B,south,organisation\n',
  );
  const bad = join(dir(), 'bad-units.csv');
  await writeFile(bad, 'id,name,parent,level\nwest,West,,region\nx y,Bad id,west,organisation\n');
  const refused = await spiegel('units', 'import', bad, '--tenant', 'cli:units');
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('line 3: id “x y”');
  expect((await spiegel('units', 'import', units, '--tenant', 'cli:units')).code).toBe(0);
  const list = JSON.parse((await spiegel('units', 'list', '--tenant', 'cli:units', '--format', 'json')).stdout) as {
    levels: string[];
    units: { id: string }[];
  };
  expect(list.levels).toEqual(['region', 'domain', 'organisation', 'team']);
  expect(list.units.map((u) => u.id)).toEqual(['north', 'south', 'oa', 'ob']);

  const answers = (values: number[]) =>
    ['member,criterion,dimension,value,comment', ...values.map((v, i) => `m${i},go-clear,,${v},`)].join('\n');
  for (const [unit, values] of [
    ['oa', [4, 4, 5]],
    ['ob', [2, 2]],
  ] as const) {
    const file = join(dir(), `${unit}.csv`);
    await writeFile(file, answers([...values]));
    const imported = await spiegel('round', 'import', file, '--framework', 'team-health', '--unit', unit, '--tenant', 'cli:units');
    expect(imported.code).toBe(0);
  }
  const forged = await spiegel(
    'round',
    'import',
    join(dir(), 'oa.csv'),
    '--framework',
    'team-health',
    '--unit',
    'nowhere',
    '--tenant',
    'cli:units',
  );
  expect(forged.code).toBe(1);
  expect(forged.stderr).toContain('unit.unknown');

  const rollup = async (...extra: string[]) =>
    spiegel('report', 'rollup', '--framework', 'team-health', '--level', 'region', '--tenant', 'cli:units', ...extra);
  const json = JSON.parse((await rollup('--format', 'json')).stdout) as { items: { unitId: string; criterionId: string }[] };
  const goClear = (unitId: string) => json.items.find((i) => i.unitId === unitId && i.criterionId === 'go-clear');
  expect(goClear('north')).toMatchObject({
    unitId: 'north',
    criterionId: 'go-clear',
    dimension: 'rating',
    n: 3,
    median: 4,
    q1: 4,
    q3: 4.5,
    iqr: 0.5,
    class: 'consensus',
  });
  for (const key of ['rwg', 'consensus']) expect(goClear('north')).toHaveProperty(key);
  expect(goClear('south')).toMatchObject({ fewerThanK: true, n: null, median: null });
  const csv = (await rollup('--format', 'csv')).stdout.split('\n');
  expect(csv[0]).toBe('unitId,criterionId,component,perspective,dimension,fewerThanK,n,naCount,median,q1,q3,iqr,rwg,consensus,class');
  expect(csv.find((line) => line.startsWith('north,go-clear,'))).toMatch(
    /^north,go-clear,goals,organisation,rating,,3,0,4,4,4.5,0.5,0.8333/,
  );
  const text = (await rollup()).stdout;
  expect(text).toContain('organisation: 4 · consensus · n = 3');
  expect(text).toContain('I know what our team wants to achieve in the coming months: fewer than 3 answers');
  const empty = await rollup('--from', '2001-01-01', '--to', '2001-12-31');
  expect(empty.stdout).toContain('No closed rounds of this framework');
  const badDate = await rollup('--from', 'yesterday');
  expect(badDate.code).toBe(2);
  const trend = JSON.parse(
    (await spiegel('report', 'trend', '--framework', 'team-health', '--unit', 'north', '--tenant', 'cli:units', '--format', 'json')).stdout,
  ) as { rounds: unknown[]; test: string; series: { criterionId: string; points: object[] }[] };
  expect(trend.rounds).toHaveLength(1);
  expect(trend.test).toContain('Mann–Whitney U');
  expect(trend.series.find((s) => s.criterionId === 'go-clear')!.points[0]).toMatchObject({ median: 4, n: 3 });
}, 180_000);

it('creates, lists, pauses, resumes and deletes a recurring round', async () => {
  const tenant = ['--tenant', 'slack:TCLI'];
  const bad = await spiegel('schedule', 'create', '--channel', 'CQ', '--framework', 'team-health', '--cadence', 'hourly', ...tenant);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('cadence');
  const badPerspective = await spiegel(
    'schedule',
    'create',
    '--channel',
    'CQ',
    '--framework',
    'team-health',
    '--perspectives',
    'galaxy',
    ...tenant,
  );
  expect(badPerspective.code).toBe(1);
  expect(badPerspective.stderr).toContain('perspectives');
  const created = await spiegel(
    'schedule',
    'create',
    '--channel',
    'CQ',
    '--framework',
    'team-health',
    '--name',
    'Quarterly',
    '--cadence',
    'quarterly',
    '--day',
    '2',
    '--time',
    '08:15',
    '--time-zone',
    'Europe/Amsterdam',
    '--participants',
    'U1,U2,U3',
    '--anonymous',
    '--k',
    '3',
    '--perspectives',
    'process',
    ...tenant,
  );
  expect(created.stderr).not.toContain('Error');
  expect(created.stdout).toMatch(/^Scheduled “Quarterly” \(rec-[\w-]+\): every quarter \(Jan, Apr, Jul, Oct\) on day 2 at 08:15\./);
  const list = JSON.parse((await spiegel('schedule', 'list', '--format', 'json', ...tenant)).stdout) as { id: string }[];
  expect(list).toEqual([
    expect.objectContaining({
      name: 'Quarterly',
      channel: 'CQ',
      cadence: 'quarterly',
      cron: '15 8 2 1,4,7,10 *',
      timeZone: 'Europe/Amsterdam',
      anonymous: true,
      k: 3,
      perspectives: ['process'],
      participants: 3,
      paused: false,
    }),
  ]);
  const id = list[0]!.id;
  expect((await spiegel('schedule', 'pause', id, ...tenant)).stdout).toContain('Paused “Quarterly”');
  expect((JSON.parse((await spiegel('schedule', 'list', '--format', 'json', ...tenant)).stdout) as object[])[0]).toMatchObject({
    paused: true,
    nextRunAt: null,
  });
  expect((await spiegel('schedule', 'resume', id, ...tenant)).stdout).toContain('Resumed “Quarterly”');
  expect((await spiegel('schedule', 'list', '--tenant', 'slack:TOTHER')).stdout).toBe(
    'No recurring rounds yet. Create one with “schedule”.\n',
  );
  const otherTenant = await spiegel('schedule', 'delete', id, '--tenant', 'slack:TOTHER');
  expect(otherTenant.code).toBe(1);
  expect(otherTenant.stderr).toContain('recurrence.unknown');
  expect((await spiegel('schedule', 'delete', id, ...tenant)).stdout).toContain(`Deleted the recurring round ${id}`);
}, 180_000);
