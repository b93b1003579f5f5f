import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { checkContainer, isAbsoluteDir, planHardening } from './pod-hardening';
import { HardeningPlan } from './pod-security';
import { StatefulClaimMount, StatefulClaimTemplate, StatefulWorkloadProps } from './stateful-workload-props';
import { StatefulUpdateStrategy } from './update-strategy';
import { isDnsLabel, toDnsLabel } from '../core/names';
import { Problems } from '../core/problems';
import { wholeSeconds, isSize } from '../core/quantity';
import { RemovalPolicy } from '../core/removal-policy';
import { inEnum, isObject } from '../core/values';
import { IStorageClass, isStorageClass } from '../knowledge/storage/storage-class';
import { appHasDefaultClass, checkClaimTemplate } from '../storage/claim-check';

/** Longest StatefulSet name: the controller-revision-hash label `<name>-<10 chars>` must fit in 63 characters. */
const MAX_NAME_LENGTH = 52;

/** A claim template, checked. */
export interface ClaimPlan {
  readonly name: string;
  readonly size: Size;
  readonly storageClass?: IStorageClass;
  readonly accessMode: PersistentVolumeAccessMode;
}

/** A mount of a claim template into one container, checked. */
export interface MountPlan {
  readonly claim: string;
  readonly path: string;
  readonly container: string;
  readonly subPath?: string;
  readonly readOnly?: boolean;
}

/** Everything a StatefulWorkload renders, checked. */
export interface WorkloadPlan {
  readonly name: string;
  readonly replicas: number;
  readonly containers: kplus.Container[];
  readonly claims: ClaimPlan[];
  readonly mounts: MountPlan[];
  readonly hardening: HardeningPlan;
  readonly clientService: boolean;
  readonly podManagementPolicy: kplus.PodManagementPolicy;
  readonly updateStrategy: StatefulUpdateStrategy;
  readonly removalPolicy: RemovalPolicy;
  readonly graceSeconds: number;
}

/**
 * Resolves a StatefulWorkload's props into a plan, checking everything: every problem is reported at once, then
 * nothing is built.
 */
export function planStatefulWorkload(scope: IConstruct, id: string, props: StatefulWorkloadProps): WorkloadPlan {
  const problems = new Problems(scope);
  if (!isObject(props)) {
    problems.add('props', props, 'are required', 'Pass at least { containers: [{ image }], uid }.');
    problems.throwIfAny();
  }
  const p = props;
  const identity = planIdentity(problems, id, p);
  const containers = planContainers(problems, p.containers);
  // no service-account token: pods the library emits never get one (SEC-009)
  const hardening = planHardening(problems, { uid: p.uid, gid: p.gid, writableDirs: p.writableDirs });
  const claims = planClaims(scope, problems, p.volumeClaimTemplates, identity.replicas);
  const mounts = planMounts(problems, p.mounts, claims, containers);
  const clientService = planClientService(problems, p.clientService, containers);
  const policies = planPolicies(problems, p, identity.replicas);
  problems.throwIfAny();
  return { ...identity, containers, claims, mounts, hardening: hardening!, clientService, ...policies };
}

function planIdentity(problems: Problems, id: string, p: StatefulWorkloadProps) {
  const name = p.name ?? toDnsLabel(id);
  if (!isDnsLabel(name) || name.length > MAX_NAME_LENGTH) {
    problems.add('name', name, `is not a valid StatefulSet name (lower-case DNS label of at most ${MAX_NAME_LENGTH} characters, so the StatefulSet's revision label fits)`, 'Use e.g. "web-server".');
  }
  const replicas = p.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 1) {
    problems.add('replicas', replicas, 'must be a whole number of at least 1 (0 replicas is a stopped workload: scale it with kubectl, not in the definition)', 'Use replicas: 1 or more.');
  }
  return { name, replicas };
}

/** The containers as cdk8s-plus Containers (so their props render exactly as in any cdk8s-plus workload). */
function planContainers(problems: Problems, list: unknown): kplus.Container[] {
  if (!Array.isArray(list) || list.length === 0) {
    problems.add('containers', list, 'must list at least one container', 'Use e.g. containers: [{ name: \'web\', image: \'docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine\', portNumber: 8080 }].');
    return [];
  }
  const containers: kplus.Container[] = [];
  const names = new Set<string>();
  list.forEach((props, i) => {
    const prop = `containers[${i}]`;
    if (!isObject(props)) {
      problems.add(prop, props, 'is not a container (ContainerProps)', 'Use e.g. { name: \'web\', image: \'registry/app:1.2.3\' }.');
      return;
    }
    let c: kplus.Container;
    try {
      c = new kplus.Container(props as kplus.ContainerProps);
    } catch (e) {
      problems.add(prop, props.name ?? '(unnamed)', `is refused by cdk8s-plus: ${(e as Error)?.message ?? String(e)}`, 'Fix the container props as the message says.');
      return;
    }
    if (!isDnsLabel(c.name)) problems.add(`${prop}.name`, c.name, 'is not a container name (DNS label)', 'Use e.g. "web".');
    else if (names.has(c.name)) problems.add(`${prop}.name`, c.name, 'is the name of another container (cdk8s-plus names unnamed containers "main")', 'Give every container its own name.');
    names.add(c.name);
    checkImage(problems, `${prop}.image`, props.image);
    checkContainer(problems, prop, c);
    containers.push(c);
  });
  return containers;
}

