/** Storage of the frameworks a workspace brings itself, each upload a new revision. */
import type { Framework } from '../domain/framework.js';

export interface StoredFramework {
  tenantId: string;
  frameworkId: string;
  /** 1, 2, 3 …: the order in which the workspace brought its versions in. */
  revision: number;
  framework: Framework;
  /** The file name it came from. */
  source: string;
  addedBy: string;
  addedAt: Date;
  /** Set when an admin retired it; a later upload brings the framework back as a new revision. */
  retiredAt: Date | null;
}

export interface TenantFrameworkStore {
  /** Inserts one revision; false when that revision of that framework exists already (another upload took it). */
  insert(stored: StoredFramework): Promise<boolean>;
  /** The latest revision of each of the tenant's frameworks, retired ones included. */
  latest(tenantId: string): Promise<StoredFramework[]>;
  get(tenantId: string, frameworkId: string, revision: number): Promise<StoredFramework | null>;
  /** Marks a revision retired; false when there was no such revision in the tenant. */
  retire(tenantId: string, frameworkId: string, revision: number, at: Date): Promise<boolean>;
}
