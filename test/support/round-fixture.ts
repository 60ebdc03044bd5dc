/** Rounds built by hand for tests and benchmarks: what every fresh round starts with, plus the fields that make it this one. */
import { defaultReminderPlan, defaultSummarySettings, type Round } from '../../src/domain/round.js';

type FreshRoundFields =
  'settings' | 'reminderPlan' | 'recurrenceId' | 'caseId' | 'unitId' | 'followUp' | 'platformRefs' | 'revision' | 'reopenings';

export function roundFixture(round: Omit<Round, FreshRoundFields> & Partial<Pick<Round, FreshRoundFields>>): Round {
  return {
    settings: defaultSummarySettings,
    reminderPlan: defaultReminderPlan,
    recurrenceId: null,
    caseId: null,
    unitId: null,
    followUp: null,
    platformRefs: {},
    revision: 0,
    reopenings: 0,
    ...round,
  };
}
