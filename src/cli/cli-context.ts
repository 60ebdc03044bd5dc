import type { Actor } from '../app/actor.js';
import { createCore, resolveSecret, type Core } from '../bootstrap.js';
import { isLocalMode, type Config } from '../config.js';
import type { Place } from '../domain/round.js';
import { createLogger } from '../logger.js';
import { resolveDatabase, type LocalDatabase } from '../storage/local-database/index.js';

export interface CliSession extends Core {
  actor: Actor;
  place: Place;
  close(): Promise<void>;
}

/** The CLI acts as an admin of one tenant (`--tenant`, default `cli:local`) on the same database as the bot. */
export async function openCliSession(config: Config, tenantId: string): Promise<CliSession> {
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, process.stderr);
  const database: LocalDatabase = await resolveDatabase(process.env, {
    dataDir: config.SPIEGEL_DATA_DIR,
    persistent: true,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  try {
    const secret = await resolveSecret(config, isLocalMode(config), logger);
    const core = await createCore({ config, uri: database.uri, secret });
    return {
      ...core,
      actor: { tenantId, userId: 'cli', isAdmin: true },
      place: { platform: 'cli', tenantId, channelId: 'cli' },
      async close() {
        await core.connection.close();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/** Runs `work` in a session on the tenant and closes it afterwards, whatever happens. */
export async function withCliSession(config: Config, tenantId: string, work: (session: CliSession) => Promise<string>): Promise<string> {
  const session = await openCliSession(config, tenantId);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
