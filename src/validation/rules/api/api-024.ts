import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

const TOTAL_ANNOTATION_BYTES = 256 * 1024;

export const API_024: Rule = {
  id: 'API-024',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'The annotations of an object must total at most 256 KiB (keys plus values).',
  why: 'The API server rejects the object; large blobs (like kubectl last-applied-configuration of a big object) hit this limit.',
  fix: 'Move large data to a ConfigMap or Secret; use server-side apply instead of client-side last-applied annotations.',
  check(ctx) {
    for (const o of ctx.objects) {
      const ann = o.annotations;
      // a UTF-16 unit takes at most 3 bytes in UTF-8: count bytes only when the characters could reach the limit
      let chars = 0;
      for (const k in ann) chars += k.length + (typeof ann[k] === 'string' ? (ann[k] as string).length : 0);
      if (chars * 3 <= TOTAL_ANNOTATION_BYTES) continue;
      let size = 0;
      for (const [k, v] of Object.entries(ann)) size += Buffer.byteLength(k) + (typeof v === 'string' ? Buffer.byteLength(v) : 0);
      if (size > TOTAL_ANNOTATION_BYTES) ctx.report(o, `annotations take ${size} bytes, more than ${TOTAL_ANNOTATION_BYTES}`);
    }
  },
};
