/** Temp dirs that clean up after crashed owners: each holds its owner's pid, and a later run removes orphans. */
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { onProcessExit } from './exit-hook.js';
import { errorCode } from './failure-text.js';
import { readJsonFile } from './files.js';

const ownerSchema = z.object({ pid: z.number().int().positive(), createdAt: z.iso.datetime() });

const liveTempDirs = new Set<string>();

function removeLiveTempDirs(): void {
  for (const dir of liveTempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort; removeStaleTempDirs catches the rest next time
    }
  }
}

export async function makeOwnedTempDir(parent: string, prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(parent, prefix));
  liveTempDirs.add(dir);
  onProcessExit(removeLiveTempDirs);
  await fs.writeFile(path.join(dir, 'owner.json'), `${JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() })}\n`);
  return dir;
}

export async function removeTempDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  liveTempDirs.delete(dir);
}

/** Removes `<parent>/<prefix>*` dirs whose owning process is gone (killed before it could clean up). */
export async function removeStaleTempDirs(parent: string, prefix: string): Promise<void> {
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const dir = path.join(parent, entry);
    const owner = await readJsonFile(path.join(dir, 'owner.json'), ownerSchema);
    let stale: boolean;
    if (owner) {
      stale = !processAlive(owner.pid);
    } else {
      const stat = await fs.stat(dir).catch(() => undefined);
      stale = stat !== undefined && Date.now() - stat.mtimeMs > 10 * 60 * 1000;
    }
    if (stale) await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}
