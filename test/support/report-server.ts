/** Our HTTP server with only the report routes (report pages, charts, export links), on a free loopback port. */
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../../src/app/context.js';
import { createHttpApp, listen } from '../../src/http/http-server.js';
import { mountReportRoutes } from '../../src/http/report-routes.js';
import { createLogger } from '../../src/logger.js';

export interface ReportServer {
  origin: string;
  close(): Promise<void>;
}

export async function startReportServer(ctx: AppContext): Promise<ReportServer> {
  const http = createHttpApp();
  mountReportRoutes(http, { ctx, logger: createLogger('silent'), defaultLocale: 'en' });
  const server = await listen(http, 0, '127.0.0.1');
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
