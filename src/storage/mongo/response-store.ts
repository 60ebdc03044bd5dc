import { invariant } from '../../domain/invariant.js';
import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { AnswerValue, ResponseKey, ResponsePatch, ResponseStore, RoundAnswer } from '../../app/ports.js';
import type { Response } from '../../domain/round.js';
import { insertOnce, isDuplicateKey } from './errors.js';
import { ForgetfulSet } from './forgetful-set.js';
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
type ResponseDocument = z.input<typeof responseSchema> & { _id: string; tenantId: string };

const isRating = (value: unknown): value is number | 'na' => value === 'na' || Number.isInteger(value);

/**
 * The answers of many rounds are read by the tens of thousands (comparisons, trends): each is checked by hand
 * against the same rules as {@link responseSchema} (strings, a whole number or "na"), which costs a fraction
 * of a zod parse per document and allocates nothing beside the answer itself.
 */
function answerValueOf(doc: Record<string, unknown>): AnswerValue {
  const { roundId, criterionId, dimension, value } = doc;
  invariant(
    typeof roundId === 'string' && typeof criterionId === 'string' && typeof dimension === 'string' && isRating(value),
    `an answer document of round ${String(roundId)} does not hold an answer`,
  );
  return { roundId, criterionId, dimension, value };
}

/** A round's answer for its summary, checked by hand like {@link answerValueOf}; a comment FerretDB dropped reads as none. */
function roundAnswerOf(doc: Record<string, unknown>): RoundAnswer {
  const { criterionId, dimension, value, comment = null } = doc;
  invariant(
    typeof criterionId === 'string' &&
      typeof dimension === 'string' &&
      isRating(value) &&
      (typeof comment === 'string' || comment === null),
    `an answer document on ${String(criterionId)} does not hold an answer`,
  );
  return { criterionId, dimension, value, comment };
}

/**
 * Documents per batch when answers are streamed by the tens of thousands. The driver keeps a parsed index of every
 * document of the current batch until the next one arrives (about 2 kB each): with 5,000 a batch outlives young-
 * generation collections and 60,000 answers left some 90 MB of garbage in the old generation (peak RSS 217–226 MB);
 * with 1,000 it dies young (about 140 MB), for 60 round trips instead of 12.
 */
const STREAM_BATCH_SIZE = 1000;

/** Answer ids this process remembers having written (a hint: see ForgetfulSet). */
const WRITTEN_IDS_KEPT = 20_000;

/** The natural key of an answer: one document per (round, criterion, dimension, respondent). */
export function responseId(key: ResponseKey): string {
  return `${key.roundId}/${key.criterionId}/${key.dimension}/${key.respondent}`;
}

/**
 * Documents are read without `_id` and `tenantId` (the query fixes the tenant). A round's answers are read by the
 * tens of thousands for its summary: a document of the usual shape is checked by hand, anything else goes
 * through zod (which also reads a first answer whose comment FerretDB dropped, and names what is wrong).
 */
function fromDocument(raw: Record<string, unknown>): Response {
  const { roundId, criterionId, dimension, respondent, value, comment, updatedAt } = raw;
  if (
    typeof roundId === 'string' &&
    typeof criterionId === 'string' &&
    typeof dimension === 'string' &&
    typeof respondent === 'string' &&
    isRating(value) &&
    (typeof comment === 'string' || comment === null) &&
    (updatedAt === null || updatedAt instanceof Date)
  ) {
    return { roundId, criterionId, dimension, respondent, value, comment, updatedAt };
  }
  return responseSchema.parse(raw);
}

export class MongoResponseStore implements ResponseStore {
  private readonly responses: Collection<ResponseDocument>;
  /** Answers this process wrote: a change of one is an update straight away. */
  readonly #written = new ForgetfulSet(WRITTEN_IDS_KEPT);

  constructor(db: Db) {
    this.responses = db.collection<ResponseDocument>('responses');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.responses, [
      { tenantId: 1, roundId: 1 },
      { roundId: 1, respondent: 1 },
    ]);
  }

  /**
   * A first answer is inserted: on FerretDB an insert costs the database a quarter of what an upsert or an update
   * costs, and most clicks are first answers. An answer that exists (the insert's duplicate key, one the caller
   * read as stored, or an id this process wrote before) is updated. The last two are only hints: an update that
   * finds nothing (an answer erased since) inserts it.
   */
  async write(tenantId: string, key: ResponseKey, patch: ResponsePatch): Promise<Response> {
    const _id = responseId(key);
    if (patch.value !== undefined && patch.stored !== true && !this.#written.has(_id)) {
      const response: Response = { ...key, value: patch.value, comment: patch.comment ?? null, updatedAt: patch.updatedAt };
      const inserted = await insertOnce(() => this.responses.insertOne({ _id, tenantId, ...response }));
      this.#written.add(_id);
      if (inserted) return response;
    }
    const stored = await this.#update(_id, tenantId, key, patch);
    this.#written.add(_id);
    return stored;
  }

  async #update(_id: string, tenantId: string, key: ResponseKey, patch: ResponsePatch): Promise<Response> {
    const set: Partial<ResponseDocument> = { updatedAt: patch.updatedAt };
    if (patch.value !== undefined) set.value = patch.value;
    if (patch.comment !== undefined) set.comment = patch.comment;
    const { roundId, criterionId, dimension, respondent } = key;
    const insertOnly: Partial<ResponseDocument> = { roundId, criterionId, dimension, respondent };
    if (patch.comment === undefined) insertOnly.comment = null;
    const filter = { _id, tenantId };
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
    invariant(stored, `no answer ${_id} to update`);
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
      { projection: { _id: 0, roundId: 1, criterionId: 1, dimension: 1, value: 1 }, batchSize: STREAM_BATCH_SIZE },
    );
    for await (const doc of cursor) yield answerValueOf(doc);
  }

  async *answersOfRound(tenantId: string, roundId: string): AsyncIterable<RoundAnswer> {
    const cursor = this.responses.find(
      { tenantId, roundId },
      { projection: { _id: 0, criterionId: 1, dimension: 1, value: 1, comment: 1 }, batchSize: STREAM_BATCH_SIZE },
    );
    for await (const doc of cursor) yield roundAnswerOf(doc);
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
