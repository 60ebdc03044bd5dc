/**
 * The DejaVu Sans faces of the charts (from the dejavu-fonts-ttf package, so every machine draws the same), read with
 * opentype.js once per process. Each glyph's outline is kept once it is drawn: a chart's labels use a few dozen glyphs
 * over and over.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import opentype, { type Font, type KerningLookup, type PathCommand } from 'opentype.js';

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const faceFiles = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
export type FaceStyle = keyof typeof faceFiles;

/**
 * A glyph as an SVG path in font units (y up) drawn from its origin: `start` is its first point, `body` the rest in
 * relative commands, `end` where the pen rests after it (the start of its last contour). Relative commands let one
 * path string hold a whole line of text: each glyph only needs a move from where the previous one ended.
 */
export interface GlyphOutline {
  index: number;
  advance: number;
  start: readonly [number, number] | null;
  body: string;
  end: readonly [number, number];
}

function outline(commands: PathCommand[]): Pick<GlyphOutline, 'start' | 'body' | 'end'> {
  let start: [number, number] | null = null;
  let [x, y, contourX, contourY] = [0, 0, 0, 0];
  let body = '';
  for (const c of commands) {
    if (c.type === 'Z') {
      body += 'z';
      [x, y] = [contourX, contourY];
      continue;
    }
    if (c.type === 'M') {
      if (start) body += `m${c.x - x} ${c.y - y}`;
      else start = [c.x, c.y];
      [contourX, contourY] = [c.x, c.y];
    } else if (c.type === 'L') body += `l${c.x - x} ${c.y - y}`;
    else if (c.type === 'Q') body += `q${c.x1 - x} ${c.y1 - y} ${c.x - x} ${c.y - y}`;
    else body += `c${c.x1 - x} ${c.y1 - y} ${c.x2 - x} ${c.y2 - y} ${c.x - x} ${c.y - y}`;
    [x, y] = [c.x, c.y];
  }
  return { start, body, end: [x, y] };
}

export class FontFace {
  readonly unitsPerEm: number;
  private readonly glyphs = new Map<string, GlyphOutline>();
  private readonly kerning = new Map<number, number>();
  private readonly kerningLookups: KerningLookup[];

  constructor(private readonly font: Font) {
    this.unitsPerEm = font.unitsPerEm;
    this.kerningLookups = font.position.getKerningTables('latn') ?? [];
  }

  glyph(char: string): GlyphOutline {
    let found = this.glyphs.get(char);
    if (!found) {
      const index = this.font.charToGlyphIndex(char);
      const glyph = this.font.glyphs.get(index);
      found = { index, advance: glyph.advanceWidth ?? 0, ...outline(glyph.path.commands) };
      this.glyphs.set(char, found);
    }
    return found;
  }

  /** The pair's kerning in font units: the sum over the font's Latin 'kern' lookups, as a shaper applies them in turn. */
  kern(left: number, right: number): number {
    const key = left * 0x10000 + right;
    let value = this.kerning.get(key);
    if (value === undefined) {
      value = this.kerningLookups.reduce((sum, lookup) => sum + this.font.position.getKerningValue([lookup], left, right), 0);
      this.kerning.set(key, value);
    }
    return value;
  }
}

const faces = new Map<FaceStyle, FontFace>();

export function fontFace(style: FaceStyle): FontFace {
  let face = faces.get(style);
  if (!face) {
    const bytes = readFileSync(path.join(fontDir, faceFiles[style]));
    face = new FontFace(opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { lowMemory: true }));
    faces.set(style, face);
  }
  return face;
}
