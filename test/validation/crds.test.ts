import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { WIDGET_CRD } from './rules/sch.fixtures';
import { Severity, Validator } from '../../src';
import { convertCrd } from '../../src/knowledge/kubernetes/crd-schema';
import { shippedCrdGroups } from '../../src/knowledge/kubernetes/schema-data';

/*
 * Objects of the CRDs the library ships (CloudNativePG, Gateway API, CSI snapshots, mariadb-operator, MongoDB Community)
 * are checked against their schemas; other CRDs through customResourceDefinitions or among the objects.
 */

const MANIFESTS = path.join(__dirname, '..', 'manifests');

/** The documents of a manifest file, by kind (the first of each). */
function docs(file: string): Record<string, any> {
  const result: Record<string, any> = {};
  for (const d of parseAllDocuments(fs.readFileSync(path.join(MANIFESTS, file), 'utf-8'))) {
    const obj = d.toJS();
    result[obj.kind] ??= obj;
  }
  return result;
}

/** A deep copy with one change. */
function changed(obj: any, change: (copy: any) => void): any {
  const copy = JSON.parse(JSON.stringify(obj));
  change(copy);
  return copy;
}

/** Schema findings (SCH-001..005) as lines. */
function schema(objects: any[], options = {}): string[] {
  return Validator.validate(objects, options).filter((f) => f.ruleId.startsWith('SCH-'))
    .map((f) => `${f.severity} ${f.ruleId} ${f.kind}/${f.name}: ${f.message}`);
}

test('the shipped CRD groups, with their sources', () => {
  const groups = shippedCrdGroups();
  expect(Object.keys(groups)).toEqual(['gateway.networking.k8s.io', 'k8s.mariadb.com', 'mongodbcommunity.mongodb.com', 'postgresql.cnpg.io', 'snapshot.storage.k8s.io']);
  expect(groups['postgresql.cnpg.io'].source).toBe('cloudnative-pg/cloudnative-pg v1.30.0');
  expect(groups['postgresql.cnpg.io'].kinds).toEqual(['v1/Backup', 'v1/Cluster', 'v1/Pooler', 'v1/ScheduledBackup']);
  expect(groups['gateway.networking.k8s.io'].clusterScoped).toEqual(['GatewayClass']);
});

describe('CloudNativePG', () => {
  const { Cluster: cluster, ScheduledBackup: backup } = docs('cnpg-cluster.yaml');

  test('the sample Cluster and ScheduledBackup pass', () => {
    expect(schema([cluster, backup])).toEqual([]);
  });

  test('a typo (storage.sizee) is an unknown field, with a hint', () => {
    expect(schema([changed(cluster, (c) => { c.spec.storage.sizee = c.spec.storage.size; delete c.spec.storage.size; })])).toEqual([
      'error SCH-001 Cluster/cluster-example: spec.storage.sizee is not a field of spec.storage (did you mean size?)',
    ]);
  });

  test('an enum value, a minimum and a pattern are checked', () => {
    expect(schema([changed(cluster, (c) => {
      c.spec.primaryUpdateStrategy = 'automatic';
      c.spec.instances = 0;
      c.spec.resources.limits.memory = '1 GB';
    })])).toEqual([
      'error SCH-002 Cluster/cluster-example: spec.instances 0 is below the minimum 1',
      'error SCH-002 Cluster/cluster-example: spec.primaryUpdateStrategy must be one of unsupervised, supervised, got "automatic"',
      'error SCH-002 Cluster/cluster-example: spec.resources.limits.memory "1 GB" does not match the pattern ^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
    ]);
  });

  test('a required field is required (ScheduledBackup without schedule)', () => {
    expect(schema([changed(backup, (b) => delete b.spec.schedule)])).toEqual([
      'error SCH-003 ScheduledBackup/backup-example: spec.schedule is required',
    ]);
  });

  test('metadata is checked as ObjectMeta of the target minor', () => {
    expect(schema([changed(cluster, (c) => { c.metadata.label = { a: 'b' }; })])).toEqual([
      'error SCH-001 Cluster/cluster-example: metadata.label is not a field of metadata (did you mean labels?)',
    ]);
  });
});

