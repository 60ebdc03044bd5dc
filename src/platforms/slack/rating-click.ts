/**
 * A rating click, the hot path: one round read and the answer's write (saveAnswers; the answered marker only
 * when this process does not know it exists), then the acknowledgement, which Slack only gets once the answer
 * is stored, the private confirmation showing the stored answer, and a debounced progress update.
 *
 * Store first, then acknowledge: Slack hears "received" (HTTP 200) only once the answer is stored, so a process
 * that stops loses no acknowledged answer. Every outcome:
 * - stored within CLICK_ACK_BUDGET_MS: acknowledged, then the private confirmation through response_url;
 * - refused (round closed, not a participant, bad value): acknowledged, then the refusal;
 * - turned away because this process already has as many clicks in flight as it takes: acknowledged at once,
 *   then "busy, click again" (nothing was written);
 * - not stored within the budget (the database is slow or unreachable): never acknowledged, so Slack shows the
 *   member that the click failed; once the write completes or fails, response_url says "saved after all" or
 *   "not saved: click again". A process that dies before then has acknowledged nothing it did not store.
 */
import { saveAnswers } from '../../app/save-answers.js';
import { inputInvalid } from '../../domain/input-problems.js';
import { translator } from '../../i18n/translator.js';
import { refusalText } from '../../presentation/error-text.js';
import { ratingOfChoice } from '../../presentation/round-texts.js';
import { LATE, settle, within } from '../deadline.js';
import { CLICK_ACK_BUDGET_MS } from './ack-deadline.js';
import { savedText } from './blocks/replies.js';
import { BUSY, ClickQueue } from './click-queue.js';
import { actorFor, decodeRate } from './ids.js';
import { refusal } from './reply.js';
import type { SlackRuntime } from './runtime.js';
import type { WebClient } from './web-api.js';

/**
 * Clicks stored at once per process: enough to keep the database busy, few enough that they do not crowd it
 * (on FerretDB over PostgreSQL on two cores, fewer stored more clicks a second than 32). Clicks beyond them wait
 * as long as the recent pace stores them within 750 ms, which leaves the rest of the acknowledgement budget (1.5 s)
 * for storing the click itself and for a pace that drops meanwhile.
 */
const clickLimits = { concurrency: 16, minWaiting: 96, maxWaiting: 1_000, maxWaitMs: 750 };

export interface RatingClick {
  teamId: string;
  userId: string;
  /** The button's value (`<round>|<criterion>|<dimension>|<choice>`), checked at the edge. */
  value: string;
  /** When the request arrived: the acknowledgement budget counts from there. */
  receivedAt: number;
}

/** How a click is answered: the HTTP acknowledgement, or its refusal, and a private message to the member. */
export interface ClickReplies {
  acknowledge(): Promise<void>;
  /** The click was not stored within the budget: Slack must not hear "received". */
  leaveUnacknowledged(): void;
  tell(text: string): Promise<void>;
}

export type AnswerRatingClick = (click: RatingClick, client: WebClient, replies: ClickReplies) => Promise<void>;

export function ratingClickAnswerer(rt: SlackRuntime): AnswerRatingClick {
  const clicks = new ClickQueue(clickLimits);
  return async (click, client, replies) => {
    const actor = actorFor(click.teamId, click.userId, rt.config.SPIEGEL_ADMINS);
    const locale = rt.directory.localeOf(client, click.teamId, click.userId);
    const rate = decodeRate(click.value);
    const value = rate ? ratingOfChoice(rate.value) : null;
    const stored = settle(
      rate && value !== null
        ? clicks.run(() =>
            saveAnswers(rt.ctx, actor, {
              roundId: rate.roundId,
              answers: [{ criterionId: rate.criterionId, dimension: rate.dimension, value }],
            }),
          )
        : Promise.reject(inputInvalid('unknownAction')),
    );
    const late = (await within(stored, CLICK_ACK_BUDGET_MS - (Date.now() - click.receivedAt))) === LATE;
    if (late) replies.leaveUnacknowledged();
    else await replies.acknowledge();
    const outcome = await stored;
    const t = translator(await locale);
    if (!outcome.ok)
      return replies.tell(
        late ? t('inbound.notSavedLate', { criterion: rate?.criterionId ?? '' }) : refusal(outcome.error, await locale, rt.logger),
      );
    if (outcome.value === BUSY) return replies.tell(t('slack.saved.busy'));
    const saved = outcome.value;
    if (!saved.ok) return replies.tell(refusalText(saved.refusals[0]!, await locale));
    rt.progress.answered(saved.round, client);
    const text = savedText(saved.round, saved.saved[0]!, await locale);
    await replies.tell(late ? t('inbound.savedLate', { answer: text }) : text);
  };
}
