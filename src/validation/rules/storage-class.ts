import { ProblemSeverity } from '../../core/problems';
import { asArray, isObject, str } from '../../core/values';
import { StorageCatalog } from '../../knowledge/storage/catalog';
import { MAX_PARAMETERS, MAX_PARAMETERS_BYTES, parameterFindings, parametersSize } from '../../knowledge/storage/parameters';
import { ExpansionSupport } from '../../knowledge/storage/types';
import { RuleFamily, Severity } from '../finding';
import { Rule } from '../rule';

/** Rules over StorageClass and VolumeSnapshotClass objects. */
export const STORAGE_CLASS_RULES: Rule[] = [
  {
    id: 'API-001',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'A StorageClass reclaimPolicy must be Delete or Retain.',
    why: 'The API server rejects any other value; Recycle is deprecated and never valid on a StorageClass.',
    fix: 'Use Retain to keep the data after the claim is deleted (safe), or Delete to remove it.',
    check(ctx) {
      for (const o of ctx.ofKind('StorageClass')) {
        const v = o.obj.reclaimPolicy;
        if (v === undefined || v === null || v === 'Delete' || v === 'Retain') continue;
        ctx.report(o, v === 'Recycle'
          ? 'reclaimPolicy Recycle is deprecated and rejected on a StorageClass (only nfs and hostPath ever supported it)'
          : `reclaimPolicy ${JSON.stringify(v)} is not Delete or Retain`);
      }
    },
  },
  {
    id: 'API-002',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'A StorageClass volumeBindingMode must be Immediate or WaitForFirstConsumer.',
    why: 'The API server rejects any other value.',
    fix: 'Use WaitForFirstConsumer (provision in the zone of the pod) or Immediate.',
    check(ctx) {
      for (const o of ctx.ofKind('StorageClass')) {
        const v = o.obj.volumeBindingMode;
        if (v === undefined || v === null || v === 'Immediate' || v === 'WaitForFirstConsumer') continue;
        ctx.report(o, `volumeBindingMode ${JSON.stringify(v)} is not Immediate or WaitForFirstConsumer`);
      }
    },
  },
  {
    id: 'API-003',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: `A StorageClass has at most ${MAX_PARAMETERS} parameters, ${MAX_PARAMETERS_BYTES / 1024} KiB in total, and a non-empty provisioner.`,
    why: 'The API server rejects larger parameter maps and an empty provisioner.',
    fix: 'Remove parameters the driver does not need; set the CSI driver name as provisioner.',
    check(ctx) {
      for (const o of ctx.ofKind('StorageClass')) {
        if (typeof o.obj.provisioner === 'string' && o.obj.provisioner.trim() === '') ctx.report(o, 'provisioner is empty');
        const params = isObject(o.obj.parameters) ? o.obj.parameters : {};
        const count = Object.keys(params).length;
        if (count > MAX_PARAMETERS) ctx.report(o, `${count} parameters, more than ${MAX_PARAMETERS}`);
        const size = parametersSize(params);
        if (size > MAX_PARAMETERS_BYTES) ctx.report(o, `parameters take ${size} bytes, more than ${MAX_PARAMETERS_BYTES}`);
      }
    },
  },
  {
    id: 'STO-001',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A StorageClass must not use a removed in-tree provisioner.',
    why: 'In-tree volume plugins were removed from Kubernetes: claims of such a class stay Pending forever.',
    fix: 'Use the CSI driver that replaced it (see the message) and install it in the cluster.',
    check(ctx) {
      for (const o of ctx.ofKind('StorageClass')) {
        const prov = str(o.obj.provisioner);
        if (!prov) continue;
        const system = StorageCatalog.forInTreeProvisioner(prov);
        if (!system || !system.inTreeRemovedIn) continue;
        const replacement = system.provisioner
          ? `Use the CSI provisioner ${system.provisioner}.`
          : `${system.name} has no maintained CSI driver: ${system.notes[0] ?? 'choose another storage system.'}`;
        ctx.report(o, `provisioner ${prov} (${system.name} in-tree plugin) was removed in Kubernetes ${system.inTreeRemovedIn}`,
          { fix: replacement });
      }
    },
  },
  {
    id: 'STO-002',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'StorageClass parameters must be ones the driver reads, with values it accepts.',
    why: 'A value out of the driver\'s range fails every provisioning; an unknown key is ignored, so the setting you meant is not applied.',
    fix: 'Use the keys and values from the driver\'s documentation (see the message).',
    check(ctx) {
      for (const o of ctx.ofKind('StorageClass')) {
        const prov = str(o.obj.provisioner);
        const system = prov ? StorageCatalog.forProvisioner(prov) : undefined;
        if (!system || !isObject(o.obj.parameters)) continue;
        for (const f of parameterFindings(system, o.obj.parameters)) {
          ctx.report(o, f.message, { fix: f.problem.fix, severity: f.problem.severity === ProblemSeverity.WARNING ? Severity.WARNING : Severity.ERROR });
        }
      }
    },
  },
  {
    id: 'STO-003',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'At most one StorageClass may be marked as the default class.',
    why: 'With several defaults, claims without storageClassName get whichever the cluster picks (the newest since 1.26): data lands on the wrong storage.',
    fix: 'Keep storageclass.kubernetes.io/is-default-class: "true" on one class only.',
    check(ctx) {
      const defaults = ctx.defaultStorageClasses();
      if (defaults.length < 2) return;
      const names = defaults.map((d) => d.name).join(', ');
      for (const d of defaults) {
        if (d.object) ctx.report(d.object, `${defaults.length} default StorageClasses: ${names}`);
      }
    },
  },
  {
    id: 'STO-004',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A VolumeSnapshotClass must name a driver that supports snapshots.',
    why: 'Snapshots of a driver without snapshot support never become ready, so backups silently do not exist.',
    fix: 'Remove the VolumeSnapshotClass, or use the CSI driver name of a system with snapshots.',
    check(ctx) {
      for (const o of ctx.ofKind('VolumeSnapshotClass')) {
        const driver = str(o.obj.driver);
        if (!driver) continue;
        const system = StorageCatalog.forProvisioner(driver);
        if (system && !system.snapshots) {
          ctx.report(o, `driver ${driver} (${system.name}) does not support CSI snapshots`);
        }
        const inTree = StorageCatalog.forInTreeProvisioner(driver);
        if (inTree) ctx.report(o, `driver ${driver} is an in-tree provisioner name; snapshots need a CSI driver${inTree.provisioner ? ` (${inTree.provisioner})` : ''}`);
      }
    },
  },
  {
    id: 'STO-005',
    severity: Severity.WARNING,
    family: RuleFamily.STORAGE,
    what: 'A StorageClass of a zonal driver should use WaitForFirstConsumer.',
    why: 'With Immediate binding the volume is created in a zone before the pod is scheduled; the pod then cannot run in any other zone ("volume node affinity conflict").',
    fix: 'Set volumeBindingMode: WaitForFirstConsumer.',
    check(ctx) {
      for (const o of ctx.ofKind('StorageClass')) {
        const prov = str(o.obj.provisioner);
        const system = prov ? StorageCatalog.forProvisioner(prov) : undefined;
        if (!system?.topologyKey) continue;
        const mode = o.obj.volumeBindingMode ?? 'Immediate';
        if (mode === 'Immediate') {
          ctx.report(o, `volumeBindingMode is Immediate but ${system.name} volumes are zonal (${system.topologyKey})`);
        }
      }
    },
  },
  {
    id: 'STO-006',
    severity: Severity.WARNING,
    family: RuleFamily.STORAGE,
    what: 'allowVolumeExpansion should be set only where the driver can grow volumes.',
    why: 'Resizing a claim of a driver without expansion leaves it stuck in a resize condition forever.',
    fix: 'Remove allowVolumeExpansion, or use a driver that supports expansion.',
    check(ctx) {
      for (const o of ctx.ofKind('StorageClass')) {
        const prov = str(o.obj.provisioner);
        const system = prov ? StorageCatalog.forProvisioner(prov) : undefined;
        if (system && o.obj.allowVolumeExpansion === true && system.expansion === ExpansionSupport.NONE) {
          ctx.report(o, `allowVolumeExpansion is true but ${system.name} cannot expand volumes`);
        }
      }
    },
  },
  {
    id: 'STO-007',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'allowedTopologies must use the topology key the driver reports.',
    why: 'A key the driver does not report matches no node: no volume is ever provisioned.',
    fix: 'Use the driver\'s topology key (see the message).',
    check(ctx) {
      for (const o of ctx.ofKind('StorageClass')) {
        const prov = str(o.obj.provisioner);
        const system = prov ? StorageCatalog.forProvisioner(prov) : undefined;
        if (!system?.topologyKey) continue;
        for (const term of asArray(o.obj.allowedTopologies)) {
          for (const expr of asArray(term?.matchLabelExpressions)) {
            const key = str(expr?.key);
            if (key && key !== system.topologyKey && key !== 'topology.kubernetes.io/zone') {
              ctx.report(o, `allowedTopologies key ${key} is not reported by ${system.name}`, { fix: `Use ${system.topologyKey}.` });
            }
          }
        }
      }
    },
  },
];
