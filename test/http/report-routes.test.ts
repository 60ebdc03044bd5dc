/**
 * The report page and chart images behind signed, expiring links, against the real database and HTTP server; and
 * the page as a coordinator sees it in Debian's chromium (screenshot in test-artifacts/report-page.png).
 */
import { startReportServer, type ReportServer } from '../support/report-server.js';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRound } from '../../src/app/import-round.js';
import { chartLinkToken, issueComparisonLink, issueReportLink, trendChartToken } from '../../src/app/report-links.js';
import { importUnits } from '../../src/app/units.js';
import { openRound } from '../../src/app/rounds.js';
import type { Round } from '../../src/domain/round.js';
import { isSpiegelError } from '../../src/domain/errors.js';
import { useTestContext } from '../support/app-context.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACT = path.resolve('test-artifacts/report-page.png');
const COMPARISON_ARTIFACT = path.resolve('test-artifacts/comparison-page.png');
const tenantId = 'cli:report-test';
const coordinator = { tenantId, userId: 'U-COORD', isAdmin: false };
const member = { tenantId, userId: 'U-MEMBER', isAdmin: false };
const place = { platform: 'cli' as const, tenantId, channelId: 'C-REPORTS' };

const t = useTestContext();
let server: ReportServer;
let origin: string;
let closed: Round;
let open: Round;

const get = async (url: string) => {
  const res = await fetch(`${origin}${url}`);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    headers: res.headers,
    body: Buffer.from(await res.arrayBuffer()),
  };
};

beforeAll(async () => {
  const csv = await readFile('examples/team-health-paper-round.csv', 'utf8');
  await importUnits(
    t.ctx,
    { tenantId, userId: 'U-ADMIN', isAdmin: true },
    { csv: 'id,name,parent,level\nnorth,Noord,,region\nsouth,Zuid,,region\n' },
  );
  const imported = (name: string, unitId: string, channelId = place.channelId) =>
    importRound(t.ctx, coordinator, {
      place: { ...place, channelId },
      frameworkId: 'team-health',
      locale: 'nl',
      anonymous: false,
      csv,
      name,
      unitId,
    });
  // Two rounds here make a trend on the report page; a third in another place and unit, a comparison of two units.
  await imported('Voorjaar', 'north');
  ({ round: closed } = await imported('Teamdag', 'north'));
  await imported('Elders', 'south', 'C-ELSEWHERE');
  open = await openRound(t.ctx, coordinator, {
    place,
    frameworkId: 'team-health',
    name: 'Lopend',
    locale: 'en',
    participants: ['U-COORD', 'U-MEMBER', 'U-THIRD'],
  });
  server = await startReportServer(t.ctx);
  origin = server.origin;
});

afterAll(async () => {
  await server?.close();
});

