/**
 * The Microsoft 365 Agents Playground (a local web client that behaves like Teams) as child processes, for
 * trying Spiegel with no Teams tenant: one instance per demo member, all in the same demo team, each with a
 * generated config under the data directory. It never phones home: telemetry and Statsbeat are off, and no
 * browser is opened. It listens on 127.0.0.1 only (see loopback-listen.cjs). Every instance is killed on stop() and when this process exits.
 */
import { ConfigError } from '../../config.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DemoUser {
  /** Teams user id (what the connector and card refreshes use). */
  id: string;
  name: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

export interface DemoTeam {
  tenantId: string;
  bot: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string };
  groupChat: { id: string; name: string };
  /** Exactly six: the Playground's current user plus five others. */
  members: DemoUser[];
}

function demoUser(n: number, givenName: string, surname: string): DemoUser {
  const slug = givenName
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
  return {
    id: `29:demo-${slug}`,
    name: `${givenName} ${surname}`,
    aadObjectId: `5b1e0000-0000-4000-8000-00000000000${n}`,
    givenName,
    surname,
    email: `${slug}@spiegel.example`,
  };
}

export const demoTeam: DemoTeam = {
  tenantId: '5b1e0000-0000-4000-8000-000000000000',
  bot: { id: '28:spiegel-local-bot', name: 'Spiegel' },
  team: { id: '19:demo-team@thread.tacv2', name: 'Kwaliteitsteam', aadGroupId: '5b1e0000-0000-4000-8000-0000000000aa' },
  groupChat: { id: '19:demo-group@thread.v2', name: 'Intervisiegroep' },
  members: [
    demoUser(1, 'An', 'Peeters'),
    demoUser(2, 'Bram', 'Janssens'),
    demoUser(3, 'Chloé', 'Dubois'),
    demoUser(4, 'Daan', 'Willems'),
    demoUser(5, 'Eva', 'Maes'),
    demoUser(6, 'Fatima', 'El Amrani'),
  ],
};

const q = (value: string) => JSON.stringify(value);

function userYaml(user: DemoUser, indent: string): string {
  return [
    `id: ${q(user.id)}`,
    `name: ${q(user.name)}`,
    `userPrincipleName: ${q(user.email)}`,
    `aadObjectId: ${q(user.aadObjectId)}`,
    `givenName: ${q(user.givenName)}`,
    `surname: ${q(user.surname)}`,
    `email: ${q(user.email)}`,
  ].join(`\n${indent}`);
}

/** The Playground's config file (version 0.1.1) with `currentUser` as the one who types. */
export function playgroundConfigYaml(team: DemoTeam, currentUser: DemoUser): string {
  const others = team.members.filter((m) => m.id !== currentUser.id);
  if (others.length !== 5) throw new ConfigError(['the Playground needs exactly five users besides the current one']);
  return [
    'version: "0.1.1"',
    `tenantId: ${q(team.tenantId)}`,
    'bot:',
    `  id: ${q(team.bot.id)}`,
    `  name: ${q(team.bot.name)}`,
    'currentUser:',
    `  ${userYaml(currentUser, '  ')}`,
    'users:',
    ...others.map((u) => `  - ${userYaml(u, '    ')}`),
    'personalChat:',
    `  id: ${q(`a:personal-${currentUser.id.replace(/^29:/, '')}`)}`,
    'groupChat:',
    `  id: ${q(team.groupChat.id)}`,
    `  name: ${q(team.groupChat.name)}`,
    'team:',
    `  id: ${q(team.team.id)}`,
    `  name: ${q(team.team.name)}`,
    `  aadGroupId: ${q(team.team.aadGroupId)}`,
    '  channels:',
    '    - id: "19:demo-announcements@thread.tacv2"',
    '      name: "Announcements"',
    '',
  ].join('\n');
}

export interface PlaygroundInstance {
  port: number;
  url: string;
  user: DemoUser;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Preferred port; the Playground takes a free one when it is busy. */
  port: number;
  /** Where the config file is written. */
  configDir: string;
  team: DemoTeam;
  user: DemoUser;
  /** Receives the Playground's own output lines. */
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

const cliPath = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
/** Binds the Playground's listeners to 127.0.0.1 (it has no host option of its own). */
const loopbackPreload = fileURLToPath(new URL('./loopback-listen.cjs', import.meta.url));

/** Starts one Playground instance and resolves once it listens (its real port may differ from the one asked). */
export async function startPlayground(options: PlaygroundOptions): Promise<PlaygroundInstance> {
  await mkdir(options.configDir, { recursive: true });
  const configPath = path.join(
    options.configDir,
    `.m365agentsplayground.${options.user.givenName.toLowerCase().replace(/[^a-z]/g, '')}.yml`,
  );
  await writeFile(configPath, playgroundConfigYaml(options.team, options.user));
  const child = spawn(
    process.execPath,
    ['--require', loopbackPreload, cliPath, '-e', options.botEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(options.port)],
    {
      cwd: options.configDir,
      env: {
        ...process.env,
        APPLICATION_INSIGHTS_NO_STATSBEAT: '1',
        TEAMSAPPTESTER_BROWSER: 'none',
        BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const port = await listeningPort(child, options.log ?? (() => {}), options.startTimeoutMs ?? 30_000).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    user: options.user,
    async stop() {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

function listeningPort(child: ChildProcess, log: (line: string) => void, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, port?: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(port ?? 0);
    };
    const timer = setTimeout(() => {
      finish(new Error(`the Agents Playground did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        log(line.trim());
        const match = /Listening on (\d+)/.exec(line);
        if (match) finish(null, Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      finish(new Error(`the Agents Playground exited (code ${code}) before listening`));
    });
    child.once('error', (error) => {
      finish(error);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** `npm start` in local mode: one Playground per demo member given (by default the first two), ports from `firstPort` up. */
export async function startDemoPlaygrounds(options: {
  botEndpoint: string;
  firstPort: number;
  dataDir: string;
  members?: number;
  log?: (line: string) => void;
}): Promise<PlaygroundInstance[]> {
  const users = demoTeam.members.slice(0, options.members ?? 2);
  const started: PlaygroundInstance[] = [];
  try {
    for (const [i, user] of users.entries()) {
      started.push(
        await startPlayground({
          botEndpoint: options.botEndpoint,
          port: options.firstPort + i,
          configDir: path.join(options.dataDir, 'playground'),
          team: demoTeam,
          user,
          ...(options.log ? { log: options.log } : {}),
        }),
      );
    }
  } catch (error) {
    await Promise.all(started.map((p) => p.stop()));
    throw error;
  }
  return started;
}
