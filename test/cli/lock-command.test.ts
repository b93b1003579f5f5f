import * as fs from 'fs';
import * as path from 'path';
import { runLockCommand } from '../../src/cli/lock-command';
import { exoscale, job, statefulSet, tempDirPerTest } from '../lock/objects';

const tempDir = tempDirPerTest();

describe('lock command', () => {
  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runLockCommand(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
    return { code, out, err };
  }
  const yaml = (objects: any[]) => objects.map((o) => JSON.stringify(o)).join('\n---\n') + '\n';

  test('update creates the lock, check passes, a change fails check until update accepts it', async () => {
    const manifests = path.join(tempDir(), 'manifests');
    fs.mkdirSync(manifests);
    const lock = path.join(tempDir(), 'l.json');
    fs.writeFileSync(path.join(manifests, 'app.yaml'), yaml([exoscale(), statefulSet()]));

    expect((await cli('check', '--lock', lock, manifests)).code).toBe(2);
    const created = await cli('update', '--lock', lock, manifests);
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toContain(`created ${lock} (2 locked objects)`);
    expect(await cli('check', `--lock=${lock}`, manifests)).toMatchObject({ code: 0, out: `${lock}: no changes to locked fields\n` });

    fs.writeFileSync(path.join(manifests, 'app.yaml'), yaml([exoscale(), statefulSet('20Gi')]));
    const failed = await cli('check', '--lock', lock, manifests);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain(`error StatefulSet/orders/db [${path.join(manifests, 'app.yaml')}:3]: volumeClaimTemplates[data].storage 10Gi -> 20Gi`);
    expect(failed.out).toContain('--replicas=0');
    expect(failed.out).toContain(`cdk8s-golden-paths lock update --lock ${lock} ${manifests}`);
    expect(failed.out).toContain('1 refused change, 0 warnings');

    const json = await cli('check', '--lock', lock, '--json', manifests);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).violations[0]).toMatchObject({ field: 'volumeClaimTemplates[data].storage', oldValue: '10Gi', newValue: '20Gi' });

    const accepted = await cli('update', '--lock', lock, manifests);
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain('accepting error StatefulSet/orders/db');
    expect(accepted.out).toContain('1 accepted change');
    expect((await cli('check', '--lock', lock, manifests)).code).toBe(0);
    expect((await cli('update', '--lock', lock, manifests)).out).toContain('is up to date');
  });

  test('bad usage and unreadable input exit 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('frobnicate', 'x')).code).toBe(2);
    expect((await cli('check')).code).toBe(2);
    expect((await cli('check', '--bogus', 'x')).code).toBe(2);
    expect((await cli('check', '--lock')).code).toBe(2);
    const missing = await cli('update', '--lock', path.join(tempDir(), 'l.json'), path.join(tempDir(), 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(fs.existsSync(path.join(tempDir(), 'l.json'))).toBe(false);
    fs.writeFileSync(path.join(tempDir(), 'bad.json'), '{"version":1}');
    fs.writeFileSync(path.join(tempDir(), 'a.yaml'), yaml([statefulSet()]));
    const bad = await cli('check', '--lock', path.join(tempDir(), 'bad.json'), path.join(tempDir(), 'a.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"objects" is not a list');
    expect((await cli('--help')).code).toBe(0);
  });

  test('an out-of-date lock passes check with a note', async () => {
    const lock = path.join(tempDir(), 'l.json');
    fs.writeFileSync(path.join(tempDir(), 'a.yaml'), yaml([statefulSet()]));
    await cli('update', '--lock', lock, path.join(tempDir(), 'a.yaml'));
    fs.writeFileSync(path.join(tempDir(), 'a.yaml'), yaml([statefulSet(), job()]));
    const r = await cli('check', '--lock', lock, path.join(tempDir(), 'a.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('is out of date');
  });
});
