import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { WorkspaceSettingsStore } from '../../app/ports.js';
import { localeSchema } from '../../domain/framework.js';
import { defaultReminderPlan, defaultSummarySettings } from '../../domain/round.js';
import { defaultRetentionMonths, type WorkspaceSettings } from '../../domain/scheduling.js';
import { isDuplicateKey } from './errors.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const settingsDocumentSchema = z.object({
  _id: z.string(),
  quietHours: z.object({ start: hhmm, end: hhmm, days: z.array(z.number().int().min(0).max(6)) }).nullable(),
  timeZone: z.string(),
  retentionMonths: z.number().int().positive().default(defaultRetentionMonths),
  locale: localeSchema.nullable().default(null),
  anonymityThreshold: z.number().int().positive().default(defaultSummarySettings.anonymityThreshold),
  targetScore: z.number().default(defaultSummarySettings.targetScore),
  lowResponseRate: z.number().min(0).max(1).default(defaultSummarySettings.lowResponseRate),
  reminderHours: z.array(z.number().positive()).default(defaultReminderPlan.hoursBeforeDeadline),
  admins: z.array(z.string()).default([]),
  updatedAt: z.date(),
});

type SettingsDocument = z.infer<typeof settingsDocumentSchema>;

/** One document per tenant, `_id` = tenant id. */
export class MongoWorkspaceSettingsStore implements WorkspaceSettingsStore {
  private readonly settings: Collection<SettingsDocument>;

  constructor(db: Db) {
    this.settings = db.collection<SettingsDocument>('workspace_settings');
  }

  async get(tenantId: string): Promise<WorkspaceSettings | null> {
    const doc = await this.settings.findOne({ _id: tenantId });
    if (!doc) return null;
    const { _id, updatedAt: _updatedAt, ...settings } = settingsDocumentSchema.parse(doc);
    return { tenantId: _id, ...settings };
  }

  async put(settings: WorkspaceSettings, at: Date): Promise<void> {
    const { tenantId, ...rest } = settings;
    const doc: SettingsDocument = { _id: tenantId, ...rest, updatedAt: at };
    try {
      await this.settings.replaceOne({ _id: settings.tenantId }, doc, { upsert: true });
    } catch (error) {
      // FerretDB: concurrent upserts of one key may raise E11000; the document exists then, so replace it.
      if (!isDuplicateKey(error)) throw error;
      await this.settings.replaceOne({ _id: settings.tenantId }, doc);
    }
  }
}
