/**
 * GET /reports/<token> (a round's report page), GET /comparisons/<token> (a comparison's report page),
 * GET /exports/<token> (a file of a round's export, as a download) and GET /charts/<token>.png (a chart image for a
 * chat card), served from signed, expiring links
 * (src/app/report-links.ts). Anything not genuine gets a 404 with a short page in the link's language (or the default
 * one); the page may not be cached, indexed, framed or sent on as a referrer.
 */
import type { Express, Response } from 'express';
import { compareUnits } from '../app/comparisons.js';
import type { AppContext } from '../app/context.js';
import { comparisonOfLink, linkActor, linkPaths, openLinkToken, type LinkClaims } from '../app/report-links.js';
import { roundExportData, roundSummary } from '../app/summaries.js';
import { frameworksOf } from '../app/tenant-frameworks.js';
import { trendOfRoundPlace, trendReport } from '../app/trends.js';
import type { Locale } from '../domain/framework.js';
import { isRefusal } from '../domain/errors.js';
import { translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import { renderPng } from '../presentation/charts/render.js';
import { exportFile } from '../presentation/round-export.js';
import { comparisonReportHtml, renderRoundChart, renderTrendChart, roundReportHtml } from '../presentation/round-report.js';

const pageHeaders = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
};

type Kind = LinkClaims['kind'];

export function mountReportRoutes(http: Express, deps: { ctx: AppContext; logger: Logger; defaultLocale: Locale }): void {
  const { ctx, logger } = deps;
  const notFound = (res: Response, locale: Locale) =>
    res
      .status(404)
      .set(pageHeaders)
      .type('html')
      .send(`<!doctype html><meta charset="utf-8"><p>${translator(locale)('report.expired')}</p>`);
  const page = (res: Response, html: string) => res.status(200).set(pageHeaders).type('html').send(html);
  const image = (res: Response, png: Buffer) =>
    res
      .status(200)
      .set({ ...pageHeaders, 'Cache-Control': 'private, max-age=3600' })
      .type('png')
      .send(png);

  const withClaims =
    <K extends Kind>(kinds: readonly K[], work: (claims: Extract<LinkClaims, { kind: K }>, res: Response) => Promise<void>) =>
    async (req: { params: Record<string, string | undefined> }, res: Response) => {
      const claims = openLinkToken(ctx.secret, req.params.token ?? '', ctx.clock.now());
      if (!claims || !(kinds as readonly Kind[]).includes(claims.kind)) return void notFound(res, deps.defaultLocale);
      try {
        await work(claims as Extract<LinkClaims, { kind: K }>, res);
      } catch (error) {
        if (!isRefusal(error)) logger.error({ err: error, link: claims.kind }, 'report failed');
        notFound(res, claims.locale);
      }
    };

  http.get(
    `${linkPaths.report}/:token`,
    withClaims(['report'], async (claims, res) => {
      const actor = linkActor(claims);
      const { round, summary, interim } = await roundSummary(ctx, actor, claims.roundId);
      const trend = interim ? null : await trendOfRoundPlace(ctx, actor, round);
      page(res, await roundReportHtml(round, summary, claims.locale, interim, trend));
    }),
  );
  http.get(
    `${linkPaths.comparison}/:token`,
    withClaims(['comparison'], async (claims, res) => {
      const input = comparisonOfLink(claims);
      const rollup = await compareUnits(ctx, linkActor(claims), input);
      const framework = (await frameworksOf(ctx, claims.tenantId)).get(input.frameworkId);
      page(res, await comparisonReportHtml(rollup, framework, input, claims.locale));
    }),
  );
  http.get(
    `${linkPaths.export}/:token`,
    withClaims(['export'], async (claims, res) => {
      const file = exportFile(claims.file, await roundExportData(ctx, linkActor(claims), claims.roundId));
      res
        .status(200)
        .set({ ...pageHeaders, 'Content-Disposition': `attachment; filename="${file.filename}"` })
        .type(file.mimeType)
        .send(file.content);
    }),
  );
  http.get(
    `${linkPaths.chart}/:token.png`,
    withClaims(['chart', 'trendChart'], async (claims, res) => {
      if (claims.kind === 'trendChart') {
        const { frameworkId, channelId, unitId } = claims;
        const input = { frameworkId, ...(unitId ? { unitId } : {}), ...(channelId ? { channelId } : {}) };
        const { trend, framework } = await trendReport(ctx, linkActor(claims), input);
        const chart = await renderTrendChart(trend, framework, claims.locale);
        return chart ? void image(res, await renderPng(chart.svg)) : void notFound(res, claims.locale);
      }
      const { round, summary } = await roundSummary(ctx, linkActor(claims), claims.roundId);
      const chart = await renderRoundChart(round, summary, claims.locale, claims.chart);
      if (!chart) return void notFound(res, claims.locale);
      image(res, await renderPng(chart.svg));
    }),
  );
}
