/** Runs the real `spiegel` bin against a test database, in English, from a temporary data directory. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, inject } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliHarness {
  database: TestDatabase;
  dir: string;
  /** Never throws; returns the exit code and output. */
  spiegel(...args: string[]): Promise<CliResult>;
}

/** For a test file: a fresh database and temporary folder before its tests, removed after them. */
export function useCli(): CliHarness {
  const holder = {} as CliHarness;
  beforeAll(async () => {
    holder.database = await openTestDatabase();
    holder.dir = await mkdtemp(join(tmpdir(), 'spiegel-cli-'));
  });
  afterAll(async () => {
    await holder.database?.close();
    if (holder.dir) await rm(holder.dir, { recursive: true, force: true });
  });
  holder.spiegel = async (...args) => {
    const env = {
      ...process.env,
      MONGODB_URI: inject('mongodbUri'),
      MONGODB_DB: holder.database.db.databaseName,
      SPIEGEL_SECRET: 'cli-test-secret-'.repeat(3),
      SPIEGEL_DATA_DIR: holder.dir,
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
  return holder;
}
