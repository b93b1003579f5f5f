import { JsonFile, cdk8s, javascript } from 'projen';

/**
 * Source of truth for package.json, tsconfig*.json, .projen/tasks.json and the
 * other generated files. Edit here, then run `npx projen`.
 */
const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-golden-paths',
  description:
    'Typed, safe-by-default cdk8s constructs for Kubernetes storage and L7 routing, with a validator that fails at synth what would fail in the cluster.',
  author: 'cdk8s-golden-paths developers',
  authorAddress: 'dev@example.com',
  repositoryUrl: 'https://github.com/cdk8s-golden-paths/cdk8s-golden-paths.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  keywords: ['cdk8s', 'kubernetes', 'storage', 'csi', 'statefulset', 'ingress', 'validation'],

  // cdk8s-plus-27 needs cdk8s 2.x: projen's default (1.4.10) conflicts with it.
  cdk8sVersion: '2.68.12',
  constructsVersion: '10.3.0',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',

  // jsii target for Python users (jsii-pacmak --target python; the PyPI upload itself is a release concern).
  publishToPypi: { distName: 'cdk8s-golden-paths', module: 'cdk8s_golden_paths' },

  // Kept out of dist/: `npm run synth` writes the example manifests there.
  artifactsDirectory: 'dist-pkg',

  // YAML parsing for the validator CLI; bundled because it is not a jsii module.
  deps: ['yaml@^2.8.0'],
  peerDeps: ['cdk8s-plus-27@^2.9.5'],
  bundledDeps: ['yaml'],
  devDeps: [
    // jest 30 and eslint-import-resolver-typescript >= 3.7 pull in unrs-resolver,
    // whose platform packages break `npm ci` from a lockfile written here.
    'fast-check@^3.23.2',
    'cdk8s-cli@^2.200.0',
    // mutation testing (issue 20, `npm run mutation`): 9.x is the last line that runs on Node 20 (10.x needs Node 22)
    '@stryker-mutator/core@~9.6.1',
    '@stryker-mutator/jest-runner@~9.6.1',
    '@stryker-mutator/typescript-checker@~9.6.1',
  ],
  jestOptions: {
    jestVersion: '^29',
    // --ci: a missing snapshot fails instead of being written; never --updateSnapshot.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    coverageText: false,
    junitReporting: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testTimeout: 120_000,
      collectCoverage: false,
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts', 'bench'],
  },
  bin: { 'cdk8s-golden-paths': 'bin/cdk8s-golden-paths' },
  gitignore: ['/dist/', '/dist-pkg/', '*.cpuprofile', '/bench/results-*.json'],
  githubOptions: { mergify: false },
  buildWorkflow: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
});

// Type checking for everything that is not the library itself (jsii compiles src/ with its own tsconfig.json).
new JsonFile(project, 'tsconfig.dev.json', {
  obj: {
    extends: './tsconfig.json',
    compilerOptions: { rootDir: '.', noEmit: true },
    include: ['src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    exclude: ['node_modules'],
  },
});

// eslint's project service looks for the nearest tsconfig.json: give each dev folder one.
for (const dir of ['examples', 'scripts', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../tsconfig.dev.json', compilerOptions: { rootDir: '..' }, include: ['**/*.ts', '../src/**/*.ts'] },
  });
}

// Long, actionable error messages read better on one line than split across string concatenations.
project.eslint?.addRules({
  '@stylistic/max-len': ['error', { code: 170, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreComments: false }],
});

// The layers, bottom up: each folder imports only from the folders listed before it (README "Architecture").
// import/no-restricted-paths turns an upward import into a lint error, import/no-cycle any cycle.
const LAYERS: string[][] = [
  ['core'],
  ['knowledge'],
  ['validation'],
  ['platform'],
  ['storage'],
  ['workload'],
  ['database', 'routing'],
  ['lock'],
  ['cli'],
  ['plugin'],
];
const zones = LAYERS.flatMap((layer, i) => layer.map((folder) => ({
  target: `./src/${folder}`,
  from: [...LAYERS.slice(i + 1).flat(), ...layer.filter((f) => f !== folder)].map((f) => `./src/${f}`).concat('./src/index.ts'),
  message: `src/${folder} sits below the folders it may not import (layers: ${LAYERS.map((l) => l.join('|')).join(' < ')}).`,
})));
// Small parts: no function in src/ over 80 lines (constructors resolve props into a plan, then render in small steps).
project.eslint?.addOverride({
  files: ['src/**/*.ts'],
  rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true }] },
});
project.eslint?.addRules({
  'import/no-cycle': ['error', { ignoreExternal: true }],
  'import/no-restricted-paths': ['error', { zones }],
});

// Pin after construction: projen's eslint component adds its own version otherwise.
project.addDevDeps('eslint-import-resolver-typescript@~3.6.3', '@types/node@^20');

for (const pattern of ['/examples/', '/scripts/', '/bench/', '/docs/', '/dist/', '*.cpuprofile']) {
  project.addPackageIgnore(pattern);
}

