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
  const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const oblique = /italic|oblique/.test(attributes.get('font-style') ?? '');
  return bold ? (oblique ? 'boldOblique' : 'bold') : oblique ? 'oblique' : 'regular';
}

/** Each line's text and its baseline, in px below the first. */
function lines(content: string): { text: string; baseline: number }[] {
  if (!content.includes('<tspan')) return [{ text: collapsed(content), baseline: 0 }];
  let baseline = 0;
  return [...content.matchAll(lineElement)].map(([, attributes = '', text = '']) => {
    baseline += Number(/\bdy="([-\d.]+)"/.exec(attributes)?.[1] ?? 0);
    return { text: collapsed(text), baseline };
  });
}

/** One line as relative path commands in font units (y up), the pen coming from and left at `pen`. */
function linePath(face: FontFace, text: string, anchor: string, baseline: number, pen: [number, number]): string {
  // By code point: the font maps code points to glyphs (no shaping of clusters: chart labels are Latin text).
  const glyphs = Array.from(text, (char) => face.glyph(char));
  const offsets: number[] = [];
  let width = 0;
  glyphs.forEach((glyph, i) => {
    offsets.push(width);
    width += glyph.advance + (i + 1 < glyphs.length ? face.kern(glyph.index, glyphs[i + 1]!.index) : 0);
  });
  const shift = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  let path = '';
  glyphs.forEach((glyph, i) => {
    if (!glyph.start) return;
    const [x, y] = [shift + offsets[i]!, baseline];
    path += `m${x + glyph.start[0] - pen[0]} ${y + glyph.start[1] - pen[1]}${glyph.body}`;
    [pen[0], pen[1]] = [x + glyph.end[0], y + glyph.end[1]];
  });
  return path;
}

function outlinedText(attributeText: string, content: string): string {
  const attributes = new Map([...attributeText.matchAll(attribute)].map(([, name = '', value = '']) => [name, value]));
  const face = fontFace(faceStyle(attributes));
  const scale = Number.parseFloat(attributes.get('font-size') ?? '12') / face.unitsPerEm;
  const anchor = attributes.get('text-anchor') ?? 'start';
  const pen: [number, number] = [0, 0];
  const d = lines(content)
    .map((line) => linePath(face, line.text, anchor, -line.baseline / scale, pen))
    .join('');
  if (!d || !Number.isFinite(scale) || scale <= 0) return '';
  const kept = [...attributes].filter(([name]) => !textOnly.has(name)).map(([name, value]) => ` ${name}="${value}"`);
  const transform = `${attributes.get('transform') ?? ''} scale(${scale} ${-scale})`.trim();
  return `<path${kept.join('')} transform="${transform}" d="${d}"/>`;
}

export function outlineTexts(svg: string): string {
  return svg.replace(textElement, (_, attributes: string, content: string) => outlinedText(attributes, content));
}
