import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useCli } from './support.js';

const { dir, spiegel } = useCli();

it('writes a round’s chart as PNG or SVG and its report page as HTML', async () => {
  const imported = await spiegel(
    'round',
    'import',
    'examples/team-health-paper-round.csv',
    '--framework',
    'team-health',
    '--name',
    'Paper',
  );
  const roundId = imported.stdout.trim();

  const png = join(dir(), 'chart.png');
  const drawn = await spiegel('report', 'round', roundId, '--format', 'png', '--out', png);
  expect(drawn.code).toBe(0);
  expect(drawn.stdout).toMatch(new RegExp(`^${png}\\nSpread of the answers on 12 criteria\\.`));
  expect((await readFile(png)).subarray(1, 4).toString()).toBe('PNG');

  const svg = join(dir(), 'chart.svg');
  expect((await spiegel('report', 'round', roundId, '--format', 'svg', '--out', svg, '--locale', 'nl')).code).toBe(0);
  expect(await readFile(svg, 'utf8')).toContain('Hoe de antwoorden verdeeld zijn, per criterium');

  const html = join(dir(), 'report.html');
  expect((await spiegel('report', 'round', roundId, '--format', 'html', '--out', html)).code).toBe(0);
  expect(await readFile(html, 'utf8')).toContain('<h1>Report: Paper</h1>');
}, 180_000);

it('refuses a chart the round does not have, and a missing --out', async () => {
  const roundId = (await spiegel('round', 'import', 'examples/team-health-paper-round.csv', '--framework', 'team-health')).stdout.trim();
  const quadrant = await spiegel('report', 'round', roundId, '--format', 'png', '--out', join(dir(), 'q.png'), '--chart', 'quadrant');
  expect(quadrant.code).toBe(2);
  expect(quadrant.stderr).toContain('this round has no quadrant chart');
  const noOut = await spiegel('report', 'round', roundId, '--format', 'png');
  expect(noOut.code).toBe(2);
  expect(noOut.stderr).toContain('--out FILE is missing');
}, 180_000);

it('writes a comparison’s heat map and report page, and a trend chart', async () => {
  const tenant = ['--tenant', 'cli:pictures'];
  const units = join(dir(), 'units.csv');
  await writeFile(units, 'id,name,parent,level\nnorth,Noord,,region\nsouth,Zuid,,region\n');
  expect((await spiegel('units', 'import', units, ...tenant)).code).toBe(0);
  for (const unit of ['north', 'north', 'south'])
    expect(
      (await spiegel('round', 'import', 'examples/team-health-paper-round.csv', '--framework', 'team-health', '--unit', unit, ...tenant))
        .code,
    ).toBe(0);
  const rollup = (...extra: string[]) =>
    spiegel('report', 'rollup', '--framework', 'team-health', '--level', 'region', ...tenant, ...extra);

  const html = join(dir(), 'comparison.html');
  expect((await rollup('--format', 'html', '--out', html, '--locale', 'nl')).code).toBe(0);
  const page = await readFile(html, 'utf8');
  expect(page).toContain('<h1>Vergelijking: Teamgezondheid per region</h1>');
  expect(page).toContain('<th>Noord</th><th>Zuid</th>');
  expect(page).toContain('(n = 12)');
  expect(page).toContain('Mediaan per eenheid en criterium');

  const png = join(dir(), 'heatmap.png');
  const drawn = await rollup('--format', 'png', '--out', png);
  expect(drawn.stdout).toMatch(new RegExp(`^${png}\\n2 units compared on \\d+ items \\(medians\\)\\.`));
  expect((await readFile(png)).subarray(1, 4).toString()).toBe('PNG');
  expect((await rollup('--format', 'svg')).stderr).toContain('--out FILE is missing');

  const trend = join(dir(), 'trend.svg');
  const trendDrawn = await spiegel(
    'report',
    'trend',
    '--framework',
    'team-health',
    '--unit',
    'north',
    '--format',
    'svg',
    '--out',
    trend,
    ...tenant,
  );
  expect(trendDrawn.stdout).toMatch(/^.*trend\.svg\nMedians over 2 rounds; \d+ criteria drawn\./);
  expect(await readFile(trend, 'utf8')).toContain('Median per criterion, round by round');
  const single = await spiegel(
    'report',
    'trend',
    '--framework',
    'team-health',
    '--unit',
    'south',
    '--format',
    'png',
    '--out',
    join(dir(), 't.png'),
    ...tenant,
  );
  expect(single.code).toBe(2);
  expect(single.stderr).toContain('nothing to draw');
}, 180_000);
