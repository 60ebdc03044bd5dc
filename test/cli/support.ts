import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, inject } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const cliSecret = 'cli-test-secret-'.repeat(3);

/** For a test file: a fresh database and data folder, and `spiegel(...args)` running the real bin against them. */
export function useCli(): { database: () => TestDatabase; dir: () => string; spiegel: (...args: string[]) => Promise<CliRun> } {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'spiegel-cli-'));
  });
  afterAll(async () => {
    await database?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  /** Never throws; returns the exit code. */
  const spiegel = async (...args: string[]): Promise<CliRun> => {
    const env = {
      ...process.env,
      MONGODB_URI: inject('mongodbUri'),
      MONGODB_DB: database.db.databaseName,
      SPIEGEL_SECRET: cliSecret,
      SPIEGEL_DATA_DIR: dir,
      DEFAULT_LOCALE: 'en',
    };
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/spiegel.js', ...args], { env, timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  return { database: () => database, dir: () => dir, spiegel };
}
