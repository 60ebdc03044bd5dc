import { cliMessages } from './messages/cli.js';
import { coordinationMessages } from './messages/coordination.js';
import { coreMessages } from './messages/core.js';
import { lifecycleMessages } from './messages/lifecycle.js';
import { schedulingMessages } from './messages/scheduling.js';
import { slackMessages } from './messages/slack.js';
import { teamsMessages } from './messages/teams.js';

type Tree = { [key: string]: string | Tree };
export interface MessageModule {
  en: Tree;
  nl: Tree;
}

const modules: MessageModule[] = [
  coreMessages,
  cliMessages,
  slackMessages,
  schedulingMessages,
  teamsMessages,
  lifecycleMessages,
  coordinationMessages,
];

/** Every user-facing string, in English and Dutch; each platform or feature contributes its own module. */
export const catalogue: MessageModule = {
  en: Object.assign({}, ...modules.map((m) => m.en)) as Tree,
  nl: Object.assign({}, ...modules.map((m) => m.nl)) as Tree,
};