/** A pinned image: a tag other than latest, or a digest. */
function checkImage(problems: Problems, prop: string, image: unknown): void {
  if (typeof image !== 'string' || image === '' || /\s/.test(image)) {
    problems.add(prop, image, 'is not an image reference', 'Use e.g. "docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine".');
    return;
  }
  // the tag is after the last colon of the last path segment (`registry:5000/app` has none); a digest pins too
  const name = image.split('@')[0];
  const last = name.slice(name.lastIndexOf('/') + 1);
  const tag = last.includes(':') ? last.slice(last.indexOf(':') + 1) : undefined;
  if (!image.includes('@sha256:') && (tag === undefined || tag === '' || tag === 'latest')) {
    problems.add(prop, image, 'is not pinned (no tag, or latest, pulls whatever was pushed last: replicas can run different code and a rollback is impossible)',
      'Pin a version, e.g. "<repository>:1.2.3", or a digest.');
  }
}

function planClaims(scope: IConstruct, problems: Problems, list: unknown, replicas: number): ClaimPlan[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.add('volumeClaimTemplates', list, 'is not a list of claim templates', 'Use e.g. [{ name: \'data\', size: Size.gibibytes(10) }].');
    return [];
  }
  const claims: ClaimPlan[] = [];
  const names = new Set<string>();
  list.forEach((t: StatefulClaimTemplate, i) => {
    const prop = `volumeClaimTemplates[${i}]`;
    if (!isObject(t)) {
      problems.add(prop, t, 'is not a claim template', 'Use e.g. { name: \'data\', size: Size.gibibytes(10) }.');
      return;
    }
    if (!isDnsLabel(t.name)) problems.add(`${prop}.name`, t.name, 'is not a claim template name (DNS label)', 'Use e.g. "data".');
    else if (names.has(t.name)) problems.add(`${prop}.name`, t.name, 'is the name of another claim template', 'Give every claim template its own name.');
    names.add(t.name);
    if (!isSize(t.size)) problems.add(`${prop}.size`, t.size, 'is required', 'Set size: Size.gibibytes(10).');
    const storageClass = resolveClass(scope, problems, `${prop}.storageClass`, t.storageClass);
    const accessMode = t.accessMode ?? PersistentVolumeAccessMode.READ_WRITE_ONCE;
    if (isSize(t.size)) checkClaimTemplate(problems, prop, storageClass, t.size, accessMode, typeof replicas === 'number' && Number.isInteger(replicas) ? replicas : 1);
    claims.push({ name: t.name, size: t.size, storageClass, accessMode });
  });
  return claims;
}

/** The class given, else none (the app's default class), refused when the app declares no default. */
function resolveClass(scope: IConstruct, problems: Problems, prop: string, given: unknown): IStorageClass | undefined {
  if (given !== undefined && !isStorageClass(given)) {
    problems.add(prop, given, 'is not a storage class', 'Pass a BlockStorageClass, a FileStorageClass or an ExistingStorageClass, e.g. ExistingStorageClass.exoscaleBlockStorage().');
    return undefined;
  }
  if (given === undefined && !appHasDefaultClass(scope)) {
    problems.add(prop, undefined, 'is not set, and the app has no default StorageClass',
      'Set storageClass (e.g. ExistingStorageClass.exoscaleBlockStorage()), or declare a default BlockStorageClass (isDefault: true) before the workload.');
  }
  return given as IStorageClass | undefined;
}

