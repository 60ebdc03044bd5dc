/**
 * tools/ferretdb/postgresql-indexes.sql, on Spiegel's own collections in FerretDB over PostgreSQL (the postgres
 * project; elsewhere there is no PostgreSQL to run it on): FerretDB 1.24 answers a read by `_id` by scanning the
 * collection; after the script, PostgreSQL finds the document through an index. The script can be run again.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMongoStores } from '../../src/storage/mongo/mongo-stores.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../tools/ferretdb/postgresql-indexes.sql', import.meta.url));
const postgresql = inject('postgresql');
const tenantId = 'slack:TIDX';

describe.skipIf(!postgresql)('FerretDB on PostgreSQL: the indexes script', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    const stores = createMongoStores(database.db);
    await stores.ensureIndexes();
    const answers = Array.from({ length: 3000 }, (_, i) => ({
      roundId: `round-${i % 30}`,
      criterionId: `c-${i % 50}`,
      dimension: 'rating',
      respondent: `U${Math.floor(i / 50)}`,
      value: (i % 5) + 1,
      comment: null,
      updatedAt: null,
    }));
    await stores.responses.saveMany(tenantId, answers);
  });
  afterAll(async () => database?.close());

  /** How PostgreSQL finds one answer by its `_id`, as FerretDB asks it. */
  async function planOfPointRead(): Promise<string> {
    const explained = await database.db
      .collection('responses')
      .find({ _id: 'round-7/c-7/rating/U0' as never, tenantId })
      .explain();
    return JSON.stringify((explained as { queryPlanner: unknown }).queryPlanner);
  }

  const psql = (...args: string[]) => run(postgresql!.psql, [postgresql!.url, '-X', '-q', ...args]);

  it('makes a read by _id use an index instead of scanning the collection, and can be run again', async () => {
    expect(await planOfPointRead()).toContain('"Node Type":"Seq Scan"');
    const schema = database.db.databaseName;
    for (let i = 0; i < 2; i++) await psql('-v', `schema=${schema}`, '-f', script);
    const plan = await planOfPointRead();
    expect(plan).not.toContain('Seq Scan');
    expect(plan).toMatch(/"Index Name":"responses_[0-9a-f]+_[0-9a-f]{8}_gin"/);
    const { stdout: indexes } = await psql(
      '-At',
      '-c',
      `SELECT indexdef FROM pg_indexes WHERE schemaname = '${schema}' AND indexname LIKE '%\\_gin'`,
    );
    expect(indexes).toContain(`USING gin (((_jsonb -> 'roundId'::text))) WITH (fastupdate=off)`);
    expect(indexes).not.toContain(`'tenantId'`);
  });

  it('stops with an error, and creates nothing, for a schema that does not exist', async () => {
    await expect(psql('-v', 'schema=no_such_database', '-f', script)).rejects.toThrow(/no_such_database.*does not exist/s);
    const { stdout } = await psql('-At', '-c', `SELECT count(*) FROM pg_indexes WHERE schemaname = 'no_such_database'`);
    expect(stdout.trim()).toBe('0');
  });
});
