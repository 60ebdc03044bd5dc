/** Building the embedded FerretDB (tools/ferretdb, a small Go module of ours) once, cached under <dataDir>/bin/. */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './child-process.js';
import { lastLines } from './failure-text.js';
import { isExecutable } from './files.js';

export const FERRETDB_VERSION = '1.24.2';

export type BinaryResult = { path: string } | { problem: string };

const SOURCE_FILES = ['go.mod', 'go.sum', 'main.go'] as const;

function findFerretdbSource(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'tools', 'ferretdb');
    if (existsSync(path.join(candidate, 'go.mod')) && existsSync(path.join(candidate, 'main.go'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function findGo(): Promise<string | undefined> {
  const exe = process.platform === 'win32' ? 'go.exe' : 'go';
  const candidates = [
    ...(process.env.PATH ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, exe)),
    ...(process.env.GOROOT ? [path.join(process.env.GOROOT, 'bin', exe)] : []),
    '/usr/local/go/bin/go',
    '/usr/lib/go/bin/go',
    path.join(os.homedir(), 'go', 'bin', exe),
  ];
  for (const candidate of candidates) {
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** The cached binary for the current source, built first when missing; or why it cannot be built. */
export async function ensureFerretdbBinary(dataDir: string, log: (line: string) => void): Promise<BinaryResult> {
  const source = findFerretdbSource();
  if (!source) return { problem: 'its Go source, tools/ferretdb, was not found' };

  const hash = createHash('sha256');
  for (const file of SOURCE_FILES) {
    hash.update(`${file}\0`);
    hash.update(await fs.readFile(path.join(source, file)));
    hash.update('\0');
  }
  hash.update(`${process.platform}-${process.arch}`);
  const key = hash.digest('hex').slice(0, 16);
  const binDir = path.join(dataDir, 'bin');
  const binary = path.join(binDir, `ferretdb-${key}${process.platform === 'win32' ? '.exe' : ''}`);
  if (await isExecutable(binary)) return { path: binary };

  const go = await findGo();
  if (!go) return { problem: 'Go is not installed (no `go` on PATH or in /usr/local/go/bin)' };

  await fs.mkdir(binDir, { recursive: true });
  // Build to a private temp name, then rename: concurrent builders never see a half-written binary.
  const temp = `${binary}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const goflags = (process.env.GOFLAGS ?? '')
    .split(/\s+/)
    .filter((flag) => flag && !flag.startsWith('-mod=') && !flag.startsWith('-buildvcs'))
    .concat(['-mod=readonly', '-buildvcs=false'])
    .join(' ');
  log(`database: building the embedded FerretDB ${FERRETDB_VERSION} with ${go} (once; 2–4 minutes on a cold Go cache)…`);
  const started = Date.now();
  const result = await runCommand(go, ['build', '-trimpath', '-ldflags=-s -w', '-o', temp, '.'], {
    cwd: source,
    env: { ...process.env, GOFLAGS: goflags, CGO_ENABLED: '0' },
  });
  if (result.code !== 0) {
    await fs.rm(temp, { force: true });
    return { problem: `go build failed (exit ${result.code}): ${lastLines(result.output, 8)}` };
  }
  await fs.rename(temp, binary);
  log(`database: built FerretDB in ${((Date.now() - started) / 1000).toFixed(0)} s, cached as ${binary}`);

  // Old builds (other source hashes) are dead weight; a running one keeps working after unlink.
  for (const entry of await fs.readdir(binDir).catch(() => [] as string[])) {
    if (/^ferretdb-[0-9a-f]{16}(\.exe)?$/.test(entry) && path.join(binDir, entry) !== binary) {
      await fs.rm(path.join(binDir, entry), { force: true }).catch(() => {});
    }
  }
  return { path: binary };
}
