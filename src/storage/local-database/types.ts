export type LocalDatabaseKind = 'mongodb-memory-server' | 'ferretdb-sqlite' | 'ferretdb-postgresql' | 'external';

export interface LocalDatabase {
  uri: string;
  kind: LocalDatabaseKind;
  /** One human-readable line: which database, where. */
  description: string;
  /** FerretDB on PostgreSQL: the PostgreSQL database it keeps its data in, and that installation's psql. */
  postgresql?: { url: string; psql: string };
  stop(): Promise<void>;
}

export interface LocalDatabaseOptions {
  /** Where caches and data live, e.g. `<repo>/.data`. */
  dataDir: string;
  /** Receives the one announcement line (and a build notice). Default: console.error. */
  log?: (line: string) => void;
  /** Keep the data across restarts (`npm start`); default false: a fresh database deleted on stop. */
  persistent?: boolean;
}

export interface DatabaseEnv {
  MONGODB_URI?: string | undefined;
}
