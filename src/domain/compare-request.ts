/** The words after `compare` in chat: level, framework and period in any order. Pure. */

export interface CompareRequest {
  level?: string;
  frameworkId?: string;
  from?: Date;
  /** Exclusive: the day after the last day named. */
  to?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A day as YYYY-MM-DD, midnight UTC; null when it is not one. */
export function parseDay(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

/**
 * Reads `[LEVEL] [FRAMEWORK] [FROM] [TO]`: a word that names a level is the level, one that names a framework
 * the framework, the first date the start and the second the last day. Returns the word it did not understand.
 */
export function parseCompareArgs(
  args: readonly string[],
  levels: readonly string[],
  frameworkIds: readonly string[],
): { request: CompareRequest; unknown: string | null } {
  const request: CompareRequest = {};
  for (const word of args) {
    const day = parseDay(word);
    if (levels.includes(word) && !request.level) request.level = word;
    else if (frameworkIds.includes(word) && !request.frameworkId) request.frameworkId = word;
    else if (day && !request.from) request.from = day;
    else if (day && !request.to) request.to = new Date(day.getTime() + DAY_MS);
    else return { request, unknown: word };
  }
  return { request, unknown: null };
}
