/**
 * What Slack tells about a member (users.info with include_locale): language, time zone, bot or not;
 * and the language to answer a member in: their Slack language when it is Dutch or English, else the
 * workspace's default (set by an admin in the App Home), else DEFAULT_LOCALE. Cached in-process only.
 */
import type { Locale } from '../../domain/framework.js';
import { pickLocale } from '../../i18n/translator.js';
import type { Logger } from '../../logger.js';
import type { SlackWorkspaceSettings } from './ports.js';
import { TtlCache } from './ttl-cache.js';
import type { WebClient } from './web-api.js';

export interface SlackUser {
  locale: string | null;
  timeZone: string | null;
  isBot: boolean;
}

const USER_TTL_MS = 60 * 60_000;
/** After a failed users.info, the member is asked about again after this long. */
const UNKNOWN_USER_TTL_MS = 5 * 60_000;
const WORKSPACE_TTL_MS = 60_000;

export class SlackDirectory {
  readonly #users = new TtlCache<string, SlackUser | null>(USER_TTL_MS, 50_000);
  readonly #workspaces = new TtlCache<string, Locale>(WORKSPACE_TTL_MS, 10_000);

  constructor(
    private readonly settings: SlackWorkspaceSettings,
    private readonly fallback: Locale,
    private readonly logger: Logger,
  ) {}

  /** The member as Slack describes them; null when Slack would not say (unknown user, missing scope…). */
  user(client: WebClient, teamId: string, userId: string): Promise<SlackUser | null> {
    return this.#users.get(
      `${teamId}/${userId}`,
      async () => {
        try {
          const result = await client.users.info({ user: userId, include_locale: true });
          const user = result.user;
          return { locale: user?.locale ?? null, timeZone: user?.tz ?? null, isBot: user?.is_bot === true || user?.id === 'USLACKBOT' };
        } catch (error) {
          this.logger.warn({ err: error, userId }, 'users.info failed; using the workspace language');
          return null;
        }
      },
      (user) => (user === null ? UNKNOWN_USER_TTL_MS : USER_TTL_MS),
    );
  }

  workspaceLocale(teamId: string): Promise<Locale> {
    return this.#workspaces.get(teamId, async () => (await this.settings.getDefaultLocale(teamId)) ?? this.fallback);
  }

  /** After an admin changed the workspace language (stored with the workspace settings): answer in it at once. */
  rememberWorkspaceLocale(teamId: string, locale: Locale): void {
    this.#workspaces.set(teamId, Promise.resolve(locale));
  }

  /** The language to answer this member in. */
  async localeOf(client: WebClient, teamId: string, userId: string): Promise<Locale> {
    const [user, workspace] = await Promise.all([this.user(client, teamId, userId), this.workspaceLocale(teamId)]);
    return pickLocale(user?.locale, workspace);
  }
}
