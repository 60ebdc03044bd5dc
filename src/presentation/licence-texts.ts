/** Platform-neutral texts of the licence log: a member's standing, the coordinators' report, the renewal reminder. */
import type { Locale } from '../domain/framework.js';
import type { LicenceStanding } from '../domain/mediation/licence.js';
import type { LicenceYear } from '../domain/mediation/settings.js';
import { translator } from '../i18n/translator.js';
import { type LicenceReport } from '../domain/mediation/licence.js';

function shortfallText(standing: LicenceStanding, locale: Locale): string {
  const t = translator(locale);
  const { shortfall } = standing;
  return [
    shortfall.mediations > 0 ? t('mediation.licence.missingMediations', { count: shortfall.mediations }) : null,
    shortfall.trainingHours > 0 ? t('mediation.licence.missingHours', { count: shortfall.trainingHours }) : null,
    shortfall.intervisions > 0 ? t('mediation.licence.missingIntervisions', { count: shortfall.intervisions }) : null,
  ]
    .filter(Boolean)
    .join(', ');
}

function doneText(standing: LicenceStanding, locale: Locale): string {
  return translator(locale)('mediation.licence.done', {
    mediations: standing.mediations,
    hours: standing.trainingHours,
    intervisions: standing.intervisions,
  });
}

export function myLicenceLines(year: LicenceYear, standing: LicenceStanding, locale: Locale): string[] {
  const t = translator(locale);
  return [
    t('mediation.licence.mine', { start: year.start, renewal: year.end }),
    doneText(standing, locale),
    standing.meets ? t('mediation.licence.meets') : t('mediation.licence.short', { missing: shortfallText(standing, locale) }),
  ];
}

export function licenceReportLines(report: LicenceReport, locale: Locale): string[] {
  const t = translator(locale);
  const { requirements, standings, year } = report;
  const meeting = standings.filter((s) => s.meets);
  const short = standings.filter((s) => !s.meets);
  return [
    t('mediation.licence.reportHeader', { start: year.start, renewal: year.end }),
    t('mediation.licence.requirements', {
      mediations: requirements.mediations,
      hours: requirements.trainingHours,
      intervisions: requirements.intervisions,
    }),
    '',
    t('mediation.licence.meeting', { count: meeting.length }),
    ...meeting.map((s) => `${s.member} · ${doneText(s, locale)}`),
    '',
    t('mediation.licence.falling', { count: short.length }),
    ...short.map((s) => `${s.member} · ${doneText(s, locale)} · ${t('mediation.licence.missing', { missing: shortfallText(s, locale) })}`),
  ];
}

export function licenceReportRows(report: LicenceReport): Record<string, string | number>[] {
  return report.standings.map((s) => ({
    member: s.member,
    mediations: s.mediations,
    trainingHours: s.trainingHours,
    intervisions: s.intervisions,
    meets: s.meets ? 'yes' : 'no',
    missingMediations: s.shortfall.mediations,
    missingTrainingHours: s.shortfall.trainingHours,
    missingIntervisions: s.shortfall.intervisions,
  }));
}

export function licenceReminderText(standing: LicenceStanding, renewal: string, locale: Locale): string {
  const t = translator(locale);
  return [
    t('mediation.licence.reminder', { renewal }),
    doneText(standing, locale),
    t('mediation.licence.short', { missing: shortfallText(standing, locale) }),
  ].join('\n');
}
