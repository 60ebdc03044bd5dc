export const cliMessages = {
  en: {
    cli: {
      usage: `Usage: spiegel <command> [options]

  frameworks list [--tenant T] [--format text|json]  the frameworks this installation knows (with --tenant: the workspace's own too)
  frameworks show ID [--tenant T] [--format text|json]  every criterion with its id, components, perspectives, dimensions, scale
  frameworks add FILE --tenant T                the workspace's own framework (YAML or JSON); the same id again is a new version
  frameworks retire ID --tenant T               new rounds of the workspace no longer use its own framework ID
  frameworks validate FILE                      check a framework file (YAML or JSON)
  frameworks diff OLD NEW [--format text|json]  what changed between two versions: criteria added, removed, reworded
  cases import FILE.csv | cases list            the case register (case,mediator,opened,closed,type)
  audit draw --size N --from DATE --to DATE [--seed S] [--reviewers 2] | audit report ID | audit list
  licence settings | licence add | licence import-training FILE.csv | licence report --year YYYY
  round import FILE.csv --framework ID [--name TEXT] [--anonymous] [--unit ID]
                                                create a closed round from a CSV with the header
                                                member,criterion,dimension,value,comment
  units import FILE.csv [--levels region,domain,organisation,team]
                                                add or replace units from a CSV with the header
                                                id,name,parent,level (and name the levels)
  units list [--format text|json]
  report rollup --framework ID --level LEVEL [--from DATE] [--to DATE] [--format json|csv|text|png|svg|html --out FILE]
                                                the units on a level side by side (png, svg: the heat map; html: the report page)
  report trend --framework ID (--unit ID | --channel ID) [--format json|text|png|svg|html --out FILE]
                                                medians and consensus over the rounds, changes flagged (png, svg, html: the chart)
  rounds list [--state open|closed|cancelled] [--format text|json]
  round summary ID [--format text|json]
  round export ID --format csv|json
  report round ID --format png|svg|html --out FILE [--chart distribution|quadrant]
                                                a round's chart, or its report page (HTML, printable to A4)
  schedule list [--format text|json]            the recurring rounds
  schedule create --channel ID --framework ID [--name TEXT]
                  [--cadence weekly|biweekly|monthly|quarterly|cron] [--weekday 0-6] [--day 1-28]
                  [--time HH:MM] [--cron "M H DOM MON DOW"] [--time-zone ZONE] [--days N]
                  [--anonymous] [--k N] [--no-reminders] [--participants ID,ID,…]
                  [--perspectives client,organisation,result,process]
  schedule pause|resume|delete ID
  settings show [--format text|json]            the workspace settings
  settings set KEY VALUE                        change one: language, time-zone, quiet-hours, quiet-days, k, target,
                                                low-response, reminders, retention-months (closed rounds are kept
                                                N months, default 24, then deleted), admins
  member export --member ID --format json|csv  every stored answer of a member (an access request)
  member erase --member ID                      erase a member's answers in every round (summaries recomputed)

Options for every command: --tenant ID (default cli:local; e.g. slack:T0123 or teams:<tenant id>),
--locale nl|en (default DEFAULT_LOCALE).`,
      badUsage: 'I did not understand that command: {{detail}}',
      formatChoice: '--format must be one of {{choices}}',
      missing: '{{what}} is missing',
      unknownCommand: 'there is no command “{{command}}”',
      criteria_one: '{{count}} criterion',
      criteria_other: '{{count}} criteria',
      validFramework: '{{path}}: a valid framework “{{id}}” v{{version}} with {{count}} criteria',
      noRounds: 'No rounds.',
      failed: 'Error ({{code}}): {{message}}',
    },
  },
  nl: {
    cli: {
      usage: `Gebruik: spiegel <opdracht> [opties]

  frameworks list [--tenant T] [--format text|json]  de kaders die deze installatie kent (met --tenant: ook de eigen kaders van de werkruimte)
  frameworks show ID [--tenant T] [--format text|json]  alle criteria met hun id, onderdelen, perspectieven, dimensies, schaal
  frameworks add BESTAND --tenant T             een eigen kader van de werkruimte (YAML of JSON); hetzelfde id opnieuw is een nieuwe versie
  frameworks retire ID --tenant T               nieuwe rondes van de werkruimte gebruiken het eigen kader ID niet meer
  frameworks validate BESTAND                   controleer een kaderbestand (YAML of JSON)
  frameworks diff OUD NIEUW [--format text|json] wat er veranderde: criteria toegevoegd, geschrapt, herschreven
  cases import BESTAND.csv | cases list         het dossierregister (case,mediator,opened,closed,type)
  audit draw --size N --from DATUM --to DATUM [--seed S] [--reviewers 2] | audit report ID | audit list
  licence settings | licence add | licence import-training BESTAND.csv | licence report --year JJJJ
  round import BESTAND.csv --framework ID [--name TEKST] [--anonymous] [--unit ID]
                                                maak een afgesloten ronde uit een CSV met de kopregel
                                                member,criterion,dimension,value,comment
  units import BESTAND.csv [--levels region,domain,organisation,team]
                                                voeg eenheden toe of vervang ze uit een CSV met de
                                                kopregel id,name,parent,level (en benoem de niveaus)
  units list [--format text|json]
  report rollup --framework ID --level NIVEAU [--from DATUM] [--to DATUM] [--format json|csv|text|png|svg|html --out BESTAND]
                                                de eenheden van een niveau naast elkaar (png, svg: de heatmap; html: de rapportpagina)
  report trend --framework ID (--unit ID | --channel ID) [--format json|text|png|svg|html --out BESTAND]
                                                medianen en consensus over de rondes, met veranderingen (png, svg, html: de grafiek)
  rounds list [--state open|closed|cancelled] [--format text|json]
  round summary ID [--format text|json]
  round export ID --format csv|json
  report round ID --format png|svg|html --out BESTAND [--chart distribution|quadrant]
                                                een grafiek van een ronde, of haar rapportpagina (HTML, af te drukken op A4)
  schedule list [--format text|json]            de terugkerende rondes
  schedule create --channel ID --framework ID [--name TEKST]
                  [--cadence weekly|biweekly|monthly|quarterly|cron] [--weekday 0-6] [--day 1-28]
                  [--time UU:MM] [--cron "M U DVM MND WD"] [--time-zone ZONE] [--days N]
                  [--anonymous] [--k N] [--no-reminders] [--participants ID,ID,…]
                  [--perspectives client,organisation,result,process]
  schedule pause|resume|delete ID
  settings show [--format text|json]            de instellingen van de werkruimte
  settings set SLEUTEL WAARDE                   wijzig er een: language, time-zone, quiet-hours, quiet-days, k, target,
                                                low-response, reminders, retention-months (afgesloten rondes worden
                                                N maanden bewaard, standaard 24, en dan gewist), admins
  member export --member ID --format json|csv  alle bewaarde antwoorden van een lid (een inzageverzoek)
  member erase --member ID                      wis de antwoorden van een lid in alle rondes (samenvattingen herberekend)

Opties bij elke opdracht: --tenant ID (standaard cli:local; bv. slack:T0123 of teams:<tenant-id>),
--locale nl|en (standaard DEFAULT_LOCALE).`,
      badUsage: 'Die opdracht begreep ik niet: {{detail}}',
      formatChoice: '--format moet een van deze zijn: {{choices}}',
      missing: '{{what}} ontbreekt',
      unknownCommand: 'de opdracht “{{command}}” bestaat niet',
      criteria_one: '{{count}} criterium',
      criteria_other: '{{count}} criteria',
      validFramework: '{{path}}: een geldig kader “{{id}}” v{{version}} met {{count}} criteria',
      noRounds: 'Geen rondes.',
      failed: 'Fout ({{code}}): {{message}}',
    },
  },
};
