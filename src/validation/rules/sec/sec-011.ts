import { hostPathVolumes } from './helpers';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

/** Host paths that give a container control of the node (kube-linter's sensitive-host-mounts and docker-sock sets). */
const SENSITIVE_HOST_PATHS = /^\/(boot|dev|etc|lib|proc|sys|usr)?\/?$|\.sock$/;

export const SEC_011: Rule = {
  id: 'SEC-011',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Pods must not mount sensitive host paths (/, /boot, /dev, /etc, /lib, /proc, /sys, /usr) or a container runtime socket (*.sock).',
  why: 'These give the container control of the node: a runtime socket starts privileged containers, /etc and /proc rewrite the host.',
  fix: 'Remove the hostPath volume; talk to the runtime or node through an API with its own authorization.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      for (const v of hostPathVolumes(info)) {
        if (typeof v.path === 'string' && SENSITIVE_HOST_PATHS.test(v.path)) {
          ctx.report(info.owner, `volume ${v.name} mounts the sensitive host path ${v.path}`);
        }
      }
    }
  },
};
