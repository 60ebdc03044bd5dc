import type { AppContext } from './context.js';

/**
 * How long a send may take before others take its holder to have died mid-send. Longer than Slack's client
 * spends on one call with its retries (about a minute), so that a slow send is not repeated.
 */
export const sendLeaseMs = 5 * 60_000;

/** Takeovers of one send after its holders died; past this the send counts as failed. */
export const maxSendTakeovers = 5;

/** A send this caller holds: confirm it once the platform confirmed it, or release it when the send failed. */
export interface HeldSend {
  key: string;
  /** The claim this caller inserted: the key itself, or one of its takeovers. */
  claimKey: string;
  /** Set for a takeover: since when the earlier, unconfirmed send may have reached the platform. */
  takenOverSince: Date | null;
}

export type SendClaim =
  | { state: 'mine'; send: HeldSend }
  | { state: 'sent' }
  /** Another caller holds the send until `until`; after that it may be taken over. */
  | { state: 'in-progress'; until: Date }
  | { state: 'abandoned' };

const sentKey = (key: string) => `${key}:sent`;
const takeoverKey = (key: string, n: number) => `${key}:take-${n}`;

/**
 * Claims a send that must happen once (a reminder, a summary), also across crashes. Exact on MongoDB and
 * FerretDB alike, because every step inserts a document with a deterministic id, none updates one:
 * - `<key>`: the first sender's claim, with a lease;
 * - `<key>:sent`: the platform confirmed the send (confirmSend);
 * - `<key>:take-<n>`: the n-th takeover of a send whose holder's lease ran out unconfirmed (it died or hung
 *   mid-send). The earlier send may or may not have reached the platform: the taker checks there first where
 *   the platform allows it.
 * A `<key>` claim without a lease was stored before sends had leases: that send was done.
 */
export async function claimSend(ctx: AppContext, key: string, holder: string, now: Date): Promise<SendClaim> {
  const { claims } = ctx.stores;
  const leaseUntil = new Date(now.getTime() + sendLeaseMs);
  const takeovers = Array.from({ length: maxSendTakeovers }, (_, i) => takeoverKey(key, i + 1));
  // Twice at most: the first holder may release its claim (its send failed) between our insert and our read.
  for (let tries = 0; tries < 2; tries++) {
    if (await claims.claimLease(key, holder, now, leaseUntil)) return { state: 'mine', send: { key, claimKey: key, takenOverSince: null } };
    const found = new Map((await claims.find([key, sentKey(key), ...takeovers])).map((c) => [c.key, c]));
    const first = found.get(key);
    if (found.has(sentKey(key)) || (first && !first.leaseUntil)) return { state: 'sent' };
    const latest = [...takeovers].reverse().find((k) => found.has(k));
    const held = found.get(latest ?? key);
    if (!held) continue;
    if (held.leaseUntil && held.leaseUntil.getTime() > now.getTime()) return { state: 'in-progress', until: held.leaseUntil };
    const next = latest ? takeovers.indexOf(latest) + 1 : 0;
    const claimKey = takeovers[next];
    if (!claimKey) return { state: 'abandoned' };
    if (!(await claims.claimLease(claimKey, holder, now, leaseUntil))) return { state: 'in-progress', until: leaseUntil };
    const since = Math.min(...[...found.values()].map((c) => c.at.getTime()));
    return { state: 'mine', send: { key, claimKey, takenOverSince: new Date(since) } };
  }
  return { state: 'in-progress', until: leaseUntil };
}

/** Records that the platform confirmed the send: nobody sends it again. */
export async function confirmSend(ctx: AppContext, send: HeldSend, holder: string, now: Date): Promise<void> {
  await ctx.stores.claims.claim(sentKey(send.key), holder, now);
}

/** Gives the send back after it failed for sure, so that the next caller sends it at once. */
export async function releaseSend(ctx: AppContext, send: HeldSend): Promise<void> {
  await ctx.stores.claims.release(send.claimKey);
}
