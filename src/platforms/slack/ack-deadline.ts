/**
 * Slack wants every request acknowledged within 3 s: work is given until a budget, then acknowledged anyway.
 * A form submission needs its outcome in the acknowledgement; a click only needs to be stored first, so it
 * leaves more of the 3 s to the network and to a busy process.
 */
import type { RequestHandler } from 'express';

/** How long Slack waits for an acknowledgement. */
export const SLACK_ACK_WINDOW_MS = 3_000;
export const ACK_BUDGET_MS = 2_500;
export const CLICK_ACK_BUDGET_MS = 1_500;

const arrivals = new WeakMap<object, number>();

/** First on the events route: when the request arrived, so a budget counts from there, not from the listener. */
export const stampArrival: RequestHandler = (req, _res, next) => {
  arrivals.set(req, Date.now());
  next();
};

/** When a stamped request arrived (else now). */
export const arrivalOfRequest = (req: object): number => arrivals.get(req) ?? Date.now();

/** For Bolt's `customPropertiesExtractor`: the arrival time reaches the listener's `context`. */
export const arrivalProperties = (req: object): { receivedAt: number } => ({ receivedAt: arrivalOfRequest(req) });

/** When the request arrived (Socket Mode has no stamp: then now). */
export function arrivalOf(context: Record<string, unknown>): number {
  const at = context.receivedAt;
  return typeof at === 'number' ? at : Date.now();
}
