import { ParameterType, StorageParameterInfo, VolumeBindingMode } from '../types';

/* Shorthands the catalog's data files are written with. */

export { RWO, ROX, RWX, RWOP } from '../../../core/access-modes';
export const WFFC = VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER;
export const IMMEDIATE = VolumeBindingMode.IMMEDIATE;
export const CSI_FSTYPE = 'csi.storage.k8s.io/fstype';

export function p(key: string, type: ParameterType, description: string, extra: Partial<StorageParameterInfo> = {}): StorageParameterInfo {
  return { key, type, description, ...extra };
}
export function bool(key: string, description: string): StorageParameterInfo {
  return p(key, ParameterType.BOOLEAN, description, { allowedValues: ['true', 'false'] });
}
export function oneOf(key: string, description: string, allowedValues: string[], extra: Partial<StorageParameterInfo> = {}): StorageParameterInfo {
  return p(key, ParameterType.ENUM, description, { allowedValues, ...extra });
}
export function int(key: string, description: string, min?: number, max?: number, extra: Partial<StorageParameterInfo> = {}): StorageParameterInfo {
  return p(key, ParameterType.INTEGER, description, { min, max, ...extra });
}
export function str(key: string, description: string, required?: boolean, extra: Partial<StorageParameterInfo> = {}): StorageParameterInfo {
  return p(key, ParameterType.STRING, description, { ...(required ? { required } : {}), ...extra });
}
/** Octal permissions as drivers read them ("0770", "700"). */
export const OCTAL: Partial<StorageParameterInfo> = { pattern: '^[0-7]{3,4}$', patternDescription: 'octal permissions', example: '"0770"' };
/** An absolute path. */
export const ABSOLUTE_PATH: Partial<StorageParameterInfo> = { pattern: '^/', patternDescription: 'an absolute path', example: '/exports/k8s' };
export function fsType(key: string, allowed: string[]): StorageParameterInfo {
  return oneOf(key, 'File system created on the volume at first mount', allowed);
}
export const cephSecretParams = [
  str('csi.storage.k8s.io/provisioner-secret-name', 'Secret with Ceph credentials for provisioning', true),
  str('csi.storage.k8s.io/provisioner-secret-namespace', 'Namespace of the provisioner secret', true),
  str('csi.storage.k8s.io/controller-expand-secret-name', 'Secret with Ceph credentials for expansion'),
  str('csi.storage.k8s.io/controller-expand-secret-namespace', 'Namespace of the expansion secret'),
  str('csi.storage.k8s.io/node-stage-secret-name', 'Secret with Ceph credentials for mounting', true),
  str('csi.storage.k8s.io/node-stage-secret-namespace', 'Namespace of the node-stage secret', true),
];
