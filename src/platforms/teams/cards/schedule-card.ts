/**
 * Recurring rounds as Adaptive Cards: the form (the fields of Slack's modal; a refused form comes back as typed,
 * with its problems on top) and the list with pause, resume and delete. Pure.
 */
import { cadenceKinds } from '../../../domain/cadence.js';
import { locales, perspectives, type Framework, type Locale } from '../../../domain/framework.js';
import { translator } from '../../../i18n/translator.js';
import { recurrenceSummary } from '../../../presentation/recurrence-texts.js';
import { scheduleInputIds as ids, verbs } from '../ids.js';
import { adaptiveCard, attention, container, execute, heading, plain, subtle, textBlock, type AdaptiveCardJson } from './elements.js';
import { type RecurrenceAction, type RecurrenceView } from '../../../domain/recurrence.js';

export type ScheduleFormValues = Partial<Record<(typeof ids)[keyof typeof ids], string>>;

const MAX_CHOICES = 100;
const MAX_LISTED = 20;

export function renderScheduleFormCard(
  locale: Locale,
  frameworks: readonly Framework[],
  timeZone: string,
  values: ScheduleFormValues = {},
  errors: string[] = [],
): AdaptiveCardJson {
  const t = translator(locale);
  const choice = (id: string, label: string, choices: { title: string; value: string }[], value: string | undefined) => ({
    type: 'Input.ChoiceSet',
    id,
    label,
    choices,
    isRequired: true,
    ...(value ? { value } : {}),
  });
  const number = (id: string, label: string, min: number, max: number, value: string | undefined) => ({
    type: 'Input.Number',
    id,
    label,
    min,
    max,
    ...(value ? { value: Number(value) } : {}),
  });
  const toggle = (id: string, title: string, value: string) => ({
    type: 'Input.Toggle',
    id,
    title,
    valueOn: 'true',
    valueOff: 'false',
    value,
  });
  return adaptiveCard(
    [
      heading(t('coord.form.title')),
      ...errors.map((e) => attention(e)),
      choice(
        ids.framework,
        t('coord.form.framework'),
        frameworks.slice(0, MAX_CHOICES).map((f) => ({ title: f.title[locale], value: f.id })),
        values.framework ?? frameworks[0]?.id,
      ),
      { type: 'Input.Text', id: ids.name, label: t('coord.form.name'), maxLength: 120, ...(values.name ? { value: values.name } : {}) },
      choice(
        ids.cadence,
        t('coord.form.cadence'),
        cadenceKinds.map((kind) => ({ title: t(`coord.cadence.${kind}`), value: kind })),
        values.cadence ?? 'weekly',
      ),
      choice(
        ids.weekday,
        t('coord.form.weekday'),
        ([1, 2, 3, 4, 5, 6, 0] as const).map((d) => ({ title: t(`coord.weekday.${d}`), value: String(d) })),
        values.weekday ?? '1',
      ),
      number(ids.dayOfMonth, t('coord.form.dayOfMonth'), 1, 28, values.dayOfMonth ?? '1'),
      { type: 'Input.Time', id: ids.time, label: t('coord.form.time'), value: values.time ?? '09:00' },
      { type: 'Input.Text', id: ids.cron, label: t('coord.form.cron'), maxLength: 120, ...(values.cron ? { value: values.cron } : {}) },
      subtle(t('coord.form.cronHint')),
      { type: 'Input.Text', id: ids.timeZone, label: t('coord.form.timeZone'), maxLength: 64, value: values.timeZone ?? timeZone },
      number(ids.answerDays, t('coord.form.answerDays'), 1, 90, values.answerDays ?? '7'),
      {
        type: 'Input.ChoiceSet',
        id: ids.perspectives,
        label: t('method.startForm.perspectives'),
        isMultiSelect: true,
        choices: perspectives.map((p) => ({ title: t(`method.perspective.${p}`), value: p })),
        ...(values.perspectives ? { value: values.perspectives } : {}),
      },
      subtle(t('method.startForm.perspectivesHint')),
      toggle(ids.anonymous, t('coord.form.anonymous'), values.anonymous ?? 'false'),
      toggle(ids.reminders, t('coord.form.reminders'), values.reminders ?? 'true'),
      number(ids.k, t('coord.form.k'), 1, 50, values.k),
      subtle(t('coord.form.kHint')),
      choice(
        ids.language,
        t('coord.form.language'),
        locales.map((l) => ({ title: t(`teams.language.${l}`), value: l })),
        values.language ?? locale,
      ),
      subtle(t('coord.form.participantsHint')),
    ],
    [execute(t('coord.form.submit'), verbs.scheduleSubmit, {}, { style: 'positive' })],
  );
}

export function renderScheduleListCard(views: readonly RecurrenceView[], locale: Locale): AdaptiveCardJson {
  const t = translator(locale);
  if (views.length === 0) return adaptiveCard([textBlock(t('coord.schedule.none'))]);
  const items = views.slice(0, MAX_LISTED).map((view) => {
    const { title, detail } = recurrenceSummary(view, locale);
    const { id, pausedAt } = view.recurrence;
    const toggle: RecurrenceAction = pausedAt ? 'resume' : 'pause';
    return container(
      [
        textBlock(plain(title), { weight: 'Bolder' }),
        subtle(plain(detail)),
        {
          type: 'ActionSet',
          actions: [
            execute(t(`coord.schedule.${toggle}`), verbs.scheduleChange, { a: toggle, id }),
            execute(t('coord.schedule.delete'), verbs.scheduleChange, { a: 'delete', id }, { style: 'destructive' }),
          ],
        },
      ],
      { separator: true },
    );
  });
  return adaptiveCard([heading(t('coord.schedule.listTitle')), ...items]);
}
