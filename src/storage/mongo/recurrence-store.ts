import type { Collection, Db, Filter } from 'mongodb';
import { z } from 'zod';
import type { RecurrenceStore } from '../../app/ports.js';
import { cadenceKinds } from '../../domain/cadence.js';
import { localeSchema, perspectives } from '../../domain/framework.js';
import type { Recurrence } from '../../domain/scheduling.js';
import { placeSchema, reminderPlanSchema, settingsSchema } from './round-documents.js';

const recurrenceDocumentSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  place: placeSchema,
  frameworkId: z.string(),
  cron: z.string(),
  cadence: z.enum(cadenceKinds).default('cron'),
  firstRunAt: z.date().optional(),
  timeZone: z.string(),
  round: z.object({
    name: z.string().nullable(),
    criterionIds: z.array(z.string()),
    // Recurrences stored before perspectives could be chosen ask every perspective.
    perspectives: z.array(z.enum(perspectives)).default([]),
    dimensionIds: z.array(z.string()).nullable(),
    participants: z.array(z.string()),
    coordinators: z.array(z.string()),
    durationHours: z.number().positive().nullable(),
    anonymous: z.boolean(),
    locale: localeSchema,
    settings: settingsSchema.partial(),
    reminderPlan: reminderPlanSchema.nullable(),
  }),
  createdBy: z.string(),
  createdAt: z.date(),
  pausedAt: z.date().nullable().default(null),
});

type RecurrenceDocument = z.infer<typeof recurrenceDocumentSchema>;

function fromDocument(raw: unknown): Recurrence {
  const { _id, round, firstRunAt, ...rest } = recurrenceDocumentSchema.parse(raw);
  // zod's partial() types absent keys as `T | undefined`; drop them so the settings fit exactOptional readers.
  const settings = Object.fromEntries(Object.entries(round.settings).filter(([, v]: [string, unknown]) => v !== undefined));
  return { id: _id, round: { ...round, settings }, firstRunAt: firstRunAt ?? rest.createdAt, ...rest };
}

export class MongoRecurrenceStore implements RecurrenceStore {
  private readonly recurrences: Collection<RecurrenceDocument>;

  constructor(db: Db) {
    this.recurrences = db.collection<RecurrenceDocument>('recurrences');
  }

  async ensureIndexes(): Promise<void> {
    await this.recurrences.createIndex({ tenantId: 1, 'place.channelId': 1 });
  }

  async insert(recurrence: Recurrence): Promise<void> {
    const { id, ...rest } = recurrence;
    await this.recurrences.insertOne({ _id: id, ...rest });
  }

  async get(tenantId: string, recurrenceId: string): Promise<Recurrence | null> {
    const doc = await this.recurrences.findOne({ _id: recurrenceId, tenantId });
    return doc ? fromDocument(doc) : null;
  }

  async list(tenantId: string, query: { channelId?: string } = {}): Promise<Recurrence[]> {
    const filter: Filter<RecurrenceDocument> = { tenantId };
    if (query.channelId) filter['place.channelId'] = query.channelId;
    const docs = await this.recurrences.find(filter).sort({ createdAt: 1 }).limit(200).toArray();
    return docs.map(fromDocument);
  }

  async setPaused(tenantId: string, recurrenceId: string, pausedAt: Date | null): Promise<boolean> {
    const result = await this.recurrences.updateOne({ _id: recurrenceId, tenantId }, { $set: { pausedAt } });
    return result.matchedCount > 0;
  }

  async delete(tenantId: string, recurrenceId: string): Promise<boolean> {
    const result = await this.recurrences.deleteOne({ _id: recurrenceId, tenantId });
    return result.deletedCount > 0;
  }
}
