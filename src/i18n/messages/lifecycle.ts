/** Retention, erasure, access and uninstall: what members and admins read about their data. */
export const lifecycleMessages = {
  en: {
    lifecycle: {
      cli: {
        retentionSet_one: '{{tenant}}: closed rounds are kept {{count}} month, then deleted with their answers and summaries.',
        retentionSet_other: '{{tenant}}: closed rounds are kept {{count}} months, then deleted with their answers and summaries.',
      },
    },
  },
  nl: {
    lifecycle: {
      cli: {
        retentionSet_one:
          '{{tenant}}: afgesloten rondes worden {{count}} maand bewaard en daarna met hun antwoorden en samenvattingen gewist.',
        retentionSet_other:
          '{{tenant}}: afgesloten rondes worden {{count}} maanden bewaard en daarna met hun antwoorden en samenvattingen gewist.',
      },
    },
  },
};
