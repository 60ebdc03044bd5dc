import { invariant } from '../domain/invariant.js';
import { anonymityMessages } from './messages/anonymity.js';
import { chartMessages } from './messages/charts.js';
import { cliMessages } from './messages/cli.js';
import { coordinationMessages } from './messages/coordination.js';
import { coreMessages } from './messages/core.js';
import { frameworkMessages } from './messages/frameworks.js';
import { delphiMessages } from './messages/delphi.js';
import { perspectiveViewMessages } from './messages/perspective-views.js';
import { inboundMessages } from './messages/inbound.js';
import { inputProblemMessages } from './messages/input-problems.js';
import { intervisionMessages } from './messages/intervision.js';
import { mediationMessages } from './messages/mediation.js';
import { openQuestionMessages } from './messages/open-questions.js';
import { participantInvitationMessages } from './messages/participant-invitations.js';
import { methodMessages } from './messages/method.js';
import { lifecycleMessages } from './messages/lifecycle.js';
import { roundManagementMessages } from './messages/round-management.js';
import { schedulingMessages } from './messages/scheduling.js';
import { slackMessages } from './messages/slack.js';
import { systemErrorMessages } from './messages/system-errors.js';
import { teamsMessages } from './messages/teams.js';

interface Tree {
  [key: string]: string | Tree;
}
export interface MessageModule {
  en: Tree;
  nl: Tree;
}

const modules = [
  anonymityMessages,
  coreMessages,
  cliMessages,
  slackMessages,
  schedulingMessages,
  teamsMessages,
  lifecycleMessages,
  chartMessages,
  coordinationMessages,
  mediationMessages,
  methodMessages,
  inboundMessages,
  inputProblemMessages,
  systemErrorMessages,
  frameworkMessages,
  roundManagementMessages,
  delphiMessages,
  intervisionMessages,
  perspectiveViewMessages,
  openQuestionMessages,
  participantInvitationMessages,
] as const satisfies readonly MessageModule[];

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & (string | number)]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & (string | number)];
type EachModule<T> = T extends MessageModule ? Leaves<T['en']> : never;
/** A plural's keys (`progress_one`, `progress_other`) are asked for by their stem, with `count`. */
type PluralStem<K> = K extends `${infer Stem}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Stem | K : K;

/** Every key of the catalogue: a key that is not in it (misspelt, removed) fails type-checking where it is used. */
export type MessageKey = PluralStem<EachModule<(typeof modules)[number]>>;

/**
 * Merges message trees; a feature module may add keys inside another module's groups (e.g. `errors`,
 * `slack.help`), but never define a key another module defines: a clash throws at start-up, naming the key.
 */
function merge(into: Tree, from: Tree, path: string[] = []): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (existing === undefined) into[key] = value;
    else if (typeof value === 'object' && typeof existing === 'object') into[key] = merge({ ...existing }, value, [...path, key]);
    else invariant(false, `message key "${[...path, key].join('.')}" is defined by two message modules`);
  }
  return into;
}

/** The modules' trees merged into one per language; exported for the clash test. */
export function mergeMessageModules(parts: readonly MessageModule[]): MessageModule {
  return {
    en: parts.reduce<Tree>((tree, m) => merge(tree, m.en), {}),
    nl: parts.reduce<Tree>((tree, m) => merge(tree, m.nl), {}),
  };
}

/** Every user-facing string, in English and Dutch; each platform or feature contributes its own module. */
export const catalogue: MessageModule = mergeMessageModules(modules);
