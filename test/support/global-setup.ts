/**
 * vitest globalSetup: one database for the whole run (MONGODB_URI, mongodb-memory-server or the
 * embedded FerretDB — see src/storage/local-database/). Tests reach it through test/support/database.ts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { resolveDatabase } from '../../src/storage/local-database/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
    databaseKind: string;
    /** FerretDB on PostgreSQL only (the postgres project): its PostgreSQL database and psql. */
    postgresql: { url: string; psql: string } | null;
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const db = await resolveDatabase(process.env, { dataDir: path.join(repoRoot, '.data') });
  project.provide('mongodbUri', db.uri);
  project.provide('databaseKind', db.kind);
  project.provide('postgresql', db.postgresql ?? null);
  return () => db.stop();
}
