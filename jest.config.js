// Nest 12 ships ESM-only packages; @swc/jest compiles them (and our TypeScript) to CommonJS.
const esmPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  '@contentauth',
];

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  // file-type exports only `import` and `module-sync` (which Node 20.19's require(esm) uses) and
  // jest resolves neither: point it at the file Node's own require resolves.
  moduleNameMapper: { '^file-type$': require.resolve('file-type') },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: [
        '<rootDir>/server',
        '<rootDir>/shared',
        '<rootDir>/test/support',
        '<rootDir>/test/lint',
      ],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e-spec.ts'],
      setupFiles: ['reflect-metadata'],
      // Project-level testTimeout is ignored by jest; set it per suite here.
      setupFilesAfterEnv: ['<rootDir>/test/support/slow-tests.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      roots: ['<rootDir>/test/browser'],
      testMatch: ['**/*.browser-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/browser/support/browser-tests.ts'],
    },
  ],
};