describe('Gateway API', () => {
  const { Gateway: gateway, HTTPRoute: route, GatewayClass: gatewayClass } = docs('gateway-httproute.yaml');

  test('the sample GatewayClass, Gateway and HTTPRoute pass', () => {
    expect(schema([gatewayClass, gateway, route])).toEqual([]);
  });

  test('a typo, an enum and a pattern violation are errors', () => {
    expect(schema([changed(route, (r) => {
      r.spec.rules[0].matches[0].path.type = 'Prefix';
      r.spec.hostnames[0] = 'Foo.Example.com';
      r.spec.rules[0].backendRefs[0].prot = 8080;
    })])).toEqual([
      'error SCH-001 HTTPRoute/foo-route: spec.rules[0].backendRefs[0].prot is not a field of spec.rules[0].backendRefs[0] (did you mean port?)',
      'error SCH-002 HTTPRoute/foo-route: spec.hostnames[0] "Foo.Example.com" does not match the pattern ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
      'error SCH-002 HTTPRoute/foo-route: spec.rules[0].matches[0].path.type must be one of Exact, PathPrefix, RegularExpression, got "Prefix"',
    ]);
  });

  test('counts and ranges: a Gateway with no listeners, a port out of range', () => {
    expect(schema([changed(gateway, (g) => { g.spec.listeners[0].port = 70000; })])).toEqual([
      'error SCH-002 Gateway/example-gateway: spec.listeners[0].port 70000 is above the maximum 65535',
    ]);
    expect(schema([changed(gateway, (g) => { g.spec.listeners = []; })])).toEqual([
      'error SCH-002 Gateway/example-gateway: spec.listeners lists 0 items, at least 1 required',
    ]);
  });

  test('an apiVersion the CRD does not serve is reported as not validated, with the versions it serves', () => {
    expect(schema([changed(route, (r) => { r.apiVersion = 'gateway.networking.k8s.io/v1alpha2'; })])).toEqual([
      'warning SCH-005 HTTPRoute/foo-route: no schema known for HTTPRoute in apiVersion gateway.networking.k8s.io/v1alpha2 (the known CustomResourceDefinition serves HTTPRoute in v1, v1beta1): its object is not validated against a schema',
    ]);
  });
});

describe('mariadb-operator', () => {
  const all = docs('mariadb.yaml');

  test('the sample MariaDB, Database, User and Grant pass', () => {
    expect(schema(Object.values(all))).toEqual([]);
  });

  test('a typo and a required field are errors', () => {
    expect(schema([
      changed(all.MariaDB, (m) => { m.spec.storage.sise = '1Gi'; }),
      changed(all.Grant, (g) => delete g.spec.privileges),
    ])).toEqual([
      'error SCH-001 MariaDB/mariadb: spec.storage.sise is not a field of spec.storage (did you mean size?)',
      'error SCH-003 Grant/grant: spec.privileges is required',
    ]);
  });
});

describe('MongoDB Community', () => {
  const { MongoDBCommunity: mongo } = docs('mongodb-community.yaml');

  test('the sample passes (additionalMongodConfig preserves unknown fields)', () => {
    expect(schema([mongo])).toEqual([]);
  });

  test('an enum violation and a typo are errors', () => {
    expect(schema([changed(mongo, (m) => { m.spec.type = 'Sharded'; m.spec.member = 3; })])).toEqual([
      'error SCH-001 MongoDBCommunity/example-mongodb: spec.member is not a field of spec (did you mean members?)',
      'error SCH-002 MongoDBCommunity/example-mongodb: spec.type must be one of ReplicaSet, got "Sharded"',
    ]);
  });
});

describe('CSI snapshots', () => {
  const snapshotClass = { apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: 'csi-ebs' }, driver: 'ebs.csi.aws.com', deletionPolicy: 'Retain' };
  const snapshot = {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshot',
    metadata: { name: 'data-snap', namespace: 'default' },
    spec: { volumeSnapshotClassName: 'csi-ebs', source: { persistentVolumeClaimName: 'data' } },
  };

  test('a VolumeSnapshotClass and a VolumeSnapshot pass; the schema comes from the staged CRD', () => {
    expect(schema([snapshotClass, snapshot])).toEqual([]);
  });

  test('deletionPolicy is an enum, driver is required, source a closed object', () => {
    expect(schema([
      changed(snapshotClass, (c) => { c.deletionPolicy = 'Keep'; delete c.driver; }),
      changed(snapshot, (s) => { s.spec.source.pvcName = 'data'; }),
    ])).toEqual([
      'error SCH-001 VolumeSnapshot/data-snap: spec.source.pvcName is not a field of spec.source',
      'error SCH-002 VolumeSnapshotClass/csi-ebs: deletionPolicy must be one of Delete, Retain, got "Keep"',
      'error SCH-003 VolumeSnapshotClass/csi-ebs: driver is required',
    ]);
  });
});

