/**
 * The edge of the Slack adapter: raw payload fields (button values, view state, private_metadata) become
 * checked values here, with zod, before anything else runs. What does not fit is null: the caller refuses it.
 */
import { z } from 'zod';
import type { AnswerInput } from '../../app/save-answers.js';
import { ratingOfChoice } from '../../presentation/round-texts.js';
import { formBlockIds } from './ids.js';

/** Longer than any comment Spiegel accepts, so the core can say how long it was; shorter than anything harmful. */
const MAX_TEXT_INPUT = 20_000;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const selectState = z.object({ selected_option: z.object({ value: z.string().max(64) }).nullish() });
const textState = z.object({ value: z.string().max(MAX_TEXT_INPUT).nullish() });

export type FormRefusal = { blockId: string };

/**
 * The answers in a submitted answers form, from its block ids (`rating|<criterion>|<dimension>`,
 * `comment|<criterion>`): ratings chosen, and comments (empty = removed). An input missing from the state is
 * left unchanged. Inputs whose state has the wrong shape are returned apart, by block id.
 */
export function readAnswerForm(values: unknown): { answers: AnswerInput[]; malformed: string[] } {
  const state = z.record(z.string(), z.record(z.string(), z.unknown())).safeParse(values);
  const answers = new Map<string, AnswerInput>();
  const malformed: string[] = [];
  if (!state.success) return { answers: [], malformed: [] };
  const item = (criterionId: string, dimension?: string) => {
    const key = `${criterionId}|${dimension ?? ''}`;
    const existing = answers.get(key);
    if (existing) return existing;
    const created: AnswerInput = { criterionId, ...(dimension ? { dimension } : {}) };
    answers.set(key, created);
    return created;
  };
  for (const [blockId, actions] of Object.entries(state.data)) {
    const [kind, criterionId, dimension, ...rest] = blockId.split('|');
    if (!criterionId || !ID.test(criterionId) || rest.length > 0) continue;
    if (kind === 'rating' && dimension && ID.test(dimension) && blockId === formBlockIds.rating(criterionId, dimension)) {
      const parsed = selectState.safeParse(actions['rating']);
      const chosen = parsed.success ? parsed.data.selected_option?.value : undefined;
      if (!parsed.success || (chosen !== undefined && ratingOfChoice(chosen) === null)) malformed.push(blockId);
      else if (chosen !== undefined) item(criterionId, dimension).value = ratingOfChoice(chosen)!;
    } else if (kind === 'comment' && dimension === undefined) {
      const parsed = textState.safeParse(actions['comment']);
      if (!parsed.success) malformed.push(blockId);
      else item(criterionId).comment = parsed.data.value ?? null;
    }
  }
  return { answers: [...answers.values()], malformed };
}
