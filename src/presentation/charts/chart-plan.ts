/** A chart before it is drawn: its kind, title, alt text and Vega-Lite spec. */
import type { TopLevelSpec } from 'vega-lite';

export const chartKinds = ['distribution', 'quadrant', 'convergence'] as const;
export type ChartKind = (typeof chartKinds)[number];

export interface ChartPlan<K extends string = ChartKind> {
  kind: K;
  title: string;
  alt: string;
  spec: TopLevelSpec;
}
