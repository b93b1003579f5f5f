import { schemaRule } from './helpers';
import { Rule } from '../../rule';

export const SCH_001: Rule = schemaRule('SCH-001',
  'Every field of a Kubernetes 1.27 object must exist in its schema.',
  'An unknown field is dropped silently: a typo like storageClass for storageClassName gives the claim the default class.',
  'Correct the field name (see the suggestion) or remove the field.');
