import type { Collection, Db, Filter } from 'mongodb';
import type { RoundQuery, RoundStore } from '../../app/ports.js';
import type { Place, Round } from '../../domain/round.js';
import { fromRoundDocument, toRoundDocument, type RoundDocument } from './round-documents.js';
import { ensureIndexes } from './indexes.js';

export class MongoRoundStore implements RoundStore {
  private readonly rounds: Collection<RoundDocument>;

  constructor(db: Db) {
    this.rounds = db.collection<RoundDocument>('rounds');
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

  async insert(round: Round): Promise<void> {
    await this.rounds.insertOne(toRoundDocument(round));
  }

  async get(tenantId: string, roundId: string): Promise<Round | null> {
    const doc = await this.rounds.findOne({ _id: roundId, tenantId });
    return doc ? fromRoundDocument(doc) : null;
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
    const docs = await this.rounds.find(filter).sort({ openedAt: -1 }).limit(query.limit ?? 50).toArray();
    return docs.map(fromRoundDocument);
  }

  async findPrevious(place: Place, frameworkId: string, before: Date): Promise<Round | null> {
    const [doc] = await this.rounds
      .find({
        tenantId: place.tenantId,
        'place.channelId': place.channelId,
        'framework.id': frameworkId,
        state: 'closed',
        closedAt: { $lt: before },
      })
      .sort({ closedAt: -1 })
      .limit(1)
      .toArray();
    return doc ? fromRoundDocument(doc) : null;
  }

  async setPlatformRef(tenantId: string, roundId: string, key: string, value: string): Promise<void> {
    await this.rounds.updateOne({ _id: roundId, tenantId }, { $set: { [`platformRefs.${key}`]: value } });
  }
}
