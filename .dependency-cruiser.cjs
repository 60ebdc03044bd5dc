/**
 * Layer rules (docs/architecture.md): which folders of src may import which. `npm run lint` runs them;
 * test/architecture/layers.test.ts proves that a violation fails.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports nothing of ours outside the domain.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'app-imports-only-domain',
      comment: 'Use cases and ports build on the domain only: no storage, scheduling, platforms, texts.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/', pathNot: '^src/(app|domain)/' },
    },
    {
      name: 'presentation-imports-domain-and-i18n',
      comment: 'Platform-neutral texts and views read the domain and the catalogue, nothing else.',
      severity: 'error',
      from: { path: '^src/presentation/' },
      to: { path: '^src/', pathNot: '^src/(presentation|domain|i18n)/' },
    },
    {
      name: 'platforms-never-import-storage',
      comment: 'Adapters reach data through use cases in src/app, never through the database.',
      severity: 'error',
      from: { path: '^src/platforms/' },
      to: { path: '^src/storage/' },
    },
    {
      name: 'storage-never-imports-platforms',
      comment: 'Storage implements ports of src/app; an adapter’s own port lives there too, so the arrow never points at an adapter.',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: '^src/platforms/' },
    },
    {
      name: 'slack-and-teams-stay-apart',
      comment: 'The two chat adapters mirror each other; what they share lives in presentation or app.',
      severity: 'error',
      from: { path: '^src/platforms/(slack|teams)/' },
      to: { path: '^src/platforms/(slack|teams)/', pathNot: '^src/platforms/$1/' },
    },
    {
      name: 'nothing-imports-main',
      comment: 'src/main.ts wires everything; nothing depends on it.',
      severity: 'error',
      from: {},
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'nothing-imports-the-cli',
      comment: 'The CLI is an entry point like main.ts: only the CLI itself imports its modules.',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-cycles',
      comment: 'Modules import each other in one direction only.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
    cache: false,
  },
};
