import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { OpenAnswerKey, OpenAnswerStore } from '../../app/ports.js';
import type { OpenAnswer } from '../../domain/round.js';
import { isDuplicateKey } from './errors.js';
import { ensureIndexes } from './indexes.js';

const openAnswerSchema = z.object({
  roundId: z.string(),
  questionId: z.string(),
  respondent: z.string(),
  text: z.string(),
  updatedAt: z.date().nullable(),
});
type OpenAnswerDocument = OpenAnswer & { _id: string; tenantId: string };

/** The natural key of an open answer: one document per (round, question, respondent). */
function openAnswerId(key: OpenAnswerKey): string {
  return `${key.roundId}/${key.questionId}/${key.respondent}`;
}

const withoutIds = { projection: { _id: 0, tenantId: 0 } };

export class MongoOpenAnswerStore implements OpenAnswerStore {
  private readonly answers: Collection<OpenAnswerDocument>;

  constructor(db: Db) {
    this.answers = db.collection<OpenAnswerDocument>('open_answers');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.answers, [{ tenantId: 1, roundId: 1 }]);
  }

  async put(tenantId: string, answer: OpenAnswer): Promise<void> {
    const filter = { _id: openAnswerId(answer), tenantId };
    const doc = { ...filter, ...answer };
    try {
      await this.answers.replaceOne(filter, doc, { upsert: true });
    } catch (error) {
      // Two first answers racing on one key: the loser's write replaces the winner's document.
      if (!isDuplicateKey(error)) throw error;
      await this.answers.replaceOne(filter, doc);
    }
  }

  async remove(tenantId: string, key: OpenAnswerKey): Promise<void> {
    await this.answers.deleteOne({ _id: openAnswerId(key), tenantId });
  }

  async listForRound(tenantId: string, roundId: string): Promise<OpenAnswer[]> {
    const docs = await this.answers.find({ tenantId, roundId }, withoutIds).toArray();
    return docs.map((doc) => openAnswerSchema.parse(doc));
  }

  async listForRespondent(tenantId: string, roundId: string, respondent: string): Promise<OpenAnswer[]> {
    const docs = await this.answers.find({ tenantId, roundId, respondent }, withoutIds).toArray();
    return docs.map((doc) => openAnswerSchema.parse(doc));
  }

  async deleteForRespondent(tenantId: string, roundId: string, respondent: string): Promise<number> {
    return (await this.answers.deleteMany({ tenantId, roundId, respondent })).deletedCount;
  }
}
