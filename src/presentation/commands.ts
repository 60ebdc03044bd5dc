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
  'schedule',
] as const;

/** The reflection method's commands: in chat and in help, not in the Teams manifest's list (it holds at most 10). */
export const methodVerbs = ['units', 'unit', 'compare'] as const;

export const allVerbs = [...commandVerbs, ...methodVerbs] as const;
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
  plan: 'schedule',
  eenheden: 'units',
  eenheid: 'unit',
  vergelijk: 'compare',
};

export interface ParsedCommand {
  verb: CommandVerb;
  args: string[];
  /** The word that was not understood, when the help text is shown for it. */
  unknown?: string;
}

/** Parses the text after `/reflect` or after an @mention; unknown input becomes `help`. */
export function parseCommand(text: string): ParsedCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first, ...args] = words;
  if (!first) return { verb: 'help', args: [] };
  const word = first.toLowerCase();
  const verb = (allVerbs as readonly string[]).includes(word) ? (word as CommandVerb) : aliases[word];
  return verb ? { verb, args } : { verb: 'help', args: [], unknown: first };
}
