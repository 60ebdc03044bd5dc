import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { ParticipationStore } from '../../app/ports.js';
import { insertOnce } from './errors.js';
import { ensureIndexes } from './indexes.js';

interface AnsweredDocument {
  _id: string;
  tenantId: string;
  roundId: string;
  memberId: string;
  answeredAt: Date | null;
}

const memberIdSchema = z.object({ memberId: z.string() });

/** One marker document per member and round: progress is the number of markers, never a counter. */
export class MongoParticipationStore implements ParticipationStore {
  private readonly answered: Collection<AnsweredDocument>;

  constructor(db: Db) {
    this.answered = db.collection<AnsweredDocument>('answered');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.answered, [{ tenantId: 1, roundId: 1 }]);
  }

  async markAnswered(tenantId: string, roundId: string, memberId: string, at: Date | null): Promise<void> {
    await insertOnce(() => this.answered.insertOne({ _id: `${roundId}/${memberId}`, tenantId, roundId, memberId, answeredAt: at }));
  }

  async countAnswered(tenantId: string, roundId: string): Promise<number> {
    return this.answered.countDocuments({ tenantId, roundId });
  }

  async listAnswered(tenantId: string, roundId: string): Promise<string[]> {
    const docs = await this.answered.find({ tenantId, roundId }, { projection: { memberId: 1 } }).toArray();
    return docs.map((d) => memberIdSchema.parse(d).memberId);
  }
}
