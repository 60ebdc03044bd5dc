/**
 * Draws a Vega-Lite spec on the server, offline: Vega-Lite compiles it, Vega renders SVG with no canvas and no
 * browser, resvg turns the SVG into PNG once its text is drawn as outlines of the DejaVu fonts that ship in an npm
 * package (text-outlines.ts; no system fonts, no network), so a chart looks the same on every machine.
 */
import { Resvg } from '@resvg/resvg-js';
import { logger, parse, View, Warn } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { outlineTexts } from './text-outlines.js';

/**
 * Vega-Lite's warnings, less one: a faceted chart with per-panel rows whose layers filter one data set (the
 * distribution bars and their "fewer than k" rows) is, as the warning assumes, one source forked.
 */
const compileLogger = logger(Warn, undefined, (method, level, args) => {
  if (!String(args[0]).startsWith('Detected faceted independent scales that union domain of the same fields'))
    console[method](level, ...args);
});

/** A spec with each inline data set (`data: { values }`) replaced by a named one, and the rows of each by name. */
function separateData(spec: TopLevelSpec): { shape: TopLevelSpec; rows: Map<string, unknown[]> } {
  const rows = new Map<string, unknown[]>();
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        const values = key === 'data' ? (value as { values?: unknown }).values : undefined;
        if (!Array.isArray(values)) return [key, visit(value)];
        const name = `spiegel_rows_${rows.size}`;
        // Copies: Vega marks the rows it takes in, and two layers may share one array.
        rows.set(
          name,
          values.map((row: unknown) => (row !== null && typeof row === 'object' ? { ...row } : row)),
        );
        return [key, { name }];
      }),
    );
  };
  return { shape: visit(spec) as TopLevelSpec, rows };
}

/**
 * The views of the charts drawn lately, by their spec less its data. Building a view (Vega-Lite compiles, Vega parses
 * the result and sets up its dataflow) takes over half of an SVG's drawing time, and what it builds lives through the
 * draw: young-generation collections during the draw promote it, and V8 frees it only at a full collection, long
 * after. A kept view only takes in the new rows and draws again. One draw at a time per view; a view whose draw failed
 * is dropped.
 */
const MAX_VIEWS = 8;
interface KeptView {
  view: View;
  /** Settles when the draws queued on this view are done. */
  idle: Promise<void>;
}
const views = new Map<string, KeptView>();

function keptView(shape: TopLevelSpec): KeptView {
  const key = JSON.stringify(shape);
  const kept = views.get(key) ?? {
    view: new View(parse(compile(shape, { logger: compileLogger }).spec), { renderer: 'none' }),
    idle: Promise.resolve(),
  };
  views.delete(key);
  views.set(key, kept);
  for (const [oldest, { view, idle }] of views) {
    if (views.size <= MAX_VIEWS) break;
    views.delete(oldest);
    void idle.then(() => view.finalize());
  }
  return kept;
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { shape, rows } = separateData(spec);
  const kept = keptView(shape);
  const svg = kept.idle.then(() => {
    for (const [name, values] of rows) kept.view.data(name, values);
    return kept.view.toSVG();
  });
  kept.idle = svg.then(
    () => undefined,
    () => {
      for (const [key, entry] of views) if (entry === kept) views.delete(key);
    },
  );
  return svg;
}

/** Slack shows an image at most about this wide; more pixels only cost memory and time. */
const MAX_WIDTH = 1600;
/**
 * Sharp on high-density screens (2×), but a tall chart (the distribution of a 60-criterion round: 120 rows) is drawn
 * at about its own size: at 2× it would be four times the pixels, held twice over while resvg draws it. Never below
 * 1×, where its 11 px labels would blur.
 */
const MAX_PIXELS = 2_000_000;

/** PNG at up to `scale` × the SVG's size, less where that would exceed MAX_WIDTH or MAX_PIXELS, but never below 1×. */
export function renderPng(svg: string, scale = 2): Buffer {
  const options = { font: { loadSystemFonts: false }, background: 'white' };
  const [width = 0, height = 0] = ['width', 'height'].map((d) => Number(new RegExp(`<svg[^>]*?\\s${d}="([\\d.]+)"`).exec(svg)?.[1] ?? 0));
  const fit = Math.min(MAX_WIDTH / Math.max(1, width), Math.sqrt(MAX_PIXELS / Math.max(1, width * height)));
  const zoom = Math.max(Math.min(scale, 1), Math.min(scale, fit));
  return new Resvg(outlineTexts(svg), { ...options, fitTo: { mode: 'zoom', value: zoom } }).render().asPng();
}
