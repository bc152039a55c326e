import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';

/**
 * One zone per module under `modulesDir`: a module may import from another only its public
 * files (`*.service`, `*.module`, `*.errors`, `*.types`); everything else (entities,
 * repositories, mappers, domain rules, gateways' internals) stays inside. test/lint/ lints a
 * fixture with the same zones to prove they bite.
 */
export function moduleBoundaries(modulesDir) {
  const root = path.join(import.meta.dirname, modulesDir);
  const modules = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return modules.map((name) => ({
    target: `${modulesDir}/${name}/**`,
    from: `${root}/!(${name})/**`,
    except: [`${root}/*/*.{service,module,errors,types}.ts`],
    message: `Use the module's services (or its *.types/*.errors), not its internals: ${modulesDir}/${name} must not reach into another module (README, "Architecture").`,
  }));
}

const NO_PROCESS_ENV = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration through server/config (AppConfig), not process.env.',
};
const NO_NEW_DATE = {
  selector: "NewExpression[callee.name='Date'][arguments.length=0]",
  message: 'Read the time from Clock (server/common/clock.ts), not new Date().',
};

// `\x2F` is "/": the selector syntax has no escaped slash inside a regular expression.
const handTypedApiCalls = [
  {
    selector:
      "CallExpression:matches([callee.name='fetch'], [callee.property.name='fetch']):matches([arguments.0.value=/^\\x2Fapi/], [arguments.0.quasis.0.value.raw=/^\\x2Fapi/])",
    message:
      'Call the API through apiClient (lib/api-client.ts), so the compiler checks the call against the OpenAPI document.',
  },
  {
    selector: "NewExpression[callee.name='XMLHttpRequest']",
    message:
      'Upload through api.upload (lib/api-client.ts): typed, with the CSRF header and ApiError.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'client/dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'server/database/migrations/**',
      // Code that must fail lint, checked by test/lint/lint-rules.spec.ts.
      'test/lint/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Without these import-x resolves and parses no TypeScript import, and its rules (no-cycle)
      // silently pass: test/lint/lint-rules.spec.ts proves they bite.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'client/tsconfig.json', 'tsconfig.browser.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            ...moduleBoundaries('server/modules'),
            ...moduleBoundaries('test/lint/fixtures/modules'),
          ],
        },
      ],
      'no-restricted-syntax': ['error', NO_PROCESS_ENV],
    },
  },
  {
    // Services read the time from Clock. Only leases that other processes compare (scheduled
    // work, the render queues) read the machine's time.
    files: ['server/modules/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/testing/**',
      'server/modules/scheduling/scheduled-work.service.ts',
      'server/modules/drafts/draft-render-queue.service.ts',
      'server/modules/drafts/bullmq-render-queue.service.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', NO_PROCESS_ENV, NO_NEW_DATE] },
  },
  {
    // Boundaries: shared/ is used by both sides and imports neither; the client never imports the server.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/server/**', '**/client/**', '@nestjs/*', 'typeorm', 'react'] },
      ],
    },
  },
  {
    files: ['client/**/*.ts', 'client/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['**/server/**', '@nestjs/*', 'typeorm'] }],
    },
  },
  {
    // Entry points and test harnesses hand process.env to loadConfig; everything else gets AppConfig.
    files: [
      'server/main.ts',
      'server/start.ts',
      'server/threadpool.ts',
      'server/cli.ts',
      'server/database/data-source.ts',
      'test/**/*.ts',
      'bench/**',
      'scripts/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Browser journeys also run code in the page (DOM types): their own tsconfig.
    files: ['test/browser/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './tsconfig.browser.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Tests and their fakes may build another module's rows; the boundaries are for the product.
    files: ['**/*.spec.ts', 'server/**/testing/**'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // apiClient is the only way the product calls the API (tests and their fakes may call fetch).
    files: ['client/**/*.ts', 'client/**/*.tsx', 'test/lint/fixtures/client/**'],
    ignores: ['client/src/lib/api-client.ts', 'client/src/**/*.test.*', 'client/src/testing/**'],
    rules: { 'no-restricted-syntax': ['error', NO_PROCESS_ENV, ...handTypedApiCalls] },
  },
);
