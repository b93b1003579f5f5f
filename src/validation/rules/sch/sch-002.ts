import { schemaRule } from './helpers';
import { Rule } from '../../rule';

export const SCH_002: Rule = schemaRule('SCH-002',
  'Every field must have the type its schema gives (string, integer, boolean, object, list, quantity) and a value it allows (enum, pattern, range, length, count).',
  'The API server rejects the whole object when one field has the wrong type or a value its schema refuses.',
  'Write the value with the right type and an allowed value: quote strings such as "true" in labels, write sizes as quantities like 10Gi, use one of the listed values.');
