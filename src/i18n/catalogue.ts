import { anonymityMessages } from './messages/anonymity.js';
import { chartMessages } from './messages/charts.js';
import { cliMessages } from './messages/cli.js';
import { coordinationMessages } from './messages/coordination.js';
import { coreMessages } from './messages/core.js';
import { frameworkMessages } from './messages/frameworks.js';
import { delphiMessages } from './messages/delphi.js';
import { perspectiveViewMessages } from './messages/perspective-views.js';
import { inboundMessages } from './messages/inbound.js';
import { intervisionMessages } from './messages/intervision.js';
import { mediationMessages } from './messages/mediation.js';
import { methodMessages } from './messages/method.js';
import { lifecycleMessages } from './messages/lifecycle.js';
import { roundManagementMessages } from './messages/round-management.js';
import { schedulingMessages } from './messages/scheduling.js';
import { slackMessages } from './messages/slack.js';
import { teamsMessages } from './messages/teams.js';

interface Tree {
  [key: string]: string | Tree;
}
export interface MessageModule {
  en: Tree;
  nl: Tree;
}

const modules: MessageModule[] = [
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
  frameworkMessages,
  roundManagementMessages,
  delphiMessages,
  intervisionMessages,
  perspectiveViewMessages,
];

/** Merges message trees; a feature module may add keys inside another module's groups (e.g. `errors`, `slack.help`). */
function merge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
  }
  return into;
}

/** Every user-facing string, in English and Dutch; each platform or feature contributes its own module. */
export const catalogue: MessageModule = {
  en: modules.reduce<Tree>((tree, m) => merge(tree, m.en), {}),
  nl: modules.reduce<Tree>((tree, m) => merge(tree, m.nl), {}),
};
