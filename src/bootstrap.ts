import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from './app/context.js';
import { newRoundId } from './app/context.js';
import { loadFrameworkCatalogue } from './app/framework-catalogue.js';
import { systemClock, type Clock } from './app/ports.js';
import { Config, ConfigError } from './config.js';
import type { Logger } from './logger.js';
import { connectMongo, createMongoStores, type MongoConnection } from './storage/mongo/mongo-stores.js';

export interface Core {
  ctx: AppContext;
  connection: MongoConnection;
}

/**
 * The pseudonym key: SPIEGEL_SECRET, or in local mode a key generated once and kept under the data
 * directory, so that a newcomer's anonymous rounds stay readable across restarts.
 */
export async function resolveSecret(config: Config, localMode: boolean, logger: Logger): Promise<string> {
  if (config.SPIEGEL_SECRET) return config.SPIEGEL_SECRET;
  if (!localMode)
    throw new ConfigError(['SPIEGEL_SECRET: required outside local mode (at least 32 characters; e.g. `openssl rand -base64 48`)']);
  const file = join(config.SPIEGEL_DATA_DIR, 'local-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(config.SPIEGEL_DATA_DIR, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    await writeFile(file, secret, { mode: 0o600 });
    await chmod(file, 0o600);
    logger.warn({ file }, 'local mode: generated a pseudonym key; set SPIEGEL_SECRET in production');
    return secret;
  }
}

export async function createCore(options: { config: Config; uri: string; secret: string; clock?: Clock }): Promise<Core> {
  const { config, uri, secret } = options;
  const [frameworks, connection] = await Promise.all([
    loadFrameworkCatalogue(config.SPIEGEL_FRAMEWORKS_DIR),
    connectMongo(uri, config.MONGODB_DB),
  ]);
  const stores = createMongoStores(connection.db);
  try {
    await stores.ensureIndexes();
  } catch (error) {
    await connection.close();
    throw error;
  }
  return { ctx: { stores, clock: options.clock ?? systemClock, frameworks, secret, newId: newRoundId }, connection };
}
