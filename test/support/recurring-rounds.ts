import type { AppContext } from '../../src/app/context.js';
import type { Notifiers } from '../../src/app/notifier.js';
import { recurringRoundId } from '../../src/app/recurrences.js';
import type { Perspective } from '../../src/domain/framework.js';
import type { RecurrenceView } from '../../src/domain/recurrence.js';
import type { Round } from '../../src/domain/round.js';
import { createLogger } from '../../src/logger.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';

/** Runs the real scheduler at a schedule's next occurrence (a clock set just past it); the round it opened, if any. */
export async function roundOfNextOccurrence(ctx: AppContext, notifiers: Notifiers, view: RecurrenceView): Promise<Round | null> {
  const occurrence = view.nextRunAt!;
  const atOccurrence = { ...ctx, clock: { now: () => new Date(occurrence.getTime() + 1000) } };
  await new Scheduler({ ctx: atOccurrence, notifiers, logger: createLogger('silent'), instanceId: 'test' }).drain();
  return ctx.stores.rounds.get(view.recurrence.tenantId, recurringRoundId(view.recurrence.id, occurrence));
}

/** The ids of a built-in framework's criteria on one perspective, in framework order. */
export function criteriaOnPerspective(ctx: AppContext, frameworkId: string, perspective: Perspective): string[] {
  return ctx.frameworks
    .get(frameworkId)
    .criteria.filter((c) => c.perspective === perspective)
    .map((c) => c.id);
}
