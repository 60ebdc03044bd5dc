/**
 * Writes the glyph tables of the chart fonts (src/presentation/charts/font-tables/*.json) from the DejaVu font files
 * in node_modules. Run: npx tsx tools/font-tables/make-tables.ts (the tables are committed; a test checks that they
 * match the installed fonts, so rerun this after updating dejavu-fonts-ttf).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fontTable, fontTableFile, readFontFile, type FaceStyle } from '../../src/presentation/charts/chart-fonts.js';

for (const style of ['regular', 'bold'] satisfies FaceStyle[]) {
  const file = fontTableFile(style);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(fontTable(style, readFontFile(style)))}\n`);
  console.log(`wrote ${file}`);
}
