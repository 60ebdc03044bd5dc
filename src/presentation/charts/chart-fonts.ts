/**
 * The DejaVu Sans faces of the charts (from the dejavu-fonts-ttf package, so every machine draws the same). The glyphs
 * that chart labels mostly use (Latin, digits, punctuation) and their kerning come from a table made from the font
 * files ahead of time (font-tables/, written by tools/font-tables/make-tables.ts, checked against the fonts by a test): reading
 * a whole face with opentype.js costs some 4 MB a face, which a chart drawing paid on top of its own memory. A
 * character outside the table is read from the font file, once per process, the first time it is drawn.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import opentype, { type Font, type KerningLookup, type PathCommand } from 'opentype.js';
import { z } from 'zod';

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

/** A kerning pair's key: two glyph indices (each below 0x10000) in one number. */
const pairKey = (left: number, right: number): number => left * 0x10000 + right;

/** What the outlining needs of a face. */
export interface FontFace {
  readonly unitsPerEm: number;
  glyph(char: string): GlyphOutline;
  /** The pair's kerning in font units. */
  kern(left: number, right: number): number;
}

/** A face read from its font file by opentype.js; each glyph's outline and pair's kerning kept once asked for. */
export class FontFileFace implements FontFace {
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

  /** The sum over the font's Latin 'kern' lookups, as a shaper applies them in turn. */
  kern(left: number, right: number): number {
    const key = pairKey(left, right);
    let value = this.kerning.get(key);
    if (value === undefined) {
      value = this.kerningLookups.reduce((sum, lookup) => sum + this.font.position.getKerningValue([lookup], left, right), 0);
      this.kerning.set(key, value);
    }
    return value;
  }
}

export function readFontFile(style: FaceStyle): FontFileFace {
  const bytes = readFileSync(path.join(fontDir, faceFiles[style]));
  return new FontFileFace(opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { lowMemory: true }));
}

/** The characters a table holds: Latin with its accents, the punctuation, arrows and signs that labels use. */
export const tableCharacters: readonly string[] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x2264, 0x2265],
].flatMap(([from = 0, to = 0]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)));

const point = z.tuple([z.number(), z.number()]);
const fontTableSchema = z.object({
  file: z.string(),
  unitsPerEm: z.number().positive(),
  /** Per character: glyph index, advance, first point (null: no outline), body, end point. */
  glyphs: z.record(z.string(), z.tuple([z.number().int(), z.number(), point.nullable(), z.string(), point])),
  /** The pairs with kerning, as [left glyph, right glyph, value] in a row. */
  kerning: z.array(z.number()).refine((values) => values.length % 3 === 0),
});
export type FontTable = z.infer<typeof fontTableSchema>;

/** The table of a face: what `tableCharacters` need of it, exactly as the font file gives it. */
export function fontTable(style: FaceStyle, face: FontFace): FontTable {
  const glyphs = tableCharacters.map((char) => [char, face.glyph(char)] as const);
  const indices = [...new Set(glyphs.map(([, glyph]) => glyph.index))];
  const kerning = indices.flatMap((left) =>
    indices.flatMap((right) => {
      const value = face.kern(left, right);
      return value === 0 ? [] : [left, right, value];
    }),
  );
  return {
    file: faceFiles[style],
    unitsPerEm: face.unitsPerEm,
    glyphs: Object.fromEntries(glyphs.map(([char, g]) => [char, [g.index, g.advance, g.start ? [...g.start] : null, g.body, [...g.end]]])),
    kerning,
  };
}

export const fontTableFile = (style: FaceStyle): string =>
  fileURLToPath(new URL(`./font-tables/${faceFiles[style].replace(/\.ttf$/, '.json')}`, import.meta.url));

/** A face drawn from its table; characters outside it, and their kerning, from the font file. */
class TabledFace implements FontFace {
  readonly unitsPerEm: number;
  private readonly glyphs = new Map<string, GlyphOutline>();
  private readonly kerning = new Map<number, number>();
  private readonly tabled = new Set<number>();
  private file: FontFileFace | null = null;

  constructor(
    table: FontTable,
    private readonly style: FaceStyle,
  ) {
    this.unitsPerEm = table.unitsPerEm;
    for (const [char, [index, advance, start, body, end]] of Object.entries(table.glyphs)) {
      this.glyphs.set(char, { index, advance, start, body, end });
      this.tabled.add(index);
    }
    for (let i = 0; i < table.kerning.length; i += 3) {
      const [left = 0, right = 0, value = 0] = table.kerning.slice(i, i + 3);
      this.kerning.set(pairKey(left, right), value);
    }
  }

  glyph(char: string): GlyphOutline {
    return this.glyphs.get(char) ?? this.fontFile().glyph(char);
  }

  kern(left: number, right: number): number {
    if (this.tabled.has(left) && this.tabled.has(right)) return this.kerning.get(pairKey(left, right)) ?? 0;
    return this.fontFile().kern(left, right);
  }

  private fontFile(): FontFileFace {
    this.file ??= readFontFile(this.style);
    return this.file;
  }
}

const faces = new Map<FaceStyle, FontFace>();

export function fontFace(style: FaceStyle): FontFace {
  let face = faces.get(style);
  if (!face) {
    face = new TabledFace(fontTableSchema.parse(JSON.parse(readFileSync(fontTableFile(style), 'utf8'))), style);
    faces.set(style, face);
  }
  return face;
}
