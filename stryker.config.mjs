// Mutation testing of the pure libraries (StrykerJS 9: version 10 needs Node 22).
// `npm run test:mutation` mutates all of libs/bpmn-runtime and libs/rules, which takes hours on
// two cores; run one folder at a time instead (see docs/development.md, "Mutation testing"):
//   npm run test:mutation -- --mutate 'libs/bpmn-runtime/src/behaviors/exclusive-gateway/**/*.ts,!**/*.spec.ts,!**/*.testing.ts,!**/testing/**'
import jestConfig from './jest.config.js';

// Incremental mode keeps one result file per --mutate selection: Stryker rewrites the file with
// the mutants of the current run only, so one shared file would forget the other folders.
const mutateArg = process.argv.find((arg, i) => i > 0 && ['--mutate', '-m'].includes(process.argv[i - 1]));
const selection = (mutateArg ?? 'all')
  .split(',')
  .filter((pattern) => !pattern.startsWith('!'))
  .join('-')
  .replace(/\*\*\/\*\.ts|libs\/|src\//g, '')
  .replace(/[^A-Za-z0-9]+/g, '-')
  .replace(/^-|-$/g, '');

// The repo's jest project `unit`, flattened: Stryker's jest runner sets its coverage
// environment at the top level of the config, which a project's own settings would override.
const unit = jestConfig.projects.find((project) => project.displayName === 'unit');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  packageManager: 'npm',
  testRunner: 'jest',
  // Jest runs our TypeScript as native ESM, as `npm run test:unit` does.
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      ...unit,
      projects: [],
      testTimeout: jestConfig.testTimeout,
      // The pure libraries' own specs must catch their mutants: the engine's specs (apps/) are
      // left out, being slower, edited by others and not what pins an interpreter rule down.
      testMatch: ['<rootDir>/libs/bpmn-runtime/src/**/*.spec.ts', '<rootDir>/libs/rules/src/**/*.spec.ts'],
    },
    enableFindRelatedTests: true,
  },
  // Only what the specs of the pure libraries load is copied into the sandbox.
  ignorePatterns: ['apps', 'tools', 'process-definitions', 'docs', 'dist', '**/dist', 'coverage', 'reports', '.nx', '.stageflow', '.ci'],
  // TypeScript 7 has no JavaScript API: Stryker's tsconfig preprocessor would fail with
  // "ts.parseConfigFileTextToJson is not a function". Naming a tsconfig that does not exist
  // turns that preprocessor off (swc transforms without one, and type checks are tsc's job).
  tsconfigFile: 'stryker-tsconfig-does-not-exist.json',
  coverageAnalysis: 'perTest',
  // Two cores shared with other engineers' builds: one test runner, generous timeouts.
  concurrency: 1,
  timeoutMS: 20000,
  timeoutFactor: 2,
  // Results of earlier runs are reused for mutants whose code and covering tests did not change.
  incremental: true,
  // Git-ignored: a local cache (see docs/development.md); the scores of record are in the docs.
  incrementalFile: `reports/stryker-incremental/${selection.slice(0, 120) || 'all'}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

// Specs and test support (testing/, *.testing.ts) are never mutated. A --mutate on the command
// line replaces this list, exclusions included (Stryker 9 copies the config before it applies
// the command line), so a --mutate glob without them is refused here rather than scored.
const exclusions = ['!**/*.spec.ts', '!**/*.testing.ts', '!**/testing/**'];
config.mutate = ['libs/bpmn-runtime/src/**/*.ts', 'libs/rules/src/**/*.ts', ...exclusions];
if (mutateArg !== undefined) {
  const patterns = mutateArg.split(',');
  const globs = patterns.filter((pattern) => !pattern.startsWith('!') && pattern.includes('*'));
  if (globs.length > 0 && exclusions.some((exclusion) => !patterns.includes(exclusion))) {
    throw new Error(
      `--mutate '${mutateArg}' would mutate specs or test support: add the exclusions, e.g.\n` +
        `  npm run test:mutation -- --mutate '${[...globs, ...exclusions].join(',')}'`,
    );
  }
}

export default config;
