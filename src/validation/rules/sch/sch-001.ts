import { schemaRule } from './helpers';
import { Rule } from '../../rule';

export const SCH_001: Rule = schemaRule('SCH-001',
  'Every field of an object must exist in its schema (the target Kubernetes minor\'s, or its CRD\'s).',
  'An unknown field is dropped silently: a typo like storageClass for storageClassName gives the claim the default class.',
  'Correct the field name (see the suggestion) or remove the field.');
