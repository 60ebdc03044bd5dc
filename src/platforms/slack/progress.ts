/**
 * Debounced progress on a round's intro message ("7 of 12 answered"): at most one chat.update per round per
 * window across all instances, and the last click's count always lands (see round-progress-debounce.ts).
 */
import type { AppContext } from '../../app/context.js';
import { findRound, progressOf } from '../../app/rounds.js';
import type { Round } from '../../domain/round.js';
import type { Logger } from '../../logger.js';
import { defaultProgressDebounce, RoundProgressDebouncer, type ProgressDebounceOptions } from '../../app/round-progress-debounce.js';
import { renderIntroMessage } from './blocks/prompts.js';
import type { WebClient } from './web-api.js';

export type ProgressOptions = ProgressDebounceOptions;
export const defaultProgressOptions = defaultProgressDebounce;

export const introTsRef = 'slackIntroTs';
export const promptTsRef = 'slackPromptTs';

async function updateIntro(ctx: AppContext, tenantId: string, roundId: string, client: WebClient): Promise<void> {
  const round = await findRound(ctx, tenantId, roundId);
  const ts = round?.platformRefs[introTsRef];
  if (!round || !ts || round.state !== 'open') return;
  const message = renderIntroMessage(round, await progressOf(ctx, round));
  await client.chat.update({ channel: round.place.channelId, ts, text: message.text, blocks: message.blocks });
}

export class ProgressUpdater {
  readonly #debouncer: RoundProgressDebouncer<WebClient>;

  constructor(ctx: AppContext, logger: Logger, options: ProgressOptions) {
    this.#debouncer = new RoundProgressDebouncer<WebClient>(
      ctx,
      (tenantId, roundId, client) => updateIntro(ctx, tenantId, roundId, client),
      logger,
      options,
    );
  }

  /** Call after an answer is stored; never throws, never waits for Slack. */
  answered(round: Round, client: WebClient): void {
    if (round.platformRefs[introTsRef]) this.#debouncer.answered(round.place.tenantId, round.id, client);
  }

  /** Runs every scheduled update now (at shutdown), so no claimed update is lost with the process. */
  flush(): Promise<void> {
    return this.#debouncer.flush();
  }
}
