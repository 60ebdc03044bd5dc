import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { StoredFramework, TenantFrameworkStore } from '../../app/framework-ports.js';
import { frameworkSchema } from '../../domain/framework.js';
import { insertOnce } from './errors.js';
import { ensureIndexes } from './indexes.js';

const documentSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  frameworkId: z.string(),
  revision: z.number().int().positive(),
  framework: frameworkSchema,
  source: z.string(),
  addedBy: z.string(),
  addedAt: z.date(),
  retiredAt: z.date().nullable(),
});
type FrameworkDocument = z.infer<typeof documentSchema>;

const idOf = (tenantId: string, frameworkId: string, revision: number) => `${tenantId}:${frameworkId}:v${revision}`;

function fromDocument(doc: unknown): StoredFramework {
  const { _id: _ignored, ...stored } = documentSchema.parse(doc);
  return stored;
}

/**
 * One document per revision, `_id` = `<tenant>:<framework>:v<revision>`: a revision is claimed by inserting it,
 * so two uploads at once never both become the same revision.
 */
export class MongoTenantFrameworkStore implements TenantFrameworkStore {
  private readonly frameworks: Collection<FrameworkDocument>;

  constructor(db: Db) {
    this.frameworks = db.collection<FrameworkDocument>('tenant_frameworks');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.frameworks, [{ tenantId: 1, frameworkId: 1 }]);
  }

  insert(stored: StoredFramework): Promise<boolean> {
    return insertOnce(() => this.frameworks.insertOne({ _id: idOf(stored.tenantId, stored.frameworkId, stored.revision), ...stored }));
  }

  async latest(tenantId: string): Promise<StoredFramework[]> {
    const revisions = await this.frameworks.find({ tenantId }, { projection: { frameworkId: 1, revision: 1 } }).toArray();
    const newest = new Map<string, number>();
    for (const { frameworkId, revision } of revisions) newest.set(frameworkId, Math.max(revision, newest.get(frameworkId) ?? 0));
    if (newest.size === 0) return [];
    const ids = [...newest].map(([frameworkId, revision]) => idOf(tenantId, frameworkId, revision));
    const docs = await this.frameworks.find({ _id: { $in: ids }, tenantId }).toArray();
    return docs.map(fromDocument).sort((a, b) => (a.frameworkId < b.frameworkId ? -1 : 1));
  }

  async get(tenantId: string, frameworkId: string, revision: number): Promise<StoredFramework | null> {
    const doc = await this.frameworks.findOne({ _id: idOf(tenantId, frameworkId, revision), tenantId });
    return doc ? fromDocument(doc) : null;
  }

  async retire(tenantId: string, frameworkId: string, revision: number, at: Date): Promise<boolean> {
    const result = await this.frameworks.updateOne({ _id: idOf(tenantId, frameworkId, revision), tenantId }, { $set: { retiredAt: at } });
    return result.matchedCount > 0;
  }
}
