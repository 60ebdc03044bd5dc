import { SpiegelError } from './errors.js';

/**
 * Why input was refused (`input.invalid`), as stable codes: the catalogue (`errors.inputProblem.*`) words each in
 * both languages from the parameters, so no English prose reaches a Dutch sentence.
 */
export const inputProblems = [
  // typed values
  'notANumber',
  'notAWholeNumber',
  'needsNumber',
  'notADate',
  'notADay',
  'notAMemberId',
  'badDate',
  'unknownTimeZone',
  'unknownSetting',
  'languageChoice',
  'quietHoursFormat',
  // workspace settings
  'quietHoursTimes',
  'quietDaysRange',
  'quietDaysAll',
  'retentionMonths',
  'defaultThreshold',
  'targetScoreRange',
  'lowResponsePercent',
  'reminderHours',
  'tooManyAdmins',
  // schedules and forms
  'cronMissing',
  'cronInvalid',
  'cronNeverRuns',
  'timeNotHHMM',
  'weekdayRange',
  'dayOfMonthRange',
  'durationHours',
  'formFields',
  'unknownAction',
  'foreignCard',
  // comparisons, trends, follow-ups
  'comparisonLevel',
  'comparisonWord',
  'periodOrder',
  'channelOrUnit',
  'trendWord',
  'followUpDays',
  // audits, mediation, licences, intervision
  'auditPeriod',
  'sampleSize',
  'reviewersPerFile',
  'seedTooLong',
  'memberId',
  'licenceYearStart',
  'mediationsRange',
  'trainingHoursRange',
  'intervisionsRange',
  'reminderWeeks',
  'intervisionMinSteps',
  'notLicenceMember',
  'licenceKind',
  'licenceAmount',
  'wholeCount',
  'noteTooLong',
  'licenceYear',
  'csvSyntax',
  'csvHeader',
  'noTrainingEntries',
  'tooManyEntries',
  'unknownIntervisionMethod',
  'caseLength',
  'emptyContribution',
  // units, case register and round imports
  'levelCount',
  'levelName',
  'levelNamesDiffer',
  'unitId',
  'unitIdRepeated',
  'unitName',
  'unitLevel',
  'unitParentMissing',
  'unitParentLevel',
  'unitCount',
  'noUnits',
  'emptyFile',
  'caseColumnsUnknown',
  'noCaseFiles',
  'tooManyCaseFiles',
  'columnCount',
  'caseRepeated',
  'caseId',
  'noMediator',
  'mediatorId',
  'openedDate',
  'closedDate',
  'closedBeforeOpened',
  'caseType',
  'noAnswers',
  'memberEmpty',
  'unknownCriterion',
  'noDimensions',
  'dimensionChoice',
  'offScale',
  'commentLength',
  'secondAnswer',
] as const;
export type InputProblem = (typeof inputProblems)[number];

/** One problem with the values its message needs; `line` places it in an imported file. */
export interface InputIssue {
  problem: InputProblem;
  params?: Record<string, unknown>;
  line?: number;
}

/** An `input.invalid` refusal: the problem as a code, with the values its message needs. */
export function inputInvalid(problem: InputProblem, params: Record<string, unknown> = {}, options: { cause?: unknown } = {}): SpiegelError {
  return new SpiegelError('input.invalid', `${problem} ${JSON.stringify(params)}`, { problem, ...params }, options);
}
