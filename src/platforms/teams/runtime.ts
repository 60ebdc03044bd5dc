/** What every Teams handler needs, built once in mountTeams. */
import type { AppContext } from '../../app/context.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { RoundProgressDebouncer } from '../../app/round-progress-debounce.js';
import type { TeamsDirectory } from './directory.js';
import type { InstallationTracker } from './installation.js';
import type { TeamsMessenger } from './messenger.js';
import type { TeamsConversationStore } from '../../app/teams-conversation-ports.js';
import type { RoundMessages } from './round-messages.js';

export interface TeamsRuntime {
  ctx: AppContext;
  config: Config;
  logger: Logger;
  store: TeamsConversationStore;
  directory: TeamsDirectory;
  messenger: TeamsMessenger;
  rounds: RoundMessages;
  progress: RoundProgressDebouncer;
  installations: InstallationTracker;
  /** Resolves when a Save has waited as long as Teams waits for its invoke response (see answer-flow.ts). */
  saveWindow(): Promise<void>;
}
