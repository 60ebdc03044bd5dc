/** Strings of the mediation quality system (case register, audits, licence log, intervision), in English and Dutch. */
export const mediationMessages = {
  en: {
    errors: {
      'permission.qualityCoordinatorOnly': 'Only the quality coordinators and admins of this workspace can do that.',
      'audit.unknown': 'I cannot find that audit. It may belong to another workspace.',
      'audit.sampleTooLarge':
        'Nothing was drawn: a sample of {{size}} is larger than the {{eligible}} case files closed in that period and not audited in the last 12 months.',
      'audit.noReviewer':
        'Nothing was drawn: case file {{case}} needs {{needed}} reviewers who are not its mediator, and only {{available}} are available.',
      'member.unknown': '{{member}} is not a member of this workspace’s licence log; nothing was changed.',
      'deadline.past': 'Nothing was stored: the deadline {{deadline}} lies in the past.',
      'intervision.unknown': 'I cannot find that intervision session.',
      'intervision.closed': 'This intervision session has ended.',
    },
    slack: {
      help: {
        cases: '`/reflect cases`: case files per mediator (quality coordinators)',
        audit: '`/reflect audit draw SIZE FROM TO [SEED]`, `/reflect audit report [ID]`: random case-file audits (quality coordinators)',
        licence:
          '`/reflect licence`: your licence standing; `/reflect licence report [YEAR]`, `/reflect licence add …` (quality coordinators)',
      },
    },
    teams: {
      help: {
        cases: '**cases**: case files per mediator (quality coordinators)',
        audit: '**audit draw SIZE FROM TO [SEED]**, **audit report [ID]**: random case-file audits (quality coordinators)',
        licence: '**licence**: your licence standing; **licence report [YEAR]**, **licence add …** (quality coordinators)',
      },
    },
    mediation: {
      cases: {
        none: 'The case register of this workspace is empty. Import it with `spiegel cases import FILE.csv`.',
        title: 'Case files per mediator:',
        line_one: '{{mediator}}: {{count}} case file ({{closed}} closed)',
        line_other: '{{mediator}}: {{count}} case files ({{closed}} closed)',
        imported_one: 'Imported {{count}} case file.',
        imported_other: 'Imported {{count}} case files.',
      },
      audit: {
        usage:
          'Audits: `audit draw SIZE FROM TO [SEED] [REVIEWERS]` draws SIZE case files closed between FROM and TO (YYYY-MM-DD), each with REVIEWERS reviewers (default 2); `audit report [ID]` shows an audit’s results.',
        roundName: 'Audit of case file {{case}}',
        drawn_one: 'Audit {{id}}: {{count}} case file closed {{from}} – {{to}} (seed {{seed}}).',
        drawn_other: 'Audit {{id}}: {{count}} case files closed {{from}} – {{to}} (seed {{seed}}).',
        drawnFile: '{{case}} · mediator(s) {{mediators}} · reviewers {{reviewers}}',
        invitationsQueued: 'Each reviewer gets a private message with the file and the audit criteria.',
        none: 'No audits yet.',
        listLine_one: '{{id}} · {{from}} – {{to}} · {{count}} file · drawn {{drawnAt}}',
        listLine_other: '{{id}} · {{from}} – {{to}} · {{count}} files · drawn {{drawnAt}}',
        invitation:
          'You are asked to review case file {{case}} (closed between {{from}} and {{to}}) for the random case-file audit. Rate how far the file shows that:',
        invitationHow: 'Open the file, then rate each criterion here; you can change your ratings until the audit ends.',
      },
      licence: {
        mine: 'Your licence year from {{start}}, renewal on {{renewal}}:',
        done: 'mediations {{mediations}} · training hours {{hours}} · intervisions {{intervisions}}',
        meets: 'You meet the licence requirements.',
        short: 'Still needed: {{missing}}.',
        missing: 'missing: {{missing}}',
        missingMediations_one: '{{count}} mediation',
        missingMediations_other: '{{count}} mediations',
        missingHours_one: '{{count}} training hour',
        missingHours_other: '{{count}} training hours',
        missingIntervisions_one: '{{count}} intervision',
        missingIntervisions_other: '{{count}} intervisions',
        reportHeader: 'Licence year from {{start}}, renewal on {{renewal}}',
        requirements: 'Requirements: {{mediations}} mediations, {{hours}} training hours, {{intervisions}} intervisions',
        meeting: 'Meet the requirements ({{count}}):',
        falling: 'Fall short ({{count}}):',
        reminder: 'Your licence is renewed on {{renewal}}. So far this licence year:',
        added: 'Stored: {{kind}} for {{member}} on {{date}} ({{amount}}).',
        imported: 'Imported {{count}} training entries ({{hours}} hours).',
        usage:
          'Licence: `licence` shows your own standing; coordinators: `licence report [YEAR]`, `licence add MEMBER mediation|training|intervision YYYY-MM-DD [AMOUNT]`.',
        kind: { mediation: 'mediation', training: 'training', intervision: 'intervision' },
      },
      diff: {
        header: 'Framework {{id}}: what changed from version {{from}} to {{to}}',
        none: 'No criteria were added, removed or reworded.',
        added_one: '{{count}} criterion added:',
        added_other: '{{count}} criteria added:',
        removed_one: '{{count}} criterion removed:',
        removed_other: '{{count}} criteria removed:',
        reworded_one: '{{count}} criterion reworded:',
        reworded_other: '{{count}} criteria reworded:',
        moved_one: '{{count}} criterion moved to another part:',
        moved_other: '{{count}} criteria moved to another part:',
      },
      report: {
        header_one: 'Audit {{id}} · period {{from}} – {{to}} · seed {{seed}} · {{count}} case file',
        header_other: 'Audit {{id}} · period {{from}} – {{to}} · seed {{seed}} · {{count}} case files',
        period: 'Reviews complete: {{complete}} of {{reviews}} · mean {{mean}} · items for discussion: {{discuss}}',
        perFile: 'Per case file',
        file: '{{case}} · mediator(s) {{mediators}} · reviewers {{reviewers}} ({{complete}}/{{count}} complete) · mean {{mean}}',
        discuss: '   for discussion: {{criterion}} ({{ratings}})',
        perMediator: 'Per mediator',
        mediator_one: '{{mediator}} · {{count}} file · mean {{mean}} · items for discussion: {{discuss}}',
        mediator_other: '{{mediator}} · {{count}} files · mean {{mean}} · items for discussion: {{discuss}}',
        perCriterion: 'Per criterion',
        criterion: '{{criterion}} · mean {{mean}} · for discussion in {{discuss}} file(s)',
      },
    },
  },
  nl: {
    errors: {
      'permission.qualityCoordinatorOnly': 'Alleen de kwaliteitscoördinatoren en beheerders van deze werkruimte kunnen dat.',
      'audit.unknown': 'Ik vind dat dossieronderzoek niet. Misschien hoort het bij een andere werkruimte.',
      'audit.sampleTooLarge':
        'Er is niets getrokken: een steekproef van {{size}} is groter dan de {{eligible}} dossiers die in die periode zijn afgesloten en de laatste 12 maanden niet onderzocht werden.',
      'audit.noReviewer':
        'Er is niets getrokken: dossier {{case}} heeft {{needed}} beoordelaars nodig die niet de bemiddelaar zijn, en er zijn er maar {{available}}.',
      'member.unknown': '{{member}} staat niet in het licentielogboek van deze werkruimte; er is niets gewijzigd.',
      'deadline.past': 'Er is niets opgeslagen: de deadline {{deadline}} ligt in het verleden.',
      'intervision.unknown': 'Ik vind die intervisiesessie niet.',
      'intervision.closed': 'Deze intervisiesessie is afgelopen.',
    },
    slack: {
      help: {
        cases: '`/reflect cases`: dossiers per bemiddelaar (kwaliteitscoördinatoren)',
        audit:
          '`/reflect audit draw AANTAL VAN TOT [SEED]`, `/reflect audit report [ID]`: dossieronderzoek op at random gekozen dossiers (kwaliteitscoördinatoren)',
        licence:
          '`/reflect licence`: je licentiestand; `/reflect licence report [JAAR]`, `/reflect licence add …` (kwaliteitscoördinatoren)',
      },
    },
    teams: {
      help: {
        cases: '**cases**: dossiers per bemiddelaar (kwaliteitscoördinatoren)',
        audit:
          '**audit draw AANTAL VAN TOT [SEED]**, **audit report [ID]**: dossieronderzoek op at random gekozen dossiers (kwaliteitscoördinatoren)',
        licence: '**licence**: je licentiestand; **licence report [JAAR]**, **licence add …** (kwaliteitscoördinatoren)',
      },
    },
    mediation: {
      cases: {
        none: 'Het dossierregister van deze werkruimte is leeg. Importeer het met `spiegel cases import BESTAND.csv`.',
        title: 'Dossiers per bemiddelaar:',
        line_one: '{{mediator}}: {{count}} dossier ({{closed}} afgesloten)',
        line_other: '{{mediator}}: {{count}} dossiers ({{closed}} afgesloten)',
        imported_one: '{{count}} dossier geïmporteerd.',
        imported_other: '{{count}} dossiers geïmporteerd.',
      },
      audit: {
        usage:
          'Dossieronderzoek: `audit draw AANTAL VAN TOT [SEED] [BEOORDELAARS]` trekt AANTAL dossiers die tussen VAN en TOT (JJJJ-MM-DD) zijn afgesloten, elk met BEOORDELAARS beoordelaars (standaard 2); `audit report [ID]` toont de resultaten.',
        roundName: 'Onderzoek van dossier {{case}}',
        drawn_one: 'Dossieronderzoek {{id}}: {{count}} dossier afgesloten {{from}} – {{to}} (seed {{seed}}).',
        drawn_other: 'Dossieronderzoek {{id}}: {{count}} dossiers afgesloten {{from}} – {{to}} (seed {{seed}}).',
        drawnFile: '{{case}} · bemiddelaar(s) {{mediators}} · beoordelaars {{reviewers}}',
        invitationsQueued: 'Elke beoordelaar krijgt een privébericht met het dossier en de criteria van het onderzoek.',
        none: 'Nog geen dossieronderzoek.',
        listLine_one: '{{id}} · {{from}} – {{to}} · {{count}} dossier · getrokken {{drawnAt}}',
        listLine_other: '{{id}} · {{from}} – {{to}} · {{count}} dossiers · getrokken {{drawnAt}}',
        invitation:
          'Je wordt gevraagd dossier {{case}} (afgesloten tussen {{from}} en {{to}}) te beoordelen voor het dossieronderzoek op at random gekozen dossiers. Geef aan in welke mate het dossier laat zien dat:',
        invitationHow: 'Open het dossier en beoordeel hier elk criterium; je kunt je scores wijzigen tot het onderzoek afloopt.',
      },
      licence: {
        mine: 'Je licentiejaar vanaf {{start}}, verlenging op {{renewal}}:',
        done: 'bemiddelingen {{mediations}} · opleidingsuren {{hours}} · intervisies {{intervisions}}',
        meets: 'Je voldoet aan de licentie-eisen.',
        short: 'Nog nodig: {{missing}}.',
        missing: 'ontbreekt: {{missing}}',
        missingMediations_one: '{{count}} bemiddeling',
        missingMediations_other: '{{count}} bemiddelingen',
        missingHours_one: '{{count}} opleidingsuur',
        missingHours_other: '{{count}} opleidingsuren',
        missingIntervisions_one: '{{count}} intervisie',
        missingIntervisions_other: '{{count}} intervisies',
        reportHeader: 'Licentiejaar vanaf {{start}}, verlenging op {{renewal}}',
        requirements: 'Eisen: {{mediations}} bemiddelingen, {{hours}} opleidingsuren, {{intervisions}} intervisies',
        meeting: 'Voldoen aan de eisen ({{count}}):',
        falling: 'Voldoen nog niet ({{count}}):',
        reminder: 'Je licentie wordt verlengd op {{renewal}}. Tot nu toe dit licentiejaar:',
        added: 'Opgeslagen: {{kind}} voor {{member}} op {{date}} ({{amount}}).',
        imported: '{{count}} opleidingsregels geïmporteerd ({{hours}} uur).',
        usage:
          'Licentie: `licence` toont je eigen stand; coördinatoren: `licence report [JAAR]`, `licence add LID mediation|training|intervision JJJJ-MM-DD [AANTAL]`.',
        kind: { mediation: 'bemiddeling', training: 'opleiding', intervision: 'intervisie' },
      },
      diff: {
        header: 'Kader {{id}}: wat er veranderde van versie {{from}} naar {{to}}',
        none: 'Er zijn geen criteria toegevoegd, geschrapt of herschreven.',
        added_one: '{{count}} criterium toegevoegd:',
        added_other: '{{count}} criteria toegevoegd:',
        removed_one: '{{count}} criterium geschrapt:',
        removed_other: '{{count}} criteria geschrapt:',
        reworded_one: '{{count}} criterium herschreven:',
        reworded_other: '{{count}} criteria herschreven:',
        moved_one: '{{count}} criterium naar een ander onderdeel verplaatst:',
        moved_other: '{{count}} criteria naar een ander onderdeel verplaatst:',
      },
      report: {
        header_one: 'Dossieronderzoek {{id}} · periode {{from}} – {{to}} · seed {{seed}} · {{count}} dossier',
        header_other: 'Dossieronderzoek {{id}} · periode {{from}} – {{to}} · seed {{seed}} · {{count}} dossiers',
        period: 'Volledige beoordelingen: {{complete}} van {{reviews}} · gemiddelde {{mean}} · te bespreken punten: {{discuss}}',
        perFile: 'Per dossier',
        file: '{{case}} · bemiddelaar(s) {{mediators}} · beoordelaars {{reviewers}} ({{complete}}/{{count}} volledig) · gemiddelde {{mean}}',
        discuss: '   te bespreken: {{criterion}} ({{ratings}})',
        perMediator: 'Per bemiddelaar',
        mediator_one: '{{mediator}} · {{count}} dossier · gemiddelde {{mean}} · te bespreken punten: {{discuss}}',
        mediator_other: '{{mediator}} · {{count}} dossiers · gemiddelde {{mean}} · te bespreken punten: {{discuss}}',
        perCriterion: 'Per criterium',
        criterion: '{{criterion}} · gemiddelde {{mean}} · te bespreken in {{discuss}} dossier(s)',
      },
    },
  },
};
