/**
 * `npm run bench`: starts the bench database (MONGODB_URI when set; else FerretDB on a throw-away
 * PostgreSQL cluster when Debian's postgresql is installed; else the no-set-up database), names it,
 * and runs each benchmark in its own process against it. Figures are printed, never asserted.
 * Run one benchmark: `npm run bench -- core-summary`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBenchDatabase } from '../src/storage/local-database/index.js';

const all = ['core-summary', 'comparison', 'core-writes', 'ferretdb-indexes', 'slack-clicks', 'scheduler-drain', 'charts'];
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = (chosen.length > 0 ? chosen : all).filter((name) => existsSync(fileURLToPath(new URL(`./${name}.ts`, import.meta.url))));

const database = await startBenchDatabase(process.env, {
  dataDir: '.data',
  log: (line) => {
    console.log(line);
  },
});
console.log(`bench database: ${database.kind} — ${database.description}`);
let failed = 0;
try {
  for (const name of names) {
    console.log(`\n== ${name} ==`);
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./${name}.ts`, import.meta.url))], {
      stdio: 'inherit',
      env: {
        ...process.env,
        MONGODB_URI: database.uri,
        BENCH_DATABASE_KIND: database.kind,
        ...(database.postgresql ? { BENCH_POSTGRESQL_URL: database.postgresql.url, BENCH_PSQL: database.postgresql.psql } : {}),
      },
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) {
      failed++;
      console.log(`${name} exited with ${code}`);
    }
  }
} finally {
  await database.stop();
}
process.exitCode = failed > 0 ? 1 : 0;
