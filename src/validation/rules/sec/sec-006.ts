import { hostPathVolumes, show } from './helpers';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const SEC_006: Rule = {
  id: 'SEC-006',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Pods should not use hostPath volumes.',
  why: 'A hostPath volume exposes the node\'s file system, ties the pod\'s data to one node and is lost when the pod moves.',
  fix: 'Use a PersistentVolumeClaim (a static PV for dev clusters, as SharedRwxVolume\'s dev backend does), emptyDir, or a ConfigMap/Secret.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      for (const v of hostPathVolumes(info)) ctx.report(info.owner, `volume ${v.name} is a hostPath (${show(v.path)})`);
    }
  },
};
