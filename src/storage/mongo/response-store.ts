import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { AnswerValue, ResponseKey, ResponsePatch, ResponseStore } from '../../app/ports.js';
import type { Response } from '../../domain/round.js';
import { isDuplicateKey } from './errors.js';
import { ensureIndexes } from './indexes.js';

const responseSchema = z.object({
  roundId: z.string(),
  criterionId: z.string(),
  dimension: z.string(),
  respondent: z.string(),
  value: z.union([z.number().int(), z.literal('na')]),
  // FerretDB 1.24 drops null values from $setOnInsert, so a first answer without comment may lack the field.
  comment: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  updatedAt: z.date().nullable(),
});
const answerValueSchema = responseSchema.pick({ roundId: true, criterionId: true, dimension: true, value: true });
type ResponseDocument = z.input<typeof responseSchema> & { _id: string; tenantId: string };

/** The natural key of an answer: one document per (round, criterion, dimension, respondent). */
export function responseId(key: ResponseKey): string {
  return `${key.roundId}/${key.criterionId}/${key.dimension}/${key.respondent}`;
}

/** Documents are read without `_id` and `tenantId` (the query fixes the tenant); zod drops unknown keys. */
function fromDocument(raw: unknown): Response {
  return responseSchema.parse(raw);
}

export class MongoResponseStore implements ResponseStore {
  private readonly responses: Collection<ResponseDocument>;

  constructor(db: Db) {
    this.responses = db.collection<ResponseDocument>('responses');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.responses, [
      { tenantId: 1, roundId: 1 },
      { roundId: 1, respondent: 1 },
    ]);
  }

  async write(tenantId: string, key: ResponseKey, patch: ResponsePatch): Promise<Response> {
    const set: Partial<ResponseDocument> = { updatedAt: patch.updatedAt };
    if (patch.value !== undefined) set.value = patch.value;
    if (patch.comment !== undefined) set.comment = patch.comment;
    const { roundId, criterionId, dimension, respondent } = key;
    const insertOnly: Partial<ResponseDocument> = { roundId, criterionId, dimension, respondent };
    if (patch.comment === undefined) insertOnly.comment = null;
    const filter = { _id: responseId(key), tenantId };
    const options = { returnDocument: 'after' as const };
    let stored: ResponseDocument | null;
    try {
      stored = await this.responses.findOneAndUpdate(
        filter,
        { $set: set, $setOnInsert: insertOnly },
        { ...options, upsert: patch.value !== undefined },
      );
    } catch (error) {
      // Two first answers racing on one key: the loser's write becomes a plain update of the winner's document.
      if (!isDuplicateKey(error)) throw error;
      stored = await this.responses.findOneAndUpdate(filter, { $set: set }, options);
    }
    if (!stored) throw new Error(`no answer ${filter._id} to update`);
    return fromDocument(stored);
  }

  async saveMany(tenantId: string, responses: Response[]): Promise<void> {
    const docs = responses.map((r) => ({ _id: responseId(r), tenantId, ...r }));
    for (let i = 0; i < docs.length; i += 1000) {
      await this.responses.insertMany(docs.slice(i, i + 1000), { ordered: false });
    }
  }

  /** Streams the documents so only one batch of raw documents is alive beside the checked answers. */
  async listForRound(tenantId: string, roundId: string): Promise<Response[]> {
    const responses: Response[] = [];
    for await (const doc of this.responses.find({ tenantId, roundId }, { projection: { _id: 0, tenantId: 0 } })) {
      responses.push(fromDocument(doc));
    }
    return responses;
  }

  async *valuesForRounds(tenantId: string, roundIds: string[]): AsyncIterable<AnswerValue> {
    if (roundIds.length === 0) return;
    const cursor = this.responses.find(
      { tenantId, roundId: { $in: roundIds } },
      { projection: { _id: 0, roundId: 1, criterionId: 1, dimension: 1, value: 1 }, batchSize: 5000 },
    );
    for await (const doc of cursor) yield answerValueSchema.parse(doc);
  }

  async listForRespondent(tenantId: string, roundId: string, respondent: string): Promise<Response[]> {
    const docs = await this.responses.find({ tenantId, roundId, respondent }).toArray();
    return docs.map(fromDocument);
  }

  async deleteForRespondent(tenantId: string, roundId: string, respondent: string): Promise<number> {
    const result = await this.responses.deleteMany({ tenantId, roundId, respondent });
    return result.deletedCount;
  }
}
