/** The pieces every report page shares (pure): escaping, one stylesheet with print CSS for A4, a chart beside its table, the document. */
import type { Locale } from '../domain/framework.js';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const styles = `
  :root { color-scheme: light; font-family: "DejaVu Sans", system-ui, sans-serif; color: #222; }
  body { margin: 2rem auto; max-width: 1200px; padding: 0 1rem; line-height: 1.4; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; } h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
  .meta { color: #555; margin: 0; } .interim { color: #8a4b00; font-weight: bold; }
  figure { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 1.5rem; margin: 1rem 0; break-inside: avoid; }
  figure svg { width: 100%; height: auto; } figcaption { grid-column: 1 / -1; color: #444; font-size: .9rem; }
  table { border-collapse: collapse; font-size: .8rem; width: 100%; align-self: start; }
  th, td { border-bottom: 1px solid #ddd; padding: .2rem .35rem; text-align: right; vertical-align: top; }
  th:first-child, td:first-child { text-align: left; min-width: 14rem; } tr.component th { text-align: left; background: #f3f3f3; }
  td.hidden { color: #6b6b6b; font-style: italic; text-align: left; } .n { color: #666; font-size: .75rem; } td:not(:first-child) { white-space: nowrap; }
  ul.comments { margin: .25rem 0 .75rem 1.25rem; padding: 0; } .hint { color: #777; font-size: .8rem; }
  @media (max-width: 900px) { figure { grid-template-columns: 1fr; } }
  @page { size: A4; margin: 15mm 12mm; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; } .hint { display: none; }
    figure { grid-template-columns: 1fr; } h2 { break-after: avoid; } tr { break-inside: avoid; }
  }`;

export interface RenderedChart<K extends string = string> {
  kind: K;
  title: string;
  alt: string;
  svg: string;
}

/** A table from header cells and rows of ready HTML cells (`<td>`…). */
export function tableHtml(head: readonly string[], rows: readonly string[]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A chart with its table beside it; the alt text is the chart's accessible name and its caption. */
export function figureHtml(chart: RenderedChart, table: string): string {
  return `<h2>${escapeHtml(chart.title)}</h2><figure role="group" aria-label="${escapeHtml(chart.title)}"><div role="img" aria-label="${escapeHtml(chart.alt)}">${chart.svg}</div>${table}<figcaption>${escapeHtml(chart.alt)}</figcaption></figure>`;
}

/** A self-contained page: no script, no outside resource. */
export function htmlDocument(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style>${styles}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}
