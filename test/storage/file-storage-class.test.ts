import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { AzureFilesProtocol, AzureFilesSku, FileProvisioner, FileStorageClass, NfsOnDelete, Validator } from '../../src';
import { errorOf, only, synth } from '../util';

const presets: Array<[string, () => FileProvisioner]> = [
  ['nfs', () => FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports/k8s', subDir: '${pvc.metadata.namespace}/${pvc.metadata.name}', mountPermissions: '0770', onDelete: NfsOnDelete.ARCHIVE })],
  ['cephfs', () => FileProvisioner.cephfs({ fsName: 'myfs', pool: 'myfs-replicated' })],
  ['azure-files', () => FileProvisioner.azureFiles()],
  ['azure-files-nfs', () => FileProvisioner.azureFiles({ protocol: AzureFilesProtocol.NFS })],
  ['efs', () => FileProvisioner.awsEfs({ fileSystemId: 'fs-0123456789abcdef0', uid: 1000, gid: 1000 })],
  ['vsphere-file', () => FileProvisioner.vsphereFile({ storagePolicyName: 'vsan-file' })],
];

describe('FileStorageClass presets', () => {
  test.each(presets)('%s synthesizes a valid, cluster-scoped StorageClass that gives ReadWriteMany', (id, provisioner) => {
    let cls: FileStorageClass | undefined;
    const objects = synth((chart) => {
      cls = new FileStorageClass(chart, id, { provisioner: provisioner() });
    }, { namespace: 'apps' });
    const sc = only(objects, 'StorageClass');
    expect(sc.metadata.name).toBe(id);
    expect(sc.metadata.namespace).toBeUndefined();
    expect(sc.metadata.labels['app.kubernetes.io/managed-by']).toBe('cdk8s-golden-paths');
    expect(sc.reclaimPolicy).toBe('Retain');
    // the binding-mode default was held by the snapshot only (issue 20)
    expect(sc.volumeBindingMode).toBe('WaitForFirstConsumer');
    expect(cls!.volumeBindingMode).toBe('WaitForFirstConsumer');
    expect(cls!.capabilities.filesystemAccessModes).toContain(PersistentVolumeAccessMode.READ_WRITE_MANY);
    expect(Validator.validate(objects).filter((f) => f.severity === 'error')).toEqual([]);
    expect(objects).toMatchSnapshot();
  });

  test('NFS: server, share and options as parameters', () => {
    const sc = only(synth((chart) => new FileStorageClass(chart, 'nfs', {
      provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports/k8s' }), mountOptions: ['nfsvers=4.1'],
    })), 'StorageClass');
    expect(sc.provisioner).toBe('nfs.csi.k8s.io');
    expect(sc.parameters).toEqual({ server: 'nfs.internal', share: '/exports/k8s' });
    expect(sc.mountOptions).toEqual(['nfsvers=4.1']);
  });

  test('CephFS through Rook: prefixed provisioner and Rook secrets', () => {
    const sc = only(synth((chart) => new FileStorageClass(chart, 'cephfs', {
      provisioner: FileProvisioner.cephfs({ fsName: 'myfs', operatorNamespace: 'storage', clusterId: 'ceph' }),
    })), 'StorageClass');
    expect(sc.provisioner).toBe('storage.cephfs.csi.ceph.com');
    expect(sc.parameters.clusterID).toBe('ceph');
    expect(sc.parameters['csi.storage.k8s.io/provisioner-secret-name']).toBe('rook-csi-cephfs-provisioner');
    expect(sc.parameters['csi.storage.k8s.io/node-stage-secret-name']).toBe('rook-csi-cephfs-node');
    expect(sc.parameters['csi.storage.k8s.io/node-stage-secret-namespace']).toBe('ceph');
    expect(sc.allowVolumeExpansion).toBe(true);
  });

  test('Azure Files: NFS defaults to a Premium SKU, whose 100 GiB minimum is known', () => {
    let cls: FileStorageClass | undefined;
    const sc = only(synth((chart) => {
      cls = new FileStorageClass(chart, 'azfiles', { provisioner: FileProvisioner.azureFiles({ protocol: AzureFilesProtocol.NFS }) });
    }), 'StorageClass');
    expect(sc.parameters).toEqual({ skuName: 'Premium_LRS', protocol: 'nfs' });
    expect(cls!.capabilities.minSizeGib).toBe(100);
  });

  test('EFS: access point mode, default directory permissions 700, no expansion', () => {
    const sc = only(synth((chart) => new FileStorageClass(chart, 'efs', {
      provisioner: FileProvisioner.awsEfs({ fileSystemId: 'fs-0123456789abcdef0' }),
    })), 'StorageClass');
    expect(sc.parameters).toEqual({ provisioningMode: 'efs-ap', fileSystemId: 'fs-0123456789abcdef0', directoryPerms: '700' });
    expect(sc.allowVolumeExpansion).toBe(false);
  });

  test('vSphere file volumes: fstype nfs4, file storage without raw block', () => {
    let cls: FileStorageClass | undefined;
    const sc = only(synth((chart) => {
      cls = new FileStorageClass(chart, 'vsan-file', { provisioner: FileProvisioner.vsphereFile() });
    }), 'StorageClass');
    expect(sc.provisioner).toBe('csi.vsphere.vmware.com');
    expect(sc.parameters).toEqual({ 'csi.storage.k8s.io/fstype': 'nfs4' });
    expect(cls!.capabilities.blockAccessModes).toEqual([]);
  });
});

describe('FileStorageClass refusals', () => {
  test('NFS without server and with a relative share: both reported at once', () => {
    const msg = errorOf((chart) => new FileStorageClass(chart, 'nfs', { provisioner: FileProvisioner.nfs({ server: '', share: 'exports' }) }));
    expect(msg).toContain('2 problems');
    expect(msg).toContain('test/nfs: provisioner.server "" must name the NFS server');
    expect(msg).toContain('provisioner.share "exports" is not an absolute path. Write share as an absolute path, e.g. /exports/k8s.');
  });

  test('CephFS without fsName', () => {
    expect(errorOf((chart) => new FileStorageClass(chart, 'c', { provisioner: FileProvisioner.cephfs({} as any) })))
      .toContain('provisioner.fsName (not set) must name the CephFilesystem');
  });

  test('Azure Files NFS on a Standard SKU', () => {
    expect(errorOf((chart) => new FileStorageClass(chart, 'a', {
      provisioner: FileProvisioner.azureFiles({ protocol: AzureFilesProtocol.NFS, skuName: AzureFilesSku.STANDARD_LRS }),
    }))).toContain('provisioner.skuName "Standard_LRS" is not accepted for protocol nfs. Use one of: Premium_LRS, Premium_ZRS.');
  });

  test('EFS with a bad file system id and uid', () => {
    const msg = errorOf((chart) => new FileStorageClass(chart, 'e', { provisioner: FileProvisioner.awsEfs({ fileSystemId: 'my-fs', uid: -1 }) }));
    expect(msg).toContain('provisioner.fileSystemId "my-fs" is not an EFS file system id');
    expect(msg).toContain('provisioner.uid -1 is not a POSIX id');
  });

  test('vSphere file volumes with a block fstype', () => {
    expect(errorOf((chart) => new FileStorageClass(chart, 'v', { provisioner: FileProvisioner.vsphereFile(), fsType: 'ext4' })))
      .toContain('fsType "ext4" would turn VMware vSphere CNS file volumes into block volumes');
  });

  // found by the FileStorageClass oracle property (issue 20): the fsType problem used to be thrown alone
  test('vSphere file volumes: a wrong fsType is reported with the other problems, at once', () => {
    const msg = errorOf((chart) => new FileStorageClass(chart, 'v', { provisioner: FileProvisioner.vsphereFile(), fsType: 'ext4', name: 'Bad_Name' }));
    expect(msg).toContain('2 problems');
    expect(msg).toContain('test/v: fsType "ext4" would turn VMware vSphere CNS file volumes into block volumes');
    expect(msg).toContain('test/v: name "Bad_Name" is not a valid StorageClass name');
  });

  test('fsType on NFS', () => {
    expect(errorOf((chart) => new FileStorageClass(chart, 'n', { provisioner: FileProvisioner.nfs({ server: 's', share: '/x' }), fsType: 'ext4' })))
      .toContain('fsType "ext4" cannot be set');
  });

  test('a provisioner that is not a FileProvisioner', () => {
    expect(errorOf((chart) => new FileStorageClass(chart, 'x', { provisioner: 'nfs.csi.k8s.io' as any })))
      .toContain('provisioner "nfs.csi.k8s.io" is not a FileProvisioner');
  });
});
