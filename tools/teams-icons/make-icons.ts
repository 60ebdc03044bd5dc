/**
 * Draws Spiegel's Teams icons and writes them as PNG files (with the charts' encoder, src/presentation/charts/png-encoder.cjs):
 *   manifests/teams/color.png    192×192, full colour: a hand mirror on a teal tile
 *   manifests/teams/outline.png   32×32, white on transparent (what Teams requires for outline icons)
 * Run: npx tsx tools/teams-icons/make-icons.ts (the PNGs are committed; rerun only to change the design).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from '../../src/presentation/charts/png-encoder.cjs';

type Rgba = [number, number, number, number];

/** Coverage in [0, 1] of a pixel by a shape given as a predicate, by 4×4 supersampling. */
function coverage(x: number, y: number, inside: (px: number, py: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

function over(base: Rgba, color: Rgba, alpha: number): Rgba {
  const a = (color[3] / 255) * alpha;
  const outA = a + (base[3] / 255) * (1 - a);
  if (outA === 0) return [0, 0, 0, 0];
  const mix = (c: number, b: number) => Math.round((c * a + b * (base[3] / 255) * (1 - a)) / outA);
  return [mix(color[0], base[0]), mix(color[1], base[1]), mix(color[2], base[2]), Math.round(outA * 255)];
}

/** The hand mirror, in a unit square (0..1): an oval ring, two shine strokes, and a handle. */
function mirrorShapes(stroke: number) {
  const cx = 0.5;
  const cy = 0.41;
  const rx = 0.27;
  const ry = 0.31;
  const ellipse = (px: number, py: number, a: number, b: number) => ((px - cx) / a) ** 2 + ((py - cy) / b) ** 2 <= 1;
  const ring = (px: number, py: number) => ellipse(px, py, rx, ry) && !ellipse(px, py, rx - stroke, ry - stroke);
  const glass = (px: number, py: number) => ellipse(px, py, rx - stroke, ry - stroke);
  const segment = (x1: number, y1: number, x2: number, y2: number, w: number) => (px: number, py: number) => {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy)) <= w / 2;
  };
  const shine = [segment(0.37, 0.36, 0.47, 0.24, stroke * 0.9), segment(0.4, 0.47, 0.55, 0.28, stroke * 0.9)];
  const handle = segment(0.5, cy + ry - stroke / 2, 0.5, 0.9, stroke * 1.5);
  return { ring, glass, shine: (px: number, py: number) => shine.some((s) => s(px, py)), oneShine: shine[1]!, handle };
}

function draw(size: number, paint: (u: number, v: number, px: number, py: number) => Rgba): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const color = paint(x / size, y / size, x, y);
      pixels.set(color, (y * size + x) * 4);
    }
  }
  return pixels;
}

function colorIcon(size: number): Buffer {
  const { ring, glass, shine, handle } = mirrorShapes(0.055);
  const tile: Rgba = [31, 107, 112, 255];
  const scale = (f: (u: number, v: number) => boolean) => (px: number, py: number) => f(px / size, py / size);
  return draw(size, (_u, _v, x, y) => {
    let c: Rgba = tile;
    c = over(c, [173, 224, 222, 255], coverage(x, y, scale(glass)));
    c = over(c, [255, 255, 255, 230], coverage(x, y, scale(shine)));
    c = over(c, [255, 255, 255, 255], coverage(x, y, scale(ring)));
    c = over(c, [255, 255, 255, 255], coverage(x, y, scale(handle)));
    return c;
  });
}

function outlineIcon(size: number): Buffer {
  const { ring, oneShine, handle } = mirrorShapes(0.09);
  const scale = (f: (u: number, v: number) => boolean) => (px: number, py: number) => f(px / size, py / size);
  const white = (px: number, py: number) => scale(ring)(px, py) || scale(oneShine)(px, py) || scale(handle)(px, py);
  return draw(size, (_u, _v, x, y) => [255, 255, 255, Math.round(255 * coverage(x, y, white))]);
}

const dir = fileURLToPath(new URL('../../manifests/teams/', import.meta.url));
writeFileSync(`${dir}color.png`, await encodePng(colorIcon(192), 192, 192, 9));
writeFileSync(`${dir}outline.png`, await encodePng(outlineIcon(32), 32, 32, 9));
console.log(`wrote ${dir}color.png and ${dir}outline.png`);
