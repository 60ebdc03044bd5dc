export const cliMessages = {
  en: {
    cli: {
      usage: `Usage: spiegel <command> [options]

  frameworks list [--format text|json]          the frameworks this installation knows
  frameworks validate FILE                      check a framework file (YAML or JSON)
  round import FILE.csv --framework ID [--name TEXT] [--anonymous]
                                                create a closed round from a CSV with the header
                                                member,criterion,dimension,value,comment
  rounds list [--state open|closed|cancelled] [--format text|json]
  round summary ID [--format text|json]
  round export ID --format csv|json

Options for every command: --tenant ID (default cli:local; e.g. slack:T0123 or teams:<tenant id>),
--locale nl|en (default DEFAULT_LOCALE).`,
      badUsage: 'I did not understand that command: {{detail}}',
      failed: 'Error ({{code}}): {{message}}',
    },
  },
  nl: {
    cli: {
      usage: `Gebruik: spiegel <opdracht> [opties]

  frameworks list [--format text|json]          de kaders die deze installatie kent
  frameworks validate BESTAND                   controleer een kaderbestand (YAML of JSON)
  round import BESTAND.csv --framework ID [--name TEKST] [--anonymous]
                                                maak een afgesloten ronde uit een CSV met de kopregel
                                                member,criterion,dimension,value,comment
  rounds list [--state open|closed|cancelled] [--format text|json]
  round summary ID [--format text|json]
  round export ID --format csv|json

Opties bij elke opdracht: --tenant ID (standaard cli:local; bv. slack:T0123 of teams:<tenant-id>),
--locale nl|en (standaard DEFAULT_LOCALE).`,
      badUsage: 'Die opdracht begreep ik niet: {{detail}}',
      failed: 'Fout ({{code}}): {{message}}',
    },
  },
};
