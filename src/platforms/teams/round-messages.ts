/**
 * A round's messages in its conversation: posting the prompt cards (and remembering where), keeping the
 * first card's public progress current, the final summary, and retiring the cards when the round ends.
 * Only shared views are ever posted or updated here: a member's own answers never reach a shared card.
 */
import { SpiegelError } from '../../domain/errors.js';
import type { AppContext } from '../../app/context.js';
import { findRound, progressOf } from '../../app/rounds.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import type { Logger } from '../../logger.js';
import type { ProgressCount } from '../../presentation/answer-texts.js';
import { promptParts, type PromptPart } from './cards/card-parts.js';
import { renderPromptCard, renderRetiredPromptCard } from './cards/prompt-card.js';
import { renderSummaryCards, type SummaryChart } from './cards/summary-card.js';
import { chartLinkToken, chartUrl } from '../../app/report-links.js';
import { roundCharts } from '../../presentation/charts/round-charts.js';
import type { TeamsMessenger } from './messenger.js';
import type { ConversationRef, TeamsConversationStore } from '../../app/teams-conversation-ports.js';

/** A reply in a channel thread goes to `<channel>;messageid=<root>`. */
export function threadReference(reference: ConversationRef, rootActivityId: string): ConversationRef {
  const base = reference.conversation.id.split(';')[0] ?? reference.conversation.id;
  return { ...reference, conversation: { ...reference.conversation, id: `${base};messageid=${rootActivityId}` } };
}

export class RoundMessages {
  constructor(
    private readonly ctx: AppContext,
    private readonly store: TeamsConversationStore,
    private readonly messenger: TeamsMessenger,
    private readonly logger: Logger,
    /** Where Teams clients fetch the summary's chart image (publicBaseUrl); null: summaries without it. */
    private readonly publicBase: string | null = null,
  ) {}

  /** The summary's chart for its card: a signed link to the image on our server, with its alt text. */
  #summaryChart(round: Round, summary: Summary): SummaryChart | undefined {
    if (!this.publicBase) return undefined;
    const [chart] = roundCharts(round, summary, round.locale);
    if (!chart) return undefined;
    return {
      url: chartUrl(this.publicBase, chartLinkToken(this.ctx, round.place.tenantId, round.id, chart.kind, round.locale)),
      alt: chart.alt,
    };
  }

  async progressOf(round: Round): Promise<ProgressCount> {
    return progressOf(this.ctx, round);
  }

  /** Teams ids of the participants whose card view refreshes automatically (those Spiegel has met). */
  async refreshUserIds(round: Round): Promise<string[]> {
    const members = await this.store.getMembers(round.place.tenantId, round.participants);
    return members.map((m) => m.teamsId);
  }

  async sharedCards(round: Round, progress: ProgressCount | null = null) {
    const refreshUserIds = await this.refreshUserIds(round);
    return promptParts(round).map((part) =>
      renderPromptCard({ round, part, locale: round.locale, progress: part.index === 0 ? progress : null, refreshUserIds }),
    );
  }

  /**
   * Posts the round's cards and remembers them. `reference` is where they go: a thread or chat (a command's
   * conversation), or a channel, where the first card starts a new thread and the others reply in it.
   */
  async postRound(round: Round, reference: ConversationRef): Promise<void> {
    const cards = await this.sharedCards(round, await this.progressOf(round));
    const [first, ...rest] = cards;
    if (!first) return;
    const startsThread = reference.conversation.conversationType === 'channel' && !reference.conversation.id.includes(';messageid=');
    const [firstId = ''] = await this.messenger.send(reference, [first]);
    const where = startsThread && firstId ? threadReference(reference, firstId) : reference;
    const restIds = rest.length > 0 ? await this.messenger.send(where, rest) : [];
    await this.store.saveRoundCards(
      { tenantId: round.place.tenantId, roundId: round.id, reference: where, activityIds: [firstId, ...restIds] },
      this.ctx.clock.now(),
    );
  }

  /** Rewrites the first card with the current progress (the debounced update after answers). */
  async updateProgress(tenantId: string, roundId: string): Promise<void> {
    const [round, cards] = await Promise.all([findRound(this.ctx, tenantId, roundId), this.store.getRoundCards(tenantId, roundId)]);
    const firstId = cards?.activityIds[0];
    if (!round || !cards || !firstId || round.state !== 'open') return;
    const part = promptParts(round)[0];
    if (!part) return;
    const card = renderPromptCard({
      round,
      part,
      locale: round.locale,
      progress: await this.progressOf(round),
      refreshUserIds: await this.refreshUserIds(round),
    });
    await this.messenger.update(cards.reference, firstId, card);
  }

  /** Rewrites every card of an open round: a reopened round's retired cards get their questions and Save back. */
  async restoreCards(tenantId: string, roundId: string): Promise<void> {
    const [round, cards] = await Promise.all([findRound(this.ctx, tenantId, roundId), this.store.getRoundCards(tenantId, roundId)]);
    if (!round || !cards || round.state !== 'open') return;
    const shared = await this.sharedCards(round, await this.progressOf(round));
    for (const [index, activityId] of cards.activityIds.entries()) {
      const card = shared[index];
      if (!activityId || !card) continue;
      await this.messenger.update(cards.reference, activityId, card).catch((error: unknown) => {
        this.logger.warn({ err: error, roundId: round.id, activityId }, 'could not restore a round card');
      });
    }
  }

  /**
   * Posts the final summary where the round's cards are; when that conversation is gone (a Playground restarted),
   * as a new post in the round's channel or chat. Then retires the cards.
   */
  async postSummary(round: Round, summary: Summary, fallback?: ConversationRef): Promise<void> {
    const [cards, place] = await Promise.all([
      this.store.getRoundCards(round.place.tenantId, round.id),
      this.store.getConversation(round.place.tenantId, round.place.channelId),
    ]);
    const candidates = [cards?.reference, fallback, place?.reference].filter((r): r is ConversationRef => !!r);
    const where = candidates.filter(
      (r, i) => candidates.findIndex((o) => o.conversation.id === r.conversation.id && o.serviceUrl === r.serviceUrl) === i,
    );
    if (where.length === 0)
      throw new SpiegelError('member.unreachable', `no Teams conversation is known for round ${round.id} (${round.place.channelId})`);
    const summaryCards = renderSummaryCards(round, summary, round.locale, false, this.#summaryChart(round, summary));
    let failure: Error | null = null;
    for (const reference of where) {
      try {
        await this.messenger.send(reference, summaryCards);
        failure = null;
        break;
      } catch (error) {
        failure = error instanceof Error ? error : new Error('could not post the summary', { cause: error });
        this.logger.warn(
          { err: error, roundId: round.id, conversation: reference.conversation.id },
          'could not post the summary there; trying the next place',
        );
      }
    }
    if (failure) throw failure;
    await this.retire(round);
  }

  /** Replaces the round's cards by their final state (no questions, no buttons). Failures are logged only. */
  async retire(round: Round): Promise<void> {
    const cards = await this.store.getRoundCards(round.place.tenantId, round.id);
    if (!cards) return;
    const parts = promptParts(round);
    const progress = await this.progressOf(round);
    for (const [index, activityId] of cards.activityIds.entries()) {
      const part: PromptPart = parts[index] ?? { index, count: cards.activityIds.length, criterionIds: [] };
      if (!activityId) continue;
      await this.messenger
        .update(cards.reference, activityId, renderRetiredPromptCard(round, part, index === 0 ? progress : null))
        .catch((error: unknown) => {
          this.logger.warn({ err: error, roundId: round.id, activityId }, 'could not retire a round card');
        });
    }
  }
}
