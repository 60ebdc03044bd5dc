/**
 * The identifiers Spiegel puts into Teams cards (Action.Execute verbs, input ids) and the tenant and member
 * ids it derives from activities. Criterion and dimension ids are `[a-z0-9-]`, so `|` separates safely.
 */
import type { Actor } from '../../app/actor.js';

export const verbs = {
  /** Save the ratings and comments of one prompt card: data `{ r: roundId, p: part, n: parts, c: criterionIds, e?: criterionIds }` (src/platforms/teams/parse.ts). */
  answer: 'spiegel.answer',
  /** Show the member's own view of a prompt card (manual or automatic refresh): data `{ r, p }`. */
  refresh: 'spiegel.refresh',
  /** Start form, step 1 → 2: the framework was chosen (input `framework`). */
  startFramework: 'spiegel.start.framework',
  /** Start form, step 2 → 1: choose another framework. */
  startBack: 'spiegel.start.back',
  /** Start form: start the round (data `{ f: frameworkId }` plus the inputs). */
  startSubmit: 'spiegel.start.submit',
  /** `forget me`: the member confirms erasing all their answers, or keeps them. */
  forgetConfirm: 'spiegel.forget.confirm',
  forgetKeep: 'spiegel.forget.keep',
  /** Recurring round form: schedule it (the inputs). */
  scheduleSubmit: 'spiegel.schedule.submit',
  /** Recurring round list: data `{ a: 'pause' | 'resume' | 'delete', id }`. */
  scheduleChange: 'spiegel.schedule.change',
  /** Workspace settings card: save (the inputs, one per setting key). */
  settingsSave: 'spiegel.settings.save',
  /** A final summary: start a Delphi follow-up on the items it left divergent or polarised: data `{ r: roundId }`. */
  followUp: 'spiegel.follow-up',
  /** Intervision form: start the session (the inputs). */
  intervisionStart: 'spiegel.intervision.start',
  /** An intervision step card: data `{ s: sessionId, n: step }` plus the contribution input. */
  intervisionContribute: 'spiegel.intervision.contribute',
  intervisionNext: 'spiegel.intervision.next',
} as const;

/** Input ids inside the intervision form and step cards. */
export const intervisionInputIds = {
  caseText: 'caseText',
  method: 'method',
  facilitator: 'facilitator',
  deadlineDate: 'deadlineDate',
  deadlineTime: 'deadlineTime',
  contribution: 'contribution',
} as const;

export type Verb = (typeof verbs)[keyof typeof verbs];
/** Input ids inside a prompt card. */
export const promptInputIds = {
  rating: (criterionId: string, dimension: string) => `rate|${criterionId}|${dimension}`,
  comment: (criterionId: string) => `comment|${criterionId}`,
  open: (questionId: string) => `open|${questionId}`,
};

/** Input ids inside the start form. */
export const startInputIds = {
  framework: 'framework',
  name: 'name',
  criteria: 'criteria',
  perspectives: 'perspectives',
  participants: 'participants',
  deadlineDate: 'deadlineDate',
  deadlineTime: 'deadlineTime',
  anonymous: 'anonymous',
  dimensions: 'dimensions',
  language: 'language',
  target: 'target',
  k: 'k',
} as const;

/** Input ids inside the recurring round form. */
export const scheduleInputIds = {
  framework: 'framework',
  name: 'name',
  cadence: 'cadence',
  weekday: 'weekday',
  dayOfMonth: 'dayOfMonth',
  time: 'time',
  cron: 'cron',
  timeZone: 'timeZone',
  answerDays: 'answerDays',
  perspectives: 'perspectives',
  anonymous: 'anonymous',
  reminders: 'reminders',
  k: 'k',
  language: 'language',
} as const;

export function tenantIdOf(aadTenantId: string): string {
  return `teams:${aadTenantId}`;
}

export function aadTenantOf(tenantId: string): string {
  return tenantId.startsWith('teams:') ? tenantId.slice('teams:'.length) : tenantId;
}

/** Spiegel's id for a Teams account: the AAD object id, else the Teams id. The same in participants, actions and reminders. */
export function memberIdOf(account: { id: string; aadObjectId?: string | undefined }): string {
  return account.aadObjectId || account.id;
}

export function actorFor(aadTenantId: string, account: { id: string; aadObjectId?: string | undefined }, admins: readonly string[]): Actor {
  const userId = memberIdOf(account);
  return { tenantId: tenantIdOf(aadTenantId), userId, isAdmin: admins.includes(userId) };
}

/** Teams itself, for what the app's installation does (added, removed): acts on that tenant only. */
export function workspaceActor(aadTenantId: string): Actor {
  return { tenantId: tenantIdOf(aadTenantId), userId: 'teams:installation', isAdmin: true };
}
