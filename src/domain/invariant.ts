/**
 * A condition that holds unless Spiegel itself (or a system it trusts to keep its contract: its own database, the
 * Slack and Bot Framework SDKs) is wrong. Failing one is a bug, not a refusal: the user gets the general
 * "something went wrong" answer and the message goes to the log.
 */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant failed: ${message}`);
}
