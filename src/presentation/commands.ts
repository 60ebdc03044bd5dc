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
  'settings',
] as const;
export type CommandVerb = (typeof commandVerbs)[number];

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
  instellingen: 'settings',
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
  const verb = (commandVerbs as readonly string[]).includes(word) ? (word as CommandVerb) : aliases[word];
  return verb ? { verb, args } : { verb: 'help', args: [], unknown: first };
}
