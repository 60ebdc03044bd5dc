/** Summaries and comparisons by perspective and by component, and the workspace's target in trends. */
export const perspectiveViewMessages = {
  en: {
    method: {
      trend: { belowTarget: '° below the workspace’s target of {{target}}' },
      compare: {
        components: 'Per component (median · class)',
      },
    },
    summary: {
      byPerspective: 'Per perspective (all ratings pooled: median · class)',
      byComponent: 'Per component (all ratings pooled: median · class)',
      groupLine: '{{group}}: median {{median}} · {{class}} · n = {{n}}',
    },
  },
  nl: {
    method: {
      trend: { belowTarget: '° onder het doel van de werkruimte, {{target}}' },
      compare: {
        components: 'Per onderdeel (mediaan · klasse)',
      },
    },
    summary: {
      byPerspective: 'Per perspectief (alle scores samen: mediaan · klasse)',
      byComponent: 'Per onderdeel (alle scores samen: mediaan · klasse)',
      groupLine: '{{group}}: mediaan {{median}} · {{class}} · n = {{n}}',
    },
  },
};
