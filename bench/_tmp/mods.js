require('/work/wt-val-synth/node_modules/ts-node').register({ project: '/work/wt-val-synth/bench/tsconfig.json', transpileOnly: true });
const { measure } = require('/work/wt-val-synth/bench/synth.ts');
const before = new Set(Object.keys(require.cache));
const m = measure(process.argv[2], 1);
const after = Object.keys(require.cache).filter((k) => !before.has(k));
const libm = after.filter((k) => k.includes('/wt-val-synth/lib/'));
console.log(process.argv[2], 'new modules', after.length, 'lib', libm.length, JSON.stringify(m));
const sizes = libm.map((k) => [require('fs').statSync(k).size, k.split('/lib/')[1]]).sort((a, b) => b[0] - a[0]);
console.log(sizes.slice(0, 12).map(([s, k]) => `${s} ${k}`).join('\n'));