function planMounts(problems: Problems, list: unknown, claims: ClaimPlan[], containers: kplus.Container[]): MountPlan[] {
  const mounts: MountPlan[] = [];
  if (list !== undefined && !Array.isArray(list)) {
    problems.add('mounts', list, 'is not a list of mounts', 'Use e.g. [{ claim: \'data\', path: \'/data\' }].');
  }
  const claimNames = claims.map((c) => c.name);
  const used = new Map<string, Set<string>>(containers.map((c) => [c.name, new Set(c.mounts.map((m) => m.path))]));
  (Array.isArray(list) ? list : []).forEach((m: StatefulClaimMount, i) => {
    const prop = `mounts[${i}]`;
    if (!isObject(m)) {
      problems.add(prop, m, 'is not a mount', 'Use e.g. { claim: \'data\', path: \'/data\' }.');
      return;
    }
    const path = m.path;
    if (!claimNames.includes(m.claim)) {
      problems.add(`${prop}.claim`, m.claim, `is not a claim template of this workload, so no claim provides mount path ${JSON.stringify(path)} (claim templates: ${claimNames.join(', ') || 'none'})`,
        'Name a claim template in claim, or add it to volumeClaimTemplates.');
    }
    const container = m.container ?? containers[0]?.name;
    const mounted = used.get(container);
    if (m.container !== undefined && !mounted) {
      problems.add(`${prop}.container`, m.container, `is not a container of this workload (containers: ${[...used.keys()].join(', ') || 'none'})`, 'Name one of the containers, or leave container out for the first.');
    }
    if (!isAbsoluteDir(path)) {
      problems.add(`${prop}.path`, path, 'is not an absolute path (like /data, without //, /./, /../ or a trailing /; not / itself)', 'Use e.g. \'/data\'.');
    } else if (mounted?.has(path)) {
      problems.add(`${prop}.path`, path, `is already a mount path of container ${container}`, 'Mount each path once per container.');
    }
    if (m.subPath !== undefined && (typeof m.subPath !== 'string' || m.subPath.startsWith('/') || m.subPath.split('/').includes('..'))) {
      problems.add(`${prop}.subPath`, m.subPath, 'is not a relative path inside the volume', 'Use e.g. \'html\'.');
    }
    if (m.readOnly !== undefined && typeof m.readOnly !== 'boolean') problems.add(`${prop}.readOnly`, m.readOnly, 'is not a boolean', 'Use true or leave it out.');
    mounted?.add(path);
    mounts.push({ claim: m.claim, path, container, subPath: m.subPath, readOnly: m.readOnly });
  });
  claims.forEach((c, i) => {
    if (!mounts.some((m) => m.claim === c.name)) {
      problems.add(`volumeClaimTemplates[${i}]`, c.name, 'is mounted by no container: every replica would get a volume nothing uses', `Add mounts: [{ claim: '${c.name}', path: '/data' }], or remove the claim template.`);
    }
  });
  return mounts;
}

function planClientService(problems: Problems, given: unknown, containers: kplus.Container[]): boolean {
  const ports = containers.flatMap((c) => c.ports);
  if (given !== undefined && typeof given !== 'boolean') {
    problems.add('clientService', given, 'is not a boolean', 'Use true, false or leave it out.');
  } else if (given === true && ports.length === 0) {
    problems.add('clientService', true, 'needs a container port, and no container declares one', 'Declare the port on the container (ports: [{ number: 8080, name: \'http\' }]), or leave clientService out.');
  }
  return given === undefined ? ports.length > 0 : given === true;
}

function planPolicies(problems: Problems, p: StatefulWorkloadProps, replicas: number) {
  const podManagementPolicy = p.podManagementPolicy ?? kplus.PodManagementPolicy.ORDERED_READY;
  if (!inEnum(podManagementPolicy, kplus.PodManagementPolicy)) {
    problems.add('podManagementPolicy', podManagementPolicy, 'is not a PodManagementPolicy', 'Use PodManagementPolicy.ORDERED_READY or PodManagementPolicy.PARALLEL.');
  }
  const updateStrategy = p.updateStrategy ?? StatefulUpdateStrategy.rollingUpdate();
  if (!(updateStrategy instanceof StatefulUpdateStrategy)) {
    problems.add('updateStrategy', updateStrategy, 'is not a StatefulUpdateStrategy', 'Use StatefulUpdateStrategy.rollingUpdate({ partition }) or StatefulUpdateStrategy.onDelete().');
  } else {
    updateStrategy._check(problems, 'updateStrategy', replicas);
  }
  const removalPolicy = p.removalPolicy ?? RemovalPolicy.RETAIN;
  if (!inEnum(removalPolicy, RemovalPolicy)) {
    problems.add('removalPolicy', removalPolicy, 'is not a RemovalPolicy', 'Remove it (claims are retained), or use RemovalPolicy.DESTROY for throw-away data.');
  }
  const grace = p.terminationGracePeriod ?? Duration.seconds(30);
  let graceSeconds = 30;
  const seconds = wholeSeconds(grace);
  if (seconds === undefined || seconds < 0) {
    problems.add('terminationGracePeriod', grace, 'is not a Duration of whole seconds', 'Use e.g. Duration.seconds(30).');
  } else {
    graceSeconds = seconds;
  }
  return { podManagementPolicy, updateStrategy, removalPolicy, graceSeconds };
}
