/** `npm start` as an operator meets it: a half configuration stops start-up; local mode says so before anything else. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs src/main.ts with only `env` (plus PATH and HOME) until it exits or its stderr contains `until`. */
function start(env: Record<string, string>, until?: RegExp): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (until?.test(stderr)) child.kill('SIGKILL');
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

it('refuses to start with half a Teams configuration and a misspelt app id, naming both', async () => {
  const { code, stderr } = await start({
    MONGODB_URI: 'mongodb://127.0.0.1:1/',
    SPIEGEL_SECRET: 'x'.repeat(40),
    MICROSOFT_APP_PASSWORD: 'pw',
    MICROSOFT_APPID: '00000000-aaaa-4bbb-8ccc-000000000001',
  });
  expect(code).toBe(1);
  expect(stderr).toContain('MICROSOFT_APPID: not a Spiegel variable; did you mean MICROSOFT_APP_ID?');
  expect(stderr).toContain('MICROSOFT_APP_ID: required, since MICROSOFT_APP_PASSWORD is set');
  expect(stderr).not.toContain('LOCAL MODE');
}, 30_000);

it('refuses local mode with NODE_ENV=production', async () => {
  const { code, stderr } = await start({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://127.0.0.1:1/' });
  expect(code).toBe(1);
  expect(stderr).toContain('local mode never runs in production');
}, 30_000);

it('announces local mode before anything else', async () => {
  const { stderr } = await start({ MONGODB_URI: 'mongodb://127.0.0.1:1/', LOG_LEVEL: 'silent' }, /127\.0\.0\.1 only/);
  expect(stderr).toMatch(/LOCAL MODE: for trying Spiegel on this machine, not for production/);
  expect(stderr).toContain('no Slack (SLACK_*) or Teams (MICROSOFT_APP_ID …) credentials are set');
}, 30_000);
