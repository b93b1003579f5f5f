import { forEachContainer, imageTag, isRestrictedPod } from './helpers';
import { str } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_008: Rule = {
  id: 'SEC-008',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Images should be pinned: a tag other than latest, or a digest (an error for pods labelled for Pod Security restricted by this library).',
  why: 'latest or no tag pulls whatever was pushed last: two nodes can run different code and a rollback is impossible.',
  fix: 'Use an explicit version tag, ideally with its digest (image:1.2.3@sha256:...).',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      const image = str(c.container.image);
      if (!image) return;
      const { tag, digest } = imageTag(image);
      if (digest) return;
      if (tag === undefined || tag === 'latest') {
        ctx.report(info.owner, `container ${c.name}: image ${image} ${tag ? 'uses the latest tag' : 'has no tag (pulls latest)'}`,
          { severity: isRestrictedPod(info) ? Severity.ERROR : Severity.WARNING });
      }
    });
  },
};
