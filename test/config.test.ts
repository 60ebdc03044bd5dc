import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { ConfigError, isLocalMode, loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

it('applies defaults to an empty environment', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ MONGODB_DB: 'spiegel', DEFAULT_LOCALE: 'nl', LOG_LEVEL: 'info', PORT: 3978 });
  expect(isLocalMode(config)).toBe(true);
  expect(isLocalMode(loadConfig({ SLACK_SIGNING_SECRET: 'abc' }))).toBe(false);
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
