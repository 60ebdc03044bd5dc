import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { ParticipationStore } from '../../app/ports.js';
import type { Round } from '../../domain/round.js';
import { insertOnce } from './errors.js';
import { ForgetfulSet } from './forgetful-set.js';
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

/** Markers this process wrote or met (a hint: see ForgetfulSet). */
const KNOWN_MARKERS_KEPT = 100_000;

/**
 * One marker document per respondent and round: progress is the number of markers, never a counter. A member
 * answers many items, and a marker this process knows exists is not inserted again. What it knows is keyed on
 * the round's erasure mark: an erasure (in any process) gives the round a new mark before deleting the marker,
 * and every click reads the round, so the next answer after an erasure inserts the marker again.
 */
export class MongoParticipationStore implements ParticipationStore {
  private readonly answered: Collection<AnsweredDocument>;
  readonly #known = new ForgetfulSet(KNOWN_MARKERS_KEPT);

  constructor(db: Db) {
    this.answered = db.collection<AnsweredDocument>('answered');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.answered, [{ tenantId: 1, roundId: 1 }]);
  }

  async markAnswered(tenantId: string, round: Pick<Round, 'id' | 'erasureMark'>, respondent: string, at: Date | null): Promise<void> {
    const _id = `${round.id}/${respondent}`;
    const known = `${tenantId}/${_id}/${round.erasureMark ?? ''}`;
    if (this.#known.has(known)) return;
    await insertOnce(() => this.answered.insertOne({ _id, tenantId, roundId: round.id, respondent, answeredAt: at }));
    this.#known.add(known);
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
