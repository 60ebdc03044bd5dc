import type { Locale } from '../domain/framework.js';
import type { IntervisionSession } from '../domain/intervision/session.js';
import type { IntervisionPost } from './intervision.js';
import type { Round } from '../domain/round.js';
import type { Summary } from '../domain/summary-types.js';

/** What a reminder hands the notifier: the progress it shows, plus the member's time zone and the slot. */
export interface ReminderDetails {
  answered: number;
  participants: number;
  /** The member's IANA time zone (platform's, else the workspace default): for showing the deadline. */
  timeZone: string;
  slot: string;
  deadline: Date | null;
}

/** A private message to one member, rendered in their language; with a round, the way to answer it comes along. */
export interface PrivateMessage {
  text(locale: Locale): string;
  round?: Round;
}

/**
 * What the core asks a platform to say on its own initiative (deadlines, reminders, recurring rounds).
 * Each platform adapter implements it; the scheduler picks one by `round.place.platform`.
 */
export interface Notifier {
  /** Posts the final summary in the round's channel. */
  postSummary(round: Round, summary: Summary): Promise<void>;
  /** Sends one member a private reminder (Slack DM, Teams personal chat); reveals nothing about answers. */
  sendReminder(round: Round, memberId: string, details: ReminderDetails): Promise<void>;
  /**
   * Whether the reminder of this slot reached the member since `since`: asked after the sender died mid-send,
   * before sending it again. False when the platform shows no such reminder, or cannot tell.
   */
  reminderDelivered(round: Round, memberId: string, slot: string, since: Date): Promise<boolean>;
  /** Announces a newly opened round in its channel with its prompts (recurring rounds). */
  announceRound(round: Round): Promise<void>;
  /** The member's IANA time zone when the platform knows it. */
  memberTimeZone(round: Round, memberId: string): Promise<string | null>;
  /** Sends one member of the tenant a private message (Slack DM, Teams personal chat). */
  sendPrivateMessage(tenantId: string, memberId: string, message: PrivateMessage): Promise<void>;
  /** Posts an intervision step (or the session's end, with its rating round) in the session's thread. */
  postIntervision(session: IntervisionSession, post: IntervisionPost): Promise<void>;
}

/** The platform a tenant lives on (`slack:T…`, `teams:<guid>`); null for a CLI-only tenant. */
export function platformOfTenant(tenantId: string): 'slack' | 'teams' | null {
  return tenantId.startsWith('slack:') ? 'slack' : tenantId.startsWith('teams:') ? 'teams' : null;
}

export type Notifiers = Partial<Record<Round['place']['platform'], Notifier>>;
