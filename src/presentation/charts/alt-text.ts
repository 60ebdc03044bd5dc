/** Each chart's alt text states its main finding in the reader's language (pure). */
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import { translator } from '../../i18n/translator.js';
import { formatNumber } from '../round-texts.js';
import { isShown, itemLabel, quadrantPoints } from './chart-data.js';

export function distributionAltText(round: Round, summary: Summary, locale: Locale): string {
  const t = translator(locale);
  const k = round.settings.anonymityThreshold;
  const shown = summary.criteria.filter((s) => isShown(s, k));
  const divided = shown
    .filter((s) => s.class === 'polarised' || s.class === 'divergent')
    .sort((a, b) => (a.consensus ?? 1) - (b.consensus ?? 1))
    .slice(0, 3)
    .map((s) => itemLabel(round, s, locale));
  const parts = [
    t('charts.distribution.altCount', { count: summary.criteria.length }),
    t('charts.distribution.altConsensus', { count: shown.filter((s) => s.class === 'consensus').length }),
    divided.length > 0 ? t('charts.distribution.altDivided', { items: divided.join('; ') }) : t('charts.distribution.altNoneDivided'),
  ];
  const hidden = summary.criteria.length - shown.length;
  if (hidden > 0) parts.push(t('charts.distribution.altHidden', { count: hidden, k }));
  return parts.join(' ');
}

export function quadrantAltText(round: Round, summary: Summary, locale: Locale): string | null {
  const quadrant = quadrantPoints(round, summary, locale);
  if (!quadrant) return null;
  const t = translator(locale);
  const n = (v: number) => formatNumber(v, locale);
  const widest = [...quadrant.points].sort((a, b) => b.x - b.y - (a.x - a.y))[0];
  const parts = [t('charts.quadrant.altCount', { count: quadrant.points.length })];
  parts.push(
    widest && widest.x - widest.y >= 1
      ? t('charts.quadrant.altGap', { item: widest.item, x: n(widest.x), y: n(widest.y) })
      : t('charts.quadrant.altNoGap'),
  );
  if (quadrant.hidden > 0) parts.push(t('charts.distribution.altHidden', { count: quadrant.hidden, k: round.settings.anonymityThreshold }));
  return parts.join(' ');
}
