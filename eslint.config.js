// ESLint flat config: typescript-eslint's strict, type-checked and stylistic rules over src, test and bench.
// Formatting belongs to Prettier and the layer arrows to dependency-cruiser (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.data/', 'test-artifacts/', 'tools/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers and booleans print the same everywhere; objects and unions with undefined stay forbidden.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // Empty text means "not given" throughout (form fields, names): `||` is the intended test for strings.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // Destructuring a field away to drop it (`{ _id, ...rest }`) is how documents become domain objects.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      // noUncheckedIndexedAccess types every in-bounds index as `T | undefined`; `!` marks the proven ones.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Deliberate no-ops (a rejection already logged elsewhere, a silent SDK logger method) read best as `() => {}`.
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  {
    files: ['src/platforms/**', 'src/http/**'],
    rules: {
      // Adapters reach data through the use cases in src/app, which check tenant and role (docs/architecture.md).
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='stores']", message: 'Adapters go through a use case in src/app, not ctx.stores.' },
      ],
    },
  },
  {
    files: ['src/platforms/teams/**'],
    rules: {
      // botbuilder types every Activity field as present; inbound activities do not guarantee that.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // botbuilder's credential factories implement (not extend) the abstract class TeamsAdapter asks for.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    files: ['src/presentation/charts/**'],
    rules: {
      // vega-lite's `title` is `string | TitleParams`: its `anchor` key is taken for String.prototype.anchor.
      '@typescript-eslint/no-deprecated': 'off',
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      // Stand-ins implement async ports with synchronous bodies.
      '@typescript-eslint/require-await': 'off',
      // vitest's asymmetric matchers (expect.any, expect.stringContaining, …) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // Fixtures set in beforeAll are typed as present, but are missing in afterAll when the setup failed.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly' } },
    // CommonJS files (a --require preload, the dependency-cruiser config) load modules with require().
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
