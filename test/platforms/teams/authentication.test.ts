/**
 * With MICROSOFT_APP_ID, every call must carry a valid Bot Framework token. A missing or forged one gets a 401
 * with no internal detail, nothing runs, and the reason goes to our logger, not to stdout.
 */
import { Writable } from 'node:stream';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createHttpApp, listen } from '../../../src/http/http-server.js';
import { createLogger } from '../../../src/logger.js';
import { mountTeams, type MountedTeams } from '../../../src/platforms/teams/index.js';
import { members, message, startTeamsHarness, type TeamsHarness } from './support/harness.js';

let h: TeamsHarness;
let teams: MountedTeams | null;
let server: Server;
let origin: string;
const logLines: string[] = [];

beforeAll(async () => {
  h = await startTeamsHarness();
  const config = loadConfig({ MICROSOFT_APP_ID: '00000000-aaaa-4bbb-8ccc-000000000001', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const http = createHttpApp();
  teams = await mountTeams(http, { config, logger: createLogger('info', sink), ctx: h.ctx, store: h.store, localMode: false });
  server = await listen(http, 0, '127.0.0.1');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await teams?.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Well-formed, but signed by nobody Bot Framework trusts. */
const forgedJwt = [
  base64url({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' }),
  base64url({ iss: 'https://api.botframework.com', aud: '00000000-aaaa-4bbb-8ccc-000000000001', exp: 4_102_444_800 }),
  Buffer.from('not a signature').toString('base64url'),
].join('.');

it.each([
  ['no token', undefined],
  ['a token that is not a JWT', 'Bearer not.a.token'],
  ['a forged JWT', `Bearer ${forgedJwt}`],
])('%s: 401 without internal detail, nothing runs, the reason is logged', async (_case, authorization) => {
  const consoleError = vi.spyOn(console, 'error');
  const stdout = vi.spyOn(process.stdout, 'write');
  h.connector.clear();
  logLines.length = 0;
  const res = await fetch(`${origin}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(message(h.connector, members.an, 'help')),
  });
  expect(res.status).toBe(401);
  expect(await res.json()).toEqual({ error: 'unauthorized' });
  expect(h.connector.calls).toHaveLength(0);
  expect(consoleError).not.toHaveBeenCalled();
  expect(stdout.mock.calls.filter(([chunk]) => /Error|at /.test(String(chunk)))).toEqual([]);
  expect(logLines.join('')).toContain('Teams call refused: authentication failed');
  consoleError.mockRestore();
  stdout.mockRestore();
});
