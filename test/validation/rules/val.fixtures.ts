import { RuleFixture, k } from './fixture';

const base = k.storageClass('sbs', 'csi.exoscale.com', { volumeBindingMode: 'Immediate' });
function annotated(annotations: Record<string, string>): any {
  return { ...base, metadata: { name: 'sbs', annotations } };
}

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'VAL-001',
    trips: [annotated({ 'golden-paths.dev/suppress.STO-005': 'ok' })],
    message: 'suppression of STO-005 has a too short reason "ok"',
    passes: [annotated({ 'golden-paths.dev/suppress.STO-005': 'single-zone cluster: every volume is in ch-gva-2' })],
  },
  {
    ruleId: 'VAL-003',
    trips: [{ kind: 'ConfigMap', metadata: { name: 'x' } }],
    message: 'document has no apiVersion',
    passes: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }],
  },
];
