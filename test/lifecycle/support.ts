import type { Db } from 'mongodb';

/** Every document, in every collection, whose stored form mentions `text` anywhere (ids, fields, keys): `collection: _id`. */
export async function documentsMentioning(db: Db, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    for (const doc of await db.collection(name).find({}).toArray()) {
      if (JSON.stringify(doc).includes(text)) found.push(`${name}: ${String(doc._id)}`);
    }
  }
  return found.sort();
}