describe('other CRDs', () => {
  const widget = (spec: Record<string, any>): any => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' }, spec });

  test('through ValidateOptions.customResourceDefinitions', () => {
    expect(schema([widget({ size: 'small', replicas: 9, colour: 'red' })], { customResourceDefinitions: [WIDGET_CRD] })).toEqual([
      'error SCH-001 Widget/w: spec.colour is not a field of spec',
      'error SCH-002 Widget/w: spec.replicas 9 is above the maximum 5',
    ]);
  });

  test('among the objects (a chart that ships its CRDs)', () => {
    expect(schema([WIDGET_CRD, widget({})])).toEqual(['error SCH-003 Widget/w: spec.size is required']);
  });

  test('without its CRD: one warning for the kind, never an error', () => {
    const findings = Validator.validate(['a', 'b', 'c'].map((name) => changed(widget({ size: 'x' }), (w) => { w.metadata.name = name; })));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['SCH-005', Severity.WARNING]]);
  });

  test('a CRD given wins over the shipped one of its group and kind', () => {
    const strict = changed(WIDGET_CRD, (c) => {
      c.metadata.name = 'clusters.postgresql.cnpg.io';
      c.spec.group = 'postgresql.cnpg.io';
      c.spec.names = { kind: 'Cluster', plural: 'clusters' };
    });
    const cluster = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'db', namespace: 'default' }, spec: { instances: 3 } };
    expect(schema([cluster], { customResourceDefinitions: [strict] })).toEqual([
      'error SCH-001 Cluster/db: spec.instances is not a field of spec',
      'error SCH-003 Cluster/db: spec.size is required',
    ]);
  });
});

describe('the CRD conversion', () => {
  const crd = (specSchema: any, extra: Record<string, any> = {}): any => changed(WIDGET_CRD, (c) => {
    c.spec.versions[0].schema.openAPIV3Schema = { type: 'object', properties: { spec: specSchema } };
    Object.assign(c.spec.versions[0], extra);
  });

  test('an object without properties is closed unless it preserves unknown fields; int-or-string and nullable', () => {
    const c = convertCrd(crd({
      type: 'object',
      properties: {
        closed: { type: 'object' },
        open: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true },
        port: { 'anyOf': [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
        note: { type: 'string', nullable: true, default: 'x', description: 'dropped' },
      },
    }));
    expect(c.definitions['example.com/v1/Widget'].properties!.spec).toEqual({
      type: 'object',
      properties: {
        closed: { type: 'object', properties: {} },
        open: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true },
        port: { 'x-kubernetes-int-or-string': true },
        note: { type: 'string' },
      },
    });
    expect(c.definitions['example.com/v1/Widget'].properties!.metadata).toEqual({ $ref: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' });
  });

  test('versions that are not served are left out; CEL rules are counted, not evaluated', () => {
    const c = convertCrd(crd({ 'type': 'object', 'x-kubernetes-validations': [{ rule: 'self.a == self.b', message: 'a must equal b' }] }, { served: false }));
    expect(c.kinds).toEqual({});
    const served = convertCrd(crd({ 'type': 'object', 'x-kubernetes-validations': [{ rule: 'self.a == self.b', message: 'a must equal b' }] }));
    expect(served.celRules).toEqual({ 'example.com/v1/Widget': ['a must equal b'] });
  });

  test('something that is not a CRD is refused with what is missing', () => {
    expect(() => convertCrd({ kind: 'ConfigMap' })).toThrow('is not a CustomResourceDefinition of apiextensions.k8s.io/v1 (with spec.group, spec.names and spec.versions)');
  });
});
