/** Platforms deliver some events more than once (Slack retries within minutes): each is acted on once across instances. */
import type { AppContext } from './context.js';

/** How long a delivery's claim is kept: far longer than any platform retries. */
const deliveryMemoryMs = 86_400_000;

/** True for the first delivery of `eventKey` (e.g. `slack-event:<event_id>`), false for every repeat. */
export async function firstDelivery(ctx: AppContext, eventKey: string, holder: string): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.stores.claims.claim(eventKey, holder, now, new Date(now.getTime() + deliveryMemoryMs));
}
