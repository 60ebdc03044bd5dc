/**
 * vitest globalSetup of the `postgres` project (vitest.config.ts): the storage and scheduling tests a second
 * time, on the embedded FerretDB over a throw-away PostgreSQL cluster — the backend organisations deploy.
 * Unlike global-setup.ts it never falls back to another database: unavailable = the run fails, with the way out.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startFerretdbOnPostgres } from '../../src/storage/local-database/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = (line: string): void => {
    console.error(line);
  };
  const db = await startFerretdbOnPostgres(path.join(repoRoot, '.data'), log);
  if ('unavailable' in db) {
    throw new Error(
      `The postgres test project needs FerretDB on PostgreSQL, which cannot run here: ${db.unavailable}. ` +
        "Install Debian's PostgreSQL server (apt-get install -y postgresql; .ci/run does) and Go 1.24+.",
    );
  }
  log(`database (postgres project): ${db.description}`);
  project.provide('mongodbUri', db.uri);
  project.provide('databaseKind', db.kind);
  project.provide('postgresql', db.postgresql ?? null);
  return () => db.stop();
}
