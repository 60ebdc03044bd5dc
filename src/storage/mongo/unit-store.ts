import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { UnitStore } from '../../app/ports.js';
import { defaultUnitLevels, type Unit } from '../../domain/units.js';
import { isDuplicateKey } from './errors.js';
import { ensureIndexes } from './indexes.js';

const unitDocumentSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  level: z.string(),
  updatedAt: z.date(),
});
type UnitDocument = z.infer<typeof unitDocumentSchema>;

const levelsDocumentSchema = z.object({ _id: z.string(), levels: z.array(z.string()), updatedAt: z.date() });
type LevelsDocument = z.infer<typeof levelsDocumentSchema>;

const channelDocumentSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  channelId: z.string(),
  unitId: z.string(),
  updatedAt: z.date(),
});
type ChannelDocument = z.infer<typeof channelDocumentSchema>;

/** Replaces a document by `_id`; on FerretDB concurrent upserts of one key may raise E11000, then the document exists. */
async function put<T extends { _id: string }>(collection: Collection<T>, doc: T): Promise<void> {
  const filter = { _id: doc._id } as Parameters<Collection<T>['replaceOne']>[0];
  try {
    await collection.replaceOne(filter, doc, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await collection.replaceOne(filter, doc);
  }
}

/** Units (`<tenant>/<unit>`), the tenant's level names (`<tenant>`) and channel assignments (`<tenant>/<channel>`). */
export class MongoUnitStore implements UnitStore {
  private readonly units: Collection<UnitDocument>;
  private readonly levels: Collection<LevelsDocument>;
  private readonly channels: Collection<ChannelDocument>;

  constructor(db: Db) {
    this.units = db.collection<UnitDocument>('units');
    this.levels = db.collection<LevelsDocument>('unit_levels');
    this.channels = db.collection<ChannelDocument>('unit_channels');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.units, [{ tenantId: 1 }]);
  }

  async levelsOf(tenantId: string): Promise<string[]> {
    const doc = await this.levels.findOne({ _id: tenantId });
    return doc ? levelsDocumentSchema.parse(doc).levels : [...defaultUnitLevels];
  }

  async setLevels(tenantId: string, levels: string[], at: Date): Promise<void> {
    await put(this.levels, { _id: tenantId, levels, updatedAt: at });
  }

  async list(tenantId: string): Promise<Unit[]> {
    const docs = await this.units.find({ tenantId }).toArray();
    return docs.map((raw) => {
      const { id, name, parentId, level } = unitDocumentSchema.parse(raw);
      return { id, name, parentId, level };
    });
  }

  /** Parents first, so that a crash part-way never leaves a unit whose parent is missing. */
  async putMany(tenantId: string, units: Unit[], at: Date): Promise<void> {
    for (const unit of units) await put(this.units, { _id: `${tenantId}/${unit.id}`, tenantId, ...unit, updatedAt: at });
  }

  async assignChannel(tenantId: string, channelId: string, unitId: string, at: Date): Promise<void> {
    await put(this.channels, { _id: `${tenantId}/${channelId}`, tenantId, channelId, unitId, updatedAt: at });
  }

  async unitOfChannel(tenantId: string, channelId: string): Promise<string | null> {
    const doc = await this.channels.findOne({ _id: `${tenantId}/${channelId}` });
    return doc ? channelDocumentSchema.parse(doc).unitId : null;
  }
}
