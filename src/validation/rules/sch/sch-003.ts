import { schemaRule } from './helpers';
import { Rule } from '../../rule';

export const SCH_003: Rule = schemaRule('SCH-003',
  'Fields the schema requires must be set.',
  'The API server rejects an object that lacks a required field.',
  'Set the required field.');
