/** Which way the Slack adapter runs, from the configuration. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { slackMode } from '../../../src/platforms/slack/slack-app.js';

const mode = (env: Record<string, string>) => slackMode(loadConfig(env));

describe('slackMode', () => {
  it('is off without any Slack variable', () => {
    expect(mode({})).toBeNull();
  });

  it('uses Socket Mode when SLACK_APP_TOKEN is set, with the bot token', () => {
    expect(mode({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toEqual({
      kind: 'socket',
      appToken: 'xapp-1',
      botToken: 'xoxb-1',
    });
    expect(() => mode({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/SLACK_BOT_TOKEN/);
  });

  it('serves one workspace over HTTP with a bot token, or distributes with OAuth', () => {
    expect(mode({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual({
      kind: 'single',
      signingSecret: 's',
      botToken: 'xoxb-1',
    });
    expect(mode({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'st' })).toEqual({
      kind: 'oauth',
      signingSecret: 's',
      clientId: 'id',
      clientSecret: 'cs',
      stateSecret: 'st',
    });
  });

  it('names what is missing when the configuration is half done', () => {
    expect(() => mode({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => mode({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'id' })).toThrow(/SLACK_CLIENT_SECRET and SLACK_STATE_SECRET/);
  });
});
