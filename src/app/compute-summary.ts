import type { Round } from '../domain/round.js';
import { summarizeRound, withholdBelowThreshold } from '../domain/summary.js';
import { summarizeOpenAnswers } from '../domain/open-answer-summary.js';
import type { Summary } from '../domain/summary-types.js';
import type { AppContext } from './context.js';
import { convergenceFor } from './convergence.js';

/** The round a summary compares with: a follow-up's previous step, else the previous round on the framework in the same place. */
function previousRoundOf(ctx: AppContext, round: Round): Promise<Round | null> {
  return round.followUp
    ? ctx.stores.rounds.get(round.place.tenantId, round.followUp.previousRoundId)
    : ctx.stores.rounds.findPrevious(round.place, round.framework.id, round.openedAt);
}

/** Computes a round's summary from its stored answers, compared with the previous round; a follow-up's with its convergence. */
export async function computeSummary(ctx: AppContext, round: Round): Promise<Summary> {
  const tenantId = round.place.tenantId;
  const asksOpenQuestions = round.framework.questions.length > 0;
  const [responses, respondents, previousRound, openAnswers] = await Promise.all([
    ctx.stores.responses.listForRound(tenantId, round.id),
    ctx.stores.participation.countAnswered(tenantId, round.id),
    previousRoundOf(ctx, round),
    asksOpenQuestions ? ctx.stores.openAnswers.listForRound(tenantId, round.id) : [],
  ]);
  const previousSummary = previousRound ? await ctx.stores.summaries.get(tenantId, previousRound.id) : null;
  const summary = summarizeRound({
    round,
    responses,
    respondents,
    ...(previousSummary ? { previous: { roundId: previousSummary.roundId, criteria: previousSummary.criteria } } : {}),
  });
  const withOpen = asksOpenQuestions ? { ...summary, openQuestions: summarizeOpenAnswers(round, openAnswers) } : summary;
  const convergence = await convergenceFor(ctx, round, summary.criteria, responses);
  return convergence ? { ...withOpen, convergence } : withOpen;
}

/** A closed round's stored summary as it may be shown under the round's threshold k (also one stored under an older rule). */
export async function storedSummary(ctx: AppContext, round: Round): Promise<Summary | null> {
  const stored = await ctx.stores.summaries.get(round.place.tenantId, round.id);
  return stored && withholdBelowThreshold(stored, round.settings.anonymityThreshold);
}
