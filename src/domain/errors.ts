/** Failures of the system around the core, not refusals: each has its own subclass where it is raised, and they are logged. */
const failureCodes = [
  'job.failed',
  'config.invalid',
  'usage.invalid',
  'appPackage.invalid',
  'slack.notInstalled',
  'database.unavailable',
  'platform.failed',
  'member.unreachable',
  'send.abandoned',
] as const;

/** Stable codes for every refusal the core can give, and the failures above; adapters map them to catalogue messages. */
export const errorCodes = [
  'framework.invalid',
  'framework.unknown',
  'framework.builtIn',
  'round.unknown',
  'round.closed',
  'round.ended',
  'round.invalid',
  'round.tooFewForAnonymity',
  'round.thresholdTooLow',
  'round.notParticipant',
  'criterion.unknown',
  'dimension.unknown',
  'rating.outOfScale',
  'comment.tooLong',
  'comment.needsRating',
  'permission.coordinatorOnly',
  'permission.adminOnly',
  'unit.unknown',
  'followUp.notClosed',
  'followUp.maximum',
  'followUp.badMaximum',
  'followUp.unknownItems',
  'followUp.nothingUnsettled',
  'import.invalid',
  'input.invalid',
  'permission.qualityCoordinatorOnly',
  'audit.unknown',
  'audit.sampleTooLarge',
  'audit.noReviewer',
  'member.unknown',
  'deadline.past',
  'intervision.unknown',
  'intervision.closed',
  'intervision.facilitatorOnly',
  'recurrence.unknown',
  'round.busy',
  'round.notClosed',
  'round.reopenTooLate',
  'round.samePlace',
  'question.unknown',
  'openAnswer.tooLong',
  'framework.busy',
  ...failureCodes,
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Why a round cannot be opened or changed (`round.invalid`); the catalogue words each in both languages. */
export const roundProblems = [
  'unknownCriteria',
  'unknownDimensions',
  'noCriterionInPerspectives',
  'targetOutOfScale',
  'thresholdNotWhole',
  'deadlineNotFuture',
  'noParticipants',
  'nameTooLong',
  'startTooFarAhead',
  'deadlineBeforeStart',
] as const;
export type RoundProblem = (typeof roundProblems)[number];

/** A `round.invalid` refusal: the problem as a code, with the values its message needs. */
export function roundInvalid(problem: RoundProblem, params: Record<string, unknown> = {}): SpiegelError {
  return new SpiegelError('round.invalid', `${problem} ${JSON.stringify(params)}`, { problem, ...params });
}

/**
 * A refusal or failure the user is told about: `code` picks the catalogue message (`errors.<code>`), `details`
 * fill its placeholders, `message` is for the logs only, and `cause` keeps the error underneath.
 */
export class SpiegelError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'SpiegelError';
  }
}

/** A refusal the user is told about and nothing more; anything else is also worth a log line. */
export function isRefusal(error: unknown): error is SpiegelError {
  return isSpiegelError(error) && !(failureCodes as readonly string[]).includes(error.code);
}

export function isSpiegelError(error: unknown, code?: ErrorCode): error is SpiegelError {
  return error instanceof SpiegelError && (code === undefined || error.code === code);
}
