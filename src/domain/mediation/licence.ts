/** The licence log: what a member did in a licence year against the workspace's requirements. */
import { type LicenceRequirements, type LicenceYear, type MediationSettings } from './settings.js';

export const licenceEntryKinds = ['mediation', 'training', 'intervision'] as const;
export type LicenceEntryKind = (typeof licenceEntryKinds)[number];

/** A coordinator's entry (or an imported training): mediations or intervisions elsewhere, training hours. */
export interface LicenceEntry {
  id: string;
  tenantId: string;
  member: string;
  kind: LicenceEntryKind;
  /** ISO date. */
  date: string;
  /** Hours for training, a count for the others. */
  amount: number;
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface LicenceStanding {
  member: string;
  mediations: number;
  trainingHours: number;
  intervisions: number;
  meets: boolean;
  /** What is still missing (0 when met). */
  shortfall: LicenceRequirements;
}

export function licenceStanding(
  member: string,
  done: Omit<LicenceStanding, 'member' | 'meets' | 'shortfall'>,
  required: LicenceRequirements,
): LicenceStanding {
  const shortfall = {
    mediations: Math.max(0, required.mediations - done.mediations),
    trainingHours: Math.max(0, Math.round((required.trainingHours - done.trainingHours) * 100) / 100),
    intervisions: Math.max(0, required.intervisions - done.intervisions),
  };
  const meets = shortfall.mediations === 0 && shortfall.trainingHours === 0 && shortfall.intervisions === 0;
  return { member, ...done, meets, shortfall };
}

export interface LicenceReport {
  year: LicenceYear;
  requirements: MediationSettings['requirements'];
  standings: LicenceStanding[];
}
