/** The manifest asks for exactly the scopes the code uses and points every URL at the routes Spiegel serves. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, slackPaths } from '../../../src/platforms/slack/slack-app.js';
import { SLASH_COMMAND } from '../../../src/platforms/slack/ids.js';

interface Manifest {
  features: { slash_commands: { command: string; url: string }[]; app_home: { home_tab_enabled: boolean } };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

describe('manifests/slack/manifest.yaml', () => {
  it('matches the code', async () => {
    const manifest = parse(await readFile('manifests/slack/manifest.yaml', 'utf8')) as Manifest;
    expect(manifest.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_uninstalled',
      'message.channels',
      'message.groups',
      'message.im',
      'tokens_revoked',
    ]);
    const paths = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ].map((u) => new URL(u).pathname);
    expect(new Set(paths)).toEqual(new Set([slackPaths.events]));
    expect(manifest.oauth_config.redirect_urls.map((u) => new URL(u).pathname)).toEqual([slackPaths.oauthRedirect]);
  });
});
