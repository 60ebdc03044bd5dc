/** Posting a round's messages in its channel, and retiring them (no more buttons) when it ends. */
import { invariant } from '../../domain/invariant.js';
import type { AppContext } from '../../app/context.js';
import { progressOf, rememberPlatformRefs } from '../../app/rounds.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import type { Logger } from '../../logger.js';
import { renderIntroMessage, renderPromptMessages, renderRetiredPrompt, type SlackMessage } from './blocks/prompts.js';
import { renderSummaryMessages } from './blocks/summary.js';
import { introTsRef, promptTsRef } from './progress.js';
import type { WebClient } from './web-api.js';
import { uploadFile } from './file-upload.js';
import { renderPng } from '../../presentation/charts/render.js';
import { renderRoundChart } from '../../presentation/round-report.js';
import { translator } from '../../i18n/translator.js';

async function post(client: WebClient, channel: string, message: SlackMessage): Promise<string> {
  const result = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false });
  invariant(result.ts, 'chat.postMessage returned no ts');
  return result.ts;
}

/** Posts the intro (progress 0) and the prompts, and keeps their timestamps on the round. */
export async function postRound(ctx: AppContext, client: WebClient, round: Round): Promise<Round> {
  const { channelId } = round.place;
  const introTs = await post(client, channelId, renderIntroMessage(round, { answered: 0, participants: round.participants.length }));
  const withIntro = await rememberPlatformRefs(ctx, round, { [introTsRef]: introTs });
  const promptTs: string[] = [];
  for (const message of renderPromptMessages(round)) promptTs.push(await post(client, channelId, message));
  return rememberPlatformRefs(ctx, withIntro, { [promptTsRef]: promptTs.join(',') });
}

/** Updates the intro to its final state and strips the buttons from the prompts. Failures are logged only. */
export async function retireRound(ctx: AppContext, client: WebClient, round: Round, logger: Logger): Promise<void> {
  const channel = round.place.channelId;
  const introTs = round.platformRefs[introTsRef];
  const updates: { ts: string; message: SlackMessage }[] = [];
  if (introTs) {
    updates.push({ ts: introTs, message: renderIntroMessage(round, await progressOf(ctx, round)) });
  }
  const retired = renderRetiredPrompt(round);
  for (const ts of (round.platformRefs[promptTsRef] ?? '').split(',').filter(Boolean)) updates.push({ ts, message: retired });
  for (const { ts, message } of updates) {
    await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks }).catch((error: unknown) => {
      logger.warn({ err: error, roundId: round.id, ts }, 'could not update a round message');
    });
  }
}

/** Posts the final summary in the round's channel, then retires the round's messages. */
export async function postSummary(ctx: AppContext, client: WebClient, round: Round, summary: Summary, logger: Logger): Promise<void> {
  for (const message of renderSummaryMessages(round, summary, round.locale, false)) await post(client, round.place.channelId, message);
  await postSummaryChart(client, round, summary, logger);
  await retireRound(ctx, client, round, logger);
}

/**
 * The summary's chart as an image in the channel, right below the summary, with its alt text. The summary stands without it: a
 * failure (no `files:write` on an old installation, a render error) is logged, never a reason to post the summary again.
 */
async function postSummaryChart(client: WebClient, round: Round, summary: Summary, logger: Logger) {
  try {
    const chart = await renderRoundChart(round, summary, round.locale);
    if (!chart) return;
    await uploadFile(client, {
      channel: round.place.channelId,
      filename: `spiegel-${round.id}-${chart.kind}.png`,
      title: translator(round.locale)('report.chartPosted', { name: round.name }),
      bytes: await renderPng(chart.svg),
      altText: chart.alt,
    });
  } catch (error) {
    logger.warn({ err: error, roundId: round.id }, 'could not post the summary chart');
  }
}
