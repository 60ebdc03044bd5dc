/**
 * The trend answer's chart: a PNG in the coordinator's direct messages with the bot (the answer itself is private, so
 * the chart does not go to the channel), with its alt text. The text answer stands without it: a failure (no
 * `files:write` on an old installation, a render error) is logged, never passed on as an error.
 */
import type { RespondFn } from '@slack/bolt';
import type { ChatTrend } from '../../app/trends.js';
import type { Locale } from '../../domain/framework.js';
import { translator } from '../../i18n/translator.js';
import { renderPng } from '../../presentation/charts/render.js';
import { renderTrendChart } from '../../presentation/round-report.js';
import { uploadToMember } from './file-upload.js';
import { ephemeral } from './reply.js';
import type { SlackRuntime } from './runtime.js';
import type { WebClient } from './web-api.js';

export async function sendTrendChart(
  rt: SlackRuntime,
  client: WebClient,
  userId: string,
  result: Extract<ChatTrend, { kind: 'trend' }>,
  locale: Locale,
  respond: RespondFn,
): Promise<void> {
  try {
    const chart = await renderTrendChart(result.trend, result.framework, locale);
    if (!chart) return;
    await uploadToMember(client, userId, {
      filename: `spiegel-trend-${result.framework.id}.png`,
      title: chart.title,
      bytes: await renderPng(chart.svg),
      altText: chart.alt,
    });
    await ephemeral(respond, translator(locale)('report.trendSent'));
  } catch (error) {
    rt.logger.warn({ err: error, frameworkId: result.framework.id }, 'could not send the trend chart');
  }
}
