import { Component, JsonFile, cdk8s, javascript } from 'projen';
import { GithubWorkflow } from 'projen/lib/github';

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

  // YAML parsing for the validator CLI; bundled because they are not jsii modules. js-yaml reads files about ten times
  // faster (with a YAML 1.1 schema, src/cli/fast-yaml.ts); the yaml package reads again what js-yaml cannot, for its errors.
  deps: ['yaml@^2.8.0', 'js-yaml@^4.3.2'],
  peerDeps: ['cdk8s-plus-27@^2.9.5'],
  bundledDeps: ['yaml', 'js-yaml'],
  devDeps: [
    // jest 30 and eslint-import-resolver-typescript >= 3.7 pull in unrs-resolver,
    // whose platform packages break `npm ci` from a lockfile written here.
    'fast-check@^3.23.2',
    'cdk8s-cli@^2.200.0',
    // mutation testing (issue 20, `npm run mutation`): 9.x is the last line that runs on Node 20 (10.x needs Node 22)
    '@stryker-mutator/core@~9.6.1',
    '@stryker-mutator/jest-runner@~9.6.1',
    '@stryker-mutator/typescript-checker@~9.6.1',
    // validate --format sarif is checked against the SARIF 2.1.0 JSON schema (draft-04), --format junit parsed as XML
    'ajv@^8.17.1',
    'ajv-draft-04@^1.0.0',
    'ajv-formats@^3.0.1',
    '@xmldom/xmldom@^0.9.8',
    '@types/js-yaml@^4.0.9',
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
  // Releases (issue 19): semantic versions from conventional commits, CHANGELOG.md in the release artifacts, a tag and
  // a GitHub release, then npm and PyPI, each only when its credentials are configured (see the release workflow below).
  release: true,
  releaseToNpm: true,
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
  ['graph'],
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

for (const pattern of ['/examples/', '/scripts/', '/bench/', '/docs/', '/dist/', '*.cpuprofile', '/action.yml', '/.pre-commit-hooks.yaml']) {
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

project.addTask('docs:topology', {
  description: 'Redraw the topology picture of each example in README.md (a test fails when it is stale)',
  exec: 'ts-node --project tsconfig.dev.json scripts/gen-readme-topology.ts',
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
  env: { GOLDEN_PATHS_PROPERTY_RUNS: '60' },
  receiveArgs: true,
});
project.addTask('mutation:summary', {
  description: 'Score per folder and surviving mutants (Markdown) from the reports npm run mutation left in reports/mutation/',
  exec: 'ts-node --project tsconfig.dev.json --transpile-only scripts/mutation-summary.ts',
  receiveArgs: true,
});
// the reports and incremental files stay local (megabytes each, tied to one source version); docs/mutation.md keeps
// the figures
project.gitignore.exclude('/.stryker-tmp/', '/reports/');
// The release workflow (issue 19). Two fixes to what projen generates:
// 1. projen downloads the build artifact into dist/ (publib reads dist/) but its jsii and GitHub-release steps read
//    artifactsDirectory (dist-pkg/, kept free of the examples' manifests): point those steps at dist/.
// 2. npm and PyPI are published only when their credentials are configured (NPM_TOKEN; TWINE_USERNAME and
//    TWINE_PASSWORD), so a fork or a fresh repository releases to GitHub (tag, CHANGELOG) without failing; the GitHub
//    release, which records the tag the next version is computed from, runs whether or not a registry was skipped.
class ReleaseWorkflowFixes extends Component {
  // runs after projen's Release component has added its publish jobs (components pre-synthesize in creation order)
  public preSynthesize(): void {
    const releaseWorkflow = project.github?.tryFindWorkflow('release');
    if (releaseWorkflow) fixReleaseWorkflow(releaseWorkflow);
  }
}
new ReleaseWorkflowFixes(project);

function fixReleaseWorkflow(releaseWorkflow: GithubWorkflow): void {
  const toDist = (s: string) => s
    .replace('mv .repo/dist-pkg dist-pkg', 'mv .repo/dist-pkg dist')
    .replace('mv dist-pkg dist.old', 'mv dist dist.old')
    .replace(/(^|[\s"'])dist-pkg\//g, '$1dist/');
  const fixSteps = (steps: any[] | undefined) => (steps ?? []).map((step) => ({
    ...step,
    ...(typeof step.run === 'string' ? { run: toDist(step.run) } : {}),
    ...(step.env ? { env: Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, typeof v === 'string' ? toDist(v) : v])) } : {}),
  }));
  releaseWorkflow.addJob('release_credentials', {
    name: 'Which registries have credentials',
    runsOn: ['ubuntu-latest'],
    permissions: {},
    outputs: { npm: { stepId: 'check', outputName: 'npm' }, pypi: { stepId: 'check', outputName: 'pypi' } },
    steps: [{
      id: 'check',
      name: 'Check for NPM_TOKEN, TWINE_USERNAME and TWINE_PASSWORD',
      env: { NPM_TOKEN: '${{ secrets.NPM_TOKEN }}', TWINE_USERNAME: '${{ secrets.TWINE_USERNAME }}', TWINE_PASSWORD: '${{ secrets.TWINE_PASSWORD }}' },
      run: [
        'if [ -n "$NPM_TOKEN" ]; then echo "npm=true" >> "$GITHUB_OUTPUT"; else echo "npm=false" >> "$GITHUB_OUTPUT"; echo "::notice::NPM_TOKEN is not set: not publishing to npm"; fi',
        'if [ -n "$TWINE_USERNAME" ] && [ -n "$TWINE_PASSWORD" ]; then echo "pypi=true" >> "$GITHUB_OUTPUT"; else echo "pypi=false" >> "$GITHUB_OUTPUT"; echo "::notice::TWINE_USERNAME/TWINE_PASSWORD are not set: not publishing to PyPI"; fi',
      ].join('\n'),
    }],
  });
  for (const [jobId, registry] of [['release_npm', 'npm'], ['release_pypi', 'pypi']] as const) {
    const job = releaseWorkflow.getJob(jobId) as any;
    releaseWorkflow.updateJob(jobId, {
      ...job,
      needs: [...(job.needs ?? []), 'release_credentials'],
      if: `${job.if} && needs.release_credentials.outputs.${registry} == 'true'`,
      steps: fixSteps(job.steps),
    });
  }
  const gh = releaseWorkflow.getJob('release_github') as any;
  releaseWorkflow.updateJob('release_github', { ...gh, if: `\${{ !cancelled() && !failure() && ${gh.if} }}`, steps: fixSteps(gh.steps) });
}

// Installing from git (`npm install github:...`) packs a clone: npm runs only `prepare` there, so it compiles lib/
// when it is missing. `npm ci` (CI, the Action) skips it: the test task compiles anyway.
project.package.setScript('prepare', 'test -f lib/index.js || test "$npm_command" = ci || npx projen compile');

// Node 20 is what this project targets (see README compatibility); the EOL banner of jsii is noise in every run.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '1');
project.tasks.addEnvironment('JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION', '1');

project.synth();
