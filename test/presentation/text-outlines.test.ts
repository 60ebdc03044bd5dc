/**
 * Chart labels drawn as glyph outlines (the PNG path) look as resvg draws the same text with the same fonts: every
 * form of text that Vega writes (anchors, bold, italic, a turned axis title, lines in tspans, escaped characters,
 * kerned pairs).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { renderPng } from '../../src/presentation/charts/render.js';
import { outlineTexts } from '../../src/presentation/charts/text-outlines.js';
import { differingPixelShare } from './support/image-diff.js';

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => path.join(fontDir, f));
const font = 'font-family="DejaVu Sans"';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="200" viewBox="0 0 420 200"><g>
<text text-anchor="start" transform="translate(10,20)" ${font} font-size="15px" font-weight="bold" fill="#222222">AVATAR To Wa, LT Yo.</text>
<text text-anchor="middle" transform="translate(210,45)" ${font} font-size="11px" fill="#333333" opacity="1">Ik weet wat &amp; waarom: “vóór” &lt;één&gt; 50%</text>
<text text-anchor="end" transform="translate(410,70)" ${font} font-size="11px" font-style="italic" fill="#6b6b6b">minder dan 3 antwoorden</text>
<text text-anchor="middle" transform="translate(20,140) rotate(-90) translate(0,-2)" ${font} font-size="11px" font-weight="bold" fill="#333333">Praktijk</text>
<text text-anchor="start" transform="translate(60,110)" ${font} font-size="10px" fill="#000"><tspan>De opleiding bereidt voor op</tspan><tspan x="0" dy="12">interculturele communicatie, de a…</tspan></text>
</g></svg>`;

describe('chart labels as outlines', () => {
  it('replace every <text> with a path, keeping its place and colour', () => {
    const outlined = outlineTexts(svg).toString();
    expect(outlined).not.toContain('<text');
    expect(outlined.match(/<path /g)).toHaveLength(5);
    expect(outlined).toContain('transform="translate(20,140) rotate(-90) translate(0,-2) scale(');
    expect(outlined).toContain('fill="#6b6b6b"');
  });

  it('look as resvg draws the text itself with the same fonts', async () => {
    const options = { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }, background: 'white' };
    const reference = new Resvg(svg, { ...options, fitTo: { mode: 'zoom', value: 2 } }).render().asPng();
    const drawn = await renderPng(svg, 2);
    // Italic is DejaVu Sans slanted (text-outlines.ts), as the Oblique face was made: its edges differ by a shade here and there.
    expect(differingPixelShare(drawn, reference)).toBeLessThan(0.003);
    const upright = (image: string) => image.replace(/<text[^>]*font-style="italic"[\s\S]*?<\/text>/, '');
    const uprightReference = new Resvg(upright(svg), { ...options, fitTo: { mode: 'zoom', value: 2 } }).render().asPng();
    expect(differingPixelShare(await renderPng(upright(svg), 2), uprightReference)).toBe(0);
    const withoutText = new Resvg(svg.replace(/<text[\s\S]*?<\/text>/g, ''), { ...options, fitTo: { mode: 'zoom', value: 2 } })
      .render()
      .asPng();
    expect(differingPixelShare(drawn, withoutText)).toBeGreaterThan(0.02);
  });
});
