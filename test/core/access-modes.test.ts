import { execFileSync } from 'child_process';
import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { ACCESS_MODES, ROX, RWO, RWOP, RWX } from '../../src/core/access-modes';

test('the access modes the validator uses without loading cdk8s-plus-27 are the enum\'s values', () => {
  expect({ RWO, ROX, RWX, RWOP }).toEqual({
    RWO: PersistentVolumeAccessMode.READ_WRITE_ONCE,
    ROX: PersistentVolumeAccessMode.READ_ONLY_MANY,
    RWX: PersistentVolumeAccessMode.READ_WRITE_MANY,
    RWOP: PersistentVolumeAccessMode.READ_WRITE_ONCE_POD,
  });
  expect([...ACCESS_MODES].sort()).toEqual(Object.values(PersistentVolumeAccessMode).sort());
});

test('the CLI loads neither cdk8s nor cdk8s-plus-27 (each costs tens of milliseconds at every run)', () => {
  const script = `require('ts-node').register({ transpileOnly: true, project: 'tsconfig.dev.json' });
const { main } = require('./src/cli/main');
main(['validate', 'test/manifests'], { stdout() {}, stderr() {} }).then(() => {
  console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules\\/cdk8s(-plus-27)?\\//.test(k)).length));
});`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: `${__dirname}/../..`, encoding: 'utf8' });
  expect(out.trim()).toBe('0');
});
