export const commandVerbs = [
  'help',
  'start',
  'status',
  'remind',
  'close',
  'cancel',
  'summary',
  'list',
  'frameworks',
  'mine',
  'my-data',
  'cases',
  'audit',
  'licence',
  'intervision',
  'forget-me',
  'schedule',
  'settings',
] as const;

/** The reflection method's commands: in chat and in help, not in the Teams manifest's list (it holds at most 10). */
export const methodVerbs = ['units', 'unit', 'compare', 'trend', 'report', 'followup'] as const;

/** Managing a round after opening, and its export: in chat and in help, not in the Teams manifest's list. */
export const managementVerbs = ['deadline', 'participants', 'coordinators', 'reopen', 'copy', 'later', 'export'] as const;

export const allVerbs = [...commandVerbs, ...methodVerbs, ...managementVerbs] as const;
export type CommandVerb = (typeof allVerbs)[number];

/** Dutch aliases, so `/reflect samenvatting` works as well as `/reflect summary`. */
const aliases: Record<string, CommandVerb> = {
  hulp: 'help',
  '?': 'help',
  herinner: 'remind',
  sluit: 'close',
  annuleer: 'cancel',
  samenvatting: 'summary',
  lijst: 'list',
  kaders: 'frameworks',
  mijn: 'mine',
  'mijn-gegevens': 'my-data',
  dossiers: 'cases',
  dossieronderzoek: 'audit',
  licentie: 'licence',
  license: 'licence',
  intervisie: 'intervision',
  'vergeet-mij': 'forget-me',
  plan: 'schedule',
  instellingen: 'settings',
  eenheden: 'units',
  eenheid: 'unit',
  vergelijk: 'compare',
  rapport: 'report',
  verloop: 'trend',
  termijn: 'deadline',
  deelnemers: 'participants',
  coordinatoren: 'coordinators',
  coördinatoren: 'coordinators',
  heropen: 'reopen',
  kopieer: 'copy',
  exporteer: 'export',
  vervolg: 'followup',
  'follow-up': 'followup',
};

function verbOf(word: string): CommandVerb | undefined {
  const lower = word.toLowerCase();
  return (allVerbs as readonly string[]).includes(lower) ? (lower as CommandVerb) : aliases[lower];
}

export interface ParsedCommand {
  verb: CommandVerb;
  args: string[];
  /** The word that was not understood, when the help text is shown for it. */
  unknown?: string;
}

/**
 * Parses the text after `/reflect` or after an @mention; unknown input becomes `help`. Two-word commands
 * may be written with a space or a dash: `forget me`, `forget-me`, `mijn gegevens`.
 */
export function parseCommand(text: string): ParsedCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first, second, ...rest] = words;
  if (!first) return { verb: 'help', args: [] };
  const twoWords = second === undefined ? undefined : verbOf(`${first}-${second}`);
  if (twoWords) return { verb: twoWords, args: rest };
  const verb = verbOf(first);
  return verb ? { verb, args: words.slice(1) } : { verb: 'help', args: [], unknown: first };
}
