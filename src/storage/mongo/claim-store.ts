import type { Collection, Db } from 'mongodb';
import type { ClaimStore } from '../../app/ports.js';
import { insertOnce } from './errors.js';

interface ClaimDocument {
  _id: string;
  holder: string;
  at: Date;
}

/** Exactly-once by inserting a document whose `_id` is the claim's key: exact on MongoDB and FerretDB alike. */
export class MongoClaimStore implements ClaimStore {
  private readonly claims: Collection<ClaimDocument>;

  constructor(db: Db) {
    this.claims = db.collection<ClaimDocument>('claims');
  }

  claim(key: string, holder: string, at: Date): Promise<boolean> {
    return insertOnce(() => this.claims.insertOne({ _id: key, holder, at }));
  }

  async release(key: string): Promise<void> {
    await this.claims.deleteOne({ _id: key });
  }
}
