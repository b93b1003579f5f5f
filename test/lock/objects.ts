/**
 * Objects for the lock tests: one of each locked kind, and helpers that lock a baseline and compare it with a changed copy.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LockViolation } from '../../src';
import { compareLock } from '../../src/lock/compare';
import { computeLock } from '../../src/lock/extract';


export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

export function statefulSet(storage = '10Gi', storageClassName = 'fast'): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'orders' },
    spec: {
      replicas: 3,
      serviceName: 'db-headless',
      selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres:16' }] } },
      volumeClaimTemplates: [{
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName, resources: { requests: { storage } } },
      }],
    },
  };
}

export function storageClass(name: string, provisioner: string, extra: any = {}): any {
  return { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, allowVolumeExpansion: true, ...extra };
}

export function claim(storage = '5Gi', storageClassName: string | undefined = 'fast'): any {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'shared', namespace: 'orders' },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName, resources: { requests: { storage } } },
  };
}

export function volume(): any {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'nfs-pv' },
    spec: { capacity: { storage: '100Gi' }, accessModes: ['ReadWriteMany'], nfs: { server: '10.0.0.1', path: '/export' }, persistentVolumeReclaimPolicy: 'Retain' },
  };
}

export function service(clusterIP?: string): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db-headless', namespace: 'orders' }, spec: { clusterIP, selector: { app: 'db' }, ports: [{ port: 5432 }] } };
}

export function job(): any {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', namespace: 'orders' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'migrate:1' }] } } },
  };
}

export function deployment(kind = 'Deployment'): any {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'web', namespace: 'orders' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'w', image: 'web:1' }] } } },
  };
}

export const ebs = () => storageClass('fast', 'ebs.csi.aws.com', { parameters: { type: 'gp3' }, volumeBindingMode: 'WaitForFirstConsumer' });
export const exoscale = () => storageClass('fast', 'csi.exoscale.com', { volumeBindingMode: 'WaitForFirstConsumer' });

export function baseline(): any[] {
  return [ebs(), statefulSet(), claim(), volume(), service('None'), job(), deployment(), deployment('DaemonSet')];
}

/** Violations after changing one object of the baseline. */
export function changed(mutate: (objects: any[]) => void, base: any[] = baseline()): LockViolation[] {
  const lock = computeLock(base);
  const next = clone(base);
  mutate(next);
  return compareLock(lock, next);
}

export const find = (objects: any[], kind: string) => objects.find((o) => o.kind === kind);

/** A fresh temporary directory per test (removed after it), and GOLDEN_PATHS_ACCEPT_CHANGES cleared. */
export function tempDirPerTest(): () => string {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-lock-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.GOLDEN_PATHS_ACCEPT_CHANGES;
  });
  return () => dir;
}
