import type { Collection, Db } from 'mongodb';
import { z } from 'zod';

interface InstallationDocument {
  /** `team:<T…>` or `enterprise:<E…>`. */
  _id: string;
  teamId: string | null;
  enterpriseId: string | null;
  /** The installation, encrypted by the Slack adapter: this collection never holds a token in clear. */
  sealed: string;
  updatedAt: Date;
}

const sealedSchema = z.object({ sealed: z.string() });

/** Slack OAuth installations, one document per workspace (or Enterprise Grid organisation). */
export class MongoSlackInstallationStore {
  private readonly installations: Collection<InstallationDocument>;

  constructor(db: Db) {
    this.installations = db.collection<InstallationDocument>('slack_installations');
  }

  async put(installation: { key: string; teamId: string | null; enterpriseId: string | null; sealed: string }, at: Date): Promise<void> {
    const { key, teamId, enterpriseId, sealed } = installation;
    await this.installations.replaceOne({ _id: key }, { teamId, enterpriseId, sealed, updatedAt: at }, { upsert: true });
  }

  async get(key: string): Promise<string | null> {
    const doc = await this.installations.findOne({ _id: key }, { projection: { sealed: 1 } });
    return doc ? sealedSchema.parse(doc).sealed : null;
  }

  async delete(key: string): Promise<void> {
    await this.installations.deleteOne({ _id: key });
  }
}
