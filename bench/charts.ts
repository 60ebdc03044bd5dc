/**
 * bench charts: every chart of a 60-criterion round on two dimensions (the distribution bars of 120 items and the
 * importance × practice quadrant), drawn to SVG and PNG as the summary post and the report page do: time per run
 * and extra peak RSS. Needs no database. Goal (issue 19): ≤ 300 ms in total and ≤ 80 MB extra peak RSS.
 *
 * The first draw builds a Vega view per chart and keeps it (render.ts); the warm draws take in the rows again on those
 * views, as the server does for every chart of the same shape (kind, language, scale, k). A draw in a language not
 * drawn before builds new views again: timed on its own after the peak is taken. Each PNG is drawn in a worker thread
 * of this process that ends with it (render.ts): its memory counts in the peak as any other.
 */
import { setImmediate } from 'node:timers/promises';
import { frameworkSchema } from '../src/domain/framework.js';
import { renderPng, renderSvg } from '../src/presentation/charts/render.js';
import { roundCharts } from '../src/presentation/charts/round-charts.js';
import { sampleRound } from '../test/support/sample-round.js';
import { fmt, median } from './support/bench-context.js';

const CRITERIA = 60;
const MEMBERS = 12;

const framework = frameworkSchema.parse({
  id: 'bench-charts',
  version: '1',
  title: { nl: 'Bench', en: 'Bench' },
  dimensions: [
    { id: 'importance', label: { nl: 'Belang', en: 'Importance' } },
    { id: 'practice', label: { nl: 'Praktijk', en: 'Practice' } },
  ],
  components: Array.from({ length: 6 }, (_, i) => ({ id: `part-${i}`, title: { nl: `Onderdeel ${i + 1}`, en: `Part ${i + 1}` } })),
  criteria: Array.from({ length: CRITERIA }, (_, i) => ({
    id: `c-${i}`,
    component: `part-${i % 6}`,
    perspective: 'process',
    text: {
      nl: `Criterium ${i + 1}: een zin van gewone lengte over de begeleiding`,
      en: `Criterion ${i + 1}: a sentence of ordinary length`,
    },
  })),
});
// The answers the chart tests draw, on a larger framework: every twelfth criterion answered by fewer than k.
const { round, summary } = await sampleRound(framework, { members: MEMBERS, sparseEvery: 12 });

interface Draw {
  svgMs: number;
  pngMs: number;
  cpuMs: number;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function drawAll(locale: 'nl' | 'en' = 'nl'): Promise<Draw> {
  const [start, cpuStart] = [performance.now(), cpuMs()];
  const svgs = await Promise.all(roundCharts(round, summary, locale).map((chart) => renderSvg(chart.spec)));
  const mid = performance.now();
  for (const svg of svgs) await renderPng(svg);
  return { svgMs: mid - start, pngMs: performance.now() - mid, cpuMs: cpuMs() - cpuStart };
}

// Peak RSS as the kernel counts it (maxRSS, in KiB), worker threads included: a sampling timer would miss the short
// synchronous stretches (Vega's layout, a worker's drawing) where the peak is. Between draws the event loop turns, as
// between the requests and posts that draw charts in the server. CPU is the process's, worker threads included.
const rssBefore = process.memoryUsage().rss;
const first = await drawAll();
const rssWarm = process.memoryUsage().rss;
const runs: Draw[] = [];
for (let i = 0; i < 10; i++) {
  await setImmediate();
  runs.push(await drawAll());
}
const peak = process.resourceUsage().maxRSS * 1024;
await setImmediate();
const newShapes = await drawAll('en');

const total = runs.map((r) => r.svgMs + r.pngMs);
console.log(`round: ${CRITERIA} criteria × 2 dimensions, ${MEMBERS} members; charts: ${roundCharts(round, summary, 'nl').length}`);
console.log(`first draw (cold: module set-up): ${fmt(first.svgMs + first.pngMs)} ms`);
console.log(
  `warm draw, median of ${runs.length}: ${fmt(median(total))} ms (SVG ${fmt(median(runs.map((r) => r.svgMs)))} ms, PNG ${fmt(median(runs.map((r) => r.pngMs)))} ms; CPU ${fmt(median(runs.map((r) => r.cpuMs)))} ms) — goal ≤ 300 ms`,
);
console.log(`a draw in English, views built anew: ${fmt(newShapes.svgMs + newShapes.pngMs)} ms`);
console.log(`extra peak RSS: ${fmt((peak - rssBefore) / 2 ** 20)} MB (before ${fmt(rssBefore / 2 ** 20)} MB) — goal ≤ 80 MB`);
// What the first draw leaves set up once per process (compiled code, the fonts, V8's grown heap) apart from the rest.
console.log(`peak above what the first draw left (${fmt(rssWarm / 2 ** 20)} MB): ${fmt((peak - rssWarm) / 2 ** 20)} MB`);
