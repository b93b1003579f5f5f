// CPU time per phase of one cold (a) or (b) run at N (argv): build, validation pass, rest of synth.
const path = require('path');
process.chdir('/work/wt-val-synth');
require('/work/wt-val-synth/node_modules/ts-node').register({ project: 'bench/tsconfig.json', transpileOnly: true });
const { BUILDERS } = require('/work/wt-val-synth/bench/synth.ts');
const { App, Chart } = require('/work/wt-val-synth/node_modules/cdk8s');
const lib = require('/work/wt-val-synth/lib');
const [variant, n] = [process.argv[2], Number(process.argv[3])];
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const app = new App(); lib.Warnings.of(app).sink = lib.Warnings.SILENT;
let t = cpu();
const chart = new Chart(app, 'bench');
for (let i = 0; i < n; i++) BUILDERS[variant](chart, i);
const build = cpu() - t; t = cpu();
let validation = 0;
// no separate validation
// findings() is cached for the task: synthYaml in the same task reuses it only during synth (duringSynth); measure synth separately
t = cpu();
app.synthYaml();
const synth = cpu() - t;
console.log(JSON.stringify({ variant, n, build: +build.toFixed(1), validationFindings: +validation.toFixed(1), synth: +synth.toFixed(1) }));
