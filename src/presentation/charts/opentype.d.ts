/**
 * The part of opentype.js (2.x, which ships no types) that text-outlines.ts uses. @types/opentype.js is not used:
 * it describes 1.x and pulls the DOM library into the whole program.
 */
declare module 'opentype.js' {
  export type PathCommand =
    | { type: 'M'; x: number; y: number }
    | { type: 'L'; x: number; y: number }
    | { type: 'Q'; x1: number; y1: number; x: number; y: number }
    | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: 'Z' };

  export interface Glyph {
    advanceWidth?: number;
    path: { commands: PathCommand[] };
  }

  /** A GPOS lookup, opaque here: only handed back to `Position.getKerningValue`. */
  export interface KerningLookup {
    lookupType: number;
  }

  export interface Font {
    unitsPerEm: number;
    charToGlyphIndex(char: string): number;
    glyphs: { get(index: number): Glyph };
    position: {
      getKerningTables(script: string): KerningLookup[] | undefined;
      getKerningValue(lookups: KerningLookup[], left: number, right: number): number;
    };
  }

  const opentype: { parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font };
  export default opentype;
}
