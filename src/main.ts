import { createCore, resolveSecret } from './bootstrap.js';
import { ConfigError, isLocalMode, loadConfig } from './config.js';
import { createHttpApp, listen } from './http/http-server.js';
import { createLogger } from './logger.js';
import { resolveDatabase } from './storage/local-database.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const localMode = isLocalMode(config);
  const database = await resolveDatabase(process.env, {
    dataDir: config.SPIEGEL_DATA_DIR,
    persistent: true,
    log: (line) => logger.info(line),
  });
  const secret = await resolveSecret(config, localMode, logger);
  const core = await createCore({ config, uri: database.uri, secret });
  const http = createHttpApp();
  const stops: Array<() => Promise<void>> = [];

  const server = await listen(http, config.PORT);
  logger.info({ port: config.PORT, localMode, database: database.kind }, `Spiegel listens on http://localhost:${config.PORT}`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close();
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => logger.error({ err: error }, 'stop failed'));
    await core.connection.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Spiegel could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
