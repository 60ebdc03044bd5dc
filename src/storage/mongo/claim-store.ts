import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { ClaimRecord, ClaimStore } from '../../app/ports.js';
import { insertOnce } from './errors.js';
import { ensureIndexes } from './indexes.js';

const claimDocumentSchema = z.object({
  _id: z.string(),
  holder: z.string(),
  at: z.date(),
  expiresAt: z.date().optional(),
  leaseUntil: z.date().optional(),
});

type ClaimDocument = z.infer<typeof claimDocumentSchema>;

/** Exactly-once by inserting a document whose `_id` is the claim's key: exact on MongoDB and FerretDB alike. */
export class MongoClaimStore implements ClaimStore {
  private readonly claims: Collection<ClaimDocument>;

  constructor(db: Db) {
    this.claims = db.collection<ClaimDocument>('claims');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.claims, [{ expiresAt: 1 }]);
  }

  claim(key: string, holder: string, at: Date, expiresAt?: Date): Promise<boolean> {
    return insertOnce(() => this.claims.insertOne({ _id: key, holder, at, ...(expiresAt ? { expiresAt } : {}) }));
  }

  claimLease(key: string, holder: string, at: Date, leaseUntil: Date): Promise<boolean> {
    return insertOnce(() => this.claims.insertOne({ _id: key, holder, at, leaseUntil }));
  }

  async find(keys: string[]): Promise<ClaimRecord[]> {
    const found = await this.claims.find({ _id: { $in: keys } }).toArray();
    return found.map((raw) => {
      const c = claimDocumentSchema.parse(raw);
      return { key: c._id, holder: c.holder, at: c.at, leaseUntil: c.leaseUntil ?? null };
    });
  }

  async release(key: string): Promise<void> {
    await this.claims.deleteOne({ _id: key });
  }

  /** TTL indexes are not available on FerretDB, so expired claims are deleted by the scheduler's purge. */
  async purgeExpired(now: Date): Promise<number> {
    const result = await this.claims.deleteMany({ expiresAt: { $lt: now } });
    return result.deletedCount;
  }
}