describe('report links', () => {
  it('a coordinator gets a link to the report page; it shows every criterion with its counts and the charts inline', async () => {
    const { token, hours } = await issueReportLink(t.ctx, coordinator, closed.id, 'nl');
    expect(hours).toBe(72);
    const page = await get(`/reports/${token}`);
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = page.body.toString('utf8');
    expect(html).toContain('Rapport: Teamdag');
    expect(html).toContain('Respons: 6 van 6');
    for (const c of closed.framework.criteria) expect(html).toContain(c.text.nl.replace(/\.$/, '').replace(/'/g, '&#39;'));
    expect(html.match(/<svg/g)?.length).toBe(2);
    expect(html).toContain('<h2>In de tijd</h2>');
    expect(html).toContain('<th>1. Voorjaar</th><th>2. Teamdag</th>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('@page { size: A4');
  });

  it('only coordinators get a report link', async () => {
    const refused = await issueReportLink(t.ctx, member, closed.id, 'nl').catch((e: unknown) => e);
    expect(isSpiegelError(refused, 'permission.coordinatorOnly')).toBe(true);
  });

  it('an open round’s report shows interim results to its coordinator', async () => {
    const { token } = await issueReportLink(t.ctx, coordinator, open.id, 'en');
    const html = (await get(`/reports/${token}`)).body.toString('utf8');
    expect(html).toContain('Interim results: the round is still open.');
  });

  it('a forged, altered, expired or misused link gets a 404 and shows nothing', async () => {
    const { token } = await issueReportLink(t.ctx, coordinator, closed.id, 'en');
    const [body, signature] = token.split('.') as [string, string];
    const altered = Buffer.from(Buffer.from(body, 'base64url').toString().replace(closed.id, open.id)).toString('base64url');
    const realNow = t.ctx.clock.now.bind(t.ctx.clock);
    const expired = await (async () => {
      t.ctx.clock.now = () => new Date(Date.now() - 73 * 3600 * 1000);
      try {
        return (await issueReportLink(t.ctx, coordinator, closed.id, 'en')).token;
      } finally {
        t.ctx.clock.now = realNow;
      }
    })();
    const chartToken = chartLinkToken(t.ctx, tenantId, closed.id, 'distribution', 'en');
    for (const url of [
      `/reports/${altered}.${signature}`,
      `/reports/${body}.${'A'.repeat(signature.length)}`,
      `/reports/${expired}`,
      `/reports/not-a-token`,
      `/reports/${chartToken}`,
      `/charts/${token}.png`,
    ]) {
      const res = await get(url);
      expect([url, res.status]).toEqual([url, 404]);
      expect(res.body.toString('utf8')).toContain('This link has expired or is not valid');
    }
  });

  it('a chart link serves the PNG of a closed round, never of an open one', async () => {
    const png = await get(`/charts/${chartLinkToken(t.ctx, tenantId, closed.id, 'distribution', 'nl')}.png`);
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    expect((await get(`/charts/${chartLinkToken(t.ctx, tenantId, open.id, 'distribution', 'nl')}.png`)).status).toBe(404);
  });
});

describe('comparison and trend links', () => {
  it('a coordinator gets a link to the comparison page: every unit and criterion, counts, the heat map inline', async () => {
    const { token, hours } = await issueComparisonLink(t.ctx, coordinator, { frameworkId: 'team-health', level: 'region' }, 'nl');
    expect(hours).toBe(72);
    const page = await get(`/comparisons/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = page.body.toString('utf8');
    expect(html).toContain('<h1>Vergelijking: Teamgezondheid per region</h1>');
    expect(html).toContain('Noord: 2 rondes · Zuid: 1 ronde');
    expect(html).toContain('<th>Noord</th><th>Zuid</th>');
    for (const c of closed.framework.criteria) expect(html).toContain(c.text.nl.replace(/\.$/, '').replace(/'/g, '&#39;'));
    expect(html).toContain('(n = 12)');
    expect(html).toContain('(n = 6)');
    expect(html.match(/<svg/g)?.length).toBe(1);
    expect(html).not.toMatch(/<script/i);
  });

  it('only those who coordinate a round get a comparison link; a comparison link opens nothing else', async () => {
    const refused = await issueComparisonLink(t.ctx, member, { frameworkId: 'team-health', level: 'region' }, 'nl').catch(
      (e: unknown) => e,
    );
    expect(isSpiegelError(refused, 'permission.coordinatorOnly')).toBe(true);
    const { token } = await issueComparisonLink(t.ctx, coordinator, { frameworkId: 'team-health', level: 'region' }, 'en');
    expect((await get(`/reports/${token}`)).status).toBe(404);
    expect((await get(`/charts/${token}.png`)).status).toBe(404);
  });

  it('a trend chart link serves the PNG of the trend as its coordinator sees it, and nothing to a member', async () => {
    const png = await get(
      `/charts/${trendChartToken(t.ctx, coordinator, { frameworkId: 'team-health', channelId: place.channelId }, 'nl')}.png`,
    );
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    const forMember = trendChartToken(t.ctx, member, { frameworkId: 'team-health', channelId: place.channelId }, 'nl');
    expect((await get(`/charts/${forMember}.png`)).status).toBe(404);
    const oneRound = trendChartToken(t.ctx, coordinator, { frameworkId: 'team-health', channelId: 'C-ELSEWHERE' }, 'nl');
    expect((await get(`/charts/${oneRound}.png`)).status).toBe(404);
  });
});

describe.runIf(existsSync(CHROMIUM) || process.env.CI)('in a real browser', () => {
  it('renders the report page with its charts, table and comments, and prints to A4', async () => {
    const { token } = await issueReportLink(t.ctx, coordinator, closed.id, 'nl');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spiegel-report-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 1000 },
      javaScriptEnabled: false,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${origin}/reports/${token}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Rapport: Teamdag');
      const chart = page.locator('figure [role="img"]').first();
      expect(await chart.getAttribute('aria-label')).toMatch(/^Verdeling van de antwoorden op 12 criteria\./);
      const box = await chart.locator('svg').boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(300);
      await expect(page.locator('table').first().textContent()).resolves.toContain(
        closed.framework.criteria[0]!.text.nl.replace(/\.$/, ''),
      );
      await expect(page.locator('table').first().textContent()).resolves.toContain('Mediaan');
      await page.screenshot({ path: ARTIFACT, fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');

      const { token: comparison } = await issueComparisonLink(t.ctx, coordinator, { frameworkId: 'team-health', level: 'region' }, 'en');
      await page.goto(`${origin}/comparisons/${comparison}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Comparison: Team health check per region');
      const heatmap = page.locator('figure [role="img"]').first();
      expect(await heatmap.getAttribute('aria-label')).toMatch(/^2 units compared on \d+ items \(medians\)\./);
      const heatmapBox = await heatmap.locator('svg').boundingBox();
      expect(heatmapBox?.width).toBeGreaterThan(300);
      expect(heatmapBox?.height).toBeGreaterThan(200);
      const table = page.locator('figure table').first();
      await expect(table.locator('th').allTextContents()).resolves.toEqual(['Criterion', 'Noord', 'Zuid']);
      const text = (await table.textContent()) ?? '';
      expect(text).toContain(closed.framework.criteria[0]!.text.en.replace(/\.$/, ''));
      expect(text).toContain('(n = 12)');
      expect(text).toContain('(n = 6)');
      await page.screenshot({ path: COMPARISON_ARTIFACT, fullPage: true });
      expect((await page.pdf({ format: 'A4', printBackground: true })).subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
