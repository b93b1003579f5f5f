import { mainContainers } from './helpers';
import { asArray, isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export const WKL_021: Rule = {
  id: 'WKL-021',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'A probe that names its port (httpGet.port or tcpSocket.port as a name) must name a port the container declares.',
  why: 'The kubelet resolves the name among the container\'s own ports: an unknown name fails every probe, so the pod is never ready (readiness) or restarted forever (liveness, startup).',
  fix: 'Declare the port with that name on the container (ports: [{ name, containerPort }]), or probe the port by number.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      for (const c of mainContainers(info)) {
        const names = new Set(asArray(c.container.ports).map((p) => (isObject(p) ? str(p.name) : undefined)).filter((n) => n !== undefined));
        for (const probe of PROBES) {
          const p = c.container[probe];
          if (!isObject(p)) continue;
          for (const handler of ['httpGet', 'tcpSocket'] as const) {
            const port = isObject(p[handler]) ? p[handler].port : undefined;
            if (typeof port !== 'string' || /^\d+$/.test(port) || names.has(port)) continue;
            ctx.report(info.owner, `container ${c.name}: ${probe}.${handler}.port ${JSON.stringify(port)} is not a port the container declares (declared: ${[...names].join(', ') || 'none by name'})`);
          }
        }
      }
    }
  },
};
