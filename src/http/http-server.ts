import express, { type Express } from 'express';
import type { Server } from 'node:http';

/** The one HTTP server of the bot; each platform mounts its routes on it. */
export function createHttpApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return app;
}

/** Local mode serves this machine only: its Teams endpoint is unauthenticated. */
export function listenHost(localMode: boolean): string {
  return localMode ? '127.0.0.1' : '0.0.0.0';
}

export function listen(app: Express, port: number, host?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host ?? '0.0.0.0', (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
