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

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec, { logger: compileLogger }).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
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
