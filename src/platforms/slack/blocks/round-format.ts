/** Small, pure formatting helpers shared by the Slack renderers. */
import type { Locale } from '../../../domain/framework.js';
import type { Round } from '../../../domain/round.js';
import type { Translate } from '../../../i18n/translator.js';
import { criterionName, criterionText, dimensionLabel } from '../../../presentation/round-texts.js';
import { escapeMrkdwn } from './limits.js';

export interface ProgressCount {
  answered: number;
  participants: number;
}

export function progressText(t: Translate, progress: ProgressCount): string {
  return t('progress', { count: progress.participants, answered: progress.answered });
}

/** A date Slack renders in each reader's own time zone and language; the fallback is UTC. */
export function slackDate(date: Date, locale: Locale): string {
  const fallback = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_long_pretty} {time}|${fallback} UTC>`;
}

/** Escaped criterion text, for mrkdwn. */
export function criterionMrkdwn(round: Round, criterionId: string, locale: Locale): string {
  return escapeMrkdwn(criterionText(round, criterionId, locale));
}

/** Escaped criterion text as a name inside a sentence (without its closing full stop), for mrkdwn. */
export function criterionNameMrkdwn(round: Round, criterionId: string, locale: Locale): string {
  return escapeMrkdwn(criterionName(round, criterionId, locale));
}

/** The dimension's label, or '' for a round with one plain rating. */
export function dimensionText(round: Round, dimension: string, locale: Locale): string {
  return dimensionLabel(round, dimension, locale);
}

/** A quoted, escaped comment for mrkdwn (each line prefixed with `>`). */
export function quote(comment: string): string {
  return escapeMrkdwn(comment)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}
