/** Synchronous clean-ups that run when this process exits; one 'exit' listener, installed on first use. */
const cleanups = new Set<() => void>();

export function onProcessExit(cleanup: () => void): void {
  if (cleanups.size === 0) {
    process.once('exit', () => {
      for (const run of cleanups) run();
    });
  }
  cleanups.add(cleanup);
}
