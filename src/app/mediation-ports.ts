/** Storage ports of the mediation quality system: case register, audits, settings, licence entries. */
import type { Audit } from '../domain/audit/audit.js';
import type { CaseFile } from '../domain/mediation/case-file.js';
import type { LicenceEntry } from '../domain/mediation/licence.js';
import type { MediationSettings } from '../domain/mediation/settings.js';

export interface CaseStore {
  /** Stores the files, replacing those with the same case id. */
  putMany(tenantId: string, files: CaseFile[]): Promise<void>;
  list(tenantId: string): Promise<CaseFile[]>;
}

export interface AuditStore {
  insert(audit: Audit): Promise<void>;
  get(tenantId: string, auditId: string): Promise<Audit | null>;
  /** Newest first; with `since`, only audits drawn at or after it. */
  list(tenantId: string, since?: Date): Promise<Audit[]>;
  /** Replaces a stored audit (erasure pseudonymises a member in it). */
  replace(audit: Audit): Promise<void>;
}

export interface MediationSettingsStore {
  get(tenantId: string): Promise<MediationSettings | null>;
  put(settings: MediationSettings, at: Date): Promise<void>;
}

export interface LicenceEntryStore {
  insertMany(entries: LicenceEntry[]): Promise<void>;
  /** Inserts the entries whose id is not stored yet (entries with deterministic ids, such as attendance). */
  insertOnce(entries: LicenceEntry[]): Promise<void>;
  /** Entries dated in [from, to) (ISO dates). */
  list(tenantId: string, from: string, to: string): Promise<LicenceEntry[]>;
  /** Deletes every entry about the member (erasure); returns how many. */
  deleteForMember(tenantId: string, member: string): Promise<number>;
}

export interface MediationStores {
  cases: CaseStore;
  audits: AuditStore;
  mediationSettings: MediationSettingsStore;
  licenceEntries: LicenceEntryStore;
}