// ts-jest without per-file type checking: `tsc` over src, test and examples runs once in the test task instead.
project.jest?.addTestMatch('<rootDir>/test/**/*.test.ts');

// The vendored schemas (a Kubernetes schema per minor, the shipped CRDs) are data read at run time: ship them next to
// the compiled code, unzipped (scripts/copy-schema-data.ts says why).
project.compileTask.exec('ts-node --project tsconfig.dev.json --transpile-only scripts/copy-schema-data.ts lib');
// Rules are one file each in src; in lib they are also bundled into one module, loaded on the first validation
// (about 130 small modules cost ~10 ms of require time at every synth; the registry falls back to the files when the
// bundle is missing or older than a rule module).
project.compileTask.exec('ts-node --project tsconfig.dev.json --transpile-only scripts/bundle-rules.ts lib');
// lib/index.js loads each module on first use of one of its exports (as aws-cdk-lib's index does): an app pays at
// import for the constructs it uses, not for all of them.
project.compileTask.exec('ts-node --project tsconfig.dev.json --transpile-only scripts/lazy-index.ts lib');

// npm test = jsii compile (fails on a public API jsii cannot translate) + type check of tests/examples
// + jest in CI mode (snapshot drift fails) + eslint without --fix (a lint error fails).
const testTask = project.tasks.tryFind('test')!;
testTask.reset();
testTask.spawn(project.compileTask);
testTask.spawn(project.postCompileTask);
testTask.exec('tsc --noEmit -p tsconfig.dev.json');
testTask.exec('jest --ci --passWithNoTests', { receiveArgs: true });
testTask.exec('eslint --ext .ts --no-error-on-unmatched-pattern src test examples scripts bench .projenrc.ts', {
  env: { ESLINT_USE_FLAT_CONFIG: 'false', NODE_NO_WARNINGS: '1' },
});

// Snapshots change only on purpose: `npm run snapshots:update`, reviewed in the diff (never as part of `npm test`).
project.removeTask('test:update');
project.addTask('snapshots:update', {
  description: 'Rewrite jest snapshots after an intended output change (review the diff)',
  exec: 'jest -u',
  receiveArgs: true,
});

project.addTask('synth', {
  description: 'Synthesize every app under examples/ into dist/<example>/ (validation on; fails if any example fails)',
  exec: 'ts-node --project tsconfig.dev.json scripts/synth-examples.ts',
  receiveArgs: true,
});

project.addTask('bench', {
  description: 'Benchmarks (issue 8): synth cost vs hand-written cdk8s-plus-27 and raw ApiObjects, load time, validator throughput',
  steps: [
    { spawn: 'compile' },
    { spawn: 'post-compile' },
    { exec: 'ts-node --project bench/tsconfig.json --transpile-only bench/run.ts', receiveArgs: true },
  ],
});

project.addTask('gen:schema', {
  description: 'Regenerate src/knowledge/kubernetes/k8s-1.X.json.gz and api-versions.json from the upstream definitions of each minor (folder as argument)',
  exec: 'ts-node --project tsconfig.dev.json scripts/gen-k8s-schema.ts',
  receiveArgs: true,
});

project.addTask('gen:crds', {
  description: 'Regenerate src/knowledge/kubernetes/crds/ from CustomResourceDefinition YAML files (folder as argument)',
  exec: 'ts-node --project tsconfig.dev.json scripts/gen-crd-schemas.ts',
  receiveArgs: true,
});

project.addTask('docs:rules', {
  description: 'Regenerate docs/rules.md from the rule registry',
  exec: 'ts-node --project tsconfig.dev.json scripts/gen-rules-doc.ts',
});

// The property tests alone, for long runs (issue 20): a random seed, printed, and 5000 runs per property by default.
project.addTask('test:properties', {
  description: 'Property tests only: npm run test:properties -- --random (a printed random seed) [--runs N] [--seed N]',
  exec: 'ts-node --project tsconfig.dev.json --transpile-only scripts/property-tests.ts',
  receiveArgs: true,
});

// Mutation testing (issue 20; docs/mutation.md): not part of `npm test` (hours over all of src on 2 cores). Pass
// folders to mutate: `npm run mutation -- src/validation/rules` (scripts/mutation.ts turns them into Stryker's --mutate
// and an incremental file per folder). The property tests run fewer generated apps per mutant (a mutant dies at the
// first failing app).
project.addTask('mutation', {
  description: 'Mutation testing with StrykerJS (stryker.config.mjs; incremental: reruns test only what changed)',
  exec: 'ts-node --project tsconfig.dev.json --transpile-only scripts/mutation.ts',
  env: { GOLDEN_PATHS_PROPERTY_RUNS: '150' },
  receiveArgs: true,
});
project.gitignore.exclude('/.stryker-tmp/', '/reports/mutation/*');
project.gitignore.include('/reports/mutation/*.incremental.json');

// Node 20 is what this project targets (see README compatibility); the EOL banner of jsii is noise in every run.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '1');
project.tasks.addEnvironment('JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION', '1');

project.synth();
