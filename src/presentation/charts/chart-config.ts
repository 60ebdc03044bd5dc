import type { Config } from 'vega-lite';
import { chartFont, gridColour } from './palette.js';

/** One look for every chart: the font that ships with Spiegel (dejavu-fonts-ttf), quiet grid, white background. */
export const chartConfig: Config = {
  font: chartFont,
  background: 'white',
  padding: 12,
  view: { stroke: null },
  axis: { gridColor: gridColour, labelFontSize: 11, titleFontSize: 11, labelColor: '#333333', titleColor: '#333333' },
  legend: { labelFontSize: 11, titleFontSize: 11 },
  title: { color: '#222222' },
};
