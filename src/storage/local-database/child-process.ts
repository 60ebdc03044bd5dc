/**
 * Child processes with no orphans: each is stopped by stop(), on process exit, and — because each one
 * watches its stdin pipe — even when this process is killed outright.
 */
import { SpiegelError } from '../../domain/errors.js';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { onProcessExit } from './exit-hook.js';
import { lastLines, oneLine } from './failure-text.js';

/** How long a database process may take to become ready. */
export const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface ManagedProcess {
  name: string;
  /** The child's process id (undefined when it could not be spawned). */
  readonly pid: number | undefined;
  readonly exited: boolean;
  tail(): string;
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Started: stop holding the event loop open (stop() and the exit hook still end it). */
  detach(): void;
  stop(signal: NodeJS.Signals): Promise<void>;
}

const liveChildren = new Set<ChildProcess>();

function killLiveChildren(): void {
  for (const child of liveChildren) {
    try {
      child.kill('SIGTERM');
    } catch {
      // already gone
    }
  }
}

export function spawnManaged(
  command: string,
  args: string[],
  options: { name: string; cwd?: string; uid?: number; gid?: number },
): ManagedProcess {
  onProcessExit(killLiveChildren);
  const child = spawn(command, args, {
    cwd: options.cwd,
    uid: options.uid,
    gid: options.gid,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  let exited = false;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      liveChildren.delete(child);
      resolve();
    });
    child.once('error', (error) => {
      spawnError = error;
      exited = true;
      liveChildren.delete(child);
      resolve();
    });
  });
  child.stdin.on('error', () => {});
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > 60) lines.shift();
        for (const listener of listeners) listener(line);
      }
    });
  }
  const handles = [child.stdin, child.stdout, child.stderr];
  const tail = (): string => (spawnError ? oneLine(spawnError) : lastLines(lines.join('\n'), 8)) || '(no output)';

  return {
    name: options.name,
    pid: child.pid,
    get exited() {
      return exited;
    },
    tail,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          finish(new SpiegelError('database.unavailable', `${options.name} not ready within ${timeoutMs} ms: ${tail()}`));
        }, timeoutMs);
        const onLine = (line: string): void => {
          const match = pattern.exec(line);
          if (match) finish(match);
        };
        const finish = (result: RegExpMatchArray | Error): void => {
          clearTimeout(timer);
          listeners.delete(onLine);
          if (result instanceof Error) reject(result);
          else resolve(result);
        };
        listeners.add(onLine);
        void exitPromise.then(() => {
          finish(new SpiegelError('database.unavailable', `${options.name} exited while starting: ${tail()}`));
        });
      });
    },
    detach() {
      child.unref();
      for (const handle of handles) if (handle instanceof net.Socket) handle.unref();
    },
    async stop(signal) {
      if (exited) return;
      child.ref();
      for (const handle of handles) if (handle instanceof net.Socket) handle.ref();
      child.stdin.end();
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to its end; never rejects: a failure is a non-zero code with the output. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { ...options, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (!error) {
        resolve({ code: 0, output });
        return;
      }
      const code = typeof error.code === 'number' ? error.code : -1;
      resolve({ code, output: output || oneLine(error) });
    });
  });
}
