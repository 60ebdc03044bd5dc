/** MongoDB stores of the mediation quality system. Every document carries its tenant; every query names it. */
import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { AuditStore, CaseStore, LicenceEntryStore, MediationSettingsStore, MediationStores } from '../../app/mediation-ports.js';
import type { Audit } from '../../domain/audit/audit.js';
import type { CaseFile } from '../../domain/mediation/case-file.js';
import { licenceEntryKinds, type LicenceEntry } from '../../domain/mediation/licence.js';
import type { MediationSettings } from '../../domain/mediation/settings.js';
import { insertOnce, isDuplicateKey } from './errors.js';
import { ensureIndexes } from './indexes.js';
import { placeSchema } from './round-documents.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const caseDocumentSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  caseId: z.string(),
  mediators: z.array(z.string()),
  opened: isoDate,
  closed: isoDate.nullable(),
  type: z.string(),
});
type CaseDocument = z.infer<typeof caseDocumentSchema>;

/** `_id` = `<tenant>|<case id>`: importing a file again replaces it. */
class MongoCaseStore implements CaseStore {
  constructor(private readonly cases: Collection<CaseDocument>) {}

  async putMany(tenantId: string, files: CaseFile[]): Promise<void> {
    for (const file of files) {
      const doc: CaseDocument = { _id: `${tenantId}|${file.caseId}`, ...file, tenantId };
      try {
        await this.cases.replaceOne({ _id: doc._id }, doc, { upsert: true });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        await this.cases.replaceOne({ _id: doc._id }, doc);
      }
    }
  }

  async list(tenantId: string): Promise<CaseFile[]> {
    const docs = await this.cases.find({ tenantId }).sort({ caseId: 1 }).toArray();
    return docs.map((raw) => {
      const { _id, ...file } = caseDocumentSchema.parse(raw);
      return file;
    });
  }
}

const auditDocumentSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  seed: z.string(),
  from: isoDate,
  to: isoDate,
  size: z.number().int(),
  reviewersPerFile: z.number().int(),
  frameworkId: z.string(),
  place: placeSchema,
  drawnBy: z.string(),
  drawnAt: z.date(),
  files: z.array(z.object({ caseId: z.string(), mediators: z.array(z.string()), reviewers: z.array(z.string()), roundId: z.string() })),
});
type AuditDocument = z.infer<typeof auditDocumentSchema>;

class MongoAuditStore implements AuditStore {
  constructor(private readonly audits: Collection<AuditDocument>) {}

  async insert(audit: Audit): Promise<void> {
    const { id, ...rest } = audit;
    await this.audits.insertOne({ _id: id, ...rest });
  }

  async get(tenantId: string, auditId: string): Promise<Audit | null> {
    const doc = await this.audits.findOne({ _id: auditId, tenantId });
    return doc ? fromAuditDocument(doc) : null;
  }

  async list(tenantId: string, since?: Date): Promise<Audit[]> {
    const docs = await this.audits
      .find(since ? { tenantId, drawnAt: { $gte: since } } : { tenantId })
      .sort({ drawnAt: -1 })
      .limit(500)
      .toArray();
    return docs.map(fromAuditDocument);
  }

  async replace(audit: Audit): Promise<void> {
    const { id, ...rest } = audit;
    await this.audits.replaceOne({ _id: id, tenantId: audit.tenantId }, rest);
  }
}

function fromAuditDocument(raw: unknown): Audit {
  const { _id, ...rest } = auditDocumentSchema.parse(raw);
  return { id: _id, ...rest };
}

const settingsDocumentSchema = z.object({
  _id: z.string(),
  members: z.array(z.string()),
  licenceYearStart: z.string().regex(/^\d{2}-\d{2}$/),
  requirements: z.object({ mediations: z.number(), trainingHours: z.number(), intervisions: z.number() }),
  reminderWeeks: z.number().int(),
  intervisionMinSteps: z.number().int(),
  updatedAt: z.date(),
});
type SettingsDocument = z.infer<typeof settingsDocumentSchema>;

class MongoMediationSettingsStore implements MediationSettingsStore {
  constructor(private readonly settings: Collection<SettingsDocument>) {}

  async get(tenantId: string): Promise<MediationSettings | null> {
    const doc = await this.settings.findOne({ _id: tenantId });
    if (!doc) return null;
    const { _id, updatedAt: _updatedAt, ...settings } = settingsDocumentSchema.parse(doc);
    return { tenantId: _id, ...settings };
  }

  async put(settings: MediationSettings, at: Date): Promise<void> {
    const { tenantId, ...rest } = settings;
    const doc: SettingsDocument = { _id: tenantId, ...rest, updatedAt: at };
    try {
      await this.settings.replaceOne({ _id: tenantId }, doc, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.settings.replaceOne({ _id: tenantId }, doc);
    }
  }
}

const entryDocumentSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  member: z.string(),
  kind: z.enum(licenceEntryKinds),
  date: isoDate,
  amount: z.number(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
});
type EntryDocument = z.infer<typeof entryDocumentSchema>;

class MongoLicenceEntryStore implements LicenceEntryStore {
  constructor(private readonly entries: Collection<EntryDocument>) {}

  async insertMany(entries: LicenceEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.entries.insertMany(entries.map(({ id, ...rest }) => ({ _id: id, ...rest })));
  }

  async insertOnce(entries: LicenceEntry[]): Promise<void> {
    for (const { id, ...rest } of entries) await insertOnce(() => this.entries.insertOne({ _id: id, ...rest }));
  }

  async list(tenantId: string, from: string, to: string): Promise<LicenceEntry[]> {
    const docs = await this.entries.find({ tenantId, date: { $gte: from, $lt: to } }).toArray();
    return docs.map((raw) => {
      const { _id, ...rest } = entryDocumentSchema.parse(raw);
      return { id: _id, ...rest };
    });
  }

  async deleteForMember(tenantId: string, member: string): Promise<number> {
    return (await this.entries.deleteMany({ tenantId, member })).deletedCount;
  }
}

export function createMediationStores(db: Db): MediationStores & { ensureIndexes(): Promise<void> } {
  const cases = db.collection<CaseDocument>('case_files');
  const audits = db.collection<AuditDocument>('audits');
  const entries = db.collection<EntryDocument>('licence_entries');
  return {
    cases: new MongoCaseStore(cases),
    audits: new MongoAuditStore(audits),
    mediationSettings: new MongoMediationSettingsStore(db.collection<SettingsDocument>('mediation_settings')),
    licenceEntries: new MongoLicenceEntryStore(entries),
    async ensureIndexes() {
      await ensureIndexes(cases, [{ tenantId: 1, caseId: 1 }]);
      await ensureIndexes(audits, [{ tenantId: 1, drawnAt: -1 }]);
      await ensureIndexes(entries, [
        { tenantId: 1, date: 1 },
        { tenantId: 1, member: 1 },
      ]);
    },
  };
}
