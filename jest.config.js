// Jest runs our TypeScript as native ESM (NestJS 12, bpmn-moddle and feelin are ESM-only),
// transformed by swc: TypeScript 7's compiler has no JavaScript API for ts-jest.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@stageflow/api-contract$': '<rootDir>/libs/api-contract/src/index.ts',
    '^@stageflow/bpmn-runtime$': '<rootDir>/libs/bpmn-runtime/src/index.ts',
    '^@stageflow/package-folder$': '<rootDir>/libs/package-folder/src/index.ts',
    '^@stageflow/process-package$': '<rootDir>/libs/process-package/src/index.ts',
    '^@stageflow/postgres-server$': '<rootDir>/libs/postgres-server/src/index.ts',
    '^@stageflow/rules$': '<rootDir>/libs/rules/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  rootDir: '.',
};

export default {
  // A global option in jest 30 (ignored inside a project): generous, for a loaded 2-core CI machine.
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/*/src/**/*.spec.ts',
        '<rootDir>/apps/*/src/**/*.spec.ts',
        '<rootDir>/process-definitions/**/*.spec.ts',
        '<rootDir>/tools/*/src/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'api',
      testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts'],
      // One PostgreSQL for the whole API run (embedded, or TEST_DATABASE_URL); a fresh database per suite.
      globalSetup: '<rootDir>/apps/engine/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/apps/engine/test/support/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'browser',
      // The web app in headless Chromium against the built engine serving the built app
      // (apps/modeler/test/support); the same PostgreSQL set-up as the API tests. Run in band.
      testMatch: ['<rootDir>/apps/modeler/test/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/apps/engine/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/apps/engine/test/support/global-teardown.ts',
    },
  ],
};
