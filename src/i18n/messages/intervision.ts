/** Strings of intervision sessions in a thread, and of a member's erasure from the quality system, in English and Dutch. */
export const intervisionMessages = {
  en: {
    errors: {
      'intervision.facilitatorOnly': 'Only the facilitator of this session or an admin can move it on.',
    },
    slack: {
      help: {
        intervision: '`/reflect intervision`: bring a case to an intervision session in this channel’s thread',
      },
    },
    teams: {
      help: {
        intervision: '**intervision**: bring a case to an intervision session in this channel',
      },
    },
    intervision: {
      formTitle: 'Intervision',
      case: 'Your case',
      caseHint:
        'Write it yourself, briefly, and anonymise it: leave out names, places, dates and anything else by which a party, client or colleague could be recognised.',
      method: 'Method',
      facilitator: 'Facilitator (moves the session on; you when empty)',
      deadlineDate: 'Deadline of the first step',
      deadlineTime: 'Time',
      deadlineHint: 'In {{timeZone}}. Each next step gets the time its method gives it.',
      start: 'Start',
      noChannel: 'Start an intervision session in a channel: its thread is where the group works.',
      started: 'The intervision session has started in the thread of this channel.',
      failed: 'The intervision session could not be started: {{detail}}',
      methodLine: '{{title}}: {{steps}}',
      intro: '*Intervision* · {{method}} · case brought by {{presenter}} · facilitator {{facilitator}}',
      caseErased: '(the case was erased at the presenter’s request)',
      planLine: '{{n}}. {{title}} · until {{deadline}}',
      step: 'Step {{n}} of {{count}}: {{title}} · until {{deadline}}',
      howSlack: 'Reply in this thread, or use “Contribute”.',
      howTeams: 'Write your contribution below and press “Contribute”.',
      contribute: 'Contribute',
      contributionLabel: 'Your contribution',
      next: 'Next step',
      finish: 'End the session',
      moved: 'Moved on to step {{n}}.',
      ended: 'The intervision session has ended. Thank you all.',
      alreadyMoved: 'The session had moved on already: step {{n}} is open.',
      attendees: 'Attended (contributed to at least {{steps}} steps): {{names}}. This counts toward their licence.',
      noAttendees: 'Nobody contributed to {{steps}} steps or more: no attendance was recorded.',
      rate: 'Please rate the session: the round “{{name}}” is in the channel.',
      contribution: '{{author}} · {{step}}: {{text}}',
      stored: 'Your contribution to step “{{step}}” is stored.',
      erasure: {
        qualitySystem:
          'Quality system: {{licenceEntries}} licence entries and {{contributions}} intervision contributions deleted; your id replaced by an untraceable stand-in in {{caseFiles}} case files, {{audits}} audits and {{sessions}} intervision sessions.',
      },
    },
  },
  nl: {
    errors: {
      'intervision.facilitatorOnly': 'Alleen de begeleider van deze sessie of een beheerder kan naar de volgende stap gaan.',
    },
    slack: {
      help: {
        intervision: '`/reflect intervision`: breng een casus in voor een intervisiesessie in een draad van dit kanaal',
      },
    },
    teams: {
      help: {
        intervision: '**intervision**: breng een casus in voor een intervisiesessie in dit kanaal',
      },
    },
    intervision: {
      formTitle: 'Intervisie',
      case: 'Je casus',
      caseHint:
        'Schrijf hem zelf, kort, en anonimiseer hem: laat namen, plaatsen, data en alles weg waaraan een partij, cliënt of collega te herkennen is.',
      method: 'Methode',
      facilitator: 'Begeleider (gaat naar de volgende stap; jij als je niemand kiest)',
      deadlineDate: 'Uiterste datum van de eerste stap',
      deadlineTime: 'Uur',
      deadlineHint: 'In {{timeZone}}. Elke volgende stap krijgt de tijd die de methode ervoor geeft.',
      start: 'Starten',
      noChannel: 'Start een intervisiesessie in een kanaal: de groep werkt in de draad ervan.',
      started: 'De intervisiesessie is gestart in een draad van dit kanaal.',
      failed: 'De intervisiesessie kon niet starten: {{detail}}',
      methodLine: '{{title}}: {{steps}}',
      intro: '*Intervisie* · {{method}} · casus van {{presenter}} · begeleider {{facilitator}}',
      caseErased: '(de casus is gewist op vraag van de inbrenger)',
      planLine: '{{n}}. {{title}} · tot {{deadline}}',
      step: 'Stap {{n}} van {{count}}: {{title}} · tot {{deadline}}',
      howSlack: 'Antwoord in deze draad, of gebruik “Bijdragen”.',
      howTeams: 'Schrijf hieronder je bijdrage en druk op “Bijdragen”.',
      contribute: 'Bijdragen',
      contributionLabel: 'Je bijdrage',
      next: 'Volgende stap',
      finish: 'Sessie afsluiten',
      moved: 'Naar stap {{n}}.',
      ended: 'De intervisiesessie is afgelopen. Bedankt allemaal.',
      alreadyMoved: 'De sessie was al verder: stap {{n}} is open.',
      attendees: 'Aanwezig (droeg bij aan minstens {{steps}} stappen): {{names}}. Dit telt mee voor hun licentie.',
      noAttendees: 'Niemand droeg bij aan {{steps}} stappen of meer: er is geen aanwezigheid genoteerd.',
      rate: 'Beoordeel de sessie: de ronde “{{name}}” staat in het kanaal.',
      contribution: '{{author}} · {{step}}: {{text}}',
      stored: 'Je bijdrage aan stap “{{step}}” is bewaard.',
      erasure: {
        qualitySystem:
          'Kwaliteitssysteem: {{licenceEntries}} licentie-items en {{contributions}} intervisiebijdragen gewist; je id vervangen door een onherleidbare plaatsvervanger in {{caseFiles}} dossiers, {{audits}} dossieronderzoeken en {{sessions}} intervisiesessies.',
      },
    },
  },
};
