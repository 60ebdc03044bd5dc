/** Texts of managing a round after opening (deadline, people, reopen, copy, planned start), its status and its export. */
export const roundManagementMessages = {
  en: {
    errors: {
      'round.busy': 'Someone else is changing this round at this very moment. Nothing was changed: try again.',
      'round.notClosed': 'Round “{{name}}” is {{state}}: only a closed round can be reopened.',
      'round.reopenTooLate': 'Round “{{name}}” closed more than {{days}} days ago: it can no longer be reopened. Copy it instead.',
      'round.samePlace': 'That round lives here already: run the copy command in the channel or chat that should get the copy.',
    },
    summary: { updatedTitle: '{{title}} (updated after reopening)' },
    scheduling: {
      job: {
        kind: { roundStart: 'Planned start' },
        note: { 'plan-missing': 'the planned round no longer exists', 'round-rescheduled': 'the deadline changed' },
      },
    },
    manage: {
      help: {
        deadline: '{{command}}deadline [ROUND-ID] DATE [TIME] (or +3d, +12h): move the deadline; reminders follow (coordinators)',
        participants: '{{command}}participants [ROUND-ID] add|remove @member …: change who takes part (coordinators)',
        coordinators: '{{command}}coordinators [ROUND-ID] add|remove @member …: name co-coordinators (coordinators)',
        reopen:
          '{{command}}reopen [ROUND-ID] [DATE [TIME]]: reopen a round closed in the last 7 days; its summary is posted again, marked as updated',
        copy: '{{command}}copy ROUND-ID: in another channel or chat, start a copy of that round here (coordinators)',
        later: '{{command}}later DATE TIME: plan a round to start then (opens the start form)',
        export: '{{command}}export [ROUND-ID] [csv|json]: the answers and the summary as files, privately (coordinators)',
      },
      when: '{{date}} ({{timeZone}})',
      deadline: {
        usage: 'Write the new deadline: deadline [ROUND-ID] 2026-12-31 17:00 (or +3d, +12h).',
        changed: 'The deadline of “{{name}}” is now {{deadline}}. Reminders follow the new deadline.',
      },
      people: {
        usage: 'Write add or remove and mention the members, e.g. participants add @Ann @Bob.',
        noMembers: 'Mention at least one member to add or remove.',
        participants: '“{{name}}” now has {{count}} participants.',
        coordinators: 'The coordinators of “{{name}}”: {{list}}.',
      },
      reopen: {
        until: '“{{name}}” is open again until {{deadline}}. When it closes, its summary is posted again, marked as updated.',
        open: '“{{name}}” is open again, until a coordinator closes it. Its summary is then posted again, marked as updated.',
      },
      copy: {
        usage: 'Run copy ROUND-ID in the channel or chat that should get the copy (list shows round ids).',
        done: 'Started “{{name}}” here as a copy ({{id}}), with {{count}} participants.',
      },
      later: {
        usage: 'Write when the round should start: later 2026-12-31 09:00.',
        planned: 'Round “{{name}}” ({{id}}) will start on {{when}}, with {{count}} participants.',
        formNote: 'This round starts on {{when}}.',
      },
      status: {
        deadline: 'Deadline: {{deadline}}',
        noDeadline: 'No deadline: the round stays open until a coordinator closes it.',
        reminders: 'Reminders: {{planned}} planned, {{sent}} sent.',
        jobs: 'Scheduled work:',
        failed: 'Failed: {{job}}',
        reopened: 'Reopened {{count}} time(s).',
        sentPrivately: 'I sent you the round’s status, with its deadline, reminders and scheduled work, in our personal chat.',
      },
      export: {
        sent: 'The export of “{{name}}” is in our direct messages: {{files}}.',
        links: 'The export of “{{name}}”, valid for {{hours}} hours (only for you: do not pass the links on):',
        sentPrivately: 'I sent you the export in our personal chat.',
        fileTitle: 'Spiegel export: {{name}} ({{file}})',
        badFormat: 'Choose csv or json.',
      },
    },
  },
  nl: {
    errors: {
      'round.busy': 'Iemand anders wijzigt deze ronde op dit moment. Er is niets gewijzigd: probeer het opnieuw.',
      'round.notClosed': 'Ronde “{{name}}” is {{state}}: alleen een afgesloten ronde kan heropend worden.',
      'round.reopenTooLate':
        'Ronde “{{name}}” sloot meer dan {{days}} dagen geleden: ze kan niet meer heropend worden. Kopieer ze in de plaats.',
      'round.samePlace': 'Die ronde staat hier al: geef de kopieeropdracht in het kanaal of de chat die de kopie moet krijgen.',
    },
    summary: { updatedTitle: '{{title}} (bijgewerkt na heropening)' },
    scheduling: {
      job: {
        kind: { roundStart: 'Geplande start' },
        note: { 'plan-missing': 'de geplande ronde bestaat niet meer', 'round-rescheduled': 'de deadline is gewijzigd' },
      },
    },
    manage: {
      help: {
        deadline:
          '{{command}}deadline [RONDE-ID] DATUM [UUR] (of +3d, +12h): verschuif de deadline; de herinneringen volgen (coördinatoren)',
        participants: '{{command}}deelnemers [RONDE-ID] add|remove @lid …: wijzig wie deelneemt (coördinatoren)',
        coordinators: '{{command}}coordinatoren [RONDE-ID] add|remove @lid …: stel mede-coördinatoren aan (coördinatoren)',
        reopen:
          '{{command}}heropen [RONDE-ID] [DATUM [UUR]]: heropen een ronde die de voorbije 7 dagen sloot; de samenvatting wordt opnieuw gepost, als bijgewerkt',
        copy: '{{command}}kopieer RONDE-ID: start in een ander kanaal of een andere chat hier een kopie van die ronde (coördinatoren)',
        later: '{{command}}later DATUM UUR: plan een ronde die dan start (opent het startformulier)',
        export: '{{command}}exporteer [RONDE-ID] [csv|json]: de antwoorden en de samenvatting als bestanden, persoonlijk (coördinatoren)',
      },
      when: '{{date}} ({{timeZone}})',
      deadline: {
        usage: 'Schrijf de nieuwe deadline: deadline [RONDE-ID] 2026-12-31 17:00 (of +3d, +12h).',
        changed: 'De deadline van “{{name}}” is nu {{deadline}}. De herinneringen volgen de nieuwe deadline.',
      },
      people: {
        usage: 'Schrijf add of remove en vermeld de leden, bv. deelnemers add @An @Bob.',
        noMembers: 'Vermeld minstens één lid om toe te voegen of te verwijderen.',
        participants: '“{{name}}” heeft nu {{count}} deelnemers.',
        coordinators: 'De coördinatoren van “{{name}}”: {{list}}.',
      },
      reopen: {
        until: '“{{name}}” is weer open tot {{deadline}}. Wanneer ze sluit, wordt de samenvatting opnieuw gepost, als bijgewerkt.',
        open: '“{{name}}” is weer open, tot een coördinator ze sluit. De samenvatting wordt dan opnieuw gepost, als bijgewerkt.',
      },
      copy: {
        usage: 'Geef kopieer RONDE-ID in het kanaal of de chat die de kopie moet krijgen (lijst toont de ronde-id’s).',
        done: '“{{name}}” is hier gestart als kopie ({{id}}), met {{count}} deelnemers.',
      },
      later: {
        usage: 'Schrijf wanneer de ronde moet starten: later 2026-12-31 09:00.',
        planned: 'Ronde “{{name}}” ({{id}}) start op {{when}}, met {{count}} deelnemers.',
        formNote: 'Deze ronde start op {{when}}.',
      },
      status: {
        deadline: 'Deadline: {{deadline}}',
        noDeadline: 'Geen deadline: de ronde blijft open tot een coördinator ze sluit.',
        reminders: 'Herinneringen: {{planned}} gepland, {{sent}} verstuurd.',
        jobs: 'Geplande taken:',
        failed: 'Mislukt: {{job}}',
        reopened: '{{count}} keer heropend.',
        sentPrivately: 'Ik stuurde je de status van de ronde, met deadline, herinneringen en geplande taken, in onze persoonlijke chat.',
      },
      export: {
        sent: 'De export van “{{name}}” staat in onze privéberichten: {{files}}.',
        links: 'De export van “{{name}}”, {{hours}} uur geldig (alleen voor jou: geef de links niet door):',
        sentPrivately: 'Ik stuurde je de export in onze persoonlijke chat.',
        fileTitle: 'Spiegel-export: {{name}} ({{file}})',
        badFormat: 'Kies csv of json.',
      },
    },
  },
};
