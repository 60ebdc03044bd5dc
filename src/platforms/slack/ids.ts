/**
 * The identifiers Spiegel puts into Slack payloads (action ids, block ids, button values, callback ids)
 * and their parsers. Ids of rounds (base64url), criteria and dimensions (`[a-z0-9-]`) never hold `|`.
 */
import type { Actor } from '../../app/actor.js';

export const SLASH_COMMAND = '/reflect';

export const actionIds = {
  /** A rating button: `spiegel.rate:<value>`, unique within its actions block. */
  rate: 'spiegel.rate',
  /** Opens the answers form for a component (or one part of it). */
  form: 'spiegel.form',
  /** Opens the answers form for one criterion, to comment on it. */
  comment: 'spiegel.comment',
  /** Shows the member's own answers, ephemerally. */
  mine: 'spiegel.mine',
  /** App Home: continue where I left off. */
  continue: 'spiegel.continue',
  /** App Home (admins): the workspace's default language. */
  workspaceLocale: 'spiegel.workspace-locale',
  /** `/reflect forget-me`: the member confirms erasing all their answers, or keeps them. */
  forgetConfirm: 'spiegel.forget.confirm',
  forgetKeep: 'spiegel.forget.keep',
  /** Start form: a framework was chosen; the form shows its criteria and dimensions. */
  startFramework: 'spiegel.start.framework',
  /** App Home (admins): opens the workspace settings form. */
  settings: 'spiegel.settings',
  /** App Home: pause, resume or delete a recurring round; value `<action>|<recurrenceId>`. */
  recurrence: 'spiegel.recurrence',
  /** A final summary: start a Delphi follow-up on the items it left divergent or polarised; value the round id. */
  followUp: 'spiegel.follow-up',
  /** An intervision step: contribute (opens a form) or move on; value `<sessionId>:<step>`. */
  intervisionContribute: 'spiegel.intervision.contribute',
  intervisionNext: 'spiegel.intervision.next',
} as const;

export const intervisionBlockIds = {
  caseText: 'intervision.case',
  method: 'intervision.method',
  facilitator: 'intervision.facilitator',
  deadlineDate: 'intervision.deadlineDate',
  deadlineTime: 'intervision.deadlineTime',
  contribution: 'intervision.contribution',
} as const;

export const rateActionPattern = /^spiegel\.rate:/;

export const callbackIds = {
  start: 'spiegel.start',
  answers: 'spiegel.answers',
  saved: 'spiegel.saved',
  schedule: 'spiegel.schedule',
  settings: 'spiegel.settings',
  intervision: 'spiegel.intervision',
  intervisionContribution: 'spiegel.intervision.contribution',
} as const;

export function tenantIdOf(teamId: string): string {
  return `slack:${teamId}`;
}

export function teamIdOf(tenantId: string): string {
  return tenantId.startsWith('slack:') ? tenantId.slice('slack:'.length) : tenantId;
}

export function actorFor(teamId: string, userId: string, admins: readonly string[]): Actor {
  return { tenantId: tenantIdOf(teamId), userId, isAdmin: admins.includes(userId) };
}

/** Slack itself, for what the workspace's installation does (installed, uninstalled): acts on that workspace only. */
export function workspaceActor(teamId: string): Actor {
  return { tenantId: tenantIdOf(teamId), userId: 'slack:installation', isAdmin: true };
}

export interface RateValue {
  roundId: string;
  criterionId: string;
  dimension: string;
  value: string;
}

export function encodeRate(v: RateValue): string {
  return [v.roundId, v.criterionId, v.dimension, v.value].join('|');
}

export function decodeRate(value: string | undefined): RateValue | null {
  const parts = (value ?? '').split('|');
  if (parts.length !== 4 || parts.some((p) => p === '')) return null;
  const [roundId, criterionId, dimension, rating] = parts as [string, string, string, string];
  return { roundId, criterionId, dimension, value: rating };
}

/** Which criteria an answers form shows: a component, from index `from` (inclusive) to `to` (exclusive). */
export interface FormTarget {
  roundId: string;
  componentId: string;
  from: number;
  to: number;
}

export function encodeFormTarget(t: FormTarget): string {
  return [t.roundId, t.componentId, t.from, t.to].join('|');
}

export function decodeFormTarget(value: string | undefined): FormTarget | null {
  const parts = (value ?? '').split('|');
  if (parts.length !== 4) return null;
  const [roundId, componentId, from, to] = parts as [string, string, string, string];
  const f = Number(from);
  const t = Number(to);
  if (!roundId || !componentId || !Number.isInteger(f) || !Number.isInteger(t) || f < 0 || t <= f) return null;
  return { roundId, componentId, from: f, to: t };
}

/** `<roundId>|<criterionId>`: the comment button. */
export function encodeCriterionRef(roundId: string, criterionId: string): string {
  return `${roundId}|${criterionId}`;
}

export function decodeCriterionRef(value: string | undefined): { roundId: string; criterionId: string } | null {
  const [roundId, criterionId, ...rest] = (value ?? '').split('|');
  return roundId && criterionId && rest.length === 0 ? { roundId, criterionId } : null;
}

/** Block ids inside the answers form. */
export const formBlockIds = {
  rating: (criterionId: string, dimension: string) => `rating|${criterionId}|${dimension}`,
  comment: (criterionId: string) => `comment|${criterionId}`,
  open: (questionId: string) => `open|${questionId}`,
};

/** Block ids inside the start form. */
export const startBlockIds = {
  framework: 'framework',
  name: 'name',
  criteria: 'criteria',
  perspectives: 'perspectives',
  participants: 'participants',
  deadlineDate: 'deadline_date',
  deadlineTime: 'deadline_time',
  options: 'options',
  dimensions: 'dimensions',
  language: 'language',
  target: 'target',
  k: 'k',
} as const;

/** Block ids inside the recurring round form. */
export const scheduleBlockIds = {
  framework: 'framework',
  name: 'name',
  cadence: 'cadence',
  weekday: 'weekday',
  dayOfMonth: 'day_of_month',
  time: 'time',
  cron: 'cron',
  timeZone: 'time_zone',
  answerDays: 'answer_days',
  perspectives: 'perspectives',
  options: 'options',
  k: 'k',
  language: 'language',
  participants: 'participants',
} as const;
