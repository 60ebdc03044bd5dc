import type { Actor } from '../../src/app/actor.js';
import type { AppContext } from '../../src/app/context.js';
import { saveAnswers } from '../../src/app/save-answers.js';
import type { Response } from '../../src/domain/round.js';
import { type AnswerInput } from '../../src/domain/answers.js';

/** One answer through the answer use case; a refusal fails the test that did not expect it. */
export async function answer(ctx: AppContext, actor: Actor, input: AnswerInput & { roundId: string }): Promise<Response> {
  const { roundId, ...item } = input;
  const outcome = await saveAnswers(ctx, actor, { roundId, answers: [item] });
  if (!outcome.ok) throw new Error(`answer refused: ${JSON.stringify(outcome.refusals)}`);
  const [saved] = outcome.saved;
  if (!saved) throw new Error('nothing was saved');
  return saved;
}
