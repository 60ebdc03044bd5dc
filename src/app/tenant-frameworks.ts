/**
 * A workspace's own frameworks beside the built-in ones: brought in by an admin (chat or CLI), stored for that
 * workspace only, each upload with the same id a new revision, retired by an admin. A workspace framework with a
 * built-in's id is the workspace's version of it. Open rounds keep the snapshot they took when they opened.
 */
import { isDeepStrictEqual } from 'node:util';
import { SpiegelError } from '../domain/errors.js';
import type { Framework } from '../domain/framework.js';
import { diffFrameworks, isUnchanged, type FrameworkDiff } from '../domain/framework-diff.js';
import { parseFrameworkText } from '../domain/framework-loading.js';
import type { JobKind, NewJob } from '../domain/scheduling.js';
import type { AddedFramework, FrameworkEntry } from '../domain/workspace-framework.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import {
  FrameworkCatalogue,
  frameworkFormatOf,
  fileTypeProblem,
  MAX_FRAMEWORK_FILE_BYTES,
  stripBom,
  tooLarge,
} from './framework-catalogue.js';
import type { StoredFramework } from './framework-ports.js';

/** Uploads racing for the same revision: after this many lost inserts the upload is refused. */
const MAX_REVISION_TRIES = 5;

export const frameworkNewsKind = 'framework-news' satisfies JobKind;

/** Only admins bring in or retire a workspace's frameworks; chat checks it before downloading a file. */
export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw new SpiegelError('permission.adminOnly', `${actor.userId} is not an admin`);
}

/** The frameworks the tenant can use, sorted by id: the built-ins, overlaid by the workspace's own that are not retired. */
export async function workspaceFrameworks(ctx: AppContext, tenantId: string): Promise<FrameworkEntry[]> {
  const own = (await ctx.stores.tenantFrameworks.latest(tenantId)).filter((s) => s.retiredAt === null);
  const byId = new Map<string, FrameworkEntry>(
    ctx.frameworks.list().map((f) => [f.id, { framework: f, origin: 'built-in', revision: null, source: null }]),
  );
  for (const stored of own)
    byId.set(stored.frameworkId, { framework: stored.framework, origin: 'workspace', revision: stored.revision, source: stored.source });
  return [...byId.values()].sort((a, b) => (a.framework.id < b.framework.id ? -1 : 1));
}

/** The frameworks a member of the tenant can choose from (start and schedule forms, `frameworks`). */
export async function frameworkChoices(ctx: AppContext, actor: Pick<Actor, 'tenantId'>): Promise<Framework[]> {
  return (await workspaceFrameworks(ctx, actor.tenantId)).map((e) => e.framework);
}

/** The tenant's frameworks as a catalogue: what opening a round, a trend or a comparison looks frameworks up in. */
export async function frameworksOf(ctx: AppContext, tenantId: string): Promise<FrameworkCatalogue> {
  return new FrameworkCatalogue((await workspaceFrameworks(ctx, tenantId)).map((e) => e.framework));
}

/** One framework of the tenant, as `frameworks show` presents it. */
export async function describeFramework(ctx: AppContext, actor: Actor, frameworkId: string): Promise<FrameworkEntry> {
  const entries = await workspaceFrameworks(ctx, actor.tenantId);
  const entry = entries.find((e) => e.framework.id === frameworkId);
  if (!entry) {
    const known = entries.map((e) => e.framework.id);
    throw new SpiegelError('framework.unknown', `unknown framework ${frameworkId}`, { id: frameworkId, known });
  }
  return entry;
}

export interface FrameworkUpload {
  /** The file name: its extension says YAML or JSON, and problems name it. */
  name: string;
  text: string;
}

/** Parses an upload: the size first, then the format from the file name, then the framework rules. */
export function parseUpload(upload: FrameworkUpload): Framework {
  const size = Buffer.byteLength(upload.text, 'utf8');
  if (size > MAX_FRAMEWORK_FILE_BYTES) throw tooLarge(upload.name, size);
  const format = frameworkFormatOf(upload.name);
  if (!format) throw fileTypeProblem(upload.name);
  return parseFrameworkText(stripBom(upload.text), upload.name, format);
}

