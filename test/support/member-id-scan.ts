import type { Db } from 'mongodb';

/** Where a string occurs in the database: `collection._id:path` for every string value or key that contains it. */
export async function findInDatabase(db: Db, needle: string): Promise<string[]> {
  const found: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (value.includes(needle)) found.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (value instanceof Date || value === null || typeof value !== 'object') {
      return;
    } else {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes(needle)) found.push(`${path}{key ${k}}`);
        walk(v, `${path}.${k}`);
      }
    }
  };
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    for (const doc of await db.collection(name).find({}).toArray()) walk(doc, `${name}:${String(doc['_id'])}`);
  }
  return found;
}
