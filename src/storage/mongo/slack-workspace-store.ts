import type { Collection, Db } from 'mongodb';
import { localeSchema, type Locale } from '../../domain/framework.js';

interface WorkspaceDocument {
  /** The Slack team id. */
  _id: string;
  defaultLocale: Locale;
  updatedAt: Date;
}

/** The default language an admin chose in the App Home before it moved to the workspace settings; read as a fallback. */
export class MongoSlackWorkspaceStore {
  private readonly workspaces: Collection<WorkspaceDocument>;

  constructor(db: Db) {
    this.workspaces = db.collection<WorkspaceDocument>('slack_workspaces');
  }

  async getDefaultLocale(teamId: string): Promise<Locale | null> {
    const doc = await this.workspaces.findOne({ _id: teamId });
    const parsed = localeSchema.safeParse(doc?.defaultLocale);
    return parsed.success ? parsed.data : null;
  }
}
