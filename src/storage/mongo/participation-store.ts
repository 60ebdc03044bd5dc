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

/** Markers this process wrote or met, kept until there are this many (then forgotten all at once) ... */
const KNOWN_MARKERS_KEPT = 100_000;
/** ... and for this long: an erasure in another process (unmark) is noticed here after at most this time. */
const KNOWN_MARKER_MS = 10 * 60_000;

/**
 * One marker document per respondent and round: progress is the number of markers, never a counter. A member
 * answers many items; a marker known to exist is not inserted again: only an erasure removes one.
 */
export class MongoParticipationStore implements ParticipationStore {
  private readonly answered: Collection<AnsweredDocument>;
  /** Marker key → until when it is taken as existing. */
  readonly #known = new Map<string, number>();

  constructor(db: Db) {
    this.answered = db.collection<AnsweredDocument>('answered');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.answered, [{ tenantId: 1, roundId: 1 }]);
  }

  async markAnswered(tenantId: string, roundId: string, respondent: string, at: Date | null): Promise<void> {
    const _id = `${roundId}/${respondent}`;
    const known = `${tenantId}/${_id}`;
    if ((this.#known.get(known) ?? 0) > Date.now()) return;
    await insertOnce(() => this.answered.insertOne({ _id, tenantId, roundId, respondent, answeredAt: at }));
    if (this.#known.size >= KNOWN_MARKERS_KEPT) this.#known.clear();
    this.#known.set(known, Date.now() + KNOWN_MARKER_MS);
  }

  async countAnswered(tenantId: string, roundId: string): Promise<number> {
    return this.answered.countDocuments({ tenantId, roundId });
  }

  async listAnswered(tenantId: string, roundId: string): Promise<string[]> {
    const docs = await this.answered.find({ tenantId, roundId }, { projection: { respondent: 1 } }).toArray();
    return docs.map((d) => respondentSchema.parse(d).respondent);
  }

  async unmark(tenantId: string, roundId: string, respondent: string): Promise<void> {
    this.#known.delete(`${tenantId}/${roundId}/${respondent}`);
    await this.answered.deleteOne({ _id: `${roundId}/${respondent}`, tenantId });
  }
}
