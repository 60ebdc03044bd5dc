/** A small workspace framework in two versions (criteria added, removed, reworded), and a broken one, for upload tests. */
const criterion = (id: string, en: string, nl: string) =>
  `  - id: ${id}\n    component: intake\n    perspective: process\n    text: { en: '${en}', nl: '${nl}' }\n`;

const header = (version: string) =>
  `id: our-intake\nversion: '${version}'\ntitle: { en: 'Our intake', nl: 'Onze intake' }\ncomponents:\n  - id: intake\n    title: { en: 'Intake', nl: 'Intake' }\ncriteria:\n`;

/** An open question about the intake, and one about the whole round. */
const questions =
  `questions:\n  - id: in-missing\n    component: intake\n    text: { en: 'What does our intake miss?', nl: 'Wat mist onze intake?' }\n` +
  `  - id: best-moment\n    text: { en: 'Which moment went best?', nl: 'Welk moment ging het best?' }\n`;

export const OUR_FRAMEWORK_V1 =
  header('1') +
  criterion('in-listen', 'We listen first.', 'We luisteren eerst.') +
  criterion('in-plan', 'We make a plan together.', 'We maken samen een plan.') +
  criterion('in-paper', 'The paperwork is complete.', 'Het papierwerk is volledig.') +
  questions;

/** in-plan reworded, in-paper removed, in-follow added. */
export const OUR_FRAMEWORK_V2 =
  header('2') +
  criterion('in-listen', 'We listen first.', 'We luisteren eerst.') +
  criterion('in-plan', 'We make a written plan together.', 'We maken samen een geschreven plan.') +
  criterion('in-follow', 'We follow up within a week.', 'We volgen binnen de week op.') +
  questions;

/** Line 9 names a perspective that does not exist. */
export const BROKEN_FRAMEWORK = header('1') + criterion('in-listen', 'We listen first.', 'We luisteren eerst.').replace('process', 'money');
