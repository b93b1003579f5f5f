import { k } from './fixture';

/*
 * Claims, volumes and a StatefulSet with claim templates, shared by the API-010..017 and STO-010..024 fixtures.
 */

export const claim = (name: string, spec: Record<string, any> = {}, namespace = 'default') => k.pvc(name, {
  accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem', resources: { requests: { storage: '3Gi' } }, storageClassName: '', ...spec,
}, namespace);

export const pv = (name: string, spec: Record<string, any> = {}, metadata: Record<string, any> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, ...metadata },
  spec: {
    capacity: { storage: '10Gi' },
    accessModes: ['ReadWriteMany'],
    volumeMode: 'Filesystem',
    persistentVolumeReclaimPolicy: 'Retain',
    storageClassName: '',
    nfs: { server: 'nfs.internal', path: '/exports/uploads' },
    ...spec,
  },
});

export const ref = (name: string, namespace: string | undefined = 'default') => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', name, namespace });

export const sts = (templates: any[]) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', namespace: 'default' },
  spec: {
    serviceName: 'db',
    selector: { matchLabels: { app: 'db' } },
    template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16' }] } },
    volumeClaimTemplates: templates,
  },
});

export const exo = [{ name: 'sbs', provisioner: 'csi.exoscale.com' }];
