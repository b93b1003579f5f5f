/**
 * examples/shop-gateway (issue 18): the shop on the Gateway API, attached to the platform's Gateway. Its output is
 * snapshotted (a change fails `jest --ci`) and passes the whole validator, the declared platform Gateway included:
 * hostnames covered by its listeners (GWY-001), the shop namespace admitted by its selector (GWY-008).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { Validator } from '../../src';

/**
 * The example's manifests by file, synthesized inside the test that reads them (not in beforeAll: code run outside a
 * test is "static" to the mutation tester, docs/mutation.md).
 */
function exampleFiles(): Record<string, any[]> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-gateway-'));
  try {
    process.env.CDK8S_OUTDIR = outdir;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the example is an app that synthesizes when loaded
      require('../../examples/shop-gateway/main');
    });
    const files: Record<string, any[]> = {};
    for (const f of fs.readdirSync(outdir).sort()) files[f] = parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8')).map((d) => d.toJS());
    return files;
  } finally {
    delete process.env.CDK8S_OUTDIR;
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

test('the shop team\'s manifests and the platform\'s Gateway (snapshot)', () => {
  const files = exampleFiles();
  expect(Object.keys(files)).toEqual(['gateway-system.k8s.yaml', 'shop.k8s.yaml']);
  expect(files).toMatchSnapshot();
});

test('routes attach to the platform Gateway: the HTTPS listener for the hosts, the HTTP listener for the redirects', () => {
  const files = exampleFiles();
  const routes = files['shop.k8s.yaml'].filter((o) => o.kind === 'HTTPRoute');
  expect(routes.map((r) => [r.metadata.name, r.spec.hostnames, r.spec.parentRefs.map((p: any) => `${p.namespace}/${p.name}#${p.sectionName}`)])).toEqual([
    ['shop-redirect', ['shop.example.com'], ['gateway-system/public#http']],
    ['shop', ['shop.example.com'], ['gateway-system/public#https']],
    ['public-api-redirect', ['api.example.com'], ['gateway-system/public#http']],
    ['public-api', ['api.example.com'], ['gateway-system/public#https']],
  ]);
  const shop = routes.find((r) => r.metadata.name === 'shop');
  expect(shop.spec.rules.map((r: any) => r.matches[0].path.value)).toEqual(['/', '/api', '/checkout']);
  const grant = files['shop.k8s.yaml'].find((o) => o.kind === 'ReferenceGrant');
  expect(grant.metadata.namespace).toBe('payments');
  expect(grant.spec.to).toEqual([{ group: '', kind: 'Service', name: 'checkout' }]);
});

test('the whole output passes the validator (no error, no warning), the platform Gateway\'s checks included', () => {
  const files = exampleFiles();
  const inputs = Object.entries(files).flatMap(([file, docs]) => docs.map((object) => ({ object, file })));
  expect(inputs.length).toBeGreaterThan(10);
  expect(Validator.validateInputs(inputs).map((f) => Validator.format(f))).toEqual([]);
});

test('the Gateway\'s checks do run over it: a host outside *.example.com would fail', () => {
  const files = exampleFiles();
  const inputs = Object.values(files).flat().map((o) => (o.kind === 'HTTPRoute' && o.metadata.name === 'public-api'
    ? { object: { ...o, spec: { ...o.spec, hostnames: ['api.example.org'] } } } : { object: o }));
  expect(Validator.validateInputs(inputs).filter((f) => f.ruleId === 'GWY-001').map((f) => f.message)).toEqual([
    'hostname api.example.org is not covered by a listener of Gateway gateway-system/public that spec.parentRefs[0] selects (https (HTTPS *.example.com))',
  ]);
});
