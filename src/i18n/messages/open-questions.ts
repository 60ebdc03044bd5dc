/** Texts of open questions: a framework's questions answered in words, in the forms, cards, summaries and exports. */
export const openQuestionMessages = {
  en: {
    errors: {
      'question.unknown': 'That question is not part of this round.',
      'openAnswer.tooLong': 'Your answer has {{length}} characters; the limit is {{max}}. Please shorten it: nothing was saved.',
    },
    open: {
      show: {
        heading: 'Open questions about the whole round',
        question: '  {{id}} [open question]: {{text}}',
        roundQuestion: '  {{id}}: {{text}}',
      },
      form: {
        heading: 'Open questions',
        hint: 'In your own words; leave empty to skip.',
      },
      summary: {
        heading: 'Open questions',
        fewerThanK: 'Fewer than {{k}} members answered: the answers are not shown, so that none can be traced to a person.',
        noAnswers: 'No answers.',
        answered_one: '{{count}} answer',
        answered_other: '{{count}} answers',
        more: '… and {{count}} more in the export',
      },
      access: { answer: '{{question}}: “{{answer}}”' },
    },
  },
  nl: {
    errors: {
      'question.unknown': 'Die vraag hoort niet bij deze ronde.',
      'openAnswer.tooLong': 'Je antwoord telt {{length}} tekens; de grens is {{max}}. Maak het korter: er is niets bewaard.',
    },
    open: {
      show: {
        heading: 'Open vragen over de hele ronde',
        question: '  {{id}} [open vraag]: {{text}}',
        roundQuestion: '  {{id}}: {{text}}',
      },
      form: {
        heading: 'Open vragen',
        hint: 'In je eigen woorden; laat leeg om over te slaan.',
      },
      summary: {
        heading: 'Open vragen',
        fewerThanK:
          'Minder dan {{k}} leden antwoordden: de antwoorden worden niet getoond, zodat geen enkel naar een persoon te herleiden is.',
        noAnswers: 'Geen antwoorden.',
        answered_one: '{{count}} antwoord',
        answered_other: '{{count}} antwoorden',
        more: '… en nog {{count}} in de export',
      },
      access: { answer: '{{question}}: “{{answer}}”' },
    },
  },
} as const;