/** What the workspace used under this id before revision `revision`: its previous revision, else the built-in. */
async function previousOf(ctx: AppContext, tenantId: string, frameworkId: string, revision: number): Promise<Framework | null> {
  if (revision > 1) return (await ctx.stores.tenantFrameworks.get(tenantId, frameworkId, revision - 1))?.framework ?? null;
  return ctx.frameworks.list().find((f) => f.id === frameworkId) ?? null;
}

/** What changed in revision `revision` against what the workspace used before; null for a framework new to it. */
export async function revisionDiff(ctx: AppContext, stored: StoredFramework): Promise<FrameworkDiff | null> {
  const previous = await previousOf(ctx, stored.tenantId, stored.frameworkId, stored.revision);
  return previous ? diffFrameworks(previous, stored.framework) : null;
}

/**
 * Stores an admin's framework file for the workspace as the framework's next revision. The revision is claimed
 * by inserting it: of two uploads at once, one becomes revision n and the other n + 1. When criteria changed
 * against what the workspace used before, the members are told once (the job `framework-news:<tenant>:<id>:v<n>`).
 */
export async function addFramework(ctx: AppContext, actor: Actor, upload: FrameworkUpload): Promise<AddedFramework> {
  requireAdmin(actor);
  const framework = parseUpload(upload);
  const store = ctx.stores.tenantFrameworks;
  const current = (await store.latest(actor.tenantId)).find((s) => s.frameworkId === framework.id);
  if (current?.retiredAt === null && isDeepStrictEqual(current.framework, framework)) {
    return { state: 'unchanged', framework, revision: current.revision };
  }
  const now = ctx.clock.now();
  let revision = (current?.revision ?? 0) + 1;
  for (let tries = 1; ; tries++, revision++) {
    const stored: StoredFramework = {
      tenantId: actor.tenantId,
      frameworkId: framework.id,
      revision,
      framework,
      source: upload.name,
      addedBy: actor.userId,
      addedAt: now,
      retiredAt: null,
    };
    if (await store.insert(stored)) {
      const diff = await revisionDiff(ctx, stored);
      if (diff && !isUnchanged(diff)) await ctx.stores.jobs.enqueueOnce(newsJob(actor.tenantId, framework.id, revision, now), now);
      return { state: 'added', framework, revision, diff };
    }
    if (tries >= MAX_REVISION_TRIES)
      throw new SpiegelError('framework.busy', `framework ${framework.id}: ${tries} uploads raced for its next revision`);
  }
}

function newsJob(tenantId: string, frameworkId: string, revision: number, now: Date): NewJob {
  return {
    id: `${frameworkNewsKind}:${tenantId}:${frameworkId}:v${revision}`,
    kind: frameworkNewsKind,
    tenantId,
    roundId: null,
    recurrenceId: null,
    slot: `${frameworkId}:v${revision}`,
    runAt: now,
  };
}

/** The stored revision a news job is about (its slot is `<framework>:v<revision>`). */
export async function revisionOfNewsJob(ctx: AppContext, tenantId: string, slot: string): Promise<StoredFramework | null> {
  const match = /^(.+):v(\d+)$/.exec(slot);
  if (!match) return null;
  return ctx.stores.tenantFrameworks.get(tenantId, match[1]!, Number(match[2]));
}

/** Retires the workspace's own framework: new rounds can no longer use it; open rounds keep their snapshot. */
export async function retireFramework(ctx: AppContext, actor: Actor, frameworkId: string): Promise<StoredFramework> {
  requireAdmin(actor);
  const current = (await ctx.stores.tenantFrameworks.latest(actor.tenantId)).find((s) => s.frameworkId === frameworkId);
  if (current?.retiredAt !== null) {
    if (ctx.frameworks.list().some((f) => f.id === frameworkId)) {
      throw new SpiegelError('framework.builtIn', `${frameworkId} is built in`, { id: frameworkId });
    }
    throw new SpiegelError('framework.unknown', `no framework ${frameworkId} of the workspace`, { id: frameworkId });
  }
  const at = ctx.clock.now();
  await ctx.stores.tenantFrameworks.retire(actor.tenantId, frameworkId, current.revision, at);
  return { ...current, retiredAt: at };
}

/** Who hears of a framework's new version: every member who takes part in one of the workspace's rounds (the latest 500). */
export async function workspaceMembers(ctx: AppContext, tenantId: string): Promise<string[]> {
  const rounds = await ctx.stores.rounds.list(tenantId, { limit: 500 });
  return [...new Set(rounds.flatMap((r) => r.participants))].sort();
}
