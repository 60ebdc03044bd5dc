/** Texts of open questions: a framework's questions answered in words, in the forms, cards, summaries and exports. */
export const openQuestionMessages = {
  en: {
    open: {
      show: {
        heading: 'Open questions about the whole round',
        question: '  {{id}} [open question]: {{text}}',
        roundQuestion: '  {{id}}: {{text}}',
      },
    },
  },
  nl: {
    open: {
      show: {
        heading: 'Open vragen over de hele ronde',
        question: '  {{id}} [open vraag]: {{text}}',
        roundQuestion: '  {{id}}: {{text}}',
      },
    },
  },
} as const;
