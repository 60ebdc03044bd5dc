import { MongoClient, type Db } from 'mongodb';
import type { Stores } from '../../app/ports.js';
import { MongoClaimStore } from './claim-store.js';
import { createMediationStores } from './mediation-stores.js';
import { MongoDeletionStore } from './deletion-store.js';
import { MongoIntervisionStore } from './intervision-store.js';
import { MongoJobStore } from './job-store.js';
import { MongoOpenAnswerStore } from './open-answer-store.js';
import { MongoParticipationStore } from './participation-store.js';
import { MongoPlannedRoundStore } from './planned-round-store.js';
import { MongoRecurrenceStore } from './recurrence-store.js';
import { MongoResponseStore } from './response-store.js';
import { MongoRoundStore } from './round-store.js';
import { MongoSummaryStore } from './summary-store.js';
import { MongoTenantFrameworkStore } from './tenant-framework-store.js';
import { MongoUnitStore } from './unit-store.js';
import { MongoWorkspaceSettingsStore } from './workspace-settings-store.js';

export function createMongoStores(db: Db): Stores & { ensureIndexes(): Promise<void> } {
  const rounds = new MongoRoundStore(db);
  const responses = new MongoResponseStore(db);
  const openAnswers = new MongoOpenAnswerStore(db);
  const participation = new MongoParticipationStore(db);
  const jobs = new MongoJobStore(db);
  const recurrences = new MongoRecurrenceStore(db);
  const claims = new MongoClaimStore(db);
  const units = new MongoUnitStore(db);
  const mediation = createMediationStores(db);
  const intervision = new MongoIntervisionStore(db);
  const tenantFrameworks = new MongoTenantFrameworkStore(db);
  return {
    ...mediation,
    rounds,
    responses,
    openAnswers,
    participation,
    summaries: new MongoSummaryStore(db),
    claims,
    jobs,
    recurrences,
    plannedRounds: new MongoPlannedRoundStore(db),
    workspaceSettings: new MongoWorkspaceSettingsStore(db),
    units,
    intervision,
    deletion: new MongoDeletionStore(db),
    tenantFrameworks,
    async ensureIndexes() {
      await Promise.all([
        rounds.ensureIndexes(),
        responses.ensureIndexes(),
        openAnswers.ensureIndexes(),
        participation.ensureIndexes(),
        intervision.ensureIndexes(),
        jobs.ensureIndexes(),
        recurrences.ensureIndexes(),
        claims.ensureIndexes(),
        units.ensureIndexes(),
        mediation.ensureIndexes(),
        tenantFrameworks.ensureIndexes(),
      ]);
    },
  };
}

export interface MongoConnection {
  client: MongoClient;
  db: Db;
  close(): Promise<void>;
}

export async function connectMongo(uri: string, dbName: string): Promise<MongoConnection> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000, appName: 'spiegel' });
  await client.connect();
  return { client, db: client.db(dbName), close: () => client.close() };
}
