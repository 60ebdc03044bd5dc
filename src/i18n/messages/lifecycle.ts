/** Retention, erasure, access and uninstall: what members and admins read about their data. */
export const lifecycleMessages = {
  en: {
    lifecycle: {
      erasure: {
        summaryTitle: '{{title}} (updated after an erasure)',
        none: 'Spiegel stores no answers of yours in this workspace: there is nothing to erase.',
        ask_one:
          'Spiegel stores {{count}} answer of yours in this workspace ({{rounds}} round), with its comment. Erase it? Summaries of closed rounds are recomputed without it. This cannot be undone.',
        ask_other:
          'Spiegel stores {{count}} answers of yours in this workspace ({{rounds}} rounds), with their comments. Erase them all? Summaries of closed rounds are recomputed without them. This cannot be undone.',
        confirm: 'Erase my answers',
        keep: 'Keep them',
        kept: 'Nothing was erased.',
        done_one: 'Erased: {{count}} answer in {{rounds}} round. Summaries recomputed: {{summaries}}.',
        done_other: 'Erased: {{count}} answers in {{rounds}} rounds. Summaries recomputed: {{summaries}}.',
        sentPrivately: 'I sent you the question in our personal chat.',
      },
      access: {
        none: 'Spiegel stores no answers of yours in this workspace.',
        title_one: 'Spiegel stores {{count}} answer of yours in this workspace, in {{rounds}} round:',
        title_other: 'Spiegel stores {{count}} answers of yours in this workspace, in {{rounds}} rounds:',
        round: '{{name}} ({{state}})',
        answer: '{{criterion}}: {{answer}}',
        withComment: '{{line}} — “{{comment}}”',
        more_one: '… and {{count}} more answer; the file or an admin’s export (`spiegel member export`) has them all.',
        more_other: '… and {{count}} more answers; the file or an admin’s export (`spiegel member export`) has them all.',
        fileTitle: 'Your answers in Spiegel',
        fileSent: 'I sent you a file with all your answers ({{count}}) in our direct messages.',
        sentPrivately: 'I sent you your answers in our personal chat.',
        anonymousNote:
          'In anonymous rounds your answers are stored under a pseudonym only Spiegel can derive from your id; no one else can link them to you.',
      },
      cli: {
        retentionSet_one: '{{tenant}}: closed rounds are kept {{count}} month, then deleted with their answers and summaries.',
        retentionSet_other: '{{tenant}}: closed rounds are kept {{count}} months, then deleted with their answers and summaries.',
        erased_one: '{{member}} in {{tenant}}: erased {{count}} answer in {{rounds}} round; summaries recomputed: {{summaries}}.',
        erased_other: '{{member}} in {{tenant}}: erased {{count}} answers in {{rounds}} rounds; summaries recomputed: {{summaries}}.',
      },
    },
  },
  nl: {
    lifecycle: {
      erasure: {
        summaryTitle: '{{title}} (bijgewerkt na een wissing)',
        none: 'Spiegel bewaart in deze werkruimte geen antwoorden van jou: er is niets te wissen.',
        ask_one:
          'Spiegel bewaart {{count}} antwoord van jou in deze werkruimte ({{rounds}} ronde), met de toelichting. Wissen? Samenvattingen van afgesloten rondes worden zonder herberekend. Dit kan niet ongedaan worden gemaakt.',
        ask_other:
          'Spiegel bewaart {{count}} antwoorden van jou in deze werkruimte ({{rounds}} rondes), met de toelichtingen. Alles wissen? Samenvattingen van afgesloten rondes worden zonder herberekend. Dit kan niet ongedaan worden gemaakt.',
        confirm: 'Wis mijn antwoorden',
        keep: 'Bewaar ze',
        kept: 'Er is niets gewist.',
        done_one: 'Gewist: {{count}} antwoord in {{rounds}} ronde. Herberekende samenvattingen: {{summaries}}.',
        done_other: 'Gewist: {{count}} antwoorden in {{rounds}} rondes. Herberekende samenvattingen: {{summaries}}.',
        sentPrivately: 'Ik stuurde je de vraag in onze persoonlijke chat.',
      },
      access: {
        none: 'Spiegel bewaart in deze werkruimte geen antwoorden van jou.',
        title_one: 'Spiegel bewaart {{count}} antwoord van jou in deze werkruimte, in {{rounds}} ronde:',
        title_other: 'Spiegel bewaart {{count}} antwoorden van jou in deze werkruimte, in {{rounds}} rondes:',
        round: '{{name}} ({{state}})',
        answer: '{{criterion}}: {{answer}}',
        withComment: '{{line}} — “{{comment}}”',
        more_one: '… en nog {{count}} antwoord; het bestand of de export van een beheerder (`spiegel member export`) bevat alles.',
        more_other: '… en nog {{count}} antwoorden; het bestand of de export van een beheerder (`spiegel member export`) bevat alles.',
        fileTitle: 'Je antwoorden in Spiegel',
        fileSent: 'Ik stuurde je een bestand met al je antwoorden ({{count}}) in onze privéberichten.',
        sentPrivately: 'Ik stuurde je je antwoorden in onze persoonlijke chat.',
        anonymousNote:
          'In anonieme rondes worden je antwoorden bewaard onder een pseudoniem dat alleen Spiegel uit je id kan afleiden; niemand anders kan ze aan jou koppelen.',
      },
      cli: {
        retentionSet_one:
          '{{tenant}}: afgesloten rondes worden {{count}} maand bewaard en daarna met hun antwoorden en samenvattingen gewist.',
        retentionSet_other:
          '{{tenant}}: afgesloten rondes worden {{count}} maanden bewaard en daarna met hun antwoorden en samenvattingen gewist.',
        erased_one: '{{member}} in {{tenant}}: {{count}} antwoord gewist in {{rounds}} ronde; herberekende samenvattingen: {{summaries}}.',
        erased_other:
          '{{member}} in {{tenant}}: {{count}} antwoorden gewist in {{rounds}} rondes; herberekende samenvattingen: {{summaries}}.',
      },
    },
  },
};
