/** What a workspace sees of a framework: built in, or its own revision of one it brought in. */
import type { Framework } from './framework.js';
import type { FrameworkDiff } from './framework-diff.js';

export interface FrameworkEntry {
  framework: Framework;
  /** `built-in`: shipped with Spiegel (or from the server's folder); `workspace`: brought in by the workspace. */
  origin: 'built-in' | 'workspace';
  /** The workspace's revision; null for a built-in. */
  revision: number | null;
  /** The file a workspace framework came from; null for a built-in. */
  source: string | null;
}

export type AddedFramework =
  /** Stored as a new revision; `diff` against what the workspace used before under this id (null: new to it). */
  | { state: 'added'; framework: Framework; revision: number; diff: FrameworkDiff | null }
  /** The same framework as the workspace's current revision: nothing stored. */
  | { state: 'unchanged'; framework: Framework; revision: number };
