/**
 * What the Slack adapter needs stored beyond the core's stores. Narrow on purpose: implemented in
 * src/storage/mongo (slack-installation-store.ts, slack-workspace-store.ts) and wired in src/main.ts.
 */
import type { Locale } from '../../domain/framework.js';

/** One OAuth installation, sealed (encrypted) by the adapter: the store never sees a token. */
export interface SealedInstallation {
  /** `team:<T…>` or `enterprise:<E…>`. */
  key: string;
  teamId: string | null;
  enterpriseId: string | null;
  sealed: string;
}

export interface SlackInstallationRecords {
  put(installation: SealedInstallation, at: Date): Promise<void>;
  /** The sealed installation, or null when the workspace never installed the app (or uninstalled it). */
  get(key: string): Promise<string | null>;
  delete(key: string): Promise<void>;
}

/** Per-workspace preferences that admins set in the App Home. */
export interface SlackWorkspaceSettings {
  getDefaultLocale(teamId: string): Promise<Locale | null>;
}
