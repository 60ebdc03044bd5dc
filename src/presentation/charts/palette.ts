/**
 * Colour-blind-safe colours (ColorBrewer PuOr, diverging: orange for the low end, purple for the high end, a light
 * grey middle), readable in greyscale too; one accent for points and lines.
 */
const puOr11 = ['#7f3b08', '#b35806', '#e08214', '#fdb863', '#fee0b6', '#f7f7f7', '#d8daeb', '#b2abd2', '#8073ac', '#542788', '#2d004b'];

/** `count` colours from low to high, symmetric around the middle grey. */
export function divergingColours(count: number): string[] {
  if (count === 1) return [puOr11[5]!];
  return Array.from({ length: count }, (_, i) => puOr11[Math.round(1 + (i * 8) / (count - 1))]!);
}

export const accent = '#542788';
export const muted = '#6b6b6b';
export const gridColour = '#dddddd';
export const chartFont = 'DejaVu Sans';
