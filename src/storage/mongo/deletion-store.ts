import type { Collection, Db, Filter } from 'mongodb';
import type { DeletionStore } from '../../app/ports.js';

/** Spiegel's documents have string ids. */
interface StoredDocument {
  _id: string;
  [field: string]: unknown;
}

/** Collections whose documents carry no `tenantId`; they are cleaned through the ids they hold. */
const claimsCollection = 'claims';
const attemptsCollection = 'job_attempts';
const jobsCollection = 'jobs';
/** Deletes go in batches of ids, to keep each filter small. */
const batchSize = 200;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += batchSize) out.push(items.slice(i, i + batchSize));
  return out;
}

/** Claims about a round carry its id as their second part: `round-closed:<id>`, `reminder:<id>:<slot>:<member>`, … */
function roundClaimsFilter(roundIds: string[]): Filter<StoredDocument> {
  const ids = roundIds.filter((id) => /^[A-Za-z0-9_-]+$/.test(id));
  return { _id: { $regex: `^[a-z-]+:(${ids.join('|')})(:|$)` } };
}

/**
 * Deletes across every collection of the database, found at run time: whatever another part of Spiegel stores
 * under a tenant and a round (`tenantId` with `roundId`, or a round's id as `_id`) goes with them, without this
 * store knowing each collection. Claims and job attempts carry no tenant and are found through round and job ids.
 */
export class MongoDeletionStore implements DeletionStore {
  constructor(private readonly db: Db) {}

  async deleteRounds(tenantId: string, roundIds: string[]): Promise<void> {
    if (roundIds.length === 0) return;
    // The jobs went with deleteJobs; the rounds themselves go last, so that a run that stops half-way finds them
    // again next time and deletes the rest then.
    const collections = (await this.tenantCollections())
      .filter((name) => name !== jobsCollection)
      .sort((a, b) => Number(a === 'rounds') - Number(b === 'rounds'));
    for (const ids of batches(roundIds)) {
      await this.deleteJobs({ tenantId, roundId: { $in: ids } });
      await this.collection(claimsCollection).deleteMany(roundClaimsFilter(ids));
      for (const name of collections) {
        const collection = this.collection(name);
        await collection.deleteMany({ tenantId, roundId: { $in: ids } });
        await collection.deleteMany({ tenantId, _id: { $in: ids } });
      }
    }
  }

  async deleteTenant(tenantId: string, keepJobKinds: string[]): Promise<void> {
    const roundIds = (await this.collection('rounds').distinct('_id', { tenantId })).filter((id): id is string => typeof id === 'string');
    for (const ids of batches(roundIds)) await this.collection(claimsCollection).deleteMany(roundClaimsFilter(ids));
    await this.deleteJobs({ tenantId, kind: { $nin: keepJobKinds } });
    for (const name of await this.tenantCollections()) {
      if (name !== jobsCollection) await this.collection(name).deleteMany({ tenantId });
      await this.collection(name).deleteMany({ _id: tenantId });
    }
    if (tenantId.startsWith('slack:')) {
      const teamId = tenantId.slice('slack:'.length);
      await this.collection('slack_workspaces').deleteMany({ _id: teamId });
      await this.collection('slack_installations').deleteMany({ teamId });
    }
  }

  private collection(name: string): Collection<StoredDocument> {
    return this.db.collection<StoredDocument>(name);
  }

  /**
   * Jobs first, then their attempts: an instance that claims an attempt after this finds its job gone when it
   * settles, and drops its claim itself (MongoJobStore.settle); one that claimed before loses it here.
   */
  private async deleteJobs(jobFilter: Filter<StoredDocument>): Promise<void> {
    const jobIds = await this.collection(jobsCollection).distinct('_id', jobFilter);
    await this.collection(jobsCollection).deleteMany(jobFilter);
    for (const ids of batches(jobIds)) await this.collection(attemptsCollection).deleteMany({ jobId: { $in: ids } });
  }

  private async tenantCollections(): Promise<string[]> {
    const all = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return all.map((c) => c.name).filter((name) => name !== claimsCollection && name !== attemptsCollection && !name.startsWith('system.'));
  }
}
