/**
 * GET /reports/<token> (a round's report page), GET /exports/<token> (a file of a round's export, as a download)
 * and GET /charts/<token>.png (a chart image for a summary card),
 * served from signed, expiring links (src/app/report-links.ts). Anything not genuine gets a 404 with a short page in
 * the link's language (or the default one); the page may not be cached, indexed, framed or sent on as a referrer.
 */
import type { Express, Response } from 'express';
import type { AppContext } from '../app/context.js';
import { linkActor, linkPaths, openLinkToken, type LinkClaims } from '../app/report-links.js';
import { roundExportData, roundSummary } from '../app/summaries.js';
import { exportFile } from '../presentation/round-export.js';
import type { Locale } from '../domain/framework.js';
import { isSpiegelError } from '../domain/errors.js';
import { translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import { renderPng } from '../presentation/charts/render.js';
import { renderRoundCharts, roundReportHtml } from '../presentation/round-report.js';

const pageHeaders = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
};

export function mountReportRoutes(http: Express, deps: { ctx: AppContext; logger: Logger; defaultLocale: Locale }): void {
  const { ctx, logger } = deps;
  const notFound = (res: Response, locale: Locale) =>
    res
      .status(404)
      .set(pageHeaders)
      .type('html')
      .send(`<!doctype html><meta charset="utf-8"><p>${translator(locale)('report.expired')}</p>`);

  const withClaims =
    (kind: LinkClaims['kind'], work: (claims: LinkClaims, res: Response) => Promise<void>) =>
    async (req: { params: Record<string, string | undefined> }, res: Response) => {
      const claims = openLinkToken(ctx.secret, req.params.token ?? '', ctx.clock.now());
      if (claims?.kind !== kind) return void notFound(res, deps.defaultLocale);
      try {
        await work(claims, res);
      } catch (error) {
        if (!isSpiegelError(error)) logger.error({ err: error, roundId: claims.roundId }, 'report failed');
        notFound(res, claims.locale);
      }
    };

  http.get(
    `${linkPaths.report}/:token`,
    withClaims('report', async (claims, res) => {
      const { round, summary, interim } = await roundSummary(ctx, linkActor(claims), claims.roundId);
      res
        .status(200)
        .set(pageHeaders)
        .type('html')
        .send(await roundReportHtml(round, summary, claims.locale, interim));
    }),
  );
  http.get(
    `${linkPaths.export}/:token`,
    withClaims('export', async (claims, res) => {
      const file = exportFile(claims.file ?? 'round.json', await roundExportData(ctx, linkActor(claims), claims.roundId));
      res
        .status(200)
        .set({ ...pageHeaders, 'Content-Disposition': `attachment; filename="${file.filename}"` })
        .type(file.mimeType)
        .send(file.content);
    }),
  );
  http.get(
    `${linkPaths.chart}/:token.png`,
    withClaims('chart', async (claims, res) => {
      const { round, summary } = await roundSummary(ctx, linkActor(claims), claims.roundId);
      const chart = (await renderRoundCharts(round, summary, claims.locale)).find((c) => c.kind === claims.chart);
      if (!chart) return void notFound(res, claims.locale);
      res
        .status(200)
        .set({ ...pageHeaders, 'Cache-Control': 'private, max-age=3600' })
        .type('png')
        .send(renderPng(chart.svg));
    }),
  );
}
