/**
 * What Spiegel learns about Teams conversations and members as activities arrive, kept in the Teams store so
 * that proactive messages (summaries, reminders, recurring rounds) work after a restart and on any instance.
 * Remembering is best effort and never delays an answer; a short in-process memory only skips repeated writes.
 */
import { TeamsInfo, type Activity, type TurnContext } from 'botbuilder';
import type { Clock } from '../../app/ports.js';
import type { Logger } from '../../logger.js';
import { aadTenantOfActivity, conversationKindOf, placeIdOf, referenceOf, senderUpdateOf } from './activity.js';
import { memberIdOf, tenantIdOf } from './ids.js';
import type { StoredConversation, TeamsConversationStore, TeamsMember, TeamsMemberUpdate } from '../../app/teams-conversation-ports.js';

const REMEMBER_FOR_MS = 10 * 60_000;
const MAX_REMEMBERED = 5_000;
const ROSTER_PAGE_SIZE = 100;
const MAX_ROSTER_PAGES = 50;

export class TeamsDirectory {
  readonly #written = new Map<string, number>();

  constructor(
    private readonly store: TeamsConversationStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Stores the sender and the conversation of an activity (in the background). */
  remember(activity: Partial<Activity>): void {
    void this.rememberNow(activity).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not remember a Teams conversation');
    });
  }

  async rememberNow(activity: Partial<Activity>): Promise<void> {
    const sender = senderUpdateOf(activity);
    const conversation = this.conversationOf(activity);
    const now = this.clock.now();
    if (sender && this.#fresh(`m|${JSON.stringify(sender)}`)) await this.store.saveMembers([sender], now);
    if (conversation && this.#fresh(`c|${JSON.stringify(conversation)}`)) await this.store.saveConversation(conversation, now);
  }

  private conversationOf(activity: Partial<Activity>): StoredConversation | null {
    const tenant = aadTenantOfActivity(activity);
    if (!tenant || !activity.serviceUrl || !activity.conversation?.id) return null;
    const kind = conversationKindOf(activity);
    const conversationId = placeIdOf(activity);
    return { tenantId: tenantIdOf(tenant), conversationId, kind, reference: referenceOf(activity, conversationId) };
  }

  /**
   * The members of the activity's team or chat (all pages), remembered for reminders and card refreshes.
   * The bot itself is not a member.
   */
  async roster(context: TurnContext): Promise<TeamsMemberUpdate[]> {
    const activity = context.activity;
    const tenant = aadTenantOfActivity(activity);
    if (!tenant) return [];
    const members: TeamsMemberUpdate[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_ROSTER_PAGES; page++) {
      const result = await TeamsInfo.getPagedMembers(context, ROSTER_PAGE_SIZE, token);
      for (const account of result.members ?? []) {
        if (!account.id || account.id === activity.recipient?.id) continue;
        members.push({
          tenantId: tenantIdOf(tenant),
          memberId: memberIdOf(account),
          teamsId: account.id,
          serviceUrl: activity.serviceUrl ?? '',
          botId: activity.recipient?.id ?? '',
          ...(account.name ? { name: account.name } : {}),
        });
      }
      token = result.continuationToken || undefined;
      if (!token) break;
    }
    await this.store.saveMembers(members, this.clock.now(), { keepKnownConnection: true }).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not store the roster');
    });
    return members;
  }

  async member(tenantId: string, memberId: string): Promise<TeamsMember | null> {
    return (await this.store.getMembers(tenantId, [memberId]))[0] ?? null;
  }

  /** The sender as a member, completed with what is stored (their personal chat). */
  async sender(activity: Partial<Activity>): Promise<TeamsMember | null> {
    const update = senderUpdateOf(activity);
    if (!update) return null;
    const stored = await this.member(update.tenantId, update.memberId);
    return {
      name: null,
      timeZone: null,
      locale: null,
      personalConversationId: null,
      ...stored,
      ...Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined)),
    } as TeamsMember;
  }

  #fresh(key: string): boolean {
    const now = this.clock.now().getTime();
    const until = this.#written.get(key);
    if (until !== undefined && until > now) return false;
    if (this.#written.size >= MAX_REMEMBERED) this.#written.clear();
    this.#written.set(key, now + REMEMBER_FOR_MS);
    return true;
  }
}
