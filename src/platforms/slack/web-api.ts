/**
 * How Spiegel talks to Slack's Web API: one set of client options (base URL, retries after 429, time-outs)
 * for Bolt's clients and for the clients the notifier uses outside requests.
 */
import { NotInstalledError } from './installation-store.js';
import { webApi, type Logger as BoltLogger } from '@slack/bolt';

export type WebClient = InstanceType<typeof webApi.WebClient>;
export type WebClientOptions = NonNullable<ConstructorParameters<typeof webApi.WebClient>[1]>;

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/**
 * Rate limits: with `rejectRateLimitedCalls: false` the client waits for the Retry-After of a 429 and
 * repeats the call (pausing its queue meanwhile); `retryConfig` bounds how often. Other failures
 * (network, 5xx) are retried with backoff as well, at most 5 times within about a minute.
 */
export function webClientOptions(slackApiUrl: string | undefined, logger: BoltLogger): WebClientOptions {
  const url = slackApiUrl ?? DEFAULT_SLACK_API_URL;
  return {
    slackApiUrl: url.endsWith('/') ? url : `${url}/`,
    logger,
    rejectRateLimitedCalls: false,
    retryConfig: { retries: 5, factor: 2, minTimeout: 250, maxTimeout: 20_000, randomize: true },
    timeout: 15_000,
  };
}

/** Finds the bot token of a workspace: the configured one, or the workspace's OAuth installation. */
export type BotTokenSource = (teamId: string) => Promise<string | null>;

/** Web API clients for work outside a request (summaries at deadlines, reminders, announcements). */
export class SlackClients {
  readonly #byToken = new Map<string, WebClient>();

  constructor(
    private readonly tokens: BotTokenSource,
    private readonly options: WebClientOptions,
  ) {}

  async forTeam(teamId: string): Promise<WebClient> {
    const token = await this.tokens(teamId);
    if (!token) throw new NotInstalledError(teamId);
    let client = this.#byToken.get(token);
    if (!client) {
      client = new webApi.WebClient(token, { ...this.options, teamId });
      this.#byToken.set(token, client);
    }
    return client;
  }
}

/** True when a Web API error has the given Slack error code (e.g. `not_in_channel`). */
export function isSlackError(error: unknown, ...codes: string[]): boolean {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' && codes.includes(data.error);
}
