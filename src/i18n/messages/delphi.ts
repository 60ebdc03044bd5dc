/** Delphi follow-up rounds: starting one, the member's private briefing, and the convergence in its summary. */
export const delphiMessages = {
  en: {
    errors: {
      'followUp.notClosed': 'Only a closed round can be followed up: close it first.',
      'followUp.maximum': 'This sequence has had its {{maxIterations}} follow-ups, the most its coordinator allowed.',
      'followUp.badMaximum': 'The most follow-ups must be a whole number from 1 to 5, not {{max}}.',
      'followUp.unknownItems': 'These criteria are not part of that round: {{criterionIds}}.',
      'followUp.nothingUnsettled':
        'No item of that round was classed divergent or polarised, so there is nothing to ask again. Name criteria to ask them anyway.',
    },
    delphi: {
      started:
        'Follow-up {{iteration}} of {{max}} started: “{{name}}”, {{count}} items, closes {{deadline}}. Each member received the group’s answers privately.',
      already: 'That round was followed up already: “{{name}}”.',
      unreached_one: '{{count}} member could not be reached privately; they can answer from the channel.',
      unreached_other: '{{count}} members could not be reached privately; they can answer from the channel.',
      startButton: 'Start a follow-up (Delphi)',
      briefing: {
        title:
          'Delphi follow-up {{iteration}} of {{max}} for “{{name}}”: the group did not agree on these items. Look at what the group answered, then rate them again; a reason in the comment is welcome.',
        item: '{{number}}. {{criterion}}',
        group: 'Group ({{n}} answers): {{distribution}} · median {{median}} · IQR {{iqr}}',
        fewerThanK: 'Group: fewer than {{k}} answers, so nothing is shown.',
        comments: 'Comments: {{comments}}',
        own: 'Your answer: {{value}}',
        ownNone: 'You did not rate this item.',
        ownComment: 'Your comment: {{comment}}',
      },
      convergence: {
        title: 'Delphi follow-up {{iteration}} of {{max}}: convergence per item (previous step → this one)',
        line: '{{criterion}}: IQR {{iqrBefore}} → {{iqrAfter}} · rwg {{rwgBefore}} → {{rwgAfter}} · {{moved}}',
        moved: '{{moved}} of {{paired}} members moved ({{percent}}%)',
        movedHidden: 'moved: fewer than {{k}} answered both',
        next: {
          agreed: 'No item is divergent or polarised any more: the sequence can stop here.',
          stable:
            'The answers are stable (on each item at most {{percent}}% of the members changed their rating): stop here, a further follow-up would hardly change them.',
          maximum: 'This was the last follow-up this sequence allowed ({{max}}).',
          continue:
            '{{count}} items are still divergent or polarised: a coordinator can start follow-up {{next}} of {{max}} with `followup`.',
        },
      },
    },
  },
  nl: {
    errors: {
      'followUp.notClosed': 'Alleen een afgesloten ronde kan een vervolg krijgen: sluit ze eerst.',
      'followUp.maximum': 'Deze reeks had al haar {{maxIterations}} vervolgrondes, het maximum dat de coördinator toeliet.',
      'followUp.badMaximum': 'Het maximum aantal vervolgrondes is een geheel getal van 1 tot 5, niet {{max}}.',
      'followUp.unknownItems': 'Deze criteria horen niet bij die ronde: {{criterionIds}}.',
      'followUp.nothingUnsettled':
        'Geen item van die ronde was verdeeld of gepolariseerd, dus er valt niets opnieuw te vragen. Noem criteria om ze toch te vragen.',
    },
    delphi: {
      started:
        'Vervolgronde {{iteration}} van {{max}} gestart: “{{name}}”, {{count}} items, sluit {{deadline}}. Elk lid kreeg de antwoorden van de groep persoonlijk.',
      already: 'Die ronde kreeg al een vervolg: “{{name}}”.',
      unreached_one: '{{count}} lid kon niet persoonlijk bereikt worden; die kan antwoorden vanuit het kanaal.',
      unreached_other: '{{count}} leden konden niet persoonlijk bereikt worden; zij kunnen antwoorden vanuit het kanaal.',
      startButton: 'Start een vervolgronde (Delphi)',
      briefing: {
        title:
          'Delphi-vervolgronde {{iteration}} van {{max}} voor “{{name}}”: de groep was het over deze items niet eens. Bekijk wat de groep antwoordde en beoordeel ze opnieuw; een reden in de opmerking is welkom.',
        item: '{{number}}. {{criterion}}',
        group: 'Groep ({{n}} antwoorden): {{distribution}} · mediaan {{median}} · IKA {{iqr}}',
        fewerThanK: 'Groep: minder dan {{k}} antwoorden, dus niets getoond.',
        comments: 'Opmerkingen: {{comments}}',
        own: 'Jouw antwoord: {{value}}',
        ownNone: 'Je beoordeelde dit item niet.',
        ownComment: 'Jouw opmerking: {{comment}}',
      },
      convergence: {
        title: 'Delphi-vervolgronde {{iteration}} van {{max}}: convergentie per item (vorige stap → deze)',
        line: '{{criterion}}: IKA {{iqrBefore}} → {{iqrAfter}} · rwg {{rwgBefore}} → {{rwgAfter}} · {{moved}}',
        moved: '{{moved}} van {{paired}} leden veranderden ({{percent}}%)',
        movedHidden: 'veranderd: minder dan {{k}} antwoordden beide keren',
        next: {
          agreed: 'Geen item is nog verdeeld of gepolariseerd: de reeks kan hier stoppen.',
          stable:
            'De antwoorden zijn stabiel (per item veranderde hoogstens {{percent}}% van de leden zijn beoordeling): stop hier, een volgende vervolgronde zou ze nauwelijks veranderen.',
          maximum: 'Dit was de laatste vervolgronde die deze reeks toeliet ({{max}}).',
          continue:
            '{{count}} items zijn nog verdeeld of gepolariseerd: een coördinator kan vervolgronde {{next}} van {{max}} starten met `vervolg`.',
        },
      },
    },
  },
};
