import { invariant } from '../../domain/invariant.js';
import type { Collection, Db, Filter } from 'mongodb';
import { z } from 'zod';
import type { RoundChange, RoundQuery, RoundStore } from '../../app/ports.js';
import type { FrameworkSnapshot, Place, Round } from '../../domain/round.js';
import { insertOnce } from './errors.js';
import { FreshReads } from './fresh-reads.js';
import { ensureIndexes } from './indexes.js';
import {
  joinRound,
  parseFrameworkSnapshot,
  parseRoundDocument,
  toRoundDocuments,
  type RoundDocument,
  type RoundFrameworkDocument,
} from './round-documents.js';

const SNAPSHOT_CACHE_SIZE = 500;
const snapshotHolder = z.object({ snapshot: z.unknown() });

/**
 * Rounds in two collections: `rounds` holds what changes (state, participants, references), small enough
 * for the rating click to read cheaply; `round_frameworks` holds each round's framework snapshot, which
 * never changes after opening and so may be kept in this process's memory (a cache, not state).
 */
export class MongoRoundStore implements RoundStore {
  private readonly rounds: Collection<RoundDocument>;
  private readonly frameworks: Collection<RoundFrameworkDocument>;
  private readonly snapshots = new Map<string, FrameworkSnapshot>();
  private readonly snapshotReads = new Map<string, Promise<FrameworkSnapshot>>();
  private readonly reads = new FreshReads((key) => {
    const [tenantId, roundId] = JSON.parse(key) as [string, string];
    return this.rounds.findOne({ _id: roundId, tenantId });
  });

  constructor(db: Db) {
    this.rounds = db.collection<RoundDocument>('rounds');
    this.frameworks = db.collection<RoundFrameworkDocument>('round_frameworks');
  }

  /**
   * No index on `participants`: FerretDB on PostgreSQL indexes an array as one value, and a round of a few
   * hundred members exceeds PostgreSQL's btree row size. Member queries narrow by tenant and state first.
   */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.rounds, [
      { tenantId: 1, state: 1 },
      { tenantId: 1, 'place.channelId': 1, 'framework.id': 1, closedAt: -1 },
      { state: 1, deadline: 1 },
    ]);
  }

  /** The snapshot first: a crash in between leaves an orphan snapshot, never a round without one. */
  async insert(round: Round): Promise<void> {
    const docs = toRoundDocuments(round);
    await insertOnce(() => this.frameworks.insertOne(docs.framework));
    await this.rounds.insertOne(docs.round);
    this.remember(round.id, round.framework);
  }

  /** Each caller parses its own copy: the shared read is the raw document. */
  async get(tenantId: string, roundId: string): Promise<Round | null> {
    const doc = await this.reads.get(JSON.stringify([tenantId, roundId]));
    return doc ? this.withSnapshot(parseRoundDocument(doc)) : null;
  }

  async end(tenantId: string, roundId: string, state: 'closed' | 'cancelled', at: Date): Promise<boolean> {
    const result = await this.rounds.updateOne({ _id: roundId, tenantId, state: 'open' }, { $set: { state, closedAt: at } });
    return result.modifiedCount > 0;
  }

  async list(tenantId: string, query: RoundQuery): Promise<Round[]> {
    const filter: Filter<RoundDocument> = { tenantId };
    if (query.state) filter.state = query.state;
    if (query.channelId) filter['place.channelId'] = query.channelId;
    if (query.participant) filter.participants = query.participant;
    if (query.coordinator) filter.coordinators = query.coordinator;
    if (query.frameworkId) filter['framework.id'] = query.frameworkId;
    if (query.unitIds) filter.unitId = { $in: query.unitIds };
    if (query.withoutFollowUps) filter.followUp = null;
    if (query.closedFrom || query.closedBefore)
      filter.closedAt = {
        ...(query.closedFrom ? { $gte: query.closedFrom } : {}),
        ...(query.closedBefore ? { $lt: query.closedBefore } : {}),
      };
    const docs = await this.rounds
      .find(filter)
      .sort({ openedAt: -1 })
      .limit(query.limit ?? 50)
      .toArray();
    return Promise.all(docs.map((doc) => this.withSnapshot(parseRoundDocument(doc))));
  }

  async findPrevious(place: Place, frameworkId: string, before: Date): Promise<Round | null> {
    const [doc] = await this.rounds
      .find({
        tenantId: place.tenantId,
        'place.channelId': place.channelId,
        'framework.id': frameworkId,
        state: 'closed',
        // A Delphi follow-up asks only a few items again: the next round compares with the full round before it.
        followUp: null,
        closedAt: { $lt: before },
      })
      .sort({ closedAt: -1 })
      .limit(1)
      .toArray();
    return doc ? this.withSnapshot(parseRoundDocument(doc)) : null;
  }

  async setPlatformRef(tenantId: string, roundId: string, key: string, value: string): Promise<void> {
    await this.rounds.updateOne({ _id: roundId, tenantId }, { $set: { [`platformRefs.${key}`]: value } });
  }

  async applyChange(tenantId: string, roundId: string, change: RoundChange): Promise<boolean> {
    const result = await this.rounds.updateOne({ _id: roundId, tenantId, revision: { $lt: change.revision } }, { $set: change });
    return result.modifiedCount > 0;
  }

  async markErasure(tenantId: string, roundId: string, mark: string): Promise<void> {
    await this.rounds.updateOne({ _id: roundId, tenantId }, { $set: { erasureMark: mark } });
  }

  async tenants(): Promise<string[]> {
    const ids: unknown[] = await this.rounds.distinct('tenantId');
    return ids.filter((id): id is string => typeof id === 'string');
  }

  async endedBefore(tenantId: string, before: Date, limit: number): Promise<string[]> {
    const docs = await this.rounds
      .find({ tenantId, state: { $in: ['closed', 'cancelled'] }, closedAt: { $lt: before } }, { projection: { _id: 1 } })
      .limit(limit)
      .toArray();
    return docs.map((d) => d._id);
  }

  private async withSnapshot(doc: RoundDocument): Promise<Round> {
    return joinRound(doc, this.snapshots.get(doc._id) ?? (await this.readSnapshot(doc)));
  }

  /** One read of a snapshot however many callers miss it at once (a team clicking on a round opened elsewhere). */
  private readSnapshot(doc: RoundDocument): Promise<FrameworkSnapshot> {
    let read = this.snapshotReads.get(doc._id);
    if (!read) {
      read = this.frameworks
        .findOne({ _id: doc._id, tenantId: doc.tenantId })
        .then((stored) => {
          invariant(stored, `round ${doc._id} has no framework snapshot`);
          const snapshot = parseFrameworkSnapshot(snapshotHolder.parse(stored).snapshot);
          this.remember(doc._id, snapshot);
          return snapshot;
        })
        .finally(() => this.snapshotReads.delete(doc._id));
      this.snapshotReads.set(doc._id, read);
    }
    return read;
  }

  private remember(roundId: string, snapshot: FrameworkSnapshot): void {
    if (this.snapshots.size >= SNAPSHOT_CACHE_SIZE) {
      const oldest = this.snapshots.keys().next().value;
      if (oldest !== undefined) this.snapshots.delete(oldest);
    }
    this.snapshots.set(roundId, snapshot);
  }
}
