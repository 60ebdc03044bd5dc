import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { ParticipationStore } from '../../app/ports.js';
import { insertOnce } from './errors.js';
import { ensureIndexes } from './indexes.js';

interface AnsweredDocument {
  _id: string;
  tenantId: string;
  roundId: string;
  /** The respondent key: the member id, or the keyed pseudonym of an anonymous round. */
  respondent: string;
  answeredAt: Date | null;
}

const respondentSchema = z.object({ respondent: z.string() });

/** One marker document per respondent and round: progress is the number of markers, never a counter. */
export class MongoParticipationStore implements ParticipationStore {
  private readonly answered: Collection<AnsweredDocument>;

  constructor(db: Db) {
    this.answered = db.collection<AnsweredDocument>('answered');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.answered, [{ tenantId: 1, roundId: 1 }]);
  }

  async markAnswered(tenantId: string, roundId: string, respondent: string, at: Date | null): Promise<void> {
    await insertOnce(() => this.answered.insertOne({ _id: `${roundId}/${respondent}`, tenantId, roundId, respondent, answeredAt: at }));
  }

  async countAnswered(tenantId: string, roundId: string): Promise<number> {
    return this.answered.countDocuments({ tenantId, roundId });
  }

  async listAnswered(tenantId: string, roundId: string): Promise<string[]> {
    const docs = await this.answered.find({ tenantId, roundId }, { projection: { respondent: 1 } }).toArray();
    return docs.map((d) => respondentSchema.parse(d).respondent);
  }

  async unmark(tenantId: string, roundId: string, respondent: string): Promise<void> {
    await this.answered.deleteOne({ _id: `${roundId}/${respondent}`, tenantId });
  }
}
