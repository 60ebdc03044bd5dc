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

export function listen(app: Express, port: number, host?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host ?? '0.0.0.0', (error?: Error) => {
      if (error) reject(error);
      else resolve(server);
    });
  });
}
