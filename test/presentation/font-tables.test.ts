/** The glyph tables that charts draw from are what the installed DejaVu font files give, glyph for glyph, pair for pair. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontFace, fontTable, fontTableFile, readFontFile, tableCharacters } from '../../src/presentation/charts/chart-fonts.js';

describe('chart font tables', () => {
  it.each(['regular', 'bold'] as const)(
    '%s: the committed table is the font file’s (else: npx tsx tools/font-tables/make-tables.ts)',
    (style) => {
      const committed: unknown = JSON.parse(readFileSync(fontTableFile(style), 'utf8'));
      expect(committed).toEqual(fontTable(style, readFontFile(style)));
    },
  );

  it('draws a character outside the table, and its kerning, from the font file', () => {
    const [table, file] = [fontFace('regular'), readFontFile('regular')];
    expect(tableCharacters).not.toContain('Ж');
    expect(table.glyph('Ж')).toEqual(file.glyph('Ж'));
    expect(table.glyph('Ж').body.length).toBeGreaterThan(10);
    const [a, zhe, t, y] = ['A', 'Ж', 'T', 'y'].map((char) => file.glyph(char).index) as [number, number, number, number];
    expect(table.kern(a, zhe)).toBe(file.kern(a, zhe));
    expect(table.kern(t, y)).toBe(file.kern(t, y));
    expect(table.kern(t, y)).not.toBe(0);
  });
});
