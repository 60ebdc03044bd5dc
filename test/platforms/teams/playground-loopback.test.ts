/**
 * Local mode's listeners answer this machine only: the Agents Playground (which acts for any user and tenant
 * without authentication) and the bot's own server are bound to 127.0.0.1, not to the machine's other addresses.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpApp, listen, listenHost } from '../../../src/http/http-server.js';
import { demoTeam, startPlayground, type PlaygroundInstance } from '../../../src/platforms/teams/playground.js';

/** A non-loopback IPv4 address of this machine; every CI and development machine has one (its network interface). */
function externalAddress(): string {
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  if (!address) throw new Error('this machine has no non-loopback IPv4 address to test against');
  return address.address;
}

function connects(host: string, port: number): Promise<boolean | string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

let dir: string;
let playground: PlaygroundInstance;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'spiegel-playground-'));
  playground = await startPlayground({
    botEndpoint: 'http://127.0.0.1:9/api/messages',
    port: 0,
    configDir: dir,
    team: demoTeam,
    user: demoTeam.members[0]!,
  });
}, 60_000);

afterAll(async () => {
  await playground?.stop();
  await rm(dir, { recursive: true, force: true });
});

it('the Agents Playground answers on 127.0.0.1 and refuses the machine’s other addresses', async () => {
  expect(await connects('127.0.0.1', playground.port)).toBe(true);
  expect(await connects(externalAddress(), playground.port)).toBe('ECONNREFUSED');
});

it('the bot’s server listens on 127.0.0.1 only in local mode', async () => {
  expect(listenHost(true)).toBe('127.0.0.1');
  expect(listenHost(false)).toBe('0.0.0.0');
  const server = await listen(createHttpApp(), 0, listenHost(true));
  try {
    const { port } = server.address() as net.AddressInfo;
    expect(await connects('127.0.0.1', port)).toBe(true);
    expect(await connects(externalAddress(), port)).toBe('ECONNREFUSED');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
