// Mutation testing (issue 20): `npm run mutation` (everything listed in `mutate`), or one folder at a time:
//   npm run mutation -- src/validation/rules      (folders or files; scripts/mutation.ts)
// docs/mutation.md holds the scores per folder and the survivors worth killing.
//
// Cost on the shared 2-core machine: the jest runner runs, per mutant, only the tests that covered it
// (coverageAnalysis perTest); the property tests run 60 generated apps each instead of 1000 (mutants die on the
// first failing app, and the generators weight the defaults so 150 runs reach them). Incremental mode keeps the
// results in an incremental file: a rerun tests only the mutants whose code or covering
// tests changed. `npm run mutation -- <folder>` (scripts/mutation.ts) keeps one file per folder:
// reports/mutation/<folder>.incremental.json (local, not committed; --force reruns all). `npm run mutation:summary`
// prints the score per folder and the survivors from the reports.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  checkers: ['typescript'],
  // the checker compiles only src/ (the library's tsconfig): a mutant that does not compile is discarded, not run
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Static mutants (code run when a module loads: rule ids and texts, module-level constants) cannot be traced to the
  // tests that cover them, so each would run the whole suite (~20 s): 23 % of the rule mutants took 68 % of the time.
  // They are reported as ignored; docs/mutation.md lists how many per folder and how the important ones are held
  // (the rule registry and docs/rules.md tests for rule texts). `--ignoreStatic false` runs them too.
  ignoreStatic: true,
  jest: {
    projectType: 'custom',
    config: {
      // package.json's jest configuration, minus: the tests that pack the tarball or spawn node processes (a mutant is
      // active only in the test runner's own process, so these can kill none, and they take minutes each); and the
      // tests of the CLI output formats and the examples' pictures, which prepare everything in beforeAll (static: every
      // mutant would run them) and test src/cli and src/graph, not the folders mutated here
      testPathIgnorePatterns: [
        '/node_modules/', '/test/package/', '/test/safety/audit.test.ts', '/test/validation/rules/bundle.test.ts',
        '/test/graph/examples.test.ts', '/test/cli/formats.test.ts',
      ],
      // focused, fast tests first: a mutant's run stops at the first failing test file
      testSequencer: '<rootDir>/scripts/mutation-sequencer.js',
    },
    enableFindRelatedTests: true,
  },
  testRunnerNodeArgs: ['--max-old-space-size=2048'],
  mutate: [
    'src/validation/rules/**/*.ts',
    'src/storage/**/*.ts',
    'src/database/**/*.ts',
    'src/routing/**/*.ts',
    'src/workload/**/*.ts',
    // types and re-exports only
    '!src/**/index.ts',
    '!src/**/*-props.ts',
  ],
  ignorePatterns: ['dist', 'dist-pkg', 'lib', 'coverage', 'reports', '.jsii', '*.tgz', 'bench/results-*.json', 'examples/**/dist'],
  // 2 cores shared with other work: one worker each for the checker and the runner
  concurrency: 1,
  timeoutMS: 20000,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/all.incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  // a mutant that makes a loop endless, or the property tests slow, times out instead of hanging the run
  disableTypeChecks: 'src/**/*.ts',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
