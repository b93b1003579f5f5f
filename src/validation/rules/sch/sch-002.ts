import { schemaRule } from './helpers';
import { Rule } from '../../rule';

export const SCH_002: Rule = schemaRule('SCH-002',
  'Every field must have the type its schema gives (string, integer, boolean, object, list, quantity).',
  'The API server rejects the whole object when one field has the wrong type.',
  'Write the value with the right type: quote strings such as "true" in labels, write sizes as quantities like 10Gi.');
