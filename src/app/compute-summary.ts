import type { Round } from '../domain/round.js';
import { RoundTally, summarizeTally, withholdBelowThreshold } from '../domain/summary.js';
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

/**
 * Computes a round's summary from its stored answers, compared with the previous round; a follow-up's with its
 * convergence. The answers are streamed into a tally, never held all at once.
 */
export async function computeSummary(ctx: AppContext, round: Round): Promise<Summary> {
  const tenantId = round.place.tenantId;
  const asksOpenQuestions = round.framework.questions.length > 0;
  const answers = new RoundTally(round);
  const tallied = (async () => {
    for await (const answer of ctx.stores.responses.answersOfRound(tenantId, round.id)) answers.add(answer);
  })();
  const [respondents, previousRound, openAnswers] = await Promise.all([
    ctx.stores.participation.countAnswered(tenantId, round.id),
    previousRoundOf(ctx, round),
    asksOpenQuestions ? ctx.stores.openAnswers.listForRound(tenantId, round.id) : [],
    tallied,
  ]);
  const previousSummary = previousRound ? await ctx.stores.summaries.get(tenantId, previousRound.id) : null;
  const summary = summarizeTally({
    round,
    answers,
    respondents,
    ...(previousSummary ? { previous: { roundId: previousSummary.roundId, criteria: previousSummary.criteria } } : {}),
  });
  const withOpen = asksOpenQuestions ? { ...summary, openQuestions: summarizeOpenAnswers(round, openAnswers) } : summary;
  const convergence = await convergenceFor(ctx, round, summary.criteria);
  return convergence ? { ...withOpen, convergence } : withOpen;
}

/** A closed round's stored summary as it may be shown under the round's threshold k (also one stored under an older rule). */
export async function storedSummary(ctx: AppContext, round: Round): Promise<Summary | null> {
  const stored = await ctx.stores.summaries.get(round.place.tenantId, round.id);
  return stored && withholdBelowThreshold(stored, round.settings.anonymityThreshold);
}
