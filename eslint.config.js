import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import direction (docs/architecture.md): domain ← usecases ← server/cli; db only from usecases; web only from contracts. */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'data', '.test-data', 'coverage', 'src/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'path', 'crypto', 'util', 'buffer', 'os', 'child_process'].map((name) => ({
            name,
            message: 'src/domain is pure and runs in the browser: no Node modules.',
          })),
          patterns: [
            { group: ['node:*'], message: 'src/domain is pure and runs in the browser: no Node modules.' },
            { group: ['**/usecases/**', '**/db/**', '**/server/**', '**/cli/**', '**/config.ts'], message: 'src/domain depends on nothing else in src/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/usecases/**/*.ts'],
    rules: restrict([{ group: ['**/server/**', '**/cli/**'], message: 'usecases must not depend on the HTTP server or the CLI.' }]),
  },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/server/main.ts', 'src/cli/main.ts'],
    rules: restrict([{ group: ['**/db/schema.ts'], message: 'server and CLI reach the database through usecases.' }]),
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([
      { group: ['**/src/domain/**', '**/src/usecases/**', '**/src/db/**', '**/src/server/**', '**/src/cli/**'], message: 'web imports only from src/contracts.' },
    ]),
  },
);
