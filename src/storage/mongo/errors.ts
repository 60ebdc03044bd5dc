import { MongoServerError } from 'mongodb';

/** E11000: a document with that `_id` (or unique key) exists already. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}

/** Inserts a document whose `_id` is a deterministic key; returns false when it existed already. */
export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
