/**
 * kube-linter's checks and the rules of this library that cover the same concern (issue 17), rendered into
 * docs/rules.md by scripts/gen-rules-doc.ts and checked by test/validation/kube-linter.test.ts.
 *
 * The list is kube-linter's fixture files (stackrox/kube-linter@35de568, tests/checks/*.y*ml: 66 files, one per
 * check or check template; docs/generated/checks.md describes them). A check is covered when a rule reports the same
 * concern on the same objects; otherwise the reason says why no rule should.
 */
export interface KubeLinterCheck {
  /** The fixture file's name (the check's name, or its template's for template-only fixtures). */
  readonly check: string;
  /** Rule ids with the same concern. */
  readonly rules?: string[];
  /** Why no rule covers it. */
  readonly reason?: string;
}

export const KUBE_LINTER_COMMIT = '35de568d49825fe0278d25d7fca5aa2467f9dd00';

export const KUBE_LINTER_CHECKS: KubeLinterCheck[] = [
  { check: 'access-to-create-pods', rules: ['SEC-025'] },
  { check: 'access-to-secrets', rules: ['SEC-024'] },
  { check: 'cel', reason: 'a template for custom checks in CEL, not a check: a rule of this library is one file (src/validation/rules/<prefix>/<id>.ts)' },
  { check: 'cluster-admin-role-binding', rules: ['SEC-023'] },
  { check: 'dangling-hpa', rules: ['WKL-027'] },
  { check: 'dangling-ingress', rules: ['ING-007'] },
  { check: 'dangling-networkpolicy', rules: ['WKL-028'] },
  { check: 'dangling-networkpolicypeer-podselector', rules: ['WKL-028'] },
  { check: 'dangling-service', rules: ['WKL-026'] },
  { check: 'dangling-servicemonitor', reason: 'ServiceMonitor is a Prometheus operator CRD outside the objects this library reasons about' },
  { check: 'default-service-account', rules: ['SEC-026'] },
  { check: 'deprecated-service-account-field', rules: ['WKL-030'] },
  { check: 'dnsconfig-options-ndots', reason: 'ndots is DNS tuning that depends on the cluster\'s resolver, not a defect of the object' },
  { check: 'docker-sock', rules: ['SEC-011'] },
  { check: 'drop-net-raw-capability', rules: ['SEC-013', 'SEC-010'] },
  { check: 'duplicate-env-var', rules: ['WKL-020'] },
  { check: 'env-var-secret', rules: ['SEC-001'] },
  { check: 'env-var-value-from', rules: ['WKL-033'] },
  { check: 'exposed-services', rules: ['SEC-027'] },
  { check: 'forbidden-annotation', reason: 'a template for an organisation\'s own forbidden annotations; no set fits every organisation (PlatformPolicy holds what a platform requires)' },
  { check: 'host-ipc', rules: ['SEC-007', 'SEC-010'] },
  { check: 'host-network', rules: ['SEC-007', 'SEC-010'] },
  { check: 'host-pid', rules: ['SEC-007', 'SEC-010'] },
  { check: 'hpa-minimum-three-replicas', reason: 'a capacity choice of the team; what breaks (a budget that blocks drains) is WKL-010' },
  { check: 'invalid-target-ports', rules: ['API-027', 'API-032'] },
  { check: 'job-ttl-seconds-after-finished', rules: ['WKL-031'] },
  { check: 'kubeconform', rules: ['SCH-001', 'SCH-002', 'SCH-003', 'SCH-004'] },
  { check: 'latest-tag', rules: ['SEC-008'] },
  { check: 'liveness-port', rules: ['WKL-021'] },
  { check: 'minimum-three-replicas', reason: 'a capacity choice for stateless workloads; databases get DBS-001 and PlatformPolicy minDatabaseReplicas (POL-004)' },
  { check: 'mismatching-selector', rules: ['WKL-001'] },
  { check: 'no-anti-affinity', rules: ['WKL-025'] },
  { check: 'no-extensions-v1beta', rules: ['SCH-004'] },
  { check: 'no-liveness-probe', rules: ['WKL-024'] },
  { check: 'no-node-affinity', reason: 'node affinity names labels of one cluster\'s nodes; a missing one is not a defect' },
  { check: 'no-read-only-root-fs', rules: ['SEC-015'] },
  { check: 'no-readiness-probe', rules: ['WKL-022'] },
  { check: 'no-rolling-update-strategy', reason: 'Recreate is right for a single replica on a ReadWriteOnce claim, which WKL-014 asks for' },
  { check: 'non-existent-service-account', rules: ['WKL-029'] },
  { check: 'non-isolated-pod', rules: ['SEC-028'] },
  { check: 'pdb-max-unavailable', rules: ['WKL-010'] },
  { check: 'pdb-min-available', rules: ['WKL-010'] },
  { check: 'pdb-unhealthy-pod-eviction-policy', rules: ['WKL-032'] },
  { check: 'priority-class-name', reason: 'priority classes are defined per cluster; which one a workload needs is the platform\'s choice' },
  { check: 'privilege-escalation-container', rules: ['SEC-003', 'SEC-010'] },
  { check: 'privileged-container', rules: ['SEC-002', 'SEC-010'] },
  { check: 'privileged-ports', rules: ['SEC-021'] },
  { check: 'read-secret-from-env-var', reason: 'the official database images read their credentials from environment variables; SEC-001 makes sure the value comes from a Secret' },
  { check: 'readiness-port', rules: ['WKL-021'] },
  { check: 'required-annotation-email', rules: ['POL-008'] },
  { check: 'required-label-owner', rules: ['POL-006'] },
  { check: 'restart-policy', rules: ['WKL-009'] },
  { check: 'run-as-non-root', rules: ['SEC-004', 'SEC-005', 'SEC-010'] },
  { check: 'scc-deny-privileged-container', reason: 'OpenShift SecurityContextConstraints are not among the kinds this library targets; privileged containers themselves are SEC-002' },
  { check: 'sensitive-host-mounts', rules: ['SEC-011'] },
  { check: 'sorted-keys', reason: 'key order is style, not a defect; cdk8s writes keys in a stable order' },
  { check: 'ssh-port', rules: ['SEC-016'] },
  { check: 'startup-port', rules: ['WKL-021'] },
  { check: 'statefulset-volumeclaimtemplate-annotation', reason: 'a template for an organisation\'s required annotation on claim templates; PlatformPolicy requiredAnnotations (POL-008) covers the objects themselves' },
  { check: 'unsafe-proc-mount', rules: ['SEC-020'] },
  { check: 'unsafe-sysctls', rules: ['SEC-014', 'SEC-010'] },
  { check: 'unset-cpu-requirements', rules: ['WKL-023'] },
  { check: 'unset-memory-requirements', rules: ['WKL-023'] },
  { check: 'use-namespace', reason: 'cdk8s charts and kubectl apply -n set the namespace at deploy time; an object without one is not a defect' },
  { check: 'wildcard-in-rules', rules: ['SEC-022'] },
  { check: 'writable-host-mount', rules: ['SEC-006'] },
];
