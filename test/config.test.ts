import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, isLocalMode, loadConfig, requireServable } from '../src/config.js';
import { createLogger } from '../src/logger.js';

it('applies defaults to an empty environment', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ MONGODB_DB: 'spiegel', DEFAULT_LOCALE: 'nl', LOG_LEVEL: 'info', PORT: 3978 });
  expect(isLocalMode(config)).toBe(true);
  expect(isLocalMode(loadConfig({ SLACK_SIGNING_SECRET: 'abc', SLACK_BOT_TOKEN: 'xoxb-1' }))).toBe(false);
  expect(isLocalMode(loadConfig({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw' }))).toBe(false);
});

describe('local mode cannot be switched on by accident', () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
  };

  it('refuses half a Teams configuration instead of falling back to local mode', () => {
    expect(problemsOf({ MICROSOFT_APP_PASSWORD: 'pw', SPIEGEL_SECRET: 'x'.repeat(32), MONGODB_URI: 'mongodb://db' })).toEqual([
      'MICROSOFT_APP_ID: required, since MICROSOFT_APP_PASSWORD is set',
    ]);
    expect(problemsOf({ MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TENANT_ID: 't' })).toEqual([
      'MICROSOFT_APP_ID: required, since MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID are set',
    ]);
    expect(problemsOf({ MICROSOFT_APP_ID: 'id' })).toEqual(['MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID']);
    // The example file's default app type alone is not a credential.
    expect(problemsOf({ MICROSOFT_APP_TYPE: 'MultiTenant' })).toEqual([]);
  });

  it('refuses half a Slack configuration', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: /)]);
    expect(problemsOf({ SLACK_CLIENT_SECRET: 'cs' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: /)]);
  });

  it('names a misspelt variable and suggests the right one', () => {
    expect(problemsOf({ MICROSOFT_APPID: 'id', MICROSOFT_APP_PASSWORD: 'pw', SLACK_TOKEN: 'xoxb-1', MONGODB_URL: 'mongodb://db' })).toEqual(
      [
        'MICROSOFT_APPID: not a Spiegel variable; did you mean MICROSOFT_APP_ID?',
        'MONGODB_URL: not a Spiegel variable; did you mean MONGODB_URI?',
        'SLACK_TOKEN: not a Spiegel variable; did you mean SLACK_BOT_TOKEN?',
        'MICROSOFT_APP_ID: required, since MICROSOFT_APP_PASSWORD is set',
      ],
    );
    expect(problemsOf({ SPIEGEL_SOMETHING_ELSE_ENTIRELY: '1' })).toEqual(['SPIEGEL_SOMETHING_ELSE_ENTIRELY: not a Spiegel variable']);
  });

  it('never runs local mode with NODE_ENV=production', () => {
    const production = loadConfig({ NODE_ENV: 'production' });
    expect(isLocalMode(production)).toBe(false);
    expect(() => requireServable(production)).toThrow(/local mode never runs in production/);
    expect(problemsOf({ NODE_ENV: 'production', SPIEGEL_LOCAL_MODE: 'true' })).toEqual([
      'SPIEGEL_LOCAL_MODE: local mode never runs with NODE_ENV=production',
    ]);
    expect(() => requireServable(loadConfig({ NODE_ENV: 'production', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'b' }))).not.toThrow();
  });
});

it('names every wrong variable in one error', () => {
  const error = (() => {
    try {
      loadConfig({ DEFAULT_LOCALE: 'fr', PORT: 'eighty', SPIEGEL_SECRET: 'short', LOG_LEVEL: 'loud', MONGODB_DB: 'a b' });
    } catch (e) {
      return e;
    }
  })();
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]);
  expect(problems.sort()).toEqual(['DEFAULT_LOCALE', 'LOG_LEVEL', 'MONGODB_DB', 'PORT', 'SPIEGEL_SECRET']);
});

it('redacts secrets in log lines', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  createLogger('info', sink).info(
    {
      token: 'xoxb-secret',
      config: { SPIEGEL_SECRET: 's3cret', MONGODB_URI: 'mongodb://u:p@h' },
      headers: { authorization: 'Bearer abc' },
    },
    'hello',
  );
  expect(lines.join('')).not.toMatch(/xoxb-secret|s3cret|u:p@h|Bearer abc/);
  expect(lines.join('')).toContain('[redacted]');
});
