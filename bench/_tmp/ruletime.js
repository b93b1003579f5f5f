require('/work/wt-val-synth/node_modules/ts-node').register({ project: '/work/wt-val-synth/bench/tsconfig.json', transpileOnly: true });
const { BUILDERS } = require('/work/wt-val-synth/bench/synth.ts');
const { App, Chart } = require('/work/wt-val-synth/node_modules/cdk8s');
const lib = require('/work/wt-val-synth/lib');
const { allRules } = require('/work/wt-val-synth/lib/validation/registry');
const { RuleContext, manifestObject } = require('/work/wt-val-synth/lib/validation/rule');
const app = new App(); lib.Warnings.of(app).sink = lib.Warnings.SILENT;
const chart = new Chart(app, 'bench');
for (let i = 0; i < Number(process.argv[2] || 1000); i++) BUILDERS.a(chart, i);
const inputs = lib.GoldenPathValidation.of(app)._renderedObjects();
const cold = new Map(), warm = new Map();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let rep = 0; rep < 4; rep++) {
  const objects = inputs.map((x, index) => manifestObject({ obj: x.object, apiVersion: x.object.apiVersion, kind: x.object.kind, name: x.object.metadata.name, namespace: x.object.metadata.namespace, constructPath: x.constructPath, index }));
  const ctx = new RuleContext(objects, [], []);
  for (const r of allRules()) {
    const t = cpu(); ctx._run(r); const d = cpu() - t;
    const m = rep === 0 ? cold : warm; m.set(r.id, (m.get(r.id) || 0) + (rep === 0 ? d : d / 3));
  }
}
const rows = [...cold.keys()].map((k) => [k, cold.get(k), warm.get(k)]).sort((a, b) => b[1] - a[1]);
console.log(rows.slice(0, 35).map(([k, c, w]) => `${k} cold ${c.toFixed(1)} warm ${w.toFixed(1)}`).join('\n'));
console.log('total cold', rows.reduce((s, r) => s + r[1], 0).toFixed(0), 'warm', rows.reduce((s, r) => s + r[2], 0).toFixed(0));
