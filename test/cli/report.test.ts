import { readFile } from 'node:fs/promises';
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
