/** A workspace's quality-system settings: who is on the licence log and what a licence year asks (its admins coordinate it). */

export interface LicenceRequirements {
  mediations: number;
  trainingHours: number;
  intervisions: number;
}

export interface MediationSettings {
  tenantId: string;
  /** Members on the licence log besides the mediators in the case register. */
  members: string[];
  /** `MM-DD`: the day each licence year starts (and the previous one is renewed). */
  licenceYearStart: string;
  requirements: LicenceRequirements;
  /** Members falling short are reminded this many weeks before renewal; 0 turns reminders off. */
  reminderWeeks: number;
  /** Steps a participant must contribute to for an intervision session to count as attended. */
  intervisionMinSteps: number;
}

export const defaultRequirements: LicenceRequirements = { mediations: 10, trainingHours: 16, intervisions: 4 };

export function defaultMediationSettings(tenantId: string): MediationSettings {
  return {
    tenantId,
    members: [],
    licenceYearStart: '01-01',
    requirements: defaultRequirements,
    reminderWeeks: 6,
    intervisionMinSteps: 2,
  };
}

export function isMonthDay(value: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`2001-${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(5, 10) === value;
}

export interface LicenceYear {
  /** The year a licence year is named by: the calendar year it starts in. */
  year: number;
  /** ISO dates, start inclusive, end exclusive (the next year's start: the renewal date). */
  start: string;
  end: string;
}

export function licenceYear(year: number, yearStart: string): LicenceYear {
  return { year, start: `${year}-${yearStart}`, end: `${year + 1}-${yearStart}` };
}

/** The licence year a date (ISO) falls in. */
export function licenceYearOf(date: string, yearStart: string): LicenceYear {
  const year = Number(date.slice(0, 4));
  return date.slice(5, 10) >= yearStart ? licenceYear(year, yearStart) : licenceYear(year - 1, yearStart);
}
