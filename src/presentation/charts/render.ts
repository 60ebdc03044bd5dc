/**
 * Draws a Vega-Lite spec on the server, offline: Vega-Lite compiles it, Vega renders SVG with no canvas and no
 * browser, resvg turns the SVG into PNG (in a short-lived worker thread) once its text is drawn as outlines of the
 * DejaVu fonts that ship in an npm package (text-outlines.ts; no system fonts, no network), so a chart looks the same
 * on every machine.
 */
import { Worker } from 'node:worker_threads';
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
  startSpare();
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

/**
 * resvg-js frees a drawing's parsed SVG and pixels only when V8 collects the small JS objects that hold them, and V8
 * does not know their size: charts drawn one after another leave several tall images' pixels (9 MB each at 1×)
 * waiting for a collection. So each PNG is drawn in a worker thread that ends with it (png-worker.cjs), taking that
 * memory along, and one at a time. The labels are outlined here, where the fonts are read once per process; the
 * outlined SVG moves to the worker without a copy, the PNG comes back.
 */
const pngWorkerFile = new URL('./png-worker.cjs', import.meta.url);
/**
 * resvg's allocator (mimalloc, built into its binary) keeps freed memory for the thread's next allocation, and purges
 * it only later, on that thread: a worker ends right after its drawing, so about 25 MB per drawing would stay with the
 * process. It purges at once instead; it reads this when the binary loads, in the first worker.
 */
process.env.MIMALLOC_PURGE_DELAY ??= '0';
let pngQueue: Promise<unknown> = Promise.resolve();

function startPngWorker(): Worker {
  // Its own heap stays small: a few JS objects.
  return new Worker(pngWorkerFile, {
    execArgv: [],
    resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 },
  });
}

/**
 * A thread takes some 30–40 ms to start here. So one is started ahead (when an SVG is drawn, a PNG of it often follows; and
 * when a drawing's thread ends, another drawing often follows) and waits, not keeping the process alive, for the next
 * PNG; unused, it ends after a while. There is one waiting thread at most, and it starts only once the drawing one
 * has ended, so a drawing never has a second thread's 9 MB beside it.
 */
const SPARE_IDLE_MS = 5_000;
let spare: { worker: Worker; idle: NodeJS.Timeout } | null = null;
let drawing = false;

function startSpare(): void {
  if (spare || drawing) return;
  const worker = startPngWorker();
  worker.unref();
  const idle = setTimeout(() => {
    spare = null;
    void worker.terminate();
  }, SPARE_IDLE_MS).unref();
  spare = { worker, idle };
  // A thread that fails while waiting ends, and the next PNG starts another; one that fails drawing rejects that PNG.
  worker.on('error', () => undefined);
  worker.once('exit', () => {
    if (spare?.worker === worker) spare = null;
  });
}

function takeSpare(): Worker {
  const worker = spare?.worker ?? startPngWorker();
  clearTimeout(spare?.idle);
  spare = null;
  worker.ref();
  return worker;
}

function drawInWorker(svg: string, zoom: number): Promise<Buffer> {
  // The labels are outlined here while the thread, if it was not waiting yet, starts up.
  const worker = takeSpare();
  drawing = true;
  const png = new Promise<Buffer>((resolve, reject) => {
    let drawn: Buffer | null = null;
    worker.once('message', (bytes: Uint8Array) => (drawn = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    worker.once('error', reject);
    worker.once('exit', () => {
      drawing = false;
      startSpare();
      if (drawn) resolve(drawn);
      else reject(new Error('the PNG worker ended without an image'));
    });
  });
  let outlined: Buffer<ArrayBuffer>;
  try {
    outlined = outlineTexts(svg);
  } catch (error) {
    png.catch(() => undefined);
    void worker.terminate();
    throw error;
  }
  const options = { font: { loadSystemFonts: false }, background: 'white', fitTo: { mode: 'zoom', value: zoom } };
  worker.postMessage({ svg: outlined, options }, [outlined.buffer]);
  return png;
}

/** PNG at up to `scale` × the SVG's size, less where that would exceed MAX_WIDTH or MAX_PIXELS, but never below 1×. */
export function renderPng(svg: string, scale = 2): Promise<Buffer> {
  const [width = 0, height = 0] = ['width', 'height'].map((d) => Number(new RegExp(`<svg[^>]*?\\s${d}="([\\d.]+)"`).exec(svg)?.[1] ?? 0));
  const fit = Math.min(MAX_WIDTH / Math.max(1, width), Math.sqrt(MAX_PIXELS / Math.max(1, width * height)));
  const zoom = Math.max(Math.min(scale, 1), Math.min(scale, fit));
  const png = pngQueue.then(() => drawInWorker(svg, zoom));
  pngQueue = png.then(
    () => undefined,
    () => undefined,
  );
  return png;
}
