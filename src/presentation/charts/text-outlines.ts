/**
 * A chart's SVG with each `<text>` replaced by the outlines of its glyphs, for the PNG. resvg shapes every `<text>`
 * with its full font machinery, a few milliseconds apiece and most of a chart's drawing time; here a glyph's outline
 * is read once per process (chart-fonts.ts) and a label becomes one `<path>`, kerned as the font asks. The SVG of the
 * report page keeps its `<text>`: selectable, and read by screen readers.
 *
 * It reads the SVG that Vega writes: a `<text>` with font attributes, placed by its `transform`, one line or a
 * `<tspan>` per line (each after the first moved down by its `dy`).
 */
import { fontFace, type FaceStyle, type FontFace } from './chart-fonts.js';

const textElement = /<text\b([^>]*)>([\s\S]*?)<\/text>/g;
const lineElement = /<tspan\b([^>]*)>([\s\S]*?)<\/tspan>/g;
const attribute = /([\w:-]+)="([^"]*)"/g;
/** Attributes that only mean something on text; the others (transform, fill, opacity, …) carry over to the path. */
const textOnly = new Set(['font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'transform']);
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decoded(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) return String.fromCodePoint(Number(name[1] === 'x' || name[1] === 'X' ? `0${name.slice(1)}` : name.slice(1)));
    return entities[name] ?? whole;
  });
}

/** As SVG lays out text by default (xml:space="default"): newlines dropped, spaces collapsed, the ends trimmed. */
function collapsed(text: string): string {
  return decoded(text.replace(/[\r\n]/g, '').replace(/\t/g, ' '))
    .trim()
    .replace(/ {2,}/g, ' ');
}

function faceStyle(attributes: Map<string, string>): FaceStyle {
  const weight = attributes.get('font-weight') ?? 'normal';
  return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600 ? 'bold' : 'regular';
}

/**
 * Italic as DejaVu Sans Oblique draws it, in font units: the upright glyph slanted by the face's 11° about 586 units
 * above the baseline (DejaVu Sans Oblique is DejaVu Sans slanted so), so that no third and fourth face are read into
 * memory for the one italic label of a chart.
 */
const slope = Math.tan((11 * Math.PI) / 180);
const obliqueSlant = `matrix(1 0 ${slope} 1 ${-slope * 586} 0)`;

/** Each line's text and its baseline, in px below the first. */
function lines(content: string): { text: string; baseline: number }[] {
  if (!content.includes('<tspan')) return [{ text: collapsed(content), baseline: 0 }];
  let baseline = 0;
  return [...content.matchAll(lineElement)].map(([, attributes = '', text = '']) => {
    baseline += Number(/\bdy="([-\d.]+)"/.exec(attributes)?.[1] ?? 0);
    return { text: collapsed(text), baseline };
  });
}

/**
 * The outlined SVG as UTF-8 bytes, written as it is laid out: a tall chart's labels come to more than a megabyte of
 * path data, which as strings (each label's, then the whole SVG's) would live through the drawing and be promoted into
 * V8's old generation, to be freed only at a full collection; here only short-lived pieces are made.
 */
class SvgBytes {
  private bytes: Buffer<ArrayBuffer>;
  private length = 0;

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafeSlow(capacity);
  }

  write(text: string): void {
    const needed = this.length + text.length * 3;
    if (needed > this.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += this.bytes.write(text, this.length);
  }

  done(): Buffer<ArrayBuffer> {
    return this.bytes.subarray(0, this.length);
  }
}

/** One line as relative path commands in font units (y up), the pen coming from and left at `pen`. */
function writeLinePath(out: SvgBytes, face: FontFace, text: string, anchor: string, baseline: number, pen: [number, number]): void {
  // By code point: the font maps code points to glyphs (no shaping of clusters: chart labels are Latin text).
  const glyphs = Array.from(text, (char) => face.glyph(char));
  const offsets: number[] = [];
  let width = 0;
  glyphs.forEach((glyph, i) => {
    offsets.push(width);
    width += glyph.advance + (i + 1 < glyphs.length ? face.kern(glyph.index, glyphs[i + 1]!.index) : 0);
  });
  const shift = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  glyphs.forEach((glyph, i) => {
    if (!glyph.start) return;
    const [x, y] = [shift + offsets[i]!, baseline];
    out.write(`m${x + glyph.start[0] - pen[0]} ${y + glyph.start[1] - pen[1]}`);
    out.write(glyph.body);
    [pen[0], pen[1]] = [x + glyph.end[0], y + glyph.end[1]];
  });
}

function writeOutlinedText(out: SvgBytes, attributeText: string, content: string): void {
  const attributes = new Map([...attributeText.matchAll(attribute)].map(([, name = '', value = '']) => [name, value]));
  const face = fontFace(faceStyle(attributes));
  const scale = Number.parseFloat(attributes.get('font-size') ?? '12') / face.unitsPerEm;
  const textLines = lines(content);
  const drawn = textLines.some((line) => Array.from(line.text).some((char) => face.glyph(char).start));
  if (!drawn || !Number.isFinite(scale) || scale <= 0) return;
  const anchor = attributes.get('text-anchor') ?? 'start';
  const kept = [...attributes].filter(([name]) => !textOnly.has(name)).map(([name, value]) => ` ${name}="${value}"`);
  const slant = /italic|oblique/.test(attributes.get('font-style') ?? '') ? ` ${obliqueSlant}` : '';
  const transform = `${attributes.get('transform') ?? ''} scale(${scale} ${-scale})${slant}`.trim();
  out.write(`<path${kept.join('')} transform="${transform}" d="`);
  const pen: [number, number] = [0, 0];
  for (const line of textLines) writeLinePath(out, face, line.text, anchor, -line.baseline / scale, pen);
  out.write('"/>');
}

export function outlineTexts(svg: string): Buffer<ArrayBuffer> {
  const out = new SvgBytes(svg.length * 8);
  let from = 0;
  for (const match of svg.matchAll(textElement)) {
    out.write(svg.slice(from, match.index));
    writeOutlinedText(out, match[1] ?? '', match[2] ?? '');
    from = match.index + match[0].length;
  }
  out.write(svg.slice(from));
  return out.done();
}
