import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import direction (docs/architecture.md): domain ← usecases ← server/cli; db only from usecases; web only from contracts,
 * except the pure draw core (src/domain/draw, crypto, canonical-json) through the `@domain/*` alias.
 */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const NODE_MODULES = ['fs', 'path', 'crypto', 'util', 'buffer', 'os', 'child_process'].map((name) => ({
  name,
  message: 'src/domain is pure and runs in the browser: no Node modules.',
}));
const DOMAIN_PATTERNS = [
  { group: ['node:*'], message: 'src/domain is pure and runs in the browser: no Node modules.' },
  { group: ['**/usecases/**', '**/db/**', '**/server/**', '**/cli/**', '**/demo/**', '**/config.ts'], message: 'src/domain depends on nothing else in src/.' },
];
/**
 * The pure draw core (src/domain/draw, crypto, canonical-json.ts) is imported by the web (through `@domain/*`) to verify
 * a draw and compute commitments in the browser, so it imports nothing outside itself: `outside` matches such a path.
 */
const drawCoreRule = (outside) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: NODE_MODULES,
      patterns: [...DOMAIN_PATTERNS, { regex: outside, message: 'the draw core runs in the browser: it imports only src/domain/draw, crypto and canonical-json.ts.' }],
    },
  ],
});

/** What the web may import from outside web/: src/contracts, and the pure draw core through @domain/. */
const WEB_PATTERNS = [
  { group: ['**/src/domain/**', '**/src/usecases/**', '**/src/db/**', '**/src/server/**', '**/src/cli/**', '**/src/demo/**'], message: 'web imports only from src/contracts (and the draw core through @domain/).' },
  // The one exception: the portal verifies a draw in the browser ("在浏览器中验证") and an observer's commitment is
  // computed there, with the very code the server runs. The draw core imports only these three (no Node modules).
  {
    regex: String.raw`^@domain/(?!(?:draw|crypto)/(?!.*\.\.)|canonical-json\.ts$)`,
    message: 'web may import from src/domain only the pure draw core: @domain/draw/*, @domain/crypto/*, @domain/canonical-json.ts.',
  },
];
const audience = (name) => ({
  group: [`**/${name}/**`],
  message: `web/src/${name} is one audience's app: put what two audiences share in web/src/shared (or components, hooks, lib).`,
});
const USECASE_NOT_SHELL = { group: ['**/server/**', '**/cli/**'], message: 'usecases must not depend on the HTTP server or the CLI.' };
const NOT_ADMIN = audience('admin');
const NOT_PORTAL = audience('portal');
const NOT_FIELD = audience('field');

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'data', '.test-data', 'coverage', 'src/db/migrations', '.tmp-exp'] },
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
    rules: { 'no-restricted-imports': ['error', { paths: NODE_MODULES, patterns: DOMAIN_PATTERNS }] },
  },
  {
    // The draw core is what the web may import (see the web block below): it stays closed over itself.
    files: ['src/domain/draw/**/*.ts', 'src/domain/crypto/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: drawCoreRule(String.raw`^\.\./(?!crypto/|canonical-json\.ts$)|.\/\.\.\/`),
  },
  { files: ['src/domain/canonical-json.ts'], rules: drawCoreRule(String.raw`^\.`) },
  {
    // Demo data (generators and their PRNG) is pure like the domain, but it is not a rule: nothing in src/domain uses it.
    files: ['src/demo/**/*.ts'],
    ignores: ['src/demo/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_MODULES,
          patterns: [
            { group: ['node:*'], message: 'src/demo is pure: no Node modules.' },
            { group: ['**/usecases/**', '**/db/**', '**/server/**', '**/cli/**', '**/config.ts'], message: 'src/demo depends only on src/domain.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/usecases/**/*.ts'],
    rules: restrict([USECASE_NOT_SHELL]),
  },
  {
    // Every drizzle statement lives in src/db (decision 0019): a use case calls named query functions.
    files: ['src/usecases/**/*.ts'],
    ignores: ['src/usecases/**/*.test.ts'],
    rules: restrict([
      USECASE_NOT_SHELL,
      { group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema.ts'], message: 'drizzle code lives in src/db/*-queries.ts: call a query function (decision 0019).' },
    ]),
  },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/server/main.ts', 'src/cli/main.ts'],
    rules: restrict([{ group: ['**/db/schema.ts'], message: 'server and CLI reach the database through usecases.' }]),
  },
  { files: ['web/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } }, rules: restrict(WEB_PATTERNS) },
  // The web is laid out by audience (decision 0017): admin, portal and field never import one another; what two of
  // them share lives in web/src/shared (or components, hooks, lib, api, session), which imports none of them.
  { files: ['web/src/admin/**/*.{ts,tsx}'], rules: restrict([...WEB_PATTERNS, NOT_PORTAL, NOT_FIELD]) },
  { files: ['web/src/portal/**/*.{ts,tsx}'], rules: restrict([...WEB_PATTERNS, NOT_ADMIN, NOT_FIELD]) },
  { files: ['web/src/field/**/*.{ts,tsx}'], rules: restrict([...WEB_PATTERNS, NOT_ADMIN, NOT_PORTAL]) },
  {
    files: ['web/src/{shared,components,hooks,lib,api,session}/**/*.{ts,tsx}'],
    rules: restrict([...WEB_PATTERNS, NOT_ADMIN, NOT_PORTAL, NOT_FIELD]),
  },
);
